"""The trainer refuses for the seller: a message to the buyer, required, then Refuse or Back."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Static

from tui.domain.errors import DomainError
from tui.domain.reasons import MESSAGE_MAX_LENGTH
from tui.screens.trainer_base import TrainerDialog
from tui.widgets.key_footer import KeyFooter
from tui.widgets.trainer import TrainerBar


class TrainerRefuseScreen(TrainerDialog[str | None]):
    """Returns the seller's message (cleaned), or None to leave the request as it is."""

    def __init__(self, order_id: str) -> None:
        super().__init__()
        self.order_id = order_id

    def compose(self) -> ComposeResult:
        t = self.t
        with Vertical(id="trainer-dialog"):
            yield TrainerBar(t("trainer.title"), t("trainer.refuse_title", order=self.order_id))
            yield Static(Content(t("trainer.refuse_label")), classes="trainer-heading")
            yield Input(
                t("trainer.refuse_default"),
                max_length=MESSAGE_MAX_LENGTH,
                id="message",
                compact=True,
            )
            yield Static("", id="message-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content(t("trainer.back")), id="back", compact=True)
                yield Button(Content(t("trainer.refuse_confirm")), id="confirm", compact=True)
        yield KeyFooter()

    AUTO_FOCUS = "#message"

    @on(Input.Submitted, "#message")
    @on(Button.Pressed, "#confirm")
    def confirmed(self) -> None:
        try:
            message = self.service.check_message(self.query_one("#message", Input).value)
        except DomainError as error:
            self.query_one("#message-error", Static).update(Content(self.error_text(error)))
            self.query_one("#message", Input).focus()
            return
        self.close(message)

    @on(Button.Pressed, "#back")
    def back_pressed(self) -> None:
        self.close(None)
