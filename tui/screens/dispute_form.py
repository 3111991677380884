"""The app's dispute form, one sheet per step: the problem, refund only or a return, the
amount, the description and evidence names, then a review. Each sheet answers the draft
with its step filled in, `BACK` (a step back), or None (Escape: leave the form).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from tui.domain.dispute_input import DESCRIPTION_MAX_LENGTH, EVIDENCE_MAX_FILES
from tui.domain.dispute_models import DisputeGround, RequestType
from tui.domain.errors import DomainError
from tui.screens.dispute_draft import BACK, Back, DisputeDraft, plain_amount, review_lines
from tui.screens.modal_base import SheetScreen
from tui.widgets.card import Card
from tui.widgets.key_footer import KeyFooter

Answer = DisputeDraft | Back | None

SHORT_BREAKPOINTS = [(0, "-short"), (30, "-tall")]
"""Below 30 rows a form sheet takes the whole height and its body scrolls (styles/dispute.tcss):
a field given the focus, and its message, are then always in view."""


class FormSheet(SheetScreen[Answer]):
    """A step of the form: its title, a question, the step's fields, Back and Next."""

    QUESTION_KEY = ""
    NEXT_KEY = "dispute_form.next"
    VERTICAL_BREAKPOINTS = SHORT_BREAKPOINTS
    BINDINGS = [Binding("ctrl+s", "next", "key.next", id="form-next")]

    def __init__(self, order_id: str, draft: DisputeDraft, *, change: bool = False) -> None:
        super().__init__()
        self.order_id = order_id
        self.draft = draft
        self.change = change

    def compose(self) -> ComposeResult:
        t = self.t
        title = t("dispute_form.change_title" if self.change else "dispute_form.title")
        with Vertical(id="sheet", classes="dispute-sheet"):
            yield Static(Content(title), id="sheet-title")
            yield Static(Content(t(self.QUESTION_KEY)), classes="dispute-question")
            yield Static("", id="form-error")
            with Horizontal(classes="sheet-buttons"):
                yield Button(Content(t("dispute_form.back")), id="back", compact=True)
                yield Button(Content(t(self.NEXT_KEY)), id="next", variant="primary", compact=True)
            with VerticalScroll(id="sheet-body"):
                yield from self.compose_fields()
        yield KeyFooter()

    def compose_fields(self) -> ComposeResult:
        raise NotImplementedError
        yield

    def show_error(self, text: str, focus: str) -> None:
        """Say what is wrong under the question, always in view (nothing is saved); the
        field at fault gets the focus."""
        self.query_one("#form-error", Static).update(Content(text))
        self.query_one(focus).focus()

    @on(Input.Changed)
    def typed(self, event: Input.Changed) -> None:
        if event.input.id in ("amount", "description", "evidence") and not event.input.disabled:
            self.draft = self.draft.with_typed(str(event.input.id), event.value)

    @on(Button.Pressed, "#back")
    def back_pressed(self) -> None:
        self.close(BACK)

    @on(Button.Pressed, "#next")
    def next_pressed(self) -> None:
        self.action_next()

    def action_next(self) -> None:
        raise NotImplementedError


