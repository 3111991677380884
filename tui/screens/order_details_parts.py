"""The body of the order details page, split out to keep the screen file about behaviour."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Label, Static

from tui.domain.models import Order
from tui.domain.status import OrderStatus
from tui.i18n import Translator
from tui.screens.order_details_after import compose_history, compose_refund, compose_request_outcome
from tui.service import OrderService
from tui.widgets.rows import InfoRow, Section


def compose_order_body(t: Translator, service: OrderService, order: Order) -> ComposeResult:
    """Address, store and items, price summary, payment, order info, cancellation, refund,
    history."""
    address = order.address
    with Section(id="address"):
        yield Static(Content(t("details.ship_to")), classes="section-title")
        yield Static(Content(f"{address.recipient}  {address.phone}"))
        place = ", ".join(p for p in (address.city, address.region, address.postcode) if p)
        yield Static(Content(f"{address.street}, {place}, {address.country}"), classes="muted")

    store = service.store_of(order)
    with Section(id="store"):
        with Horizontal(classes="store-line"):
            yield Label(Content(f"{store.name} ›"), classes="store-name")
            share = t.percent_permille(service.store_rating(store))
            rating = t("details.positive", value=share)
            yield Label(Content(rating), classes="store-rating")
        for item in order.items:
            yield Static(Content(item.title), classes="item-title")
            if item.variant:
                yield Static(Content(item.variant), classes="muted")
            yield InfoRow(
                t.money(item.unit_price),
                t("details.times", quantity=item.quantity),
                classes="item-price",
            )

    unpaid = order.status is OrderStatus.AWAITING_PAYMENT
    with Section(id="summary"):
        yield InfoRow(t("details.subtotal"), t.money(order.subtotal))
        shipping = t.money(order.shipping) if order.shipping.minor else t("details.free")
        yield InfoRow(t("details.shipping"), shipping)
        if order.discount.minor:
            yield InfoRow(t("details.discount"), f"-{t.money(order.discount)}", classes="-accent")
        total_key = "details.total_to_pay" if unpaid else "details.total_paid"
        yield InfoRow(t(total_key), t.money(order.total), classes="-strong")
        method = t(order.payment_method.label_key)
        if order.payment_detail:
            method = f"{method} ({order.payment_detail})"
        yield InfoRow(t("details.payment_method"), method)

    with Section(id="order-info"):
        yield InfoRow(t("details.order_number"), order.id)
        yield InfoRow(t("details.placed_at"), t.datetime(order.placed_at))
        if order.paid_at:
            yield InfoRow(t("details.paid_at"), t.datetime(order.paid_at))
        if order.shipped_at:
            yield InfoRow(t("details.shipped_at"), t.datetime(order.shipped_at))
        if order.tracking_number:
            yield InfoRow(t("details.tracking"), order.tracking_number)
        if order.completed_at:
            yield InfoRow(t("details.completed_at"), t.datetime(order.completed_at))
        if order.closed_at:
            yield InfoRow(t("details.closed_at"), t.datetime(order.closed_at))

    if order.cancellation is not None:
        request = order.cancellation
        with Section(id="cancellation"):
            yield Static(Content(t("details.cancellation")), classes="section-title")
            yield InfoRow(t("details.reason"), t(request.reason.label_key))
            if request.note:
                yield Static(Content(request.note), classes="muted note")
            yield InfoRow(t("details.requested_at"), t.datetime(request.requested_at))
            yield from compose_request_outcome(t, order)
    yield from compose_refund(t, service, order)
    yield from compose_history(t, service, order)
