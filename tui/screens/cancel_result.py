"""Result: the request is in, and what happens next, in plain words."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from tui.domain.rules import CancelPath
from tui.screens.outcome_text import next_steps
from tui.screens.phone_screen import PhoneScreen
from tui.service import CancelOutcome
from tui.widgets.card import Card, Line
from tui.widgets.phone import PageHeader


class CancelResultScreen(PhoneScreen[None]):
    AUTO_FOCUS = "#view-order"
    BINDINGS = [Binding("enter", "back", "key.view_order", id="view-order", show=False)]

    def __init__(self, outcome: CancelOutcome) -> None:
        super().__init__()
        self.outcome = outcome

    def compose_page(self) -> ComposeResult:
        t = self.t
        request = self.outcome.path is CancelPath.REQUEST
        yield PageHeader(t("result.header"))
        with VerticalScroll(id="result"):
            with Vertical(id="result-banner"):
                yield Static(Content("✓"), id="result-icon")
                title = "result.request_title" if request else "result.cancelled_title"
                yield Static(Content(t(title)), id="result-title")
            what_next = [Line(t("result.what_next"), part="title")]
            for line in self._next_steps():
                what_next += [Line(f"• {line}", indent=1), Line("")]
            what_next.append(Line(t("result.reputation"), part="alert", fill=True))
            yield Card(what_next, id="what-next")
        with Vertical(id="result-actions"):
            yield Button(Content(t("result.view_order")), id="view-order", variant="primary")

    def _next_steps(self) -> list[str]:
        hours = self.service.settings.seller_response_hours
        return next_steps(self.t, self.outcome, hours)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#view-order").focus()

    @on(Button.Pressed, "#view-order")
    def view_order(self) -> None:
        self.dismiss()
