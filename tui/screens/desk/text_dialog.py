"""What the desk's reply and note dialogs share: the order they are about, Cancel, and
closing with the typed words once the rules accept them (an error is said under the box)."""

from __future__ import annotations

from textual import on
from textual.content import Content
from textual.widgets import Button, Static, TextArea

from tui.domain.errors import DomainError
from tui.screens.base import DialogScreen


class DeskTextDialog(DialogScreen[str | None]):
    """A desk dialog with a `#desk-text` box, a `#desk-error` line and a `#desk-cancel`
    button; returns the checked text, or None when closed without it."""

    def __init__(self, order_id: str) -> None:
        super().__init__(classes="desk")
        self.order_id = order_id

    @on(Button.Pressed, "#desk-cancel")
    def cancel_pressed(self) -> None:
        self.close(None)

    def close_with_text(self) -> None:
        """Close with the words, unless the rules refuse them (said under the box)."""
        text = self.query_one("#desk-text", TextArea).text
        try:
            cleaned = self.service.check_desk_text(text)
        except DomainError as error:
            self.query_one("#desk-error", Static).update(Content(self.error_text(error)))
            return
        self.close(cleaned)
