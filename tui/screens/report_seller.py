"""After a reason that blames the seller, the website asks whether to report the seller."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Footer, Static

from tui.screens.modal_base import SheetScreen


class ReportSellerScreen(SheetScreen[bool]):
    """Returns True to report the seller, False for "Not now"."""

    CSS_PATH = "../styles/sheet.tcss"
    ESCAPE_RESULT = False

    def __init__(self, order_id: str) -> None:
        super().__init__()
        self.order_id = order_id

    def compose(self) -> ComposeResult:
        t, service = self.t, self.service
        order = service.order(self.order_id)
        store = service.store_of(order).name
        with Vertical(id="sheet"):
            yield Static(Content(t("report.title")), id="sheet-title")
            yield Static(Content(t("report.question", store=store)), id="report-question")
            yield Static(Content(t("report.explain")), classes="muted")
            with Horizontal(classes="sheet-buttons"):
                yield Button(Content(t("report.not_now")), id="back", compact=True)
                yield Button(
                    Content(t("report.report")), id="confirm", variant="primary", compact=True
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
