"""What an order's page says, as text: both flows' order pages (the app's and the website's)
draw these, so they can't disagree.

Each section is one `Card` (a widget drawing all its lines), so a page holds a dozen
widgets rather than ninety.
"""

from __future__ import annotations

from collections.abc import Iterator

from tui.domain.kinds import Standing
from tui.domain.models import Order
from tui.domain.status import OrderStatus
from tui.domain.timeline import DeadlineKind
from tui.domain.wording import (
    charged,
    payment_detail,
    reason_words,
    status_meaning_key,
    total_key,
)
from tui.i18n import Translator
from tui.screens.dispute_parts import dispute_lines, dispute_notice_lines, protection_lines
from tui.screens.order_details_after import (
    history_lines,
    refund_lines,
    request_outcome_lines,
)
from tui.service import OrderService
from tui.widgets.card import Line, row


def body_lines(t: Translator, service: OrderService, order: Order) -> dict[str, list[Line]]:
    """The dispute, buyer protection, address, store and items, price summary, payment,
    order info, cancellation, refund, history: the lines of each section, top to bottom
    (the page hides one without lines)."""
    return {
        "dispute": list(dispute_lines(t, service, order)),
        "protection": list(protection_lines(t, service, order)),
        "address": list(address_lines(t, order)),
        "store": list(store_lines(t, service, order)),
        "summary": list(summary_lines(t, order)),
        "order-info": list(order_info_lines(t, order)),
        "cancellation": list(cancellation_lines(t, order)),
        "refund": list(refund_lines(t, service, order)),
        "history": list(history_lines(t, service, order)),
    }


def status_lines(t: Translator, service: OrderService, order: Order) -> list[tuple[str, str]]:
    """The status banner: the status, what it means, and time left and until when (as the
    real app shows it: to pay, to verify, to ship, for the seller to respond), each with the
    part that styles it (``label``, ``meaning``, ``countdown``, ``deadline``)."""
    lines = [(t(order.status.label_key), "label"), (t(status_meaning_key(order)), "meaning")]
    countdown = service.countdown(order.id)
    if countdown is not None:
        lines.append((t(countdown.kind.label_key, left=t.duration(countdown.left)), "countdown"))
        until = (
            "details.seller_deadline"
            if countdown.kind is DeadlineKind.RESPOND
            else ("countdown.until")
        )
        lines.append((t(until, date=t.datetime(countdown.at)), "deadline"))
    return lines


def notice_lines(t: Translator, service: OrderService, order: Order) -> list[Line]:
    """Why this order can't be cancelled (and, once shipped, the grounds for a dispute and
    why one can't be opened now), or why this buyer can't cancel now; nothing when the
    order may be cancelled."""
    path = service.cancel_path(order.id)
    if path.can_start:
        found = service.reputation()
        if found.standing is not Standing.BLOCKED or found.lifts_at is None:
            return []
        return [
            Line(t("standing.blocked_now", count=found.count, days=found.window_days)),
            Line(t("standing.lifts_at", date=t.datetime(found.lifts_at))),
        ]
    return dispute_notice_lines(t, service, order)


def address_lines(t: Translator, order: Order) -> Iterator[Line]:
    address = order.address
    yield Line(t("details.ship_to"), part="title")
    yield Line(f"{address.recipient}  {address.phone}")
    place = ", ".join(p for p in (address.city, address.region, address.postcode) if p)
    yield Line(f"{address.street}, {place}, {address.country}", part="muted")


def store_lines(t: Translator, service: OrderService, order: Order) -> Iterator[Line]:
    store = service.store_of(order)
    rating = t("details.positive", value=t.percent_permille(service.store_rating(store)))
    yield row(f"{store.name} ›", rating, part="title", value_part="muted")
    for item in order.items:
        yield Line(item.title, before=1)
        if item.variant:
            yield Line(item.variant, part="muted")
        yield row(t.money(item.unit_price), t("details.times", quantity=item.quantity))


def summary_lines(t: Translator, order: Order) -> Iterator[Line]:
    """Items, shipping, discounts and the total — "Total paid" only once paid, "Amount due
    on delivery" for cash on delivery — and the payment method, "not charged" for an order
    closed before it was paid."""
    yield row(t("details.subtotal"), t.money(order.subtotal))
    shipping = t.money(order.shipping) if order.shipping.minor else t("details.free")
    yield row(t("details.shipping"), shipping)
    if order.discount.minor:
        yield row(t("details.discount"), f"-{t.money(order.discount)}", value_part="accent")
    yield row(t(total_key(order)), t.money(order.total), part="strong", value_part="strong")
    method = t(order.payment_method.label_key)
    detail = payment_detail(order)
    if detail:
        method = f"{method} ({detail})"
    if not charged(order):
        method = t("details.not_charged", method=method)
    yield row(t("details.payment_method"), method)


def order_info_lines(t: Translator, order: Order) -> Iterator[Line]:
    yield row(t("details.order_number"), order.id)
    yield row(t("details.placed_at"), t.datetime(order.placed_at))
    if order.paid_at:
        yield row(t("details.paid_at"), t.datetime(order.paid_at))
    elif order.pays_on_delivery and order.status is not OrderStatus.CANCELLED:
        yield row(t("details.payment"), t("details.pay_on_delivery"))
    if order.shipped_at:
        yield row(t("details.shipped_at"), t.datetime(order.shipped_at))
    if order.tracking_number:
        yield row(t("details.tracking"), order.tracking_number)
    if order.completed_at:
        yield row(t("details.completed_at"), t.datetime(order.completed_at))
    if order.closed_at:
        yield row(t("details.closed_at"), t.datetime(order.closed_at))


def cancellation_lines(t: Translator, order: Order) -> Iterator[Line]:
    request = order.cancellation
    if request is None:
        return
    yield Line(t("details.cancellation"), part="title")
    key, values = reason_words(request.reason, request.note)
    yield row(t("details.reason"), t(key, **values))
    if request.note and not values:  # "Other" shows its note as the reason itself
        yield Line(request.note, part="muted")
    yield row(t("details.requested_at"), t.datetime(request.requested_at))
    yield from request_outcome_lines(t, order)
