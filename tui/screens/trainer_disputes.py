"""The trainer panel's after-shipping sections, as a mixin of `TrainerScreen`: open disputes
(the seller accepts, rejects with an offer, confirms a return; the platform decides; or
nobody answers and the clock moves), requests to extend protection (grant, refuse), and
orders to ship (with a real or a fake tracking number) or to show delivered.

Each answer is one service call off the event loop; one that needs typing asks in a
`TrainerAskScreen`, and asks again with the refusal shown until the rules accept it or the
trainer goes back: nothing is saved before that.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, ListView, Static

from tui.domain.dispute_due import PlatformAction, SellerAction
from tui.domain.errors import DomainError
from tui.domain.models import Order
from tui.domain.money import Money
from tui.i18n import Translator
from tui.screens.base import DataPage
from tui.screens.trainer_ask import Field, TrainerAskScreen
from tui.screens.trainer_dispute_parts import (
    DISPUTE_BUTTONS,
    OrderItem,
    allowed_buttons,
    dispute_texts,
    extension_texts,
    shipping_texts,
)

LISTS = ("disputes", "extensions", "to-ship", "to-deliver")
"""The section's lists, by id (each item's id is the list's id and the order's)."""

Report = Callable[[Translator], list[str]]


class TrainerDisputes(DataPage, Screen[None]):
    """The panel's base: the sections, their lists' highlights over a redraw, and their
    answers. (A Screen itself, not a plain mixin: Textual collects ``@on`` handlers from
    message pump classes only.)"""

    kept_highlights: dict[str, str | None] = {}

    if TYPE_CHECKING:

        def _set_report(self, report: Report) -> None: ...

        def _set_error(self, error: DomainError) -> None: ...

        async def _redraw(self, *focus: str) -> None: ...

    # -- drawing ------------------------------------------------------------------------

    def compose_after_shipping(self) -> ComposeResult:
        t, service = self.t, self.service
        disputes = service.open_disputes()
        with Vertical(id="disputes-section", classes="trainer-section"):
            yield Static(Content(t("trainer_dispute.section")), classes="trainer-heading")
            if disputes:
                items = [
                    OrderItem("disputes", d.view.order.id, dispute_texts(t, service, d))
                    for d in disputes
                ]
                yield ListView(*items, id="disputes", classes="trainer-list")
                with Horizontal(id="dispute-buttons"):
                    for button_id, (label, _) in DISPUTE_BUTTONS.items():
                        yield Button(Content(t(label)), id=button_id, compact=True)
                yield Static(Content(t("trainer_disputes.silence_hint")), classes="hint")
            else:
                yield Static(Content(t("trainer_dispute.none")), classes="hint")
        waiting = service.extension_requests()
        with Vertical(id="extensions-section", classes="trainer-section"):
            yield Static(Content(t("trainer_dispute.extensions")), classes="trainer-heading")
            if waiting:
                items = [
                    OrderItem("extensions", o.id, extension_texts(t, service, o)) for o in waiting
                ]
                yield ListView(*items, id="extensions", classes="trainer-list")
                with Horizontal(id="extension-buttons", classes="dispute-row"):
                    yield Button(Content(t("trainer_dispute.grant")), id="grant", compact=True)
                    yield Button(
                        Content(t("trainer_dispute.refuse")), id="refuse-extension", compact=True
                    )
            else:
                yield Static(Content(t("trainer_disputes.no_extensions")), classes="hint")
        with Vertical(id="shipping-section", classes="trainer-section"):
            yield Static(Content(t("trainer_disputes.shipping")), classes="trainer-heading")
            yield from self._compose_shipping_list("to-ship", service.shippable_orders())
            yield from self._compose_shipping_list("to-deliver", service.deliverable_orders())

    def _compose_shipping_list(self, kind: str, orders: list[Order]) -> ComposeResult:
        t, service = self.t, self.service
        heading, empty = (
            ("trainer_disputes.to_ship", "trainer_disputes.none_to_ship")
            if kind == "to-ship"
            else ("trainer_disputes.to_deliver", "trainer_disputes.none_to_deliver")
        )
        yield Static(Content(t(heading)), classes="trainer-subheading")
        if not orders:
            yield Static(Content(t(empty)), classes="hint")
            return
        items = [OrderItem(kind, o.id, shipping_texts(t, service, o)) for o in orders]
        yield ListView(*items, id=kind, classes="trainer-list")
        with Horizontal(id=f"{kind}-buttons", classes="dispute-row"):
            if kind == "to-ship":
                yield Button(Content(t("trainer_dispute.ship")), id="ship", compact=True)
                yield Button(Content(t("trainer_dispute.ship_fake")), id="ship-fake", compact=True)
            else:
                yield Button(Content(t("trainer_dispute.deliver")), id="deliver", compact=True)

    # -- the lists' highlights -----------------------------------------------------------

    def highlighted_in(self, list_id: str) -> str | None:
        """The order highlighted in one of the section's lists, if it is shown."""
        for found in self.query(f"#{list_id}").results(ListView):
            item = found.highlighted_child
            if isinstance(item, OrderItem):
                return item.order_id
        return None

    def keep_highlights(self) -> None:
        """Before a redraw: remember each list's highlighted order."""
        self.kept_highlights = {name: self.highlighted_in(name) for name in LISTS}

    def restore_highlights(self) -> None:
        """After a redraw: highlight the same orders where they are still listed."""
        for name in LISTS:
            for found in self.query(f"#{name}").results(ListView):
                ids = [item.order_id for item in found.query(OrderItem)]
                keep = self.kept_highlights.get(name)
                found.index = ids.index(keep) if keep in ids else 0
        self.show_dispute_buttons()

    @on(ListView.Highlighted, "#disputes")
    def show_dispute_buttons(self) -> None:
        """Only the answers the highlighted dispute allows: the seller's while it awaits
        them, the platform's once escalated; none while the buyer is to act."""
        order_id = self.highlighted_in("disputes")
        found = next((d for d in self.service.open_disputes() if d.view.order.id == order_id), None)
        allowed = allowed_buttons(found) if found is not None else []
        for button_id in DISPUTE_BUTTONS:
            for button in self.query(f"#{button_id}").results(Button):
                button.display = button_id in allowed

    # -- the answers ------------------------------------------------------------------------

    @on(Button.Pressed, "#dispute-buttons Button")
    def dispute_button(self, event: Button.Pressed) -> None:
        order_id = self.highlighted_in("disputes")
        if order_id is not None:
            self.answer_flow(str(event.button.id), order_id)

    @on(Button.Pressed, "#extension-buttons Button")
    def extension_button(self, event: Button.Pressed) -> None:
        order_id = self.highlighted_in("extensions")
        if order_id is not None:
            self.answer_flow(str(event.button.id), order_id)

    @on(Button.Pressed, "#to-ship-buttons Button")
    def ship_button(self, event: Button.Pressed) -> None:
        order_id = self.highlighted_in("to-ship")
        if order_id is not None:
            self.answer_flow(str(event.button.id), order_id)

    @on(Button.Pressed, "#to-deliver-buttons Button")
    def deliver_button(self, event: Button.Pressed) -> None:
        order_id = self.highlighted_in("to-deliver")
        if order_id is not None:
            self.answer_flow(str(event.button.id), order_id)

    @work(exclusive=True, group="trainer")
    async def answer_flow(self, button_id: str, order_id: str) -> None:
        """One answer for the seller, the platform or the carrier; typed ones are asked
        (and asked again with the refusal) until the rules accept them."""
        fields = self.fields_of(button_id, order_id)
        values: list[str] = []
        error = ""
        while True:
            if fields:
                title = self.title_of(button_id, order_id)
                typed = await self.app.push_screen_wait(TrainerAskScreen(title, fields, error))
                if typed is None:
                    return
                values = typed
                fields = [
                    Field(f.label, v, f.placeholder) for f, v in zip(fields, typed, strict=True)
                ]
            try:
                report = await asyncio.to_thread(self.answer, button_id, order_id, values)
            except DomainError as refusal:
                if not fields:
                    self._set_error(refusal)
                    break
                error = self.error_text(refusal)
                continue
            self._set_report(report)
            break
        await self._redraw(button_id)

    def fields_of(self, button_id: str, order_id: str) -> list[Field]:
        """What the answer needs typed (nothing for most)."""
        t, settings = self.t, self.service.settings
        if button_id == "seller-reject":
            return [
                Field(t("trainer_dispute.offer"), placeholder="0.00"),
                Field(t("trainer_dispute.message"), t("trainer_disputes.offer_default")),
            ]
        if button_id == "decide-partly":
            return [Field(t("trainer_dispute.partial"), placeholder="0.00")]
        if button_id in ("ship", "ship-fake"):
            prefix = "YT" if button_id == "ship-fake" else "LP"
            return [
                Field(t("trainer_dispute.tracking"), f"{prefix}{order_id[-12:]}"),
                Field(t("trainer_dispute.delivery_days"), str(settings.delivery_days)),
            ]
        if button_id == "grant":
            high = settings.protection_extension_max_days
            return [Field(t("trainer_dispute.grant_days", high=high), str(min(10, high)))]
        return []

    def title_of(self, button_id: str, order_id: str) -> str:
        key = {
            "seller-reject": "trainer_disputes.offer_title",
            "decide-partly": "trainer_disputes.partial_title",
            "ship": "trainer_disputes.ship_title",
            "ship-fake": "trainer_disputes.ship_fake_title",
            "grant": "trainer_disputes.grant_title",
        }[button_id]
        return self.t(key, order=order_id)

    def answer(self, button_id: str, order_id: str, values: list[str]) -> Report:
        """Do it (a durable write: run off the event loop) and say what changed."""
        service = self.service
        if button_id in DISPUTE_BUTTONS:
            label, action = DISPUTE_BUTTONS[button_id]
            if action is SellerAction.ACCEPT:
                view = service.seller_accept_dispute(order_id)
            elif action is SellerAction.REJECT:
                offer = service.parse_amount(order_id, values[0])
                view = service.seller_reject_dispute(order_id, offer, values[1])
            elif action is SellerAction.CONFIRM_RETURN:
                view = service.seller_confirm_return(order_id)
            else:
                assert isinstance(action, PlatformAction)
                partial: Money | None = None
                if action is PlatformAction.FOR_BUYER_PARTLY:
                    partial = service.parse_amount(order_id, values[0])
                view = service.platform_decide(order_id, action, partial)
            state = view.dispute.state.label_key
            return lambda t: [
                t("trainer_disputes.done", order=order_id, action=t(label), state=t(state))
            ]
        if button_id in ("ship", "ship-fake"):
            fake = button_id == "ship-fake"
            days = service.parse_days(values[1])
            order = service.mark_shipped(order_id, values[0], fake=fake, delivery_days=days)
            key = "trainer_disputes.shipped_fake" if fake else "trainer_disputes.shipped"
            return lambda t: [t(key, order=order_id, tracking=order.tracking_number)]
        if button_id == "deliver":
            service.mark_delivered(order_id)
            return lambda t: [t("trainer_disputes.delivered", order=order_id)]
        if button_id == "grant":
            days = service.parse_days(values[0])
            service.grant_extension(order_id, days)
            return lambda t: [t("trainer_disputes.granted", order=order_id, days=days)]
        service.refuse_extension(order_id)
        return lambda t: [t("trainer_disputes.refused", order=order_id)]
