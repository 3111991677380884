"""After OK: the website's dialog saying the request is in, and what happens next."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from tui.domain.rules import CancelPath
from tui.screens.outcome_text import next_steps
from tui.screens.web.dialog_base import WebDialog
from tui.service import CancelOutcome
from tui.widgets.key_footer import KeyFooter


class WebResultScreen(WebDialog[None]):
    """The app's result text (72 hours, automatic close, refund days), drawn as a web dialog."""

    AUTO_FOCUS = "#web-done-ok"

    VERTICAL_BREAKPOINTS = [(0, "-web-short"), (26, "-web-tall")]
    """Shorter than the cancel dialog: it needs the whole height only below 26 rows."""

    def __init__(self, outcome: CancelOutcome) -> None:
        super().__init__()
        self.outcome = outcome

    def compose(self) -> ComposeResult:
        t = self.t
        request = self.outcome.path is CancelPath.REQUEST
        with Vertical(id="web-done", classes="web-box"):
            title = "result.request_title" if request else "result.cancelled_title"
            yield Static(Content(f"✓ {t(title)}"), id="web-done-title", classes="web-box-title")
            with VerticalScroll(classes="web-box-body"):
                yield Static(Content(t("result.what_next")), classes="web-section-title")
                hours = self.service.settings.seller_response_hours
                for line in next_steps(t, self.outcome, hours):
                    yield Static(Content(f"• {line}"), classes="web-next")
                yield Static(Content(t("result.reputation")), id="web-reputation")
            with Horizontal(classes="web-box-buttons"):
                yield Button(Content(t("web.ok")), id="web-done-ok", variant="primary")
        yield KeyFooter()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#web-done-ok").focus()

    @on(Button.Pressed, "#web-done-ok")
    def ok_pressed(self) -> None:
        self.dismiss(None)
