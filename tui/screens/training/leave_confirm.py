"""Leave a scenario without grading it. Returns True to leave."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from tui.screens.modal_base import YesNoSheet


class LeaveConfirmScreen(YesNoSheet):
    BACK_KEY = "training_ui.leave.back"
    CONFIRM_KEY = "training_ui.leave.confirm"
    AUTO_FOCUS = "#back"  # the safe choice first: the work done is not kept

    def compose_body(self) -> ComposeResult:
        yield Static(Content(self.t("training_ui.leave.title")), id="sheet-title")
        yield Static(Content(self.t("training_ui.leave.body")), id="leave-body")
