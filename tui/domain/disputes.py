"""The buyer's side of a dispute: open it, change the request, accept the seller's
counter-proposal, escalate, cancel, send the item back. Pure `State -> Step` rules.

The seller's and the platform's side, and what the clock does, are in
`tui.domain.dispute_desk`; the table of states, parties and deadlines in
`tui.domain.dispute_due`; the whole story in docs/disputes.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from tui.domain.delivery import why_no_dispute
from tui.domain.dispute_due import escalation_opens_at
from tui.domain.dispute_input import clean_description, clean_evidence, clean_tracking
from tui.domain.dispute_models import (
    Dispute,
    DisputeGround,
    DisputeState,
    Outcome,
    OutcomeKind,
    RequestType,
)
from tui.domain.dispute_settle import changed, dispute_in, end, record, settle
from tui.domain.errors import DisputeNotAllowed, InvalidAmount
from tui.domain.models import Actor, Event, EventKind, Order
from tui.domain.money import Money
from tui.domain.reputation import dispute_standing
from tui.domain.settings import Settings
from tui.domain.state import State, Step
from tui.domain.status import OrderStatus

NEGOTIATING = (DisputeState.AWAITING_SELLER, DisputeState.SELLER_REJECTED)
CANCELLABLE = (*NEGOTIATING, DisputeState.ESCALATED)


@dataclass(frozen=True)
class DisputeRequest:
    """What the buyer asks for, as typed; `check_request` says whether it may be sent."""

    request_type: RequestType
    amount: Money
    description: str
    evidence: Sequence[str] = ()


def check_amount(
    order: Order, ground: DisputeGround, request_type: RequestType, amount: Money
) -> Money:
    """The amount asked, or the refusal: more than nothing and at most what was paid; a
    return asks for all of it, and only an item received can be returned."""
    paid = order.paid
    if amount.currency != order.currency:
        raise InvalidAmount("error.amount_currency", currency=order.currency)
    if amount.minor < 1:
        raise InvalidAmount("error.amount_nothing")
    if amount.minor > paid.minor:
        raise InvalidAmount("error.amount_above_paid")
    if request_type is RequestType.RETURN_AND_REFUND:
        if not ground.allows_return:
            raise DisputeNotAllowed("error.return_not_received")
        if amount != paid:
            raise InvalidAmount("error.return_needs_full_amount")
    return amount


def check_request(order: Order, ground: DisputeGround, request: DisputeRequest) -> DisputeRequest:
    """The request as it will be saved (description and names cleaned), or the refusal.

    The amount is more than nothing and at most what was paid; a return asks for all of
    it, and only an item received can be returned.
    """
    return DisputeRequest(
        request.request_type,
        check_amount(order, ground, request.request_type, request.amount),
        clean_description(request.description),
        tuple(clean_evidence(request.evidence)),
    )


def open_dispute(
    state: State,
    history: Iterable[Event],
    order_id: str,
    ground: DisputeGround,
    request: DisputeRequest,
    now: datetime,
    settings: Settings,
) -> Step:
    """Open the order's one dispute: the seller has `dispute_seller_response_days` to
    answer. The buyer's record (for the platform's tie rule) is noted now."""
    order = state.orders[order_id]
    why_not = why_no_dispute(order, state.disputes.get(order_id), now, settings)
    if why_not is not None:
        raise DisputeNotAllowed(f"dispute_why_not.{why_not}", status=order.status.value)
    cleaned = check_request(order, ground, request)
    dispute = Dispute(
        order_id=order_id,
        state=DisputeState.AWAITING_SELLER,
        ground=ground,
        request_type=cleaned.request_type,
        amount=cleaned.amount,
        description=cleaned.description,
        evidence=list(cleaned.evidence),
        opened_at=now,
        requested_at=now,
        buyer_standing=dispute_standing(history, now, settings),
    )
    disputed = order.model_copy(update={"status": OrderStatus.IN_DISPUTE})
    state = state.with_order(disputed).with_dispute(dispute)
    event = record(
        order, disputed, now, Actor.BUYER, EventKind.DISPUTE_OPENED, amount=cleaned.amount
    )
    return Step(state, (event,))


def change_request(state: State, order_id: str, request: DisputeRequest, now: datetime) -> Step:
    """A new request (type, amount, description, evidence; the ground stays): the seller's
    counter-proposal, if any, is set aside and the seller has their full time again. The
    automatic escalation still counts from the opening. The same request again is refused."""
    dispute = dispute_in(state, order_id, *NEGOTIATING)
    cleaned = check_request(state.orders[order_id], dispute.ground, request)
    same = (dispute.request_type, dispute.amount, dispute.description, dispute.evidence) == (
        cleaned.request_type,
        cleaned.amount,
        cleaned.description,
        list(cleaned.evidence),
    )
    if same:  # nothing to answer anew: the seller's time is not restarted for nothing
        raise DisputeNotAllowed("error.request_unchanged")
    update = {
        "state": DisputeState.AWAITING_SELLER,
        "request_type": cleaned.request_type,
        "amount": cleaned.amount,
        "description": cleaned.description,
        "evidence": list(cleaned.evidence),
        "requested_at": now,
        "counter": None,
    }
    return changed(
        state, dispute, now, Actor.BUYER, EventKind.DISPUTE_CHANGED, update, amount=cleaned.amount
    )


def accept_counter(state: State, order_id: str, now: datetime, settings: Settings) -> Step:
    """The buyer takes the seller's offer: that much back, refund only (0: nothing back,
    the dispute closes for the seller)."""
    dispute = dispute_in(state, order_id, DisputeState.SELLER_REJECTED)
    assert dispute.counter is not None
    outcome = Outcome(
        kind=OutcomeKind.COUNTER_ACCEPTED,
        refund=dispute.counter.amount,
        return_item=False,
        at=now,
        by=Actor.BUYER,
    )
    return settle(state, dispute, outcome, EventKind.DISPUTE_COUNTER_ACCEPTED, settings)


def escalate(state: State, order_id: str, now: datetime, settings: Settings) -> Step:
    """Ask the platform to decide: once the seller has rejected the request, and from
    `dispute_escalate_after_days` after opening."""
    dispute = dispute_in(state, order_id, DisputeState.SELLER_REJECTED)
    if now < escalation_opens_at(dispute, settings):
        raise DisputeNotAllowed("error.escalate_too_early")
    update = {"state": DisputeState.ESCALATED, "escalated_at": now}
    return changed(state, dispute, now, Actor.BUYER, EventKind.DISPUTE_ESCALATED, update)


def cancel_dispute(state: State, order_id: str, now: datetime, settings: Settings) -> Step:
    """The buyer gives up the dispute, for good: the order is shipped again, protection
    runs on, but no dispute can be opened on it again."""
    dispute = dispute_in(state, order_id, *CANCELLABLE)
    return end(
        state,
        dispute,
        DisputeState.CANCELLED,
        now,
        Actor.BUYER,
        EventKind.DISPUTE_CANCELLED,
        settings,
    )


def ship_return(state: State, order_id: str, tracking: str, now: datetime) -> Step:
    """The buyer sent the item back and enters its tracking number: the seller has
    `return_confirm_days` to confirm it arrived."""
    dispute = dispute_in(state, order_id, DisputeState.AWAITING_RETURN)
    number = clean_tracking(tracking)
    update = {
        "state": DisputeState.RETURN_SHIPPED,
        "return_tracking": number,
        "return_shipped_at": now,
    }
    return changed(state, dispute, now, Actor.BUYER, EventKind.RETURN_SHIPPED, update, note=number)
