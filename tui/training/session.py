"""A trainee's session: the API the training screens call (list, start, finish).

`TrainingSession` ties the pure parts (scenarios, grading) to the files: the scenario
folder, each run's private data file, and the class results file. Every error it raises is
a `TrainingError` whose message is one line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_path

from tui.training.errors import ScenarioError, TrainingError
from tui.training.grading import Result, grade
from tui.training.loader import find, load_scenarios
from tui.training.record import AttemptRecord
from tui.training.results import (
    append_result,
    default_results_path,
    new_record,
    read_results,
    real_now,
)
from tui.training.runs import end_state, start_run
from tui.training.scenario import Scenario

TRAINEE_MAX_LENGTH = 100


def default_runs_dir() -> Path:
    """Where the runs' private data files go: beside the per-user data file, in a folder."""
    return user_data_path("cancel-order", appauthor=False) / "training-runs"


def check_trainee(name: str) -> str:
    """The trainee's name as recorded: trimmed, printable, not empty, not too long."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise TrainingError("the trainee's name is empty (give --trainee NAME)")
    if len(cleaned) > TRAINEE_MAX_LENGTH:
        raise TrainingError(f"the trainee's name is longer than {TRAINEE_MAX_LENGTH} characters")
    if any(unicodedata.category(c).startswith("C") for c in cleaned):
        raise TrainingError("the trainee's name holds control characters")
    return cleaned


@dataclass(frozen=True)
class Listing:
    """One line of the scenario list: the scenario and this trainee's attempts at it."""

    scenario: Scenario
    attempts: int
    best: tuple[int, int] | None
    """(score, max) of the best attempt, or None if not tried yet."""


@dataclass(frozen=True)
class Run:
    """A started attempt: open `data_path` in the scenario's view, then `finish` it."""

    scenario: Scenario
    trainee: str
    data_path: Path


class TrainingSession:
    def __init__(
        self,
        trainee: str,
        *,
        results_path: Path | None = None,
        runs_dir: Path | None = None,
        scenarios: list[Scenario] | None = None,
    ) -> None:
        self.trainee = check_trainee(trainee)
        self.results_path = default_results_path() if results_path is None else results_path
        self.runs_dir = default_runs_dir() if runs_dir is None else runs_dir
        self.scenarios = load_scenarios() if scenarios is None else scenarios

    def scenario(self, scenario_id: str) -> Scenario:
        """The scenario with this id; `ScenarioError` lists the ids there are."""
        return find(self.scenarios, scenario_id)

    def attempts(self) -> list[AttemptRecord]:
        """This trainee's attempts in the results file, oldest first (none if no file yet)."""
        records = read_results(self.results_path, missing_ok=True)
        return [record for record in records if record.trainee == self.trainee]

    def listing(self) -> list[Listing]:
        """Every scenario in list order, with this trainee's attempts and best score."""
        mine = self.attempts()
        return [listing_of(scenario, mine) for scenario in self.scenarios]

    def start(self, scenario_id: str) -> Run:
        """Write the scenario's starting state to a new private file, for this attempt."""
        scenario = self.scenario(scenario_id)
        try:
            self.runs_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise TrainingError(f"{self.runs_dir}: cannot create it ({error.strerror})") from None
        path = start_run(scenario, fresh_path(self.runs_dir, self.trainee, scenario.id))
        return Run(scenario, self.trainee, path)

    def finish(
        self,
        run: Run,
        answers: Iterable[str],
        hints_used: int,
        seconds: int,
        language: str = "en",
    ) -> Result:
        """Grade the run's data file as it is now, and add the attempt to the results file.

        Nothing is recorded if grading fails (an unreadable file, unknown answers)."""
        try:
            result = grade(
                run.scenario, end_state(run.data_path, run.scenario), answers, hints_used, seconds
            )
        except ValueError as error:
            raise ScenarioError(str(error)) from None
        record = new_record(
            trainee=run.trainee,
            scenario=run.scenario.id,
            score=result.score,
            max_score=result.max_score,
            hints_used=result.hints_used,
            seconds=result.seconds,
            answers=result.answers,
            failed=[outcome.check.id for outcome in result.failed],
            language=language,
        )
        append_result(self.results_path, record)
        return result


def listing_of(scenario: Scenario, records: Iterable[AttemptRecord]) -> Listing:
    tries = [r for r in records if r.scenario == scenario.id]
    best = max(tries, key=lambda r: (r.score * 1000 // r.max_score, r.score), default=None)
    return Listing(scenario, len(tries), None if best is None else (best.score, best.max_score))


def fresh_path(folder: Path, trainee: str, scenario_id: str) -> Path:
    """A file name for a new run that no earlier run has: trainee, scenario, real time."""
    name = re.sub(r"[^a-z0-9]+", "-", trainee.casefold()).strip("-")[:40] or "trainee"
    stamp = real_now().strftime("%Y%m%d-%H%M%S")
    for number in range(1, 1000):
        suffix = "" if number == 1 else f"-{number}"
        path = folder / f"{name}-{scenario_id}-{stamp}{suffix}.json"
        if not path.exists():
            return path
    raise TrainingError(f"{folder}: too many runs started this second")
