"""The desk's answer: for each question, its statements to pick (as many as the reply must
make). Picks are kept as they are made, until Finish; the screen can be opened again."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from tui.screens.base import DialogScreen
from tui.screens.training.host import TrainingContext
from tui.training.words import brief
from tui.widgets.key_footer import KeyFooter
from tui.widgets.statement_list import StatementList


class AnswerScreen(TrainingContext, DialogScreen[None]):
    AUTO_FOCUS = "StatementList"

    def compose(self) -> ComposeResult:
        t = self.t
        attempt = self.training.attempt
        assert attempt is not None
        text = brief(attempt.scenario, t, attempt.hints_used)
        with Vertical(id="answer-box", classes="training-box"):
            yield Static(Content(t("training_ui.answer.title")), classes="box-title")
            yield Static(Content(t("training_ui.answer.help")), classes="fact")
            with VerticalScroll(id="answer-body"):
                for question in text.questions:
                    yield Static(Content(question.text), classes="heading")
                    yield StatementList(
                        question.statements,
                        attempt.answers,
                        id=f"question-{question.check_id}",
                        classes="statements",
                    )
            with Horizontal(classes="box-buttons"):
                yield Button(
                    Content(t("training_ui.answer.done")),
                    id="answer-done",
                    variant="primary",
                    compact=True,
                )
        yield KeyFooter()

    @on(StatementList.Changed)
    def picked(self) -> None:
        attempt = self.training.attempt
        if attempt is None:
            return
        chosen: set[str] = set()
        for statements in self.query(StatementList):
            chosen.update(statements.ticked)
        attempt.answers = chosen
        self.training.answers_changed()

    @on(Button.Pressed, "#answer-done")
    def done_pressed(self) -> None:
        self.close(None)
