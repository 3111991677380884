"""The website's other dispute boxes: the review before sending, what happens next, the
one-question actions (confirm received, extend protection, accept the offer, escalate,
cancel the dispute), and the return's tracking number."""

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
from tui.screens.dispute_draft import BACK, Back, DisputeDraft, review_lines, what_next_lines
from tui.screens.dispute_questions import QUESTIONS, question_lines, return_lines
from tui.screens.web.dialog_base import WebDialog, WebQuestion
from tui.widgets.card import Card
from tui.widgets.key_footer import KeyFooter


class WebDisputeReview(WebDialog[DisputeDraft | Back | None]):
    """The request as it will be sent: Submit answers the draft, Back goes back to the form
    (`BACK`), Escape leaves (None)."""

    AUTO_FOCUS = "#web-review-submit"

    def __init__(self, order_id: str, draft: DisputeDraft) -> None:
        super().__init__()
        self.order_id = order_id
        self.draft = draft

    def compose(self) -> ComposeResult:
        t = self.t
        with Vertical(id="web-dispute-review", classes="web-box"):
            yield Static(Content(t("dispute_form.review")), classes="web-box-title")
            with Horizontal(classes="web-box-buttons"):
                yield Button(Content(t("dispute_form.back")), id="web-review-back")
                yield Button(
                    Content(t("dispute_form.submit")), id="web-review-submit", variant="primary"
                )
            with VerticalScroll(classes="web-box-body"):
                lines = review_lines(t, self.service, self.order_id, self.draft)
                yield Card(lines, id="web-review")
        yield KeyFooter()

    @on(Button.Pressed, "#web-review-submit")
    def submit_pressed(self) -> None:
        self.close(self.draft)

    @on(Button.Pressed, "#web-review-back")
    def back_pressed(self) -> None:
        self.close(BACK)


class WebDisputeDone(WebDialog[None]):
    """✓ Dispute opened (or request changed), and what happens next."""

    AUTO_FOCUS = "#web-dispute-done-ok"

    def __init__(self, order_id: str, *, changed: bool = False) -> None:
        super().__init__()
        self.order_id = order_id
        self.changed = changed

    def compose(self) -> ComposeResult:
        t = self.t
        title = t("dispute_result.changed_title" if self.changed else "dispute_result.title")
        with Vertical(id="web-dispute-done", classes="web-box"):
            yield Static(
                Content(f"✓ {title}"), id="web-dispute-done-title", classes="web-box-title"
            )
            with Horizontal(classes="web-box-buttons"):
                yield Button(Content(t("web.ok")), id="web-dispute-done-ok", variant="primary")
            with VerticalScroll(classes="web-box-body"):
                yield Card(what_next_lines(t, self.service, self.order_id), id="web-dispute-next")
        yield KeyFooter()

    @on(Button.Pressed, "#web-dispute-done-ok")
    def ok_pressed(self) -> None:
        self.close(None)


class WebActionQuestion(WebQuestion):
    """Asks before one of the buyer's actions, as the site's box; True to go ahead."""

    def __init__(self, order_id: str, action: BuyerAction) -> None:
        self.question = QUESTIONS[action]
        self.BACK_KEY = self.question.back_key
        self.CONFIRM_KEY = self.question.confirm_key
        super().__init__()
        self.order_id = order_id
        self.action = action

    def title_text(self) -> str:
        return self.t(self.question.title_key)

    def compose_body(self) -> ComposeResult:
        lines = question_lines(self.t, self.service, self.order_id, self.action)
        yield Card(lines, id="web-question-body")

    def on_mount(self) -> None:
        super().on_mount()
        if self.question.safe_first:  # can't be undone: Back lit first
            self.query_one("#back").focus()


class WebReturnScreen(WebDialog[str | None]):
    """The return's tracking number, checked inline; answered as it will be saved."""

    AUTO_FOCUS = "#web-return-tracking"
    BINDINGS = [Binding("ctrl+s", "submit", "key.ok", id="return-submit")]

    def __init__(self, order_id: str) -> None:
        super().__init__()
        self.order_id = order_id

    def compose(self) -> ComposeResult:
        t = self.t
        with Vertical(id="web-return", classes="web-box"):
            yield Static(Content(t("web.ship_return")), classes="web-box-title")
            with Horizontal(classes="web-box-buttons"):
                yield Button(Content(t("web.cancel")), id="web-return-cancel")
                yield Button(Content(t("web.ok")), id="web-return-ok", variant="primary")
            with VerticalScroll(classes="web-box-body"):
                yield Card(return_lines(t, self.service, self.order_id), id="web-return-body")
                yield Input(
                    placeholder=t("dispute_ask.return_hint", example=TRACKING_EXAMPLE),
                    id="web-return-tracking",
                )
                yield Static("", id="web-return-error")
        yield KeyFooter()

    @on(Input.Submitted, "#web-return-tracking")
    @on(Button.Pressed, "#web-return-ok")
    def action_submit(self) -> None:
        try:
            number = self.service.check_tracking(
                self.query_one("#web-return-tracking", Input).value
            )
        except DomainError as problem:
            self.query_one("#web-return-error", Static).update(Content(self.error_text(problem)))
            self.query_one("#web-return-tracking").focus()
            return
        self.close(number)

    @on(Button.Pressed, "#web-return-cancel")
    def cancel_pressed(self) -> None:
        self.close(None)
