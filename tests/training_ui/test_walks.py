"""Walks of the training screens by keyboard and by mouse: the scenario list, the brief,
a hint (its cost said first), the desk's answers, Finish and the result page, back to
the list with the new best; and what a trainee can't do or lose."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.training_ui.helpers import (
    SIZE,
    FakeClock,
    attempts,
    begin,
    finish,
    make_training_app,
    page_text,
    results_path,
    wait_for,
)
from tui.screens.profile import ProfileScreen
from tui.screens.trainer import TrainerScreen
from tui.screens.training.answer import AnswerScreen
from tui.screens.training.brief import BriefScreen
from tui.screens.training.finish_confirm import FinishConfirmScreen
from tui.screens.training.hint_confirm import HintConfirmScreen
from tui.screens.training.result import ResultScreen
from tui.screens.training.scenario_list import ScenarioListScreen
from tui.widgets.scenario_table import ScenarioTable
from tui.widgets.statement_list import StatementList
from tui.widgets.training_bar import TrainingBar


def row_text(app: Any, scenario_id: str) -> list[str]:
    table = app.screen.query_one(ScenarioTable)
    return [str(cell) for cell in table.get_row(scenario_id)]


async def test_keyboard_walk_list_brief_hint_finish(tmp_path: Path) -> None:
    clock = FakeClock()
    app = make_training_app(tmp_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, ScenarioListScreen)
        assert row_text(app, "paid-unshipped-app")[2:] == ["0", "–"]
        await pilot.press("enter")  # the first scenario
        brief = await wait_for(pilot, BriefScreen)
        text = page_text(brief)
        assert "I paid for the UGREEN USB-C hub" in text and "Time limit: 5 min" in text
        assert "Hints left: 2 of 2" in text
        await pilot.press("enter")  # Start
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        assert app.screen.query(TrainingBar)
        clock.now += 75
        await pilot.press("f1")
        sheet = await wait_for(pilot, HintConfirmScreen)
        assert "takes 2 points off" in page_text(sheet)
        await pilot.press("enter")  # Show the hint
        brief = await wait_for(pilot, BriefScreen)
        await pilot.pause()
        text = page_text(brief)
        assert 'Hint 1 (−2 points): The order is in the "To ship" tab' in text
        assert "Hints left: 1 of 2" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        await pilot.press("f5")  # the brief again
        await wait_for(pilot, BriefScreen)
        await pilot.press("escape", "f9")
        confirm = await wait_for(pilot, FinishConfirmScreen)
        assert "Hints used: 1 of 2" in page_text(confirm)
        await pilot.press("escape")  # keep working: nothing graded
        await pilot.pause()
        assert not results_path(tmp_path).exists()
        page = await finish(pilot)
        text = page_text(page)
        assert "Score: 0 / 10" in text and "Time taken: 1 min 15 s" in text
        assert "Hints used: 1 (−2 points)" in text
        assert "Rule: A paid order that has not shipped" in text
        await pilot.press("escape")
        await wait_for(pilot, ScenarioListScreen)
        await pilot.pause()
        assert row_text(app, "paid-unshipped-app")[2:] == ["1", "0/10"]
    (record,) = attempts(tmp_path)
    assert (record.hints_used, record.seconds, record.language) == (1, 75, "en")


async def test_mouse_walk_desk_scenario(tmp_path: Path) -> None:
    app = make_training_app(tmp_path, language="sw")
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(ScenarioTable)
        row = table.get_row_index("refund-card-wallet")
        y = 1 + sum(r.height for r in table.ordered_rows[:row])  # below the header; rows wrap
        if table.cursor_row != row:  # a first click only moves the cursor there
            await pilot.click("#scenarios", offset=(4, y))
            await pilot.pause()
            assert table.cursor_row == row
        await pilot.click("#scenarios", offset=(4, y))  # a click on the cursor's row starts
        await wait_for(pilot, BriefScreen)
        await pilot.click("#brief-close")
        await pilot.pause()
        await pilot.click("#training-key-hint")
        await wait_for(pilot, HintConfirmScreen)
        await pilot.click("#confirm")
        brief = await wait_for(pilot, BriefScreen)
        await pilot.pause()
        assert "Dokezo 1 (alama −2)" in page_text(brief)
        await pilot.click("#brief-close")
        await pilot.pause()
        await pilot.click("#training-key-answer")
        answer = await wait_for(pilot, AnswerScreen)
        card = answer.query_one("#question-card", StatementList)
        await pilot.click("#question-card", offset=(4, 0))  # the first statement
        await pilot.pause()
        assert card.ticked == {"not-shipped"}
        await pilot.click("#answer-done")
        await pilot.pause()
        assert app.attempt is not None and app.attempt.answers == {"not-shipped"}
        await pilot.click("#training-key-answer")  # opened again: the pick is kept
        answer = await wait_for(pilot, AnswerScreen)
        assert answer.query_one("#question-card", StatementList).ticked == {"not-shipped"}
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#training-key-finish")
        await wait_for(pilot, FinishConfirmScreen)
        await pilot.click("#confirm")
        page = await wait_for(pilot, ResultScreen)
        await pilot.pause()
        text = page_text(page)
        assert "Alama: 0 / 10" in text and "Kanuni:" in text
        await pilot.click("#to-list")
        await wait_for(pilot, ScenarioListScreen)
    (record,) = attempts(tmp_path)
    assert record.answers == ["not-shipped"] and record.language == "sw"
    assert set(record.failed) == {"card", "wallet"}


async def test_a_bad_results_file_loses_nothing(tmp_path: Path) -> None:
    app = make_training_app(tmp_path, "refund-card-wallet")
    notices: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        app.notify = lambda message, **_: notices.append(message)  # type: ignore[method-assign]
        await begin(pilot)
        results_path(tmp_path).write_text("not a results file")
        await pilot.press("f9")
        await wait_for(pilot, FinishConfirmScreen)
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert not isinstance(app.screen, ResultScreen)
        assert app.attempt is not None  # still working on it
        assert len(notices) == 1 and notices[0].startswith("Couldn't keep the result")
        assert "\n" not in notices[0]
        results_path(tmp_path).unlink()  # put right: Finish again keeps it
        await finish(pilot)
    assert len(attempts(tmp_path)) == 1


@pytest.mark.slow
async def test_trainer_panel_only_where_the_scenario_allows_it(tmp_path: Path) -> None:
    app = make_training_app(tmp_path, "paid-unshipped-app")
    async with app.run_test(size=SIZE) as pilot:
        await begin(pilot)
        await pilot.press("f3", "f4", "f6")  # no panel, no other view, no answers (not desk)
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Trainer panel" not in titles and "Training: finish" in titles
        assert "Training: answer" not in titles
    allowed = make_training_app(tmp_path / "b", "unpaid-order")
    (tmp_path / "b").mkdir()
    async with allowed.run_test(size=SIZE) as pilot:
        await begin(pilot)
        await pilot.press("f3")
        await wait_for(pilot, TrainerScreen)
