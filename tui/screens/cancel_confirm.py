"""Confirm: a summary of what is about to happen, with Confirm and Back."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Footer, Static

from tui.domain.reasons import ReasonChoice
from tui.domain.rules import CancelPath
from tui.screens.modal_base import SheetScreen
from tui.widgets.rows import InfoRow


class CancelConfirmScreen(SheetScreen[bool]):
    """Returns True to go ahead, False to go back to the reasons."""

    CSS_PATH = "../styles/sheet.tcss"
    ESCAPE_RESULT = False

    def __init__(self, order_id: str, choice: ReasonChoice) -> None:
        super().__init__()
        self.order_id = order_id
        self.choice = choice

    def compose(self) -> ComposeResult:
        t, service = self.t, self.service
        order = service.order(self.order_id)
        instant = service.cancel_path(self.order_id) is CancelPath.INSTANT
        with Vertical(id="sheet"):
            yield Static(Content(t("confirm.title")), id="sheet-title")
            yield InfoRow(t("details.order_number"), order.id)
            store = service.store_of(order)
            yield InfoRow(t("confirm.store"), store.name)
            share = t.percent_permille(service.store_rating(store))
            yield InfoRow(t("confirm.store_rating"), t("details.positive", value=share))
            amount_key = "confirm.amount_unpaid" if order.paid_at is None else "confirm.amount"
            yield InfoRow(t(amount_key), t.money(order.total), classes="-strong")
            yield InfoRow(t("details.reason"), t(self.choice.reason.label_key))
            if self.choice.note:
                yield Static(Content(self.choice.note), classes="muted")
            consequence = "confirm.instant" if instant else "confirm.request"
            hours = service.settings.seller_response_hours
            yield Static(Content(t(consequence, hours=hours)), id="consequence")
            with Horizontal(classes="sheet-buttons"):
                yield Button(Content(t("confirm.back")), id="back", compact=True)
                yield Button(
                    Content(t("confirm.confirm")), id="confirm", variant="primary", compact=True
                )
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#confirm").focus()

    @on(Button.Pressed, "#confirm")
    def confirmed(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#back")
    def back_pressed(self) -> None:
        self.dismiss(False)
