"""What time does on its own: deadlines, and the clock-driven changes when they pass.

`advance(state, now, settings)` applies, oldest first, every change whose time has come by
`now`, each dated at its own deadline (not at `now`), so a three-day jump tells the same
story as three one-day jumps.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from tui.domain.models import (
    Actor,
    Event,
    EventKind,
    Order,
    RefundStatus,
    RequestOutcome,
)
from tui.domain.refunds import complete_refund, start_refund
from tui.domain.rules import seller_deadline
from tui.domain.settings import Settings
from tui.domain.state import State, Step
from tui.domain.status import OrderStatus


class DeadlineKind(StrEnum):
    """Which countdown an order shows, as the real app shows them."""

    PAY = "pay"
    VERIFY = "verify"
    SHIP = "ship"
    RESPOND = "respond"

    @property
    def label_key(self) -> str:
        return f"countdown.{self.value}"


@dataclass(frozen=True)
class Deadline:
    kind: DeadlineKind
    at: datetime


def processing_pause(order: Order) -> timedelta:
    """Time the seller's processing clock stood still while a request awaited an answer."""
    request = order.cancellation
    if request is None or request.answered_at is None:
        return timedelta(0)
    if request.outcome not in (RequestOutcome.REFUSED, RequestOutcome.WITHDRAWN):
        return timedelta(0)
    return request.answered_at - request.requested_at


def deadline(order: Order, settings: Settings) -> Deadline | None:
    """The next time this order changes by itself, if it is waiting on the clock."""
    paid = order.paid_at or order.placed_at
    if order.status is OrderStatus.AWAITING_PAYMENT:
        at = order.placed_at + timedelta(hours=settings.payment_window_hours)
        return Deadline(DeadlineKind.PAY, at)
    if order.status is OrderStatus.PAYMENT_VERIFYING:
        at = paid + timedelta(hours=settings.payment_verification_hours)
        return Deadline(DeadlineKind.VERIFY, at)
    if order.status is OrderStatus.AWAITING_SHIPMENT:
        at = paid + timedelta(days=settings.processing_days) + processing_pause(order)
        return Deadline(DeadlineKind.SHIP, at)
    respond_by = seller_deadline(order, settings)
    if respond_by is not None:
        return Deadline(DeadlineKind.RESPOND, respond_by)
    return None


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
    """Cancel an order that is not closed yet, start its refund, and record why."""
    order = state.orders[order_id]
    update: dict[str, object] = {"status": OrderStatus.CANCELLED, "closed_at": at}
    if outcome is not None and order.cancellation is not None:
        answered = at if outcome is RequestOutcome.AGREED else None
        update["cancellation"] = order.cancellation.model_copy(
            update={"outcome": outcome, "answered_at": answered}
        )
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


_ORDER = {kind: rank for rank, kind in enumerate(DeadlineKind)}


def _next_due(state: State, settings: Settings) -> tuple[datetime, int, str] | None:
    """The earliest pending change: (when, tie-break rank, order id); refunds rank last."""
    due: list[tuple[datetime, int, str]] = []
    for order in state.orders.values():
        found = deadline(order, settings)
        if found is not None:
            due.append((found.at, _ORDER[found.kind], order.id))
    for refund in state.refunds.values():
        if refund.status is RefundStatus.PROCESSING:
            due.append((refund.expected_from, len(_ORDER), refund.order_id))
    return min(due, default=None)


def _apply_due(state: State, order_id: str, rank: int, settings: Settings) -> Step:
    if rank == len(_ORDER):
        return complete_refund(state, order_id)
    order = state.orders[order_id]
    found = deadline(order, settings)
    assert found is not None
    at = found.at
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
    while (due := _next_due(step.state, settings)) is not None and due[0] <= now:
        _, rank, order_id = due
        step = step.then(_apply_due(step.state, order_id, rank, settings))
    return step
