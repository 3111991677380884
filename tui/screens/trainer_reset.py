"""Put the demo data back? Say what is lost, then Reset or Back."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from tui.screens.base import YesNoDialog
from tui.screens.trainer_base import TrainerDialog
from tui.widgets.key_footer import KeyFooter
from tui.widgets.trainer import TrainerBar


class TrainerResetScreen(TrainerDialog[bool], YesNoDialog):
    """Returns True to put the demo data back, False to keep everything as it is."""

    AUTO_FOCUS = "#back"  # the safe choice first

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
