"""Every scenario through the real screens: the reference solution scores full marks, the
typical wrong run fails the checks it should with their rules on the result page, and the
attempt is in the results file as the page says."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.training.helpers import shipped
from tests.training_ui.helpers import SIZE, attempts, begin, finish, make_training_app, page_text
from tests.training_ui.solutions import SOLUTIONS

DEFAULT_RIGHT = {"refund-card-wallet"}
DEFAULT_WRONG = {"seller-refused"}
"""Run in the default suite: the desk (the walks in test_walks.py work the app, and are
wrong runs of two more); every other scenario's Pilot runs are `slow`
(about 3 s each), which CI runs: `pytest -m slow tests/training_ui`."""


def scenario_ids(default: set[str]) -> list[object]:
    return [
        scenario_id
        if scenario_id in default
        else pytest.param(scenario_id, marks=pytest.mark.slow, id=scenario_id)
        for scenario_id in sorted(SOLUTIONS)
    ]


def test_every_shipped_scenario_has_a_solution() -> None:
    assert set(SOLUTIONS) == {s.id for s in shipped()}


@pytest.mark.parametrize("scenario_id", scenario_ids(DEFAULT_RIGHT))
async def test_reference_solution_scores_full_marks(scenario_id: str, tmp_path: Path) -> None:
    app = make_training_app(tmp_path, scenario_id)
    async with app.run_test(size=SIZE) as pilot:
        await begin(pilot)
        await SOLUTIONS[scenario_id].right(pilot)
        result = await finish(pilot)
        assert result.result.full_marks, [o.check.id for o in result.result.failed]
        text = page_text(result)
        assert "Full marks." in text
        assert "✗" not in text and "Rule:" not in text
    (record,) = attempts(tmp_path)
    assert (record.scenario, record.score, record.failed) == (scenario_id, record.max_score, [])


@pytest.mark.parametrize("scenario_id", scenario_ids(DEFAULT_WRONG))
async def test_wrong_run_fails_what_it_should(scenario_id: str, tmp_path: Path) -> None:
    solution = SOLUTIONS[scenario_id]
    app = make_training_app(tmp_path, scenario_id)
    async with app.run_test(size=SIZE) as pilot:
        await begin(pilot)
        await solution.wrong(pilot)
        page = await finish(pilot)
        result = page.result
        assert {o.check.id for o in result.failed} == solution.fails
        for outcome in result.checks:
            rule = page.query(f"#rule-{outcome.check.id}")
            assert bool(rule) is not outcome.passed
            if rule:
                assert outcome.check.rule.en in str(rule.first().render())
    (record,) = attempts(tmp_path)
    assert set(record.failed) == solution.fails
    assert record.score < record.max_score
