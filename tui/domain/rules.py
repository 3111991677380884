"""Which cancel path each order has, the transitions that take it, and the one list of what
the buyer may do with an order: pure functions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from tui.domain.delivery import may_ask_extension, may_confirm_receipt, why_no_dispute
from tui.domain.dispute_due import BuyerAction as DisputeAction
from tui.domain.dispute_due import buyer_actions as dispute_actions
from tui.domain.dispute_models import Dispute
from tui.domain.errors import ActionNotAllowed, InvalidNote
from tui.domain.models import (
    Actor,
    CancellationRequest,
    Event,
    EventKind,
    Order,
    RequestOutcome,
)
from tui.domain.reasons import NOTE_MAX_LENGTH, CancelReason
from tui.domain.settings import Settings
from tui.domain.status import OrderStatus
from tui.domain.typed import has_control


class CancelPath(StrEnum):
    """How (or whether) the buyer can cancel an order, as the real app decides it."""

    INSTANT = "instant"
    """Not paid yet, or payment still being verified: cancelled at once, no seller."""
    REQUEST = "request"
    """Paid, not shipped: a request the seller answers within the response window."""
    PENDING = "pending"
    """A request is already waiting for the seller."""
    ALREADY_REQUESTED = "already_requested"
    """Paid, not shipped, but its one cancellation request was withdrawn or refused."""
    DISPUTE_ONLY = "dispute_only"
    """Shipped: no cancelling; money back only through a dispute."""
    DISPUTE_OPEN = "dispute_open"
    """A dispute is already in progress."""
    NONE = "none"
    """Completed or cancelled: nothing to cancel."""

    @property
    def can_start(self) -> bool:
        """Whether the buyer may start cancelling (show the Cancel order button)."""
        return self in (CancelPath.INSTANT, CancelPath.REQUEST)

    @property
    def explanation_key(self) -> str:
        return f"cancel_path.{self.value}"


_PATH_OF_STATUS: dict[OrderStatus, CancelPath] = {
    OrderStatus.AWAITING_PAYMENT: CancelPath.INSTANT,
    OrderStatus.PAYMENT_VERIFYING: CancelPath.INSTANT,
    OrderStatus.AWAITING_SHIPMENT: CancelPath.REQUEST,
    OrderStatus.CANCELLATION_REQUESTED: CancelPath.PENDING,
    OrderStatus.SHIPPED: CancelPath.DISPUTE_ONLY,
    OrderStatus.IN_DISPUTE: CancelPath.DISPUTE_OPEN,
    OrderStatus.COMPLETED: CancelPath.NONE,
    OrderStatus.CANCELLED: CancelPath.NONE,
}


def cancel_path(status: OrderStatus) -> CancelPath:
    """The path a status allows, before looking at the order's history."""
    return _PATH_OF_STATUS[status]


def order_cancel_path(order: Order) -> CancelPath:
    """The path this order allows: one cancellation request per order, as Shopee does it.

    After a withdrawn or refused request the order is back to awaiting shipment, but the
    buyer may not ask again; the way to money back is then a dispute after shipping.
    """
    path = cancel_path(order.status)
    if path is CancelPath.REQUEST and order.cancellation is not None:
        return CancelPath.ALREADY_REQUESTED
    return path


DISPUTE_GROUNDS: tuple[str, ...] = ("fake_tracking", "poor_quality", "not_delivered_on_time")
"""The three grounds for a dispute the source article names, as catalog key suffixes."""


@dataclass(frozen=True)
class Transition:
    """The result of a rule: the order as it is now, and the event that records the change."""

    order: Order
    event: Event


def clean_note(reason: CancelReason, note: str) -> str:
    """Trim the note; "Other" needs one, none may exceed the limit, and none may hold a
    control character (an escape sequence would reach the trainer's terminal)."""
    cleaned = note.strip()
    if len(cleaned) > NOTE_MAX_LENGTH:
        raise InvalidNote("error.note_too_long", limit=str(NOTE_MAX_LENGTH))
    if reason.needs_note and not cleaned:
        raise InvalidNote("error.note_required")
    if has_control(cleaned):
        raise InvalidNote("error.note_control")
    return cleaned


