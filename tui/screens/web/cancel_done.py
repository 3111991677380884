"""After OK: the website's dialog saying the request is in, and what happens next."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from tui.screens.outcome_text import result_title, what_next_lines
from tui.screens.web.dialog_base import WebDialog
from tui.service import CancelOutcome
from tui.widgets.card import Card
from tui.widgets.key_footer import KeyFooter


class WebResultScreen(WebDialog[None]):
    """The app's result text (72 hours, automatic close, refund days), drawn as a web box."""

    AUTO_FOCUS = "#web-done-ok"

    def __init__(self, outcome: CancelOutcome) -> None:
        super().__init__()
        self.outcome = outcome

    def compose(self) -> ComposeResult:
        t = self.t
        hours = self.service.settings.seller_response_hours
        with Vertical(id="web-done", classes="web-box"):
            yield Static(
                Content(f"✓ {result_title(t, self.outcome)}"),
                id="web-done-title",
                classes="web-box-title",
            )
            with Horizontal(classes="web-box-buttons"):
                yield Button(Content(t("web.ok")), id="web-done-ok", variant="primary")
            with VerticalScroll(classes="web-box-body"):
                yield Card(what_next_lines(t, self.outcome, hours), id="web-next-steps")
        yield KeyFooter()

    @on(Button.Pressed, "#web-done-ok")
    def ok_pressed(self) -> None:
        self.close(None)
