"""The brief: what the customer wrote, the goal, where to work, the time limit, the hints
left and those already shown. It opens as a run starts; F5 (or "Brief") opens it again."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from tui.screens.base import DialogScreen
from tui.screens.training.host import TrainingContext
from tui.training.words import brief, hint_line
from tui.widgets.key_footer import KeyFooter


class BriefScreen(TrainingContext, DialogScreen[None]):
    AUTO_FOCUS = "#brief-close"
    BINDINGS = [
        # F5 again closes the brief (as it opened it): a dialog hides the app's own F5.
        Binding("f5", "app.brief", "key.training.brief", id="brief-brief", show=False),
        Binding("f1", "app.hint", "key.training.hint", id="brief-hint"),
        Binding("f6", "app.answer", "key.training.answer", id="brief-answer"),
        Binding("f9", "app.finish", "key.training.finish", id="brief-finish"),
    ]

    def __init__(self, *, starting: bool = False) -> None:
        super().__init__()
        self.starting = starting
        """Shown as the run starts: its button says Start rather than Back to work."""

    def compose(self) -> ComposeResult:
        t = self.t
        attempt = self.training.attempt
        assert attempt is not None
        scenario = attempt.scenario
        text = brief(scenario, t, attempt.hints_used)
        with Vertical(id="brief-box", classes="training-box"):
            yield Static(Content(t("training_ui.brief.title")), classes="box-kicker")
            yield Static(Content(text.title), id="brief-title", classes="box-title")
            with VerticalScroll(id="brief-body"):
                yield Static(Content(t("training.brief.customer_says")), classes="heading")
                yield Static(Content(text.message), id="brief-message", classes="quote")
                yield Static(Content(t("training.brief.goal")), classes="heading")
                yield Static(Content(text.goal), id="brief-goal")
                yield Static(Content(text.view), id="brief-view", classes="fact")
                yield Static(Content(text.time_limit), id="brief-time", classes="fact")
                yield Static(Content(text.hints), id="brief-hints-left", classes="fact")
                if attempt.hints_used:
                    yield Static(Content(t("training_ui.brief.hints_shown")), classes="heading")
                    for number in range(1, attempt.hints_used + 1):
                        yield Static(
                            Content(hint_line(scenario, number, t)),
                            id=f"brief-hint-{number}",
                            classes="hint",
                        )
                if scenario.questions:
                    yield Static(Content(t("training_ui.brief.desk_answer")), classes="fact")
                keys = "keys_desk" if scenario.questions else "keys"
                yield Static(Content(t(f"training_ui.brief.{keys}")), classes="keys-line")
            with Horizontal(classes="box-buttons"):
                if attempt.hints_used < len(scenario.hints):
                    yield Button(Content(t("key.training.hint")), id="hint-button", compact=True)
                close = "training_ui.brief.start" if self.starting else "training_ui.brief.close"
                yield Button(Content(t(close)), id="brief-close", variant="primary", compact=True)
        yield KeyFooter()

    @on(Button.Pressed, "#brief-close")
    def close_pressed(self) -> None:
        self.close(None)

    @on(Button.Pressed, "#hint-button")
    async def hint_pressed(self) -> None:
        await self.app.run_action("hint")