class ChoiceSheet(FormSheet):
    """A step that is one choice in a list: Enter (or a click) on an entry chooses it and
    goes on; Next goes on with the entry chosen before."""

    AUTO_FOCUS = "#choices"

    def choices(self) -> list[Option]:
        raise NotImplementedError

    def chosen(self) -> str | None:
        raise NotImplementedError

    def answer(self, value: str) -> DisputeDraft:
        raise NotImplementedError

    def compose_fields(self) -> ComposeResult:
        yield OptionList(*self.choices(), id="choices")

    def on_mount(self) -> None:
        super().on_mount()
        options = self.query_one("#choices", OptionList)
        chosen = self.chosen()
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        if chosen is not None and chosen in ids:  # headings have no id
            options.highlighted = ids.index(chosen)
        else:  # the first choice, not a heading: Enter picks it at once
            enabled = (
                i
                for i in range(options.option_count)
                if not options.get_option_at_index(i).disabled
            )
            options.highlighted = next(enabled, None)

    def mark(self, value: str, label: str) -> Content:
        return Content(f"{'◉' if value == self.chosen() else '○'} {label}")

    @on(OptionList.OptionSelected, "#choices")
    def picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.close(self.answer(str(event.option.id)))

    def action_next(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            self.show_error(self.t("dispute_form.choose_first"), "#choices")
            return
        self.close(self.answer(chosen))


class DisputeGroundSheet(ChoiceSheet):
    """What is the problem: the grounds under their two headings, as the real form has them."""

    QUESTION_KEY = "dispute_form.choose_ground"

    def choices(self) -> list[Option]:
        options: list[Option] = []
        for group, grounds in self.service.dispute_grounds():
            options.append(Option(Content(self.t(group.label_key)), disabled=True))
            options += [
                Option(self.mark(g.value, self.t(g.label_key)), id=g.value) for g in grounds
            ]
        return options

    def chosen(self) -> str | None:
        return self.draft.ground.value if self.draft.ground else None

    def answer(self, value: str) -> DisputeDraft:
        return self.draft.with_ground(DisputeGround(value))


class DisputeRequestSheet(ChoiceSheet):
    """Refund only, or return and refund (only for an item that arrived)."""

    QUESTION_KEY = "dispute_form.choose_request"

    def choices(self) -> list[Option]:
        assert self.draft.ground is not None
        kinds = self.service.request_types(self.draft.ground)
        return [Option(self.mark(k.value, self.t(k.label_key)), id=k.value) for k in kinds]

    def chosen(self) -> str | None:
        return self.draft.request_type.value if self.draft.request_type else None

    def answer(self, value: str) -> DisputeDraft:
        return self.draft.with_type(RequestType(value))


class DisputeAmountSheet(FormSheet):
    """How much back: all that was paid to start with; less for refund only; a return is
    refunded in full (the field can't be changed then)."""

    QUESTION_KEY = "dispute_form.amount"
    AUTO_FOCUS = "#amount"

    def compose_fields(self) -> ComposeResult:
        t, order = self.t, self.service.order(self.order_id)
        returning = self.draft.request_type is RequestType.RETURN_AND_REFUND
        text = plain_amount(order.paid) if returning else self.draft.amount_text
        yield Input(text or plain_amount(order.paid), id="amount", compact=True, disabled=returning)
        hint = t("dispute_form.amount_hint", paid=t.money(order.paid))
        if returning:
            hint = t("dispute_form.return_full", amount=t.money(order.paid))
        yield Static(Content(hint), classes="dispute-hint")

    def on_mount(self) -> None:
        super().on_mount()
        if self.query_one("#amount").disabled:  # a return: nothing to type, Next lit
            self.query_one("#next").focus()

    @on(Input.Submitted, "#amount")
    def action_next(self) -> None:
        draft, field = self.draft, self.query_one("#amount", Input)
        assert draft.ground is not None and draft.request_type is not None
        try:
            amount = self.service.check_dispute_amount(
                self.order_id, draft.ground, draft.request_type, field.value
            )
        except DomainError as problem:
            self.show_error(self.error_text(problem), "#amount")
            return
        self.close(draft.with_amount(field.value, amount))


class DisputeDetailsSheet(FormSheet):
    """Describe the problem (required) and name the photos or videos (names only: the app
    never reads a file)."""

    QUESTION_KEY = "dispute_form.description"
    AUTO_FOCUS = "#description"

    def compose_fields(self) -> ComposeResult:
        t, draft = self.t, self.draft
        yield Input(
            draft.description,
            placeholder=t("dispute_form.description_hint", limit=DESCRIPTION_MAX_LENGTH),
            id="description",
            compact=True,
        )
        yield Label(Content(t("dispute_form.evidence")), classes="dispute-label")
        yield Input(
            draft.evidence_text,
            placeholder=t("dispute_form.evidence_hint", count=EVIDENCE_MAX_FILES),
            id="evidence",
            compact=True,
        )

    @on(Input.Submitted)
    def action_next(self) -> None:
        description = self.query_one("#description", Input).value
        evidence = self.query_one("#evidence", Input).value
        draft = self.draft.with_details(description, evidence)
        assert draft.ground is not None
        try:
            request = self.service.check_dispute_request(
                self.order_id, draft.ground, draft.typed_request()
            )
        except DomainError as problem:
            focus = "#evidence" if problem.key.startswith("error.evidence") else "#description"
            self.show_error(self.error_text(problem), focus)
            return
        self.close(draft.with_request(request))


class DisputeReviewSheet(FormSheet):
    """The request as it will be sent, and how long the seller has; Submit sends it."""

    QUESTION_KEY = "dispute_form.review"
    NEXT_KEY = "dispute_form.submit"
    AUTO_FOCUS = "#next"

    def compose_fields(self) -> ComposeResult:
        yield Card(review_lines(self.t, self.service, self.order_id, self.draft), id="review")

    def action_next(self) -> None:
        self.close(self.draft)


FORM_STEPS: list[type[FormSheet]] = [
    DisputeGroundSheet,
    DisputeRequestSheet,
    DisputeAmountSheet,
    DisputeDetailsSheet,
    DisputeReviewSheet,
]
"""The form's steps in order; changing a request skips the first (the ground stays)."""
