"""The website's cancel dialog: a "Select here" drop-down of reasons, a note, OK and Cancel."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Label, Select, Static

from tui.domain.errors import DomainError
from tui.domain.reasons import NOTE_MAX_LENGTH, CancelReason, ReasonChoice, note_hint_key
from tui.domain.rules import CancelPath
from tui.domain.wording import seller_warning_key
from tui.screens.base import shown_if
from tui.screens.outcome_text import amount_row, consequence_text, reputation_warning
from tui.screens.web.dialog_base import WebDialog
from tui.widgets.card import Card, Line, row
from tui.widgets.key_footer import KeyFooter


class WebCancelScreen(WebDialog[ReasonChoice | None]):
    """Returns the reason and note; the same reasons, note rules and reputation warning as
    the app's reason sheet."""

    AUTO_FOCUS = "#web-reason"
    BINDINGS = [Binding("ctrl+s", "submit", "key.ok", id="submit")]

    def __init__(self, order_id: str) -> None:
        super().__init__()
        self.order_id = order_id
        self.selected: CancelReason | None = None
        self.note = ""

    def _instant(self) -> bool:
        return self.service.cancel_path(self.order_id) is CancelPath.INSTANT

    def _summary(self) -> list[Line]:
        t, service = self.t, self.service
        order = service.order(self.order_id)
        return [
            row(t("details.order_number"), order.id),
            row(t("confirm.store"), service.store_of(order).name),
            amount_row(t, order),
        ]

    def compose(self) -> ComposeResult:
        t = self.t
        title = t("web.cancel_now" if self._instant() else "web.cancel_request")
        with Vertical(id="web-dialog", classes="web-box"):
            yield Static(Content(title), id="web-dialog-title", classes="web-box-title")
            warning = reputation_warning(t, self.service)
            yield shown_if(Static(Content(warning or ""), id="web-reputation-warning"), warning)
            with Horizontal(classes="web-box-buttons"):
                yield Button(Content(t("web.cancel")), id="web-cancel")
                yield Button(Content(t("web.ok")), id="web-ok", variant="primary")
            with VerticalScroll(classes="web-box-body"):
                yield Card(self._summary(), id="web-cancel-summary")
                yield Label(Content(t("web.reason_label")), classes="web-field-label")
                yield Select[CancelReason](
                    self._options(),
                    prompt=t("web.select_here"),
                    value=self.selected or Select.NULL,
                    id="web-reason",
                )
                yield Static("", id="web-warning")
                yield Label(Content(t("web.note_label")), classes="web-field-label")
                yield Input(
                    self.note,
                    placeholder=t(note_hint_key(self.selected)),
                    max_length=NOTE_MAX_LENGTH,
                    id="web-note",
                )
                yield Static("", id="web-error")
                yield Static(
                    Content(consequence_text(t, self.service, self.order_id)),
                    id="web-consequence",
                )
        yield KeyFooter()

    def _options(self) -> list[tuple[Content, CancelReason]]:
        """The one reason catalog, in its order; the first is marked as recommended."""
        options = []
        for reason in self.service.reasons():
            text = self.t(reason.label_key)
            if reason.recommended:
                text += f"  ({self.t('reason.recommended')})"
            options.append((Content(text), reason))
        return options

    def on_mount(self) -> None:
        super().on_mount()
        self._show_warning()

    @on(Select.Changed, "#web-reason")
    def reason_chosen(self, event: Select.Changed) -> None:
        value = event.value
        self.selected = value if isinstance(value, CancelReason) else None
        self.query_one("#web-error", Static).update("")
        self.query_one("#web-note", Input).placeholder = self.t(note_hint_key(self.selected))
        self._show_warning()
        if self.selected is not None and self.selected.needs_note:
            self.query_one("#web-note", Input).focus()

    def _show_warning(self) -> None:
        warning = self.query_one("#web-warning", Static)
        key = None
        if self.selected is not None:
            key = seller_warning_key(self.service.cancel_path(self.order_id), self.selected)
        warning.update(Content(self.t(key)) if key else "")
        warning.display = key is not None

    @on(Input.Changed, "#web-note")
    def note_changed(self, event: Input.Changed) -> None:
        self.note = event.value

    @on(Input.Submitted, "#web-note")
    @on(Button.Pressed, "#web-ok")
    def action_submit(self) -> None:
        error = self.query_one("#web-error", Static)
        if self.selected is None:
            error.update(Content(self.t("reason.choose_first")))
            self.query_one("#web-reason").focus()
            return
        try:
            note = self.service.check_choice(self.selected, self.note)
        except DomainError as problem:
            error.update(Content(self.error_text(problem)))
            self.query_one("#web-note").focus()
            return
        self.close(ReasonChoice(self.selected, note))

    @on(Button.Pressed, "#web-cancel")
    def cancel_pressed(self) -> None:
        self.close(None)
