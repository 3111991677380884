"""Result: the request is in, and what happens next, in plain words."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from tui.screens.outcome_text import result_title, what_next_lines
from tui.screens.phone_screen import PhoneScreen
from tui.service import CancelOutcome
from tui.widgets.card import Card, Line
from tui.widgets.phone import PageHeader


class CancelResultScreen(PhoneScreen[None]):
    """What happens next, after a request or an instant cancel."""

    AUTO_FOCUS = "#view-order"
    BINDINGS = [Binding("enter", "back", "key.view_order", id="view-order", show=False)]

    def __init__(self, outcome: CancelOutcome) -> None:
        super().__init__()
        self.outcome = outcome

    def compose_page(self) -> ComposeResult:
        t = self.t
        yield PageHeader(t("result.header"))
        with VerticalScroll(id="result"):
            with Vertical(id="result-banner"):
                yield Static(Content("✓"), id="result-icon")
                yield Static(Content(self._title()), id="result-title")
            yield Card(self._what_next(), id="what-next")
        with Vertical(id="result-actions"):
            yield Button(Content(t("result.view_order")), id="view-order", variant="primary")

    def _title(self) -> str:
        return result_title(self.t, self.outcome)

    def _what_next(self) -> list[Line]:
        return what_next_lines(self.t, self.outcome, self.service.settings.seller_response_hours)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#view-order").focus()

    @on(Button.Pressed, "#view-order")
    def view_order(self) -> None:
        self.dismiss()
