"""The API the training screens call: list, start, finish; and `train`'s checks before the
screens (one line and exit status 2 for bad input)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.training.helpers import shipped
from tui.domain.clock import SimulatedClock
from tui.domain.reasons import CancelReason
from tui.domain.rules import CancelPath
from tui.service import OrderService
from tui.store.repository import Repository
from tui.training.errors import ScenarioError, TrainingError
from tui.training.results import read_results
from tui.training.session import TrainingSession, check_trainee, fresh_path
from tui.training.train_command import parse_train

HUB = "8197345062098812"


def session(tmp_path: Path, trainee: str = "Amina Juma") -> TrainingSession:
    return TrainingSession(
        trainee,
        results_path=tmp_path / "results.json",
        runs_dir=tmp_path / "runs",
        scenarios=list(shipped()),
    )


def test_a_whole_attempt(tmp_path: Path) -> None:
    mine = session(tmp_path)
    assert all(line.best is None and line.attempts == 0 for line in mine.listing())
    run = mine.start("paid-unshipped-app")
    assert run.data_path.parent == tmp_path / "runs" and run.data_path.exists()
    repo = Repository.open(run.data_path)
    OrderService(repo, SimulatedClock(repo.meta.clock)).cancel(
        HUB, CancelReason.SHIPPING_TOO_LONG, "", expected=CancelPath.REQUEST
    )
    repo.close()
    result = mine.finish(run, answers=(), hints_used=1, seconds=200, language="sw")
    assert [o.check.id for o in result.failed] == ["buyer-reason"]
    assert result.score == 10 * 3 // 4 - 2 and result.seconds_over_limit is None
    (record,) = read_results(tmp_path / "results.json")
    assert (record.trainee, record.scenario, record.score, record.max_score) == (
        "Amina Juma", "paid-unshipped-app", 5, 10,
    )  # fmt: skip
    assert (record.hints_used, record.seconds, record.failed) == (1, 200, ["buyer-reason"])
    assert record.language == "sw"

    again = mine.start("paid-unshipped-app")
    assert again.data_path != run.data_path
    assert mine.finish(again, (), 0, 10).score == 10 * 1 // 4  # nothing done: 1 point of 4
    listing = {line.scenario.id: line for line in mine.listing()}
    assert listing["paid-unshipped-app"].attempts == 2
    assert listing["paid-unshipped-app"].best == (5, 10)
    other = session(tmp_path, "Juma")
    assert all(line.best is None for line in other.listing())  # per trainee


def test_desk_answers_are_kept(tmp_path: Path) -> None:
    mine = session(tmp_path)
    run = mine.start("cash-on-delivery")
    result = mine.finish(run, {"via-seller", "nothing"}, 0, 30)
    assert result.full_marks
    assert read_results(tmp_path / "results.json")[0].answers == ["nothing", "via-seller"]
    with pytest.raises(ScenarioError, match="no statement bogus"):
        mine.finish(mine.start("cash-on-delivery"), {"bogus"}, 0, 30)
    assert len(read_results(tmp_path / "results.json")) == 1  # nothing recorded


def test_an_unknown_scenario(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="unknown scenario 'nope'"):
        session(tmp_path).start("nope")
    assert not (tmp_path / "runs").exists()


@pytest.mark.parametrize(
    ("name", "expected"),
    [("   ", "empty"), ("x" * 101, "longer than 100"), ("Amina\x1b]2;x\x07", "control")],
)
def test_a_bad_trainee_name(name: str, expected: str) -> None:
    with pytest.raises(TrainingError, match=expected):
        check_trainee(name)
    assert check_trainee("  Amina   Juma ") == "Amina Juma"


def test_run_files_are_named_for_trainee_and_scenario(tmp_path: Path) -> None:
    first = fresh_path(tmp_path, "Amina Juma!", "unpaid-order")
    assert first.name.startswith("amina-juma-unpaid-order-") and first.suffix == ".json"
    first.write_text("")
    assert fresh_path(tmp_path, "Amina Juma!", "unpaid-order") != first
    assert fresh_path(tmp_path, "Ñ", "x").name.startswith("trainee-")


def test_train_checks_its_input_before_the_screens(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    results = tmp_path / "results.json"
    options = parse_train(["--trainee", "Amina", "--scenario", "unpaid-order", "--lang", "sw",
                           "--results", str(results)])  # fmt: skip
    assert options.scenario is not None and options.scenario.id == "unpaid-order"
    assert options.language is not None and options.language.value == "sw"
    assert parse_train(["--trainee", "Amina"]).scenario is None
    results.write_text("not json")
    for argv, expected in [
        (["--trainee", "A", "--scenario", "nope"], "unknown scenario 'nope'"),
        (["--trainee", "A", "--lang", "fr"], "unknown language 'fr'"),
        (["--scenario", "unpaid-order"], "--trainee"),
        (["--trainee", "\x07"], "control characters"),
        (["--trainee", "A", "--results", str(results)], "not a results file"),
        (["--trainee", "A", "--results", str(tmp_path)], "is a directory"),
    ]:
        with pytest.raises(SystemExit) as raised:
            parse_train(argv)
        assert raised.value.code == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("cancel-order: error: ")
        assert expected in err, err
