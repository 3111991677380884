"""The body of the order details page, split out to keep the screen file about behaviour.

Each section is one `Card` (a widget drawing all its lines), so a page holds a dozen
widgets rather than ninety, and showing another order only gives each card new lines.
"""

from __future__ import annotations

from collections.abc import Iterator

from tui.domain.models import Order
from tui.domain.status import OrderStatus
from tui.i18n import Translator
from tui.screens.order_details_after import (
    history_lines,
    refund_lines,
    request_outcome_lines,
)
from tui.service import OrderService
from tui.widgets.card import Line, row


def body_lines(t: Translator, service: OrderService, order: Order) -> dict[str, list[Line]]:
    """Address, store and items, price summary, payment, order info, cancellation, refund,
    history: the lines of each section, top to bottom (the page hides one without lines)."""
    return {
        "address": list(address_lines(t, order)),
        "store": list(store_lines(t, service, order)),
        "summary": list(summary_lines(t, order)),
        "order-info": list(order_info_lines(t, order)),
        "cancellation": list(cancellation_lines(t, order)),
        "refund": list(refund_lines(t, service, order)),
        "history": list(history_lines(t, service, order)),
    }


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
    unpaid = order.status is OrderStatus.AWAITING_PAYMENT
    yield row(t("details.subtotal"), t.money(order.subtotal))
    shipping = t.money(order.shipping) if order.shipping.minor else t("details.free")
    yield row(t("details.shipping"), shipping)
    if order.discount.minor:
        yield row(t("details.discount"), f"-{t.money(order.discount)}", value_part="accent")
    total_key = "details.total_to_pay" if unpaid else "details.total_paid"
    yield row(t(total_key), t.money(order.total), part="strong", value_part="strong")
    method = t(order.payment_method.label_key)
    if order.payment_detail:
        method = f"{method} ({order.payment_detail})"
    yield row(t("details.payment_method"), method)


def order_info_lines(t: Translator, order: Order) -> Iterator[Line]:
    yield row(t("details.order_number"), order.id)
    yield row(t("details.placed_at"), t.datetime(order.placed_at))
    if order.paid_at:
        yield row(t("details.paid_at"), t.datetime(order.paid_at))
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
    yield row(t("details.reason"), t(request.reason.label_key))
    if request.note:
        yield Line(request.note, part="muted")
    yield row(t("details.requested_at"), t.datetime(request.requested_at))
    yield from request_outcome_lines(t, order)
