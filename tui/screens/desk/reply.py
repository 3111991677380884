"""Reply to the customer: the templates that fit the order (in the customer's language),
the chosen one filled with the order's facts in an editable box, then Send. Returns the
text to record, or None."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from tui.i18n import Language, Translator
from tui.screens.desk.text_dialog import DeskTextDialog
from tui.widgets.key_footer import KeyFooter


class DeskReplyDialog(DeskTextDialog):
    """↑↓ picks a template (its words fill the box), Tab edits them, Ctrl+S sends."""

    AUTO_FOCUS = "#desk-templates"
    BINDINGS = [Binding("ctrl+s", "send", "key.desk_send", id="desk-send-key", priority=True)]

    def __init__(self, order_id: str, language: Language) -> None:
        super().__init__(order_id)
        self.language = language
        self.replies = self.service.replies(order_id)

    def compose(self) -> ComposeResult:
        t, service = self.t, self.service
        order = service.order(self.order_id)
        customer = Translator(self.language)
        language = t(f"desk.language_{self.language.value}")
        with Vertical(id="desk-dialog", classes="desk-reply"):
            title = t("desk.reply_title", name=order.address.recipient, language=language)
            yield Static(Content(title), classes="desk-dialog-title")
            yield Static(Content(t("desk.reply_pick")), classes="desk-dialog-label")
            yield OptionList(
                *(Option(Content(customer(r.title_key)), id=r.id) for r in self.replies),
                id="desk-templates",
            )
            yield Static(Content(t("desk.reply_edit")), classes="desk-dialog-label")
            first = self.replies[0]
            text = service.reply_text(self.order_id, first, self.language)
            yield TextArea(text, id="desk-text", soft_wrap=True, show_line_numbers=False)
            yield Static("", id="desk-error")
            with Horizontal(classes="desk-dialog-buttons"):
                yield Button(Content(t("desk.cancel")), id="desk-cancel", compact=True)
                yield Button(Content(t("desk.send")), id="desk-send", compact=True)
        yield KeyFooter()

    @on(OptionList.OptionHighlighted, "#desk-templates")
    def template_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """The highlighted template's words fill the box (what was typed is replaced)."""
        chosen = next(r for r in self.replies if r.id == event.option.id)
        text = self.service.reply_text(self.order_id, chosen, self.language)
        self.query_one("#desk-text", TextArea).load_text(text)

    @on(OptionList.OptionSelected, "#desk-templates")
    def template_selected(self) -> None:
        """Enter on a template: go and edit its words."""
        self.query_one("#desk-text", TextArea).focus()

    @on(Button.Pressed, "#desk-send")
    def send_pressed(self) -> None:
        self.action_send()

    def action_send(self) -> None:
        self.close_with_text()
