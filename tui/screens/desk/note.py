"""An internal note on an order: for the support team only. Returns the text, or None."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static, TextArea

from tui.screens.desk.text_dialog import DeskTextDialog
from tui.widgets.key_footer import KeyFooter


class DeskNoteDialog(DeskTextDialog):
    """Type the note; Ctrl+S saves it, Escape closes without saving."""

    AUTO_FOCUS = "#desk-text"
    BINDINGS = [Binding("ctrl+s", "save", "key.desk_save", id="desk-save-key", priority=True)]

    def compose(self) -> ComposeResult:
        t = self.t
        with Vertical(id="desk-dialog", classes="desk-note"):
            title = t("desk.note_title", number=self.order_id)
            yield Static(Content(title), classes="desk-dialog-title")
            yield Static(Content(t("desk.note_hint")), classes="desk-dialog-label")
            yield TextArea("", id="desk-text", soft_wrap=True, show_line_numbers=False)
            yield Static("", id="desk-error")
            with Horizontal(classes="desk-dialog-buttons"):
                yield Button(Content(t("desk.cancel")), id="desk-cancel", compact=True)
                yield Button(Content(t("desk.save")), id="desk-save", compact=True)
        yield KeyFooter()

    @on(Button.Pressed, "#desk-save")
    def save_pressed(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        self.close_with_text()
