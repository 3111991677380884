"""The other side of a dispute: the seller answers, the platform decides (the trainer plays
both), and what the clock does when someone's time runs out. Pure `State -> Step` rules.

**The platform's tie rule** (`weigh`). The platform weighs what is on record, a point each:

- for the buyer: evidence attached (at least one file); tracking that backs the ground
  (fake tracking: the number is fake; not delivered on time: no delivery by the delivery
  deadline);
- for the seller: an answer with a counter-proposal on record; tracking that contradicts
  the ground (the number is genuine; delivered on time, or the promised time not yet over).

More points win. Equal points are a **tie**: a buyer whose record when opening the dispute
(`Dispute.buyer_standing`) was good wins it; a buyer warned, restricted or blocked loses
it. When the platform's own time runs out, it decides this way by itself (in full for the
side that wins); the trainer, deciding as the platform, sees the same weighing as advice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tui.domain.delivery import delivery_deadline
from tui.domain.dispute_due import PlatformAction
from tui.domain.dispute_models import (
    CounterProposal,
    Dispute,
    DisputeGround,
    DisputeState,
    Outcome,
    OutcomeKind,
)
from tui.domain.dispute_settle import accepted_as_asked, changed, dispute_in, end, settle
from tui.domain.errors import InvalidAmount
from tui.domain.kinds import Standing
from tui.domain.models import Actor, EventKind, Order
from tui.domain.money import Money
from tui.domain.reasons import clean_message
from tui.domain.settings import Settings
from tui.domain.state import State, Step

# -- the seller -----------------------------------------------------------------------------


def seller_accept(state: State, order_id: str, now: datetime, settings: Settings) -> Step:
    """The seller agrees to the request as it stands: a refund now, or a return first."""
    dispute = dispute_in(state, order_id, DisputeState.AWAITING_SELLER)
    outcome = accepted_as_asked(dispute, OutcomeKind.SELLER_ACCEPTED, now, Actor.SELLER)
    return settle(state, dispute, outcome, EventKind.DISPUTE_ACCEPTED, settings)


def seller_reject(state: State, order_id: str, offer: Money, message: str, now: datetime) -> Step:
    """The seller rejects the request with a counter-proposal: less than asked (refund
    only, the buyer keeps the item; 0 offers nothing) and a message saying why."""
    dispute = dispute_in(state, order_id, DisputeState.AWAITING_SELLER)
    if offer.currency != dispute.amount.currency:
        raise InvalidAmount("error.amount_currency", currency=dispute.amount.currency)
    if offer.minor >= dispute.amount.minor:
        raise InvalidAmount("error.counter_not_less")
    cleaned = clean_message(message)
    counter = CounterProposal(amount=offer, message=cleaned, at=now)
    update = {"state": DisputeState.SELLER_REJECTED, "counter": counter}
    return changed(
        state,
        dispute,
        now,
        Actor.SELLER,
        EventKind.DISPUTE_REJECTED,
        update,
        amount=offer,
        note=cleaned,
    )


def seller_confirm_return(state: State, order_id: str, now: datetime, settings: Settings) -> Step:
    """The returned item arrived: the refund is made."""
    dispute = dispute_in(state, order_id, DisputeState.RETURN_SHIPPED)
    return _refund_return(state, dispute, now, Actor.SELLER, EventKind.RETURN_RECEIVED, settings)


def _refund_return(
    state: State,
    dispute: Dispute,
    at: datetime,
    actor: Actor,
    kind: EventKind,
    settings: Settings,
) -> Step:
    assert dispute.outcome is not None
    amount = dispute.outcome.refund
    return end(state, dispute, DisputeState.REFUNDED, at, actor, kind, settings, amount=amount)


# -- the platform ---------------------------------------------------------------------------


def decide(
    state: State,
    order_id: str,
    decision: PlatformAction,
    now: datetime,
    settings: Settings,
    *,
    partial: Money | None = None,
    actor: Actor = Actor.PLATFORM,
) -> Step:
    """The platform decides an escalated dispute: for the buyer in full (as asked: a
    return first if one was asked), for the buyer in part (``partial``, less than asked,
    refund only), or for the seller (nothing back)."""
    dispute = dispute_in(state, order_id, DisputeState.ESCALATED)
    if decision is PlatformAction.FOR_SELLER:
        refund, kind = Money.zero(dispute.amount.currency), OutcomeKind.FOR_SELLER
        event = EventKind.DISPUTE_DECIDED_FOR_SELLER
    elif decision is PlatformAction.FOR_BUYER:
        outcome = accepted_as_asked(dispute, OutcomeKind.FOR_BUYER, now, actor)
        return settle(state, dispute, outcome, EventKind.DISPUTE_DECIDED_FOR_BUYER, settings)
    else:
        if partial is None or partial.currency != dispute.amount.currency:
            raise InvalidAmount("error.amount_currency", currency=dispute.amount.currency)
        if not 1 <= partial.minor < dispute.amount.minor:
            raise InvalidAmount("error.partial_out_of_range")
        refund, kind = partial, OutcomeKind.FOR_BUYER_PARTLY
        event = EventKind.DISPUTE_DECIDED_FOR_BUYER
    outcome = Outcome(kind=kind, refund=refund, return_item=False, at=now, by=actor)
    return settle(state, dispute, outcome, event, settings)


@dataclass(frozen=True)
class Weighing:
    """What the platform sees on record, and the decision its rules give."""

    buyer_points: int
    seller_points: int
    tie: bool
    decision: PlatformAction


def _tracking_backs_buyer(
    dispute: Dispute, order: Order, at: datetime, settings: Settings
) -> bool | None:
    """For an item-not-received ground: True if tracking backs the buyer, False if it
    backs the seller; None for the other grounds, where tracking says nothing."""
    if dispute.ground is DisputeGround.FAKE_TRACKING:
        return order.tracking_fake
    if dispute.ground is DisputeGround.NOT_DELIVERED_ON_TIME:
        promised = delivery_deadline(order, settings)
        if promised is None:
            return None
        if order.delivered_at is not None:
            return order.delivered_at > promised
        return at >= promised
    return None


def weigh(dispute: Dispute, order: Order, at: datetime, settings: Settings) -> Weighing:
    """The platform's rule, at ``at`` (see the module's docstring)."""
    tracking = _tracking_backs_buyer(dispute, order, at, settings)
    buyer = int(bool(dispute.evidence)) + int(tracking is True)
    seller = int(dispute.counter is not None) + int(tracking is False)
    tie = buyer == seller
    buyer_wins = dispute.buyer_standing is Standing.GOOD if tie else buyer > seller
    decision = PlatformAction.FOR_BUYER if buyer_wins else PlatformAction.FOR_SELLER
    return Weighing(buyer, seller, tie, decision)


# -- the clock ------------------------------------------------------------------------------


def seller_silent(state: State, order_id: str, at: datetime, settings: Settings) -> Step:
    """The seller did not answer in time: the buyer's request is accepted as it stands."""
    dispute = state.disputes[order_id]
    outcome = accepted_as_asked(dispute, OutcomeKind.SELLER_SILENT, at, Actor.SYSTEM)
    return settle(state, dispute, outcome, EventKind.DISPUTE_SELLER_SILENT, settings)


