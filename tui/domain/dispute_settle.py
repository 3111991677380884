"""The steps every dispute rule shares: change the dispute, record the event, settle an
outcome, end the dispute (and the order's part in it), start the refund.

How an ended dispute leaves its order:

| dispute ends as     | order becomes                                   | refund        |
|---------------------|-------------------------------------------------|---------------|
| refunded, in full   | cancelled ("Closed"), closed_at = then          | all it cost   |
| refunded, partly    | completed, completed_at = then                  | the amount    |
| closed_for_seller   | completed, completed_at = then                  | none          |
| cancelled           | shipped: protection runs on, no new dispute     | none          |
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from tui.domain.dispute_models import (
    Dispute,
    DisputeState,
    Outcome,
    OutcomeKind,
    RequestType,
)
from tui.domain.errors import ActionNotAllowed
from tui.domain.models import Actor, Event, EventKind, Order
from tui.domain.money import Money
from tui.domain.refunds import start_refund
from tui.domain.settings import Settings
from tui.domain.shipping import lapse_pending_extension
from tui.domain.state import State, Step
from tui.domain.status import OrderStatus


def dispute_in(state: State, order_id: str, *allowed: DisputeState) -> Dispute:
    """The order's dispute, if it is in one of the ``allowed`` states; else the refusal
    a stale screen gets ("this dispute changed meanwhile")."""
    dispute = state.disputes.get(order_id)
    if dispute is None or dispute.state not in allowed:
        now_in = dispute.state.value if dispute is not None else "none"
        raise ActionNotAllowed("error.dispute_changed", state=now_in)
    return dispute


def record(
    before: Order,
    after: Order,
    at: datetime,
    actor: Actor,
    kind: EventKind,
    *,
    amount: Money | None = None,
    note: str = "",
) -> Event:
    return Event(
        order_id=before.id,
        at=at,
        actor=actor,
        kind=kind,
        from_status=before.status,
        to_status=after.status,
        amount=amount,
        note=note,
    )


def changed(
    state: State,
    dispute: Dispute,
    at: datetime,
    actor: Actor,
    kind: EventKind,
    update: Mapping[str, object],
    *,
    amount: Money | None = None,
    note: str = "",
) -> Step:
    """The dispute changed (``update``: its new field values); the order stays in dispute."""
    order = state.orders[dispute.order_id]
    state = state.with_dispute(dispute.model_copy(update=update))
    return Step(state, (record(order, order, at, actor, kind, amount=amount, note=note),))


def end(
    state: State,
    dispute: Dispute,
    final: DisputeState,
    at: datetime,
    actor: Actor,
    kind: EventKind,
    settings: Settings,
    update: Mapping[str, object] | None = None,
    *,
    amount: Money | None = None,
    note: str = "",
) -> Step:
    """End the dispute in ``final``: its order leaves the dispute (see the table above),
    and a refunded dispute starts its refund, the same way a cancellation's does."""
    ended = dispute.model_copy(update={**(update or {}), "state": final, "ended_at": at})
    order = state.orders[dispute.order_id]
    state = state.with_dispute(ended)
    if final is DisputeState.CANCELLED:
        after = order.model_copy(update={"status": OrderStatus.SHIPPED})
        state = state.with_order(after)
    else:
        refund = ended.refunded
        left = lapse_pending_extension(order, at)
        if refund is not None and refund == order.paid:
            after = left.model_copy(update={"status": OrderStatus.CANCELLED, "closed_at": at})
        else:
            after = left.model_copy(update={"status": OrderStatus.COMPLETED, "completed_at": at})
        state = state.with_order(after)
        if refund is not None:
            state = start_refund(state, after, at, settings, refund)
    event = record(order, after, at, actor, kind, amount=amount, note=note)
    return Step(state, (event,))


def settle(
    state: State,
    dispute: Dispute,
    outcome: Outcome,
    kind: EventKind,
    settings: Settings,
) -> Step:
    """Apply what was agreed or decided: a return first, a refund now, or nothing back."""
    at, actor = outcome.at, outcome.by
    if outcome.return_item:
        update = {"state": DisputeState.AWAITING_RETURN, "outcome": outcome}
        return changed(state, dispute, at, actor, kind, update, amount=outcome.refund)
    final = DisputeState.REFUNDED if outcome.refund.minor else DisputeState.CLOSED_FOR_SELLER
    update = {"outcome": outcome}
    return end(state, dispute, final, at, actor, kind, settings, update, amount=outcome.refund)


def accepted_as_asked(dispute: Dispute, kind: OutcomeKind, at: datetime, by: Actor) -> Outcome:
    """The buyer's request, as it stands, agreed to (by the seller, or by their silence)."""
    return Outcome(
        kind=kind,
        refund=dispute.amount,
        return_item=dispute.request_type is RequestType.RETURN_AND_REFUND,
        at=at,
        by=by,
    )
