"""A run's private copy: a valid data file of the scenario's start, never anyone's data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.training.helpers import Trainee, scenario
from tui.domain.meta import Meta
from tui.store.demo import demo_path
from tui.store.load import load_snapshot
from tui.store.repository import Repository
from tui.training.errors import RunError, ScenarioError
from tui.training.runs import RUN_TABLE, end_state, start_run
from tui.training.setup import AdvanceStep, CancelStep


def test_the_copy_is_a_valid_data_file_of_the_start(tmp_path: Path) -> None:
    demo_before = demo_path().read_bytes()
    chosen = scenario("seller-refused")
    path = start_run(chosen, tmp_path / "run.json")
    snapshot = load_snapshot(path)  # the store's own validation
    order = snapshot.orders["8197345062098812"]
    assert order.status.value == "awaiting_shipment"
    assert order.cancellation is not None and order.cancellation.outcome is not None
    assert snapshot.meta.clock > load_snapshot(demo_path()).meta.clock
    assert next(iter(snapshot.extra[RUN_TABLE].values()))["scenario"] == "seller-refused"
    assert demo_path().read_bytes() == demo_before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run.json"]  # nothing else left
    end = end_state(path, chosen)
    assert end.start_events == len(end.events) and end.clock == end.start_clock


def test_the_run_record_survives_the_apps_saves(tmp_path: Path) -> None:
    run = Trainee("withdraw-request", tmp_path)
    run.service.withdraw("8197345062076631")
    run.service.repository.close()  # folds the journal: the file is rewritten whole
    end = end_state(run.path, run.scenario)
    assert len(end.new_events) == 1 and end.new_events[0].kind.value == "withdrawn"


def test_a_run_never_overwrites_a_file(tmp_path: Path) -> None:
    target = tmp_path / "mine.json"
    target.write_text("my own notes")
    with pytest.raises(RunError, match="already exists"):
        start_run(scenario("unpaid-order"), target)
    assert target.read_text() == "my own notes"


def test_a_run_never_writes_the_demo_or_the_users_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = tmp_path / "data" / "orders.json"
    monkeypatch.setattr("tui.training.runs.default_db_path", lambda: own)
    own.parent.mkdir()  # the user's file need not exist yet: its path is still theirs
    with pytest.raises(RunError, match="not a private copy"):
        start_run(scenario("unpaid-order"), own)
    assert not own.exists()
    with pytest.raises(RunError, match="its folder does not exist"):
        start_run(scenario("unpaid-order"), tmp_path / "nowhere" / "run.json")


def test_a_failing_start_leaves_nothing_behind(tmp_path: Path) -> None:
    broken = scenario("unpaid-order").model_copy(
        update={
            "start": scenario("unpaid-order").start.model_copy(
                update={
                    "steps": [
                        AdvanceStep(do="advance", by="1h"),
                        CancelStep(do="cancel", order="8197345062051198", reason="wrong_item"),
                    ]
                }
            )
        }
    )
    with pytest.raises(ScenarioError, match=r"start.steps\[1\]: This order can't be cancelled"):
        start_run(broken, tmp_path / "run.json")
    assert list(tmp_path.iterdir()) == []


def test_a_copy_put_back_to_the_demo_or_of_another_scenario_is_refused(tmp_path: Path) -> None:
    run = Trainee("withdraw-request", tmp_path)
    with pytest.raises(RunError, match="not 'unpaid-order'"):
        end_state(run.path, scenario("unpaid-order"))
    run.service.reset_demo()  # the trainer panel's "Reset demo"
    with pytest.raises(RunError, match="not a training copy"):
        end_state(run.path, run.scenario)


def test_an_unreadable_copy_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "run.json"
    path.write_text("{")
    with pytest.raises(RunError) as raised:
        end_state(path, scenario("unpaid-order"))
    assert "\n" not in str(raised.value) and str(path) in str(raised.value)


def test_a_bad_run_record_is_named(tmp_path: Path) -> None:
    path = start_run(scenario("unpaid-order"), tmp_path / "run.json")
    data = json.loads(path.read_text())
    data[RUN_TABLE]["1"]["events_at_start"] = -3
    path.write_text(json.dumps(data))
    with pytest.raises(RunError, match="events_at_start"):
        end_state(path, scenario("unpaid-order"))


def test_the_starting_clock_is_the_scenarios(tmp_path: Path) -> None:
    path = start_run(scenario("seller-silent-72h"), tmp_path / "run.json")
    meta: Meta = Repository.open(path).meta
    assert meta.clock.isoformat() == "2026-11-22T16:00:00+03:00"