def auto_escalate(state: State, order_id: str, at: datetime) -> Step:
    """No agreement in time: the platform takes the dispute over."""
    dispute = state.disputes[order_id]
    update = {"state": DisputeState.ESCALATED, "escalated_at": at}
    return changed(state, dispute, at, Actor.SYSTEM, EventKind.DISPUTE_AUTO_ESCALATED, update)


def auto_decide(state: State, order_id: str, at: datetime, settings: Settings) -> Step:
    """The platform's time ran out: it decides by its rules, in full one way or the other."""
    dispute = state.disputes[order_id]
    found = weigh(dispute, state.orders[order_id], at, settings)
    return decide(state, order_id, found.decision, at, settings, actor=Actor.SYSTEM)


def return_not_shipped(state: State, order_id: str, at: datetime, settings: Settings) -> Step:
    """The buyer did not send the item back in time: the dispute closes for the seller."""
    dispute = state.disputes[order_id]
    return end(
        state,
        dispute,
        DisputeState.CLOSED_FOR_SELLER,
        at,
        Actor.SYSTEM,
        EventKind.RETURN_NOT_SHIPPED,
        settings,
    )


def return_auto_received(state: State, order_id: str, at: datetime, settings: Settings) -> Step:
    """The seller did not confirm the return in time: it counts as arrived; refund."""
    dispute = state.disputes[order_id]
    return _refund_return(
        state, dispute, at, Actor.SYSTEM, EventKind.RETURN_AUTO_RECEIVED, settings
    )