def cancel(order: Order, reason: CancelReason, note: str, now: datetime) -> Transition:
    """Start cancelling: closes an unpaid order at once, or files a request for a paid one."""
    path = order_cancel_path(order)
    if not path.can_start:
        raise ActionNotAllowed("error.cannot_cancel", status=order.status.value)
    cleaned = clean_note(reason, note)
    request = CancellationRequest(reason=reason, note=cleaned, requested_at=now)
    if path is CancelPath.INSTANT:  # no seller step: the request ends as it is made
        new_status, closed_at, kind = OrderStatus.CANCELLED, now, EventKind.CANCELLED
        request = request.model_copy(
            update={"outcome": RequestOutcome.CANCELLED_AT_ONCE, "answered_at": now}
        )
    else:
        new_status, closed_at, kind = OrderStatus.CANCELLATION_REQUESTED, None, EventKind.REQUESTED
    updated = order.model_copy(
        update={"status": new_status, "cancellation": request, "closed_at": closed_at}
    )
    event = Event(
        order_id=order.id,
        at=now,
        actor=Actor.BUYER,
        kind=kind,
        from_status=order.status,
        to_status=new_status,
        reason=reason,
        note=cleaned,
    )
    return Transition(updated, event)


def seller_deadline(order: Order, settings: Settings) -> datetime | None:
    """When the seller's time to answer a pending request runs out."""
    if order.status is not OrderStatus.CANCELLATION_REQUESTED or order.cancellation is None:
        return None
    return order.cancellation.requested_at + timedelta(hours=settings.seller_response_hours)


class BuyerAction(StrEnum):
    """What the buyer may do with an order now; both flows offer exactly these (the app's
    order page as buttons, the website's More menu and order page as entries)."""

    CANCEL = "cancel"
    WITHDRAW = "withdraw"
    OPEN_DISPUTE = "open_dispute"
    CONFIRM_RECEIPT = "confirm_receipt"
    EXTEND_PROTECTION = "extend_protection"
    ACCEPT_COUNTER = "accept_counter"
    CHANGE_REQUEST = "change_request"
    ESCALATE = "escalate"
    CANCEL_DISPUTE = "cancel_dispute"
    SHIP_RETURN = "ship_return"

    @property
    def label_key(self) -> str:
        return f"action.{self.value}"


_OF_DISPUTE_ACTION = {
    DisputeAction.ACCEPT_COUNTER: BuyerAction.ACCEPT_COUNTER,
    DisputeAction.CHANGE_REQUEST: BuyerAction.CHANGE_REQUEST,
    DisputeAction.ESCALATE: BuyerAction.ESCALATE,
    DisputeAction.CANCEL: BuyerAction.CANCEL_DISPUTE,
    DisputeAction.ENTER_RETURN_TRACKING: BuyerAction.SHIP_RETURN,
}


def buyer_actions(
    order: Order,
    dispute: Dispute | None,
    now: datetime,
    settings: Settings,
    *,
    may_cancel_now: bool,
) -> list[BuyerAction]:
    """The actions a buyer has on ``order``, in the order both flows show them: cancel
    where its path allows and the buyer's standing does (``may_cancel_now``), withdraw a
    pending request; after shipping, open a dispute, confirm receipt, extend protection
    (`tui.domain.delivery` decides each); and what the open dispute allows
    (`tui.domain.dispute_due.buyer_actions`)."""
    actions: list[BuyerAction] = []
    if order_cancel_path(order).can_start and may_cancel_now:
        actions.append(BuyerAction.CANCEL)
    if order.status is OrderStatus.CANCELLATION_REQUESTED:
        actions.append(BuyerAction.WITHDRAW)
    if why_no_dispute(order, dispute, now, settings) is None:
        actions.append(BuyerAction.OPEN_DISPUTE)
    if may_confirm_receipt(order):
        actions.append(BuyerAction.CONFIRM_RECEIPT)
    if may_ask_extension(order, now, settings):
        actions.append(BuyerAction.EXTEND_PROTECTION)
    if dispute is not None:
        actions += [_OF_DISPUTE_ACTION[a] for a in dispute_actions(dispute, now, settings)]
    return actions
