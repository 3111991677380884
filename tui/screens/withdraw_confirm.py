"""Withdraw a cancellation request: say what it means (no second request), then Withdraw or Back."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Footer, Static

from tui.screens.modal_base import SheetScreen
from tui.widgets.rows import InfoRow


class WithdrawConfirmScreen(SheetScreen[bool]):
    """Returns True to withdraw the request, False to keep it."""

    CSS_PATH = "../styles/sheet.tcss"
    ESCAPE_RESULT = False

    def __init__(self, order_id: str) -> None:
        super().__init__()
        self.order_id = order_id

    def compose(self) -> ComposeResult:
        t, service = self.t, self.service
        order = service.order(self.order_id)
        with Vertical(id="sheet"):
            yield Static(Content(t("withdraw.title")), id="sheet-title")
            yield InfoRow(t("details.order_number"), order.id)
            yield InfoRow(t("confirm.store"), service.store_of(order).name)
            if order.cancellation is not None:
                yield InfoRow(t("details.reason"), t(order.cancellation.reason.label_key))
            yield Static(Content(t("withdraw.consequence")), id="consequence")
            yield Static(Content(t("withdraw.only_once")), id="withdraw-warning")
            with Horizontal(classes="sheet-buttons"):
                yield Button(Content(t("withdraw.keep")), id="back", compact=True)
                yield Button(
                    Content(t("withdraw.confirm")), id="confirm", variant="primary", compact=True
                )
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#back").focus()  # the safe choice first: a withdrawal can't be undone

    @on(Button.Pressed, "#confirm")
    def confirmed(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#back")
    def back_pressed(self) -> None:
        self.dismiss(False)
