"""Pilot helpers for the training screens: a training app on a private results file and
runs folder, a clock the test moves, and the steps every attempt shares."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Static

from tests.training.helpers import shipped
from tui.i18n import Language
from tui.screens.training.answer import AnswerScreen
from tui.screens.training.brief import BriefScreen
from tui.screens.training.finish_confirm import FinishConfirmScreen
from tui.screens.training.result import ResultScreen
from tui.training.record import AttemptRecord
from tui.training.results import read_results
from tui.training.session import TrainingSession
from tui.training.train_command import TrainOptions
from tui.training_app import TrainingApp
from tui.widgets.statement_list import StatementList

SIZE = (100, 30)
TRAINEE = "Amina Juma"


class FakeClock:
    """The real clock as the app reads it (`time.monotonic`), moved by the test."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def results_path(tmp_path: Path) -> Path:
    return tmp_path / "results.json"


def make_training_app(
    tmp_path: Path,
    scenario_id: str | None = None,
    language: str = "en",
    clock: FakeClock | None = None,
) -> TrainingApp:
    session = TrainingSession(
        TRAINEE,
        results_path=results_path(tmp_path),
        runs_dir=tmp_path / "runs",
        scenarios=list(shipped()),  # loaded once for the whole test run
    )
    scenario = session.scenario(scenario_id) if scenario_id is not None else None
    options = TrainOptions(session, scenario, Language(language))
    return TrainingApp(options, clock=clock or FakeClock())


async def wait_for(pilot: Pilot[Any], screen_type: type, tries: int = 50) -> Any:
    """Pause until the screen on top is a `screen_type` (a worker may be opening it)."""
    for _ in range(tries):
        if isinstance(pilot.app.screen, screen_type):
            return pilot.app.screen
        await pilot.pause(0.02)
    raise AssertionError(f"{screen_type.__name__} not shown; on top: {pilot.app.screen}")


async def begin(pilot: Pilot[Any]) -> None:
    """The brief opens as the run starts: Start (focused) closes it."""
    await wait_for(pilot, BriefScreen)
    await pilot.press("enter")
    await pilot.pause()


async def pick(pilot: Pilot[Any], wanted: set[str]) -> None:
    """F6, then in each question's list move down its statements, Space on those to tick
    or untick; Escape (the ticks are kept as they are made)."""
    await pilot.press("f6")
    screen = await wait_for(pilot, AnswerScreen)
    for statements in screen.query(StatementList):
        statements.focus()
        await pilot.pause()
        for index in range(statements.option_count):
            while statements.highlighted != index:
                await pilot.press("down")
            sid = statements.get_option_at_index(index).id
            if (sid in wanted) != (sid in statements.ticked):
                await pilot.press("space")
        await pilot.pause()
    await pilot.press("escape")
    await pilot.pause()


async def finish(pilot: Pilot[Any]) -> ResultScreen:
    """F9, confirm (Finish has focus), and wait for the result page."""
    await pilot.press("f9")
    await wait_for(pilot, FinishConfirmScreen)
    await pilot.press("enter")
    return await wait_for(pilot, ResultScreen)


def page_text(screen: Any) -> str:
    return "\n".join(str(static.render()) for static in screen.query(Static))


def attempts(tmp_path: Path) -> list[AttemptRecord]:
    return read_results(results_path(tmp_path))
