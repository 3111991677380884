"""After shipping: the delivery deadline, buyer protection, and when a dispute may be opened.

Pure functions of an order (and its dispute, if it has one), the settings and a time. The
changes they lead to are in `tui.domain.shipping`; the dispute's own clock is in
`tui.domain.dispute_due`.

- The **delivery deadline** is the seller's promised delivery time from shipping (the
  order's `delivery_days`, else the setting), plus any days the seller granted when the
  buyer asked to extend protection.
- **Protection** lasts `dispute_close_after_delivery_days` after the delivery deadline, or
  after receipt was confirmed if that came first. When it runs out with no dispute open,
  the order completes by itself (`DeadlineKind.PROTECTION`).
- A **dispute** can be opened from `dispute_open_after_days` after shipping until
  protection ends, once per order.
- With tracking showing delivered, receipt **confirms itself**
  `auto_confirm_days_after_delivery` later, unless a dispute is open.

While a dispute is open, neither clock of the order runs out; if the buyer cancels the
dispute, each takes effect at the later of its own time and the cancellation (so no change
is ever dated before the cancellation that allowed it).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from tui.domain.deadlines import Deadline, DeadlineKind
from tui.domain.dispute_models import Dispute, DisputeState
from tui.domain.models import Order
from tui.domain.settings import Settings
from tui.domain.status import OrderStatus

DAY = timedelta(days=1)


def delivery_deadline(order: Order, settings: Settings) -> datetime | None:
    """When the seller promised the parcel would arrive (None before shipping)."""
    if order.shipped_at is None:
        return None
    days = order.delivery_days if order.delivery_days is not None else settings.delivery_days
    extra = order.extension.granted_days if order.extension is not None else 0
    return order.shipped_at + timedelta(days=days + extra)


def protection_end(order: Order, settings: Settings) -> datetime | None:
    """When buyer protection runs out (and with it the time to open a dispute)."""
    promised = delivery_deadline(order, settings)
    if promised is None:
        return None
    start = promised
    if order.receipt_confirmed_at is not None:
        start = min(start, order.receipt_confirmed_at)
    return start + timedelta(days=settings.dispute_close_after_delivery_days)


def dispute_opens_at(order: Order, settings: Settings) -> datetime | None:
    if order.shipped_at is None:
        return None
    return order.shipped_at + timedelta(days=settings.dispute_open_after_days)


def _resumed_at(dispute: Dispute | None) -> datetime | None:
    """When a cancelled dispute gave the order back to its own clocks."""
    if dispute is not None and dispute.state is DisputeState.CANCELLED:
        return dispute.ended_at
    return None


def _not_before(at: datetime, floor: datetime | None) -> datetime:
    return at if floor is None or at >= floor else floor


def order_deadlines(order: Order, dispute: Dispute | None, settings: Settings) -> list[Deadline]:
    """The shipped order's own pending deadlines (its dispute's are in `dispute_due`)."""
    found: list[Deadline] = []
    request = order.extension
    if (
        request is not None
        and request.outcome is None
        and order.status in (OrderStatus.SHIPPED, OrderStatus.IN_DISPUTE)
    ):
        answer_by = request.requested_at + timedelta(days=settings.dispute_seller_response_days)
        found.append(Deadline(DeadlineKind.EXTENSION, answer_by))
    if order.status is not OrderStatus.SHIPPED:
        return found
    end = protection_end(order, settings)
    if end is None:
        return found  # a shipped order from an older file that never said when
    resumed = _resumed_at(dispute)
    if order.delivered_at is not None and order.receipt_confirmed_at is None:
        confirm = order.delivered_at + timedelta(days=settings.auto_confirm_days_after_delivery)
        found.append(Deadline(DeadlineKind.CONFIRM, _not_before(confirm, resumed)))
    found.append(Deadline(DeadlineKind.PROTECTION, _not_before(end, resumed)))
    return found


def protection_left(order: Order, now: datetime, settings: Settings) -> timedelta | None:
    """How long the buyer is still protected ("Buyer protection: 12 days left"); None when
    the figure means nothing: not shipped, a dispute open, or the order finished."""
    if order.status is not OrderStatus.SHIPPED:
        return None
    end = protection_end(order, settings)
    if end is None:
        return None
    return max(timedelta(0), end - now)


def days_left(span: timedelta) -> int:
    """Whole days, counting a started day as a day: 11 days 2 hours shows as 12."""
    return -(-span // DAY)


def why_no_dispute(
    order: Order, dispute: Dispute | None, now: datetime, settings: Settings
) -> str | None:
    """Why the buyer can't open a dispute now, as a catalog key suffix (None: they can).

    `dispute_why_not.<suffix>`: not_shipped, open, completed, closed, cancelled_before,
    ended_before, not_paid, too_early, window_closed.
    """
    if order.status is OrderStatus.IN_DISPUTE:
        return "open"
    if order.status is OrderStatus.COMPLETED:
        return "completed"
    if order.status is OrderStatus.CANCELLED:
        return "closed"
    if order.status is not OrderStatus.SHIPPED:
        return "not_shipped"
    if dispute is not None:
        return "cancelled_before" if dispute.state is DisputeState.CANCELLED else "ended_before"
    if order.paid_at is None:
        return "not_paid"
    opens, end = dispute_opens_at(order, settings), protection_end(order, settings)
    if opens is None or end is None:
        return "not_shipped"
    if now < opens:
        return "too_early"
    if now >= end:
        return "window_closed"
    return None


def may_confirm_receipt(order: Order) -> bool:
    """A shipped order whose receipt the buyer has not confirmed yet (no dispute open)."""
    return order.status is OrderStatus.SHIPPED and order.receipt_confirmed_at is None


def may_ask_extension(order: Order, now: datetime, settings: Settings) -> bool:
    """Once per order, while protected and before receipt is confirmed: the parcel is late
    and the buyer wants more time before protection runs out."""
    end = protection_end(order, settings)
    return (
        order.status is OrderStatus.SHIPPED
        and order.extension is None
        and order.receipt_confirmed_at is None
        and end is not None
        and now < end
    )


def may_mark_delivered(order: Order) -> bool:
    """Tracking can show delivered once: a real tracking number, on its way or disputed."""
    return (
        order.status in (OrderStatus.SHIPPED, OrderStatus.IN_DISPUTE)
        and order.delivered_at is None
        and not order.tracking_fake
    )
