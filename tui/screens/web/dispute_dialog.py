"""The website's dispute dialog: the whole form in one box ("What is the problem?" and "What
would you like?" drop-downs, the amount, the description, the evidence file names), checked
on Continue with an inline message; a second box reviews it (`dispute_boxes`).

The form is taller than a small terminal: the whole box scrolls (its buttons at the end),
so the field at fault is scrolled into view with its message under it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Label, Select, Static

from tui.domain.dispute_input import DESCRIPTION_MAX_LENGTH, EVIDENCE_MAX_FILES
from tui.domain.dispute_models import DisputeGround, RequestType
from tui.domain.errors import DomainError
from tui.screens.dispute_draft import DisputeDraft, plain_amount
from tui.screens.web.dialog_base import WebDialog
from tui.widgets.card import Card, row
from tui.widgets.key_footer import KeyFooter


class WebDisputeScreen(WebDialog[DisputeDraft | None]):
    """Returns the draft with its request checked, or None (Cancel, Escape). When changing
    a request the problem is shown, not asked: it stays."""

    AUTO_FOCUS = "#web-dispute-ground, #web-dispute-type"
    BINDINGS = [Binding("ctrl+s", "submit", "key.ok", id="dispute-submit")]

    def __init__(self, order_id: str, draft: DisputeDraft, *, change: bool = False) -> None:
        super().__init__()
        self.order_id = order_id
        self.draft = draft
        self.change = change

    def compose(self) -> ComposeResult:
        t, draft = self.t, self.draft
        order = self.service.order(self.order_id)
        title = t("dispute_form.change_title" if self.change else "web.open_dispute")
        with VerticalScroll(id="web-dispute", classes="web-box"):
            yield Static(Content(title), classes="web-box-title")
            with Vertical(classes="web-form-body"):
                summary = [
                    row(t("details.order_number"), order.id),
                    row(t("dispute_form.order_total"), t.money(order.paid)),
                ]
                if self.change and draft.ground is not None:
                    summary.append(row(t("dispute_details.ground"), t(draft.ground.label_key)))
                yield Card(summary, id="web-dispute-summary")
                if not self.change:
                    yield Label(Content(t("web.problem_label")), classes="web-field-label")
                    yield Select[DisputeGround](
                        self._grounds(),
                        prompt=t("web.select_here"),
                        value=draft.ground or Select.NULL,
                        id="web-dispute-ground",
                    )
                yield Label(Content(t("web.request_label")), classes="web-field-label")
                yield Select[RequestType](
                    self._types(draft.ground),
                    prompt=t("web.select_here"),
                    value=draft.request_type or Select.NULL,
                    id="web-dispute-type",
                )
                yield Label(Content(t("dispute_form.amount")), classes="web-field-label")
                yield Input(draft.amount_text or plain_amount(order.paid), id="web-dispute-amount")
                hint = t("dispute_form.amount_hint", paid=t.money(order.paid))
                yield Static(Content(hint), classes="web-hint")
                yield Label(Content(t("dispute_form.description")), classes="web-field-label")
                yield Input(
                    draft.description,
                    placeholder=t("dispute_form.description_hint", limit=DESCRIPTION_MAX_LENGTH),
                    id="web-dispute-description",
                )
                yield Label(Content(t("dispute_form.evidence")), classes="web-field-label")
                yield Input(
                    draft.evidence_text,
                    placeholder=t("dispute_form.evidence_hint", count=EVIDENCE_MAX_FILES),
                    id="web-dispute-evidence",
                )
                yield Static("", id="web-dispute-error")
            with Horizontal(classes="web-box-buttons web-form-buttons"):
                yield Button(Content(t("web.cancel")), id="web-dispute-cancel")
                yield Button(Content(t("web.dispute_next")), id="web-dispute-ok", variant="primary")
        yield KeyFooter()

    def _grounds(self) -> list[tuple[Content, DisputeGround]]:
        """Each ground under its heading's words, as the site's one drop-down lists them."""
        t = self.t
        return [
            (Content(f"{t(group.label_key)} › {t(ground.label_key)}"), ground)
            for group, grounds in self.service.dispute_grounds()
            for ground in grounds
        ]

    def _types(self, ground: DisputeGround | None) -> list[tuple[Content, RequestType]]:
        kinds = self.service.request_types(ground) if ground else [RequestType.REFUND_ONLY]
        return [(Content(self.t(kind.label_key)), kind) for kind in kinds]

    def on_mount(self) -> None:
        super().on_mount()
        self._amount_follows_type()
        box = self.query_one("#web-dispute")
        self.call_after_refresh(box.scroll_home, animate=False)  # from the title down

    @on(Select.Changed, "#web-dispute-ground")
    def ground_chosen(self, event: Select.Changed) -> None:
        value = event.value
        if not isinstance(value, DisputeGround) or value is self.draft.ground:
            return
        self.draft = self.draft.with_ground(value)
        kinds = self.query_one("#web-dispute-type", Select)
        options = self._types(value)
        kinds.set_options(options)
        if len(options) == 1:  # nothing to choose: refund only for an item not received
            self.draft = self.draft.with_type(options[0][1])
        if self.draft.request_type is not None:
            kinds.value = self.draft.request_type
        self._amount_follows_type()

    @on(Select.Changed, "#web-dispute-type")
    def type_chosen(self, event: Select.Changed) -> None:
        value = event.value
        if isinstance(value, RequestType):
            self.draft = self.draft.with_type(value)
        self._amount_follows_type()

    @on(Input.Changed)
    def typed(self, event: Input.Changed) -> None:
        field = str(event.input.id).removeprefix("web-dispute-")
        if field in ("amount", "description", "evidence") and not event.input.disabled:
            self.draft = self.draft.with_typed(field, event.value)

    def _amount_follows_type(self) -> None:
        """A return is refunded in full: the amount is all that was paid, not to be typed."""
        field = self.query_one("#web-dispute-amount", Input)
        returning = self.draft.request_type is RequestType.RETURN_AND_REFUND
        if returning:
            field.value = plain_amount(self.service.order(self.order_id).paid)
        field.disabled = returning

    def _error(self, text: str, focus: str) -> None:
        """Say what is wrong under the form; the field at fault gets the focus, and the
        message is scrolled into view."""
        message = self.query_one("#web-dispute-error", Static)
        message.update(Content(text))
        self.query_one(focus).focus()
        self.call_after_refresh(message.scroll_visible, animate=False)

    @on(Input.Submitted)
    @on(Button.Pressed, "#web-dispute-ok")
    def action_submit(self) -> None:
        """Check each field in turn; the first wrong one says so and gets the focus."""
        draft, service, ground = self.draft, self.service, self.draft.ground
        if ground is None:
            self._error(self.t("dispute_form.choose_first"), "#web-dispute-ground")
            return
        if draft.request_type is None:
            self._error(self.t("dispute_form.choose_first"), "#web-dispute-type")
            return
        text = self.query_one("#web-dispute-amount", Input).value
        try:
            amount = service.check_dispute_amount(self.order_id, ground, draft.request_type, text)
        except DomainError as problem:
            self._error(self.error_text(problem), "#web-dispute-amount")
            return
        draft = draft.with_amount(text, amount).with_details(
            self.query_one("#web-dispute-description", Input).value,
            self.query_one("#web-dispute-evidence", Input).value,
        )
        try:
            request = service.check_dispute_request(self.order_id, ground, draft.typed_request())
        except DomainError as problem:
            evidence = problem.key.startswith("error.evidence")
            field = "#web-dispute-evidence" if evidence else "#web-dispute-description"
            self._error(self.error_text(problem), field)
            return
        self.close(draft.with_request(request))

    @on(Button.Pressed, "#web-dispute-cancel")
    def cancel_pressed(self) -> None:
        self.close(None)
