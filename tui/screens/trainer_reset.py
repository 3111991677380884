"""Put the demo data back? Say what is lost, then Reset or Back."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from tui.screens.trainer_base import TrainerDialog
from tui.widgets.key_footer import KeyFooter
from tui.widgets.trainer import TrainerBar


class TrainerResetScreen(TrainerDialog[bool]):
    """Returns True to put the demo data back, False to keep everything as it is."""

    ESCAPE_RESULT = False

    def compose(self) -> ComposeResult:
        t = self.t
        with Vertical(id="trainer-dialog"):
            yield TrainerBar(t("trainer.title"), t("trainer.reset_title"))
            yield Static(Content(t("trainer.reset_question")), classes="trainer-heading")
            yield Static(Content(t("trainer.reset_explain")))
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content(t("trainer.back")), id="back", compact=True)
                yield Button(Content(t("trainer.reset_confirm")), id="confirm", compact=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#back").focus()  # the safe choice first

    @on(Button.Pressed, "#confirm")
    def confirmed(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#back")
    def back_pressed(self) -> None:
        self.dismiss(False)
