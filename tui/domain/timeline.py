"""What time does on its own: deadlines, and the clock-driven changes when they pass.

`advance(state, now, settings)` applies, oldest first, every change whose time has come by
`now`, each dated at its own deadline (not at `now`), so a three-day jump tells the same
story as three one-day jumps. The deadlines themselves are in `tui.domain.due`.
"""

from __future__ import annotations

from datetime import datetime

from tui.domain import dispute_desk, shipping
from tui.domain.bounds import counted
from tui.domain.due import REFUND_RANK, Deadline, DeadlineKind, deadline
from tui.domain.models import Actor, Event, EventKind, RequestOutcome
from tui.domain.refunds import complete_refund, start_refund
from tui.domain.settings import Settings
from tui.domain.state import State, Step
from tui.domain.status import OrderStatus

__all__ = ["Deadline", "DeadlineKind", "advance", "close_order", "deadline"]


def close_order(
    state: State,
    order_id: str,
    at: datetime,
    actor: Actor,
    kind: EventKind,
    settings: Settings,
    *,
    outcome: RequestOutcome | None = None,
) -> Step:
    """Cancel an order that is not closed yet, start its refund (if anything was paid), and
    record why. A request the seller agreed to, or left unanswered, with a reason that
    blames the seller counts against the store now: the order was cancelled."""
    order = state.orders[order_id]
    update: dict[str, object] = {"status": OrderStatus.CANCELLED, "closed_at": at}
    request = order.cancellation
    if outcome is not None and request is not None:
        answered = at if outcome is RequestOutcome.AGREED else None
        update["cancellation"] = request.model_copy(
            update={"outcome": outcome, "answered_at": answered}
        )
        if outcome.counts_against_seller and request.reason.blames_seller:
            store = state.stores[order.store_id]
            faults = counted(store.fault_cancellations)
            state = state.with_store(store.model_copy(update={"fault_cancellations": faults}))
    closed = order.model_copy(update=update)
    state = start_refund(state.with_order(closed), closed, at, settings)
    event = Event(
        order_id=order_id,
        at=at,
        actor=actor,
        kind=kind,
        from_status=order.status,
        to_status=OrderStatus.CANCELLED,
    )
    return Step(state, (event,))


def _verify_payment(state: State, order_id: str, at: datetime) -> Step:
    order = state.orders[order_id]
    verified = order.model_copy(update={"status": OrderStatus.AWAITING_SHIPMENT})
    event = Event(
        order_id=order_id,
        at=at,
        actor=Actor.SYSTEM,
        kind=EventKind.PAYMENT_VERIFIED,
        from_status=order.status,
        to_status=OrderStatus.AWAITING_SHIPMENT,
    )
    return Step(state.with_order(verified), (event,))


_BEFORE_SHIPPING = (DeadlineKind.PAY, DeadlineKind.VERIFY, DeadlineKind.SHIP, DeadlineKind.RESPOND)


def _after_shipping(state: State, order_id: str, found: Deadline, settings: Settings) -> Step:
    """The changes of a shipped order, or of its dispute, when their time comes."""
    at, kind = found.at, found.kind
    if kind is DeadlineKind.CONFIRM:
        return shipping.auto_confirm(state, order_id, at)
    if kind is DeadlineKind.PROTECTION:
        return shipping.end_protection(state, order_id, at)
    if kind is DeadlineKind.EXTENSION:
        return shipping.lapse_extension(state, order_id, at)
    if kind is DeadlineKind.DISPUTE_RESPOND:
        return dispute_desk.seller_silent(state, order_id, at, settings)
    if kind is DeadlineKind.DISPUTE_ESCALATE:
        return dispute_desk.auto_escalate(state, order_id, at)
    if kind is DeadlineKind.DISPUTE_DECIDE:
        return dispute_desk.auto_decide(state, order_id, at, settings)
    if kind is DeadlineKind.RETURN_SHIP:
        return dispute_desk.return_not_shipped(state, order_id, at, settings)
    assert kind is DeadlineKind.RETURN_CONFIRM
    return dispute_desk.return_auto_received(state, order_id, at, settings)


def _apply_due(state: State, order_id: str, rank: int, settings: Settings) -> Step:
    if rank == REFUND_RANK:
        return complete_refund(state, order_id)
    order = state.orders[order_id]
    found = deadline(order, settings, state.disputes.get(order_id))
    assert found is not None
    at = found.at
    if found.kind not in _BEFORE_SHIPPING:
        return _after_shipping(state, order_id, found, settings)
    if found.kind is DeadlineKind.VERIFY:
        return _verify_payment(state, order_id, at)
    if found.kind is DeadlineKind.PAY:
        return close_order(state, order_id, at, Actor.SYSTEM, EventKind.NOT_PAID, settings)
    if found.kind is DeadlineKind.SHIP:
        return close_order(state, order_id, at, Actor.SYSTEM, EventKind.NOT_SHIPPED, settings)
    return close_order(
        state,
        order_id,
        at,
        Actor.SYSTEM,
        EventKind.NO_ANSWER,
        settings,
        outcome=RequestOutcome.NO_ANSWER,
    )


def advance(state: State, now: datetime, settings: Settings) -> Step:
    """Apply every clock-driven change due by `now`, oldest first; events are dated when due."""
    step = Step(state)
    while (due := step.state.due(settings).first()) is not None and due[0] <= now:
        _, rank, order_id = due
        step = step.then(_apply_due(step.state, order_id, rank, settings))
    return step
