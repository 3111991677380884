"""The trainer's dialog for the dispute section's answers that need typing: the seller's
offer and message, the platform's partial refund, a tracking number and delivery time, the
extra days of protection. One box of labelled fields, the last refusal shown above them."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label, Static

from tui.screens.trainer_base import TrainerDialog
from tui.widgets.key_footer import KeyFooter
from tui.widgets.trainer import TrainerBar


@dataclass(frozen=True)
class Field:
    """One typed answer: its label, what it holds now, and a hint while empty."""

    label: str
    value: str = ""
    placeholder: str = ""


class TrainerAskScreen(TrainerDialog[list[str] | None]):
    """Returns what was typed, field by field (the flow checks it and, if the rules refuse,
    asks again with the refusal in ``error``); None for Back or Escape."""

    AUTO_FOCUS = "#ask-0"

    def __init__(self, title: str, fields: list[Field], error: str = "") -> None:
        super().__init__()
        self.heading = title
        self.fields = fields
        self.error = error

    def compose(self) -> ComposeResult:
        t = self.t
        with Vertical(id="trainer-dialog"):
            yield TrainerBar(t("trainer.title"), self.heading)
            for index, field in enumerate(self.fields):
                yield Label(Content(field.label), classes="trainer-heading")
                yield Input(
                    field.value, placeholder=field.placeholder, id=f"ask-{index}", compact=True
                )
            yield Static(Content(self.error), id="message-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content(t("trainer.back")), id="back", compact=True)
                yield Button(Content(t("trainer_disputes.confirm")), id="confirm", compact=True)
        yield KeyFooter()

    @on(Input.Submitted)
    @on(Button.Pressed, "#confirm")
    def confirmed(self) -> None:
        self.close([field.value for field in self.query(Input).results(Input)])

    @on(Button.Pressed, "#back")
    def back_pressed(self) -> None:
        self.close(None)
