"""The result page: the score, each check passed or failed (with its rule when failed), the
hints used and the time taken; then the scenario list, or the same scenario again."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Static

from tui.screens.training.host import TrainingContext
from tui.training.grading import Result
from tui.training.scenario import Scenario
from tui.training.words import describe, duration
from tui.widgets.key_footer import KeyFooter


class ResultScreen(TrainingContext, Screen[None]):
    AUTO_FOCUS = "#to-list"
    BINDINGS = [
        Binding("escape", "to_list", "key.training.to_list", id="back"),
        Binding("r", "again", "key.training.again", id="again"),
    ]

    def __init__(self, scenario: Scenario, result: Result) -> None:
        super().__init__()
        self.scenario = scenario
        self.result = result

    def compose(self) -> ComposeResult:
        t, result = self.t, self.result
        language = t.language.value
        title = t("training_ui.result.title", title=self.scenario.title.in_(language))
        yield Static(Content(title), id="result-title")
        with VerticalScroll(id="result-body"):
            score = t("training.result.score", score=result.score, max=result.max_score)
            yield Static(Content(score), id="result-score")
            if result.full_marks:
                yield Static(Content(t("training.result.full_marks")), id="result-full")
            for outcome in result.checks:
                check = outcome.check
                key = "training.result.passed" if outcome.passed else "training.result.failed"
                yield Static(
                    Content(t(key, check=describe(check, t))),
                    id=f"check-{check.id}",
                    classes="check -passed" if outcome.passed else "check -failed",
                )
                if not outcome.passed:
                    rule = t("training.result.rule", rule=check.rule.in_(language))
                    yield Static(Content(rule), id=f"rule-{check.id}", classes="rule")
            if result.hints_used:
                hints = t("training.result.hints", count=result.hints_used, cost=result.hint_cost)
                yield Static(Content(hints), id="result-hints", classes="fact")
            time = t("training.result.time", time=duration(result.seconds, t))
            yield Static(Content(time), id="result-time", classes="fact")
            over = result.seconds_over_limit
            if over is not None:
                late = t("training.result.over_limit", time=duration(over, t))
                yield Static(Content(late), id="result-over", classes="fact")
            yield Static(Content(t("training_ui.result.kept")), classes="fact")
        with Horizontal(classes="box-buttons"):
            yield Button(Content(t("training_ui.result.again")), id="again", compact=True)
            yield Button(
                Content(t("training_ui.result.to_list")),
                id="to-list",
                variant="primary",
                compact=True,
            )
        yield KeyFooter()

    @on(Button.Pressed, "#to-list")
    def action_to_list(self) -> None:
        self.dismiss()

    @on(Button.Pressed, "#again")
    def action_again(self) -> None:
        self.dismiss()
        self.training.start_scenario(self.scenario.id)
