"""Before an attempt is graded: what Finish does, the hints used and the time so far.
Returns True to finish."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from tui.screens.modal_base import YesNoSheet
from tui.screens.training.host import TrainingContext
from tui.training.words import duration


class FinishConfirmScreen(TrainingContext, YesNoSheet):
    BACK_KEY = "training_ui.finish.back"
    CONFIRM_KEY = "training_ui.finish.confirm"

    def compose_body(self) -> ComposeResult:
        t = self.t
        attempt = self.training.attempt
        assert attempt is not None
        yield Static(Content(t("training_ui.finish.title")), id="sheet-title")
        yield Static(Content(t("training_ui.finish.body")), id="finish-body")
        if attempt.scenario.questions and not attempt.answers:
            yield Static(Content(t("training_ui.finish.no_answers")), id="finish-warning")
        used, total = attempt.hints_used, len(attempt.scenario.hints)
        yield Static(Content(t("training_ui.finish.hints", used=used, total=total)))
        time = duration(self.training.elapsed_seconds(), t)
        yield Static(Content(t("training_ui.finish.time", time=time)), id="finish-time")
