"""Before a hint is shown: what it costs. Returns True to show it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from tui.screens.modal_base import YesNoSheet
from tui.screens.training.host import TrainingContext


class HintConfirmScreen(TrainingContext, YesNoSheet):
    BACK_KEY = "training_ui.hint.back"
    CONFIRM_KEY = "training_ui.hint.confirm"

    def compose_body(self) -> ComposeResult:
        t = self.t
        attempt = self.training.attempt
        assert attempt is not None
        hints = attempt.scenario.hints
        number = attempt.hints_used + 1
        yield Static(Content(t("training_ui.hint.title")), id="sheet-title")
        cost = hints[number - 1].cost
        text = t("training_ui.hint.cost", number=number, total=len(hints), cost=cost)
        yield Static(Content(text), id="hint-cost")
