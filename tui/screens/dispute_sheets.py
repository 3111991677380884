"""The app's sheets for the buyer's other actions after shipping: a yes/no question
(confirm receipt, extend protection, accept the offer, escalate, cancel the dispute), the
return's tracking number, and the page saying what happens after a dispute is sent."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Static

from tui.domain.dispute_input import TRACKING_EXAMPLE
from tui.domain.errors import DomainError
from tui.domain.rules import BuyerAction
from tui.screens.dispute_draft import what_next_lines
from tui.screens.dispute_form import SHORT_BREAKPOINTS
from tui.screens.dispute_questions import QUESTIONS, question_lines, return_lines
from tui.screens.modal_base import SheetScreen, YesNoSheet
from tui.screens.phone_screen import PhoneScreen
from tui.widgets.card import Card
from tui.widgets.key_footer import KeyFooter
from tui.widgets.phone import PageHeader


class QuestionSheet(YesNoSheet):
    """Asks before one of the buyer's actions; True to go ahead (`dispute_questions`)."""

    def __init__(self, order_id: str, action: BuyerAction) -> None:
        self.question = QUESTIONS[action]
        self.BACK_KEY = self.question.back_key
        self.CONFIRM_KEY = self.question.confirm_key
        super().__init__()
        self.order_id = order_id
        self.action = action

    def on_mount(self) -> None:
        super().on_mount()
        if self.question.safe_first:  # an action that can't be undone: Back lit first
            self.query_one("#back").focus()

    def compose_body(self) -> ComposeResult:
        yield Static(Content(self.t(self.question.title_key)), id="sheet-title")
        lines = question_lines(self.t, self.service, self.order_id, self.action)
        yield Card(lines, id="question-body")


class ReturnTrackingSheet(SheetScreen[str | None]):
    """The return's tracking number: checked here (an inline message, nothing saved),
    answered as it will be saved, or None for Back and Escape."""

    AUTO_FOCUS = "#return-tracking"
    VERTICAL_BREAKPOINTS = SHORT_BREAKPOINTS
    BINDINGS = [Binding("ctrl+s", "submit", "key.submit", id="return-submit")]

    def __init__(self, order_id: str) -> None:
        super().__init__()
        self.order_id = order_id

    def compose(self) -> ComposeResult:
        t = self.t
        with Vertical(id="sheet", classes="dispute-sheet"):
            yield Static(Content(t("dispute_ask.return_title")), id="sheet-title")
            yield Static("", id="form-error")
            with Horizontal(classes="sheet-buttons"):
                yield Button(Content(t("dispute_form.back")), id="back", compact=True)
                yield Button(
                    Content(t("dispute_form.submit")), id="next", variant="primary", compact=True
                )
            with VerticalScroll(id="sheet-body"):
                yield Card(return_lines(t, self.service, self.order_id), id="return-body")
                yield Input(
                    placeholder=t("dispute_ask.return_hint", example=TRACKING_EXAMPLE),
                    id="return-tracking",
                    compact=True,
                )
        yield KeyFooter()

    @on(Input.Submitted, "#return-tracking")
    @on(Button.Pressed, "#next")
    def action_submit(self) -> None:
        try:
            number = self.service.check_tracking(self.query_one("#return-tracking", Input).value)
        except DomainError as problem:
            self.query_one("#form-error", Static).update(Content(self.error_text(problem)))
            self.query_one("#return-tracking").focus()
            return
        self.close(number)

    @on(Button.Pressed, "#back")
    def back_pressed(self) -> None:
        self.close(None)


class DisputeResultScreen(PhoneScreen[None]):
    """Sent: the dispute is open (or the request changed), and what happens next."""

    AUTO_FOCUS = "#view-order"
    BINDINGS = [Binding("enter", "back", "key.view_order", id="view-order", show=False)]

    def __init__(self, order_id: str, *, changed: bool = False) -> None:
        super().__init__()
        self.order_id = order_id
        self.changed = changed

    def compose_page(self) -> ComposeResult:
        t = self.t
        yield PageHeader(t("dispute_form.change_title" if self.changed else "dispute_form.title"))
        title = t("dispute_result.changed_title" if self.changed else "dispute_result.title")
        with VerticalScroll(id="result"):
            with Vertical(id="result-banner"):
                yield Static(Content("✓"), id="result-icon")
                yield Static(Content(title), id="result-title")
            yield Card(what_next_lines(t, self.service, self.order_id), id="what-next")
        with Vertical(id="result-actions"):
            yield Button(Content(t("result.view_order")), id="view-order", variant="primary")

    @on(Button.Pressed, "#view-order")
    def view_order(self) -> None:
        self.dismiss()
