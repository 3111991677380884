"""Pick a reason: the marketplace's list, the first recommended, seller-fault ones warned."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.domain.errors import DomainError
from tui.domain.reasons import NOTE_MAX_LENGTH, CancelReason, ReasonChoice, note_hint_key
from tui.domain.wording import seller_warning_key
from tui.screens.base import shown_if
from tui.screens.modal_base import SheetScreen
from tui.screens.outcome_text import reputation_warning
from tui.widgets.key_footer import KeyFooter


class CancelReasonScreen(SheetScreen[ReasonChoice | None]):
    """Returns the reason and note chosen, or None for Back."""

    AUTO_FOCUS = "#reasons"
    BINDINGS = [Binding("ctrl+s", "submit", "key.submit", id="submit")]

    def __init__(self, order_id: str, previous: ReasonChoice | None = None) -> None:
        super().__init__()
        self.order_id = order_id
        self.selected: CancelReason | None = previous.reason if previous else None
        self.note = previous.note if previous else ""

    def compose(self) -> ComposeResult:
        t = self.t
        with Vertical(id="sheet"):
            yield Static(Content(t("reason.title")), id="sheet-title")
            warning = reputation_warning(t, self.service)
            yield shown_if(Static(Content(warning or ""), id="reputation-warning"), warning)
            with Horizontal(classes="sheet-buttons"):
                yield Button(Content(t("reason.back")), id="back", compact=True)
                yield Button(Content(t("reason.next")), id="next", variant="primary", compact=True)
            with VerticalScroll(id="sheet-body"):
                yield OptionList(*self._options(), id="reasons")
                yield Static("", id="seller-warning")
                yield Input(
                    self.note,
                    placeholder=t(note_hint_key(self.selected)),
                    max_length=NOTE_MAX_LENGTH,
                    id="note",
                    compact=True,
                )
                yield Static("", id="reason-error")
        yield KeyFooter()

    def _options(self) -> list[Option]:
        options = []
        for reason in self.service.reasons():
            mark = "◉" if reason is self.selected else "○"
            text = f"{mark} {self.t(reason.label_key)}"
            if reason.recommended:
                text += f"  ({self.t('reason.recommended')})"
            options.append(Option(Content(text), id=reason.value))
        return options

    def on_mount(self) -> None:
        super().on_mount()
        reasons = self.query_one("#reasons", OptionList)
        self._highlight_choice(reasons)
        reasons.focus()
        self._show_warning()

    def _highlight_choice(self, reasons: OptionList) -> None:
        """Light the reason chosen before (back from Confirm); a new choice starts as a new
        list does (the first reason lit once the list has focus)."""
        if self.selected is not None:
            reasons.highlighted = self.service.reasons().index(self.selected)

    @on(OptionList.OptionSelected, "#reasons")
    def reason_chosen(self, event: OptionList.OptionSelected) -> None:
        self.selected = CancelReason(str(event.option.id))
        reasons = self.query_one("#reasons", OptionList)
        highlighted = reasons.highlighted
        reasons.set_options(self._options())
        reasons.highlighted = highlighted
        self.query_one("#reason-error", Static).update("")
        self.query_one("#note", Input).placeholder = self.t(note_hint_key(self.selected))
        self._show_warning()
        self.query_one("#note", Input).focus() if self.selected.needs_note else None

    def _show_warning(self) -> None:
        warning = self.query_one("#seller-warning", Static)
        key = None
        if self.selected is not None:
            key = seller_warning_key(self.service.cancel_path(self.order_id), self.selected)
        warning.update(Content(self.t(key)) if key else "")
        warning.display = key is not None

    @on(Input.Changed, "#note")
    def note_changed(self, event: Input.Changed) -> None:
        self.note = event.value

    @on(Input.Submitted, "#note")
    @on(Button.Pressed, "#next")
    def action_submit(self) -> None:
        error = self.query_one("#reason-error", Static)
        if self.selected is None:
            error.update(Content(self.t("reason.choose_first")))
            self.query_one("#reasons").focus()
            return
        try:
            note = self.service.check_choice(self.selected, self.note)
        except DomainError as problem:
            error.update(Content(self.error_text(problem)))
            self.query_one("#note").focus()
            return
        self.close(ReasonChoice(self.selected, note))

    @on(Button.Pressed, "#back")
    def back_pressed(self) -> None:
        self.close(None)
