"""The buyer's actions on an order: cancel (or ask to), withdraw, report the seller."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from tui.domain.bounds import counted
from tui.domain.errors import ActionNotAllowed
from tui.domain.models import Actor, Event, EventKind, RequestOutcome
from tui.domain.reasons import CancelReason
from tui.domain.refunds import start_refund
from tui.domain.reputation import ensure_may_cancel
from tui.domain.rules import cancel
from tui.domain.settings import Settings
from tui.domain.state import State, Step
from tui.domain.status import OrderStatus


def cancel_order(
    state: State,
    history: Iterable[Event],
    order_id: str,
    reason: CancelReason,
    note: str,
    now: datetime,
    settings: Settings,
) -> Step:
    """Cancel at once or file a request. A seller-fault reason counts against the store
    only once the seller agrees or lets the time run out (`timeline.close_order`): never
    here, where nothing is cancelled yet, nor for an order cancelled at once."""
    ensure_may_cancel(history, now, settings)
    transition = cancel(state.orders[order_id], reason, note, now)
    order = transition.order
    state = state.with_order(order)
    if order.status is OrderStatus.CANCELLED:  # paid but not yet verified: money goes back
        state = start_refund(state, order, now, settings)
    return Step(state, (transition.event,))


def withdraw(state: State, order_id: str, now: datetime) -> Step:
    """Take back a pending request: the order goes back to awaiting shipment, for good."""
    order = state.orders[order_id]
    if order.status is not OrderStatus.CANCELLATION_REQUESTED or order.cancellation is None:
        raise ActionNotAllowed("error.not_pending", status=order.status.value)
    request = order.cancellation.model_copy(
        update={"outcome": RequestOutcome.WITHDRAWN, "answered_at": now}
    )
    updated = order.model_copy(
        update={"status": OrderStatus.AWAITING_SHIPMENT, "cancellation": request}
    )
    event = Event(
        order_id=order_id,
        at=now,
        actor=Actor.BUYER,
        kind=EventKind.WITHDRAWN,
        from_status=order.status,
        to_status=OrderStatus.AWAITING_SHIPMENT,
    )
    return Step(state.with_order(updated), (event,))


def may_report_seller(state: State, order_id: str) -> bool:
    """Only after a seller-fault reason, and only once per order."""
    request = state.orders[order_id].cancellation
    return request is not None and request.reason.blames_seller and not request.seller_reported


def report_seller(state: State, order_id: str, now: datetime) -> Step:
    """Report the store to the platform, as the website offers after a seller-fault reason."""
    if not may_report_seller(state, order_id):
        raise ActionNotAllowed("error.cannot_report")
    order = state.orders[order_id]
    assert order.cancellation is not None
    request = order.cancellation.model_copy(update={"seller_reported": True})
    store = state.stores[order.store_id]
    state = state.with_order(order.model_copy(update={"cancellation": request}))
    state = state.with_store(store.model_copy(update={"reports": counted(store.reports)}))
    event = Event(
        order_id=order_id,
        at=now,
        actor=Actor.BUYER,
        kind=EventKind.SELLER_REPORTED,
        from_status=order.status,
        to_status=order.status,
        reason=request.reason,
    )
    return Step(state, (event,))
