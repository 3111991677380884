"""`cancel-order train` from the command line: bad input stops before anything is drawn;
good input runs the training app with the options parsed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_cli
from tui import cli
from tui.training_app import TrainingApp, mode_for_view


def test_an_unknown_scenario_is_one_line_and_exit_2(tmp_path: Path) -> None:
    done = run_cli("train", "--trainee", "Amina", "--scenario", "nope", home=tmp_path)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and "nope" in done.stderr


def test_train_runs_the_training_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[TrainingApp] = []
    monkeypatch.setattr(TrainingApp, "run", lambda self, **_: started.append(self))
    results = tmp_path / "r.json"
    cli.main(["train", "--trainee", "Amina", "--scenario", "unpaid-order", "--lang", "sw",
              "--results", str(results)])  # fmt: skip
    (app,) = started
    assert app.first_scenario is not None and app.first_scenario.id == "unpaid-order"
    assert app.translator.language.value == "sw"
    assert app.session.results_path == results and not results.exists()


def test_each_scenario_opens_in_its_own_view() -> None:
    views: dict[Any, str] = {"app": "app", "web": "web", "desk": "desk"}
    for view, mode in views.items():
        assert mode_for_view(view) == mode
