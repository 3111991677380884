"""The seller's side: answering a cancellation request, and the store's shown rating."""

from __future__ import annotations

from datetime import datetime

from tui.domain.errors import ActionNotAllowed
from tui.domain.models import Actor, Event, EventKind, Order, RequestOutcome, Store
from tui.domain.reasons import clean_message
from tui.domain.settings import Settings
from tui.domain.state import State, Step
from tui.domain.status import OrderStatus
from tui.domain.timeline import close_order

__all__ = ["agree", "clean_message", "rating_permille", "refuse"]


def rating_permille(store: Store, settings: Settings) -> int:
    """The positive-feedback share shown for a store, lowered by seller-fault cancellations."""
    penalty = settings.seller_fault_penalty_permille * store.fault_cancellations
    return max(0, store.positive_feedback_permille - penalty)


def _pending(state: State, order_id: str) -> Order:
    order = state.orders[order_id]
    if order.status is not OrderStatus.CANCELLATION_REQUESTED or order.cancellation is None:
        raise ActionNotAllowed("error.not_pending", status=order.status.value)
    return order


def agree(state: State, order_id: str, now: datetime, settings: Settings) -> Step:
    """The seller agrees: the order is closed and the money goes back."""
    _pending(state, order_id)
    return close_order(
        state,
        order_id,
        now,
        Actor.SELLER,
        EventKind.SELLER_AGREED,
        settings,
        outcome=RequestOutcome.AGREED,
    )


def refuse(state: State, order_id: str, message: str, now: datetime) -> Step:
    """The seller refuses: back to awaiting shipment, with the message shown on the order."""
    order = _pending(state, order_id)
    assert order.cancellation is not None
    cleaned = clean_message(message)
    request = order.cancellation.model_copy(
        update={
            "outcome": RequestOutcome.REFUSED,
            "answered_at": now,
            "seller_message": cleaned,
        }
    )
    updated = order.model_copy(
        update={"status": OrderStatus.AWAITING_SHIPMENT, "cancellation": request}
    )
    event = Event(
        order_id=order_id,
        at=now,
        actor=Actor.SELLER,
        kind=EventKind.SELLER_REFUSED,
        from_status=order.status,
        to_status=OrderStatus.AWAITING_SHIPMENT,
        note=cleaned,
    )
    return Step(state.with_order(updated), (event,))
