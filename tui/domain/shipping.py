"""What happens to an order after shipping, besides disputes: shipped, delivered, receipt
confirmed (by the buyer, or by itself), protection extended, protection over.

Each function is `State -> Step` and records one event. The trainer plays the seller
(ships, grants or refuses an extension) and the carrier (tracking shows delivered); the
clock's own changes (`auto_confirm`, `end_protection`, `lapse_extension`) are applied by
`tui.domain.timeline.advance` at their deadlines (`tui.domain.delivery`).
"""

from __future__ import annotations

from datetime import datetime

from tui.domain.delivery import may_ask_extension, may_confirm_receipt, may_mark_delivered
from tui.domain.dispute_input import clean_tracking
from tui.domain.errors import ActionNotAllowed, InvalidDays
from tui.domain.models import (
    Actor,
    Event,
    EventKind,
    ExtensionOutcome,
    Order,
    ProtectionExtension,
)
from tui.domain.settings import Settings
from tui.domain.state import State, Step
from tui.domain.status import OrderStatus

DELIVERY_DAYS_MAX = 120


def _event(order: Order, to: Order, at: datetime, actor: Actor, kind: EventKind) -> Event:
    return Event(
        order_id=order.id,
        at=at,
        actor=actor,
        kind=kind,
        from_status=order.status,
        to_status=to.status,
        note=to.tracking_number if kind is EventKind.SHIPPED else "",
    )


def _changed(
    state: State, order: Order, at: datetime, actor: Actor, kind: EventKind, **update: object
) -> Step:
    updated = order.model_copy(update=update)
    if updated.pays_on_delivery and arrived(updated):  # cash, as the parcel is handed over
        updated = updated.model_copy(update={"paid_at": at})
    return Step(state.with_order(updated), (_event(order, updated, at, actor, kind),))


def arrived(order: Order) -> bool:
    """Whether the parcel has reached the buyer: tracking says so, the buyer confirmed it,
    or the order completed. A cash-on-delivery order is paid then."""
    return (
        order.delivered_at is not None
        or order.receipt_confirmed_at is not None
        or order.status is OrderStatus.COMPLETED
    )


def lapse_pending_extension(order: Order, at: datetime) -> Order:
    """The order leaving protection (completed or closed) ends a request still unanswered."""
    request = order.extension
    if request is None or request.outcome is not None:
        return order
    lapsed = request.model_copy(update={"outcome": ExtensionOutcome.LAPSED, "answered_at": at})
    return order.model_copy(update={"extension": lapsed})


def mark_shipped(
    state: State,
    order_id: str,
    tracking: str,
    now: datetime,
    *,
    fake: bool = False,
    delivery_days: int | None = None,
) -> Step:
    """The seller ships with a tracking number (a fake one, for the article's first
    ground), and may promise a delivery time other than the usual one."""
    order = state.orders[order_id]
    if order.status is not OrderStatus.AWAITING_SHIPMENT:
        raise ActionNotAllowed("error.not_shippable", status=order.status.value)
    number = clean_tracking(tracking)
    if delivery_days is not None and not 1 <= delivery_days <= DELIVERY_DAYS_MAX:
        raise InvalidDays("error.delivery_days", low="1", high=str(DELIVERY_DAYS_MAX))
    return _changed(
        state,
        order,
        now,
        Actor.SELLER,
        EventKind.SHIPPED,
        status=OrderStatus.SHIPPED,
        shipped_at=now,
        tracking_number=number,
        tracking_fake=fake,
        delivery_days=delivery_days,
    )


def mark_delivered(state: State, order_id: str, now: datetime) -> Step:
    """Tracking shows the parcel delivered: receipt will confirm itself in a few days. A
    cash-on-delivery order is paid now, as the parcel is handed over (`_changed`)."""
    order = state.orders[order_id]
    if not may_mark_delivered(order):
        key = "error.tracking_fake" if order.tracking_fake else "error.not_deliverable"
        raise ActionNotAllowed(key, status=order.status.value)
    return _changed(state, order, now, Actor.SYSTEM, EventKind.DELIVERED, delivered_at=now)


def confirm_receipt(state: State, order_id: str, now: datetime) -> Step:
    """The buyer confirms the parcel arrived: protection now ends 15 days from here."""
    order = state.orders[order_id]
    if not may_confirm_receipt(order):
        raise ActionNotAllowed("error.cannot_confirm", status=order.status.value)
    return _changed(
        state, order, now, Actor.BUYER, EventKind.RECEIPT_CONFIRMED, receipt_confirmed_at=now
    )


def auto_confirm(state: State, order_id: str, at: datetime) -> Step:
    """Tracking showed delivered long enough ago: receipt confirms itself."""
    order = state.orders[order_id]
    return _changed(
        state, order, at, Actor.SYSTEM, EventKind.RECEIPT_AUTO_CONFIRMED, receipt_confirmed_at=at
    )


def end_protection(state: State, order_id: str, at: datetime) -> Step:
    """Protection ran out with no dispute open: the order completes, for good."""
    order = lapse_pending_extension(state.orders[order_id], at)
    return _changed(
        state,
        order,
        at,
        Actor.SYSTEM,
        EventKind.PROTECTION_ENDED,
        status=OrderStatus.COMPLETED,
        completed_at=at,
    )


def ask_extension(state: State, order_id: str, now: datetime, settings: Settings) -> Step:
    """The buyer asks the seller for more time before protection runs out (once)."""
    order = state.orders[order_id]
    if not may_ask_extension(order, now, settings):
        raise ActionNotAllowed("error.cannot_extend", status=order.status.value)
    request = ProtectionExtension(requested_at=now)
    return _changed(
        state, order, now, Actor.BUYER, EventKind.EXTENSION_REQUESTED, extension=request
    )


def _pending_extension(state: State, order_id: str) -> tuple[Order, ProtectionExtension]:
    order = state.orders[order_id]
    request = order.extension
    if (
        request is None
        or request.outcome is not None
        or order.status not in (OrderStatus.SHIPPED, OrderStatus.IN_DISPUTE)
    ):
        raise ActionNotAllowed("error.no_extension_request", status=order.status.value)
    return order, request


def grant_extension(
    state: State, order_id: str, days: int, now: datetime, settings: Settings
) -> Step:
    """The seller grants ``days`` more: the delivery deadline, and protection, move on."""
    order, request = _pending_extension(state, order_id)
    high = settings.protection_extension_max_days
    if not 1 <= days <= high:
        raise InvalidDays("error.extension_days", low="1", high=str(high))
    answered = request.model_copy(
        update={"outcome": ExtensionOutcome.GRANTED, "answered_at": now, "granted_days": days}
    )
    return _changed(
        state, order, now, Actor.SELLER, EventKind.EXTENSION_GRANTED, extension=answered
    )


def refuse_extension(state: State, order_id: str, now: datetime) -> Step:
    order, request = _pending_extension(state, order_id)
    answered = request.model_copy(update={"outcome": ExtensionOutcome.REFUSED, "answered_at": now})
    return _changed(
        state, order, now, Actor.SELLER, EventKind.EXTENSION_REFUSED, extension=answered
    )


def lapse_extension(state: State, order_id: str, at: datetime) -> Step:
    """The seller did not answer in time: protection stays as it was."""
    order = state.orders[order_id]
    return _changed(
        state,
        order,
        at,
        Actor.SYSTEM,
        EventKind.EXTENSION_LAPSED,
        extension=lapse_pending_extension(order, at).extension,
    )
