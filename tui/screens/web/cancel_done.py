"""After OK: the website's dialog saying the request is in, and what happens next."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from tui.screens.base import Kept
from tui.screens.outcome_text import result_title, what_next_lines
from tui.screens.web.dialog_base import WebDialog
from tui.service import CancelOutcome
from tui.widgets.card import Card, Line
from tui.widgets.key_footer import KeyFooter


class WebResultScreen(Kept, WebDialog[None]):
    """The app's result text (72 hours, automatic close, refund days), drawn as a web dialog;
    kept and refilled (`Kept`)."""

    AUTO_FOCUS = "#web-done-ok"

    VERTICAL_BREAKPOINTS = [(0, "-web-short"), (26, "-web-tall")]
    """Shorter than the cancel dialog: it needs the whole height only below 26 rows."""

    def __init__(self, outcome: CancelOutcome) -> None:
        super().__init__()
        self.keep(outcome)

    def keep(self, outcome: CancelOutcome) -> None:
        self.outcome = outcome

    async def refill(self) -> None:
        self.query_one("#web-done-title", Static).update(Content(self._title()))
        self.query_one("#web-next-steps", Card).set_lines(self._what_next())
        self.query_one(".web-box-body").scroll_home(animate=False)
        self.query_one("#web-done-ok").focus()

    def _title(self) -> str:
        return f"✓ {result_title(self.t, self.outcome)}"

    def _what_next(self) -> list[Line]:
        return what_next_lines(self.t, self.outcome, self.service.settings.seller_response_hours)

    def compose(self) -> ComposeResult:
        t = self.t
        with Vertical(id="web-done", classes="web-box"):
            yield Static(Content(self._title()), id="web-done-title", classes="web-box-title")
            with VerticalScroll(classes="web-box-body"):
                yield Card(self._what_next(), id="web-next-steps")
            with Horizontal(classes="web-box-buttons"):
                yield Button(Content(t("web.ok")), id="web-done-ok", variant="primary")
        yield KeyFooter()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#web-done-ok").focus()

    @on(Button.Pressed, "#web-done-ok")
    def ok_pressed(self) -> None:
        self.dismiss(None)
