"""The class report's figures: per trainee, per scenario, and per trainee and scenario.

Scores are compared as percentages of each attempt's own maximum, so a scenario whose
maximum changed between versions still averages fairly. The checks most often failed are
named by the scenario's own words when the scenario is known, by their ids otherwise.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from tui.i18n import Translator
from tui.training.record import AttemptRecord
from tui.training.scenario import Scenario
from tui.training.words import describe

MOST_FAILED = 3


def percent(record: AttemptRecord) -> float:
    return 100 * record.score / record.max_score


def _average(records: Sequence[AttemptRecord]) -> float:
    return sum(percent(r) for r in records) / len(records) if records else 0.0


@dataclass(frozen=True)
class Failed:
    check_id: str
    label: str
    count: int


@dataclass(frozen=True)
class Cell:
    """One trainee at one scenario."""

    trainee: str
    scenario: str
    title: str
    attempts: int
    best: tuple[int, int]
    average: float
    most_failed: tuple[Failed, ...]


@dataclass(frozen=True)
class ScenarioRow:
    scenario: str
    title: str
    attempts: int
    trainees: int
    best: float
    average: float
    most_failed: tuple[Failed, ...]


@dataclass(frozen=True)
class TraineeRow:
    trainee: str
    attempts: int
    scenarios: int
    full_marks: int
    """Scenarios this trainee has scored full marks at, at least once."""
    average: float


@dataclass(frozen=True)
class Summary:
    attempts: int
    first: datetime | None
    last: datetime | None
    trainees: tuple[TraineeRow, ...]
    scenarios: tuple[ScenarioRow, ...]
    cells: tuple[Cell, ...]


def summarize(
    records: Sequence[AttemptRecord], scenarios: Mapping[str, Scenario], t: Translator
) -> Summary:
    """Everything the report shows, from the attempts in the results file."""
    language = t.language.value
    position = {sid: (s.position, sid) for sid, s in scenarios.items()}

    def scenario_key(sid: str) -> tuple[int, int, str]:
        known = position.get(sid)
        return (0, *known) if known else (1, 0, sid)

    def title(sid: str) -> str:
        known = scenarios.get(sid)
        return known.title.in_(language) if known else sid

    def label(sid: str, check_id: str) -> str:
        known = scenarios.get(sid)
        check = known.check(check_id) if known else None
        return describe(check, t) if check is not None else check_id

    scenario_ids = sorted({r.scenario for r in records}, key=scenario_key)
    trainee_names = sorted({r.trainee for r in records}, key=lambda n: (n.casefold(), n))

    def most_failed(sid: str, tries: Sequence[AttemptRecord]) -> tuple[Failed, ...]:
        counts = Counter(check for r in tries for check in r.failed)
        top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:MOST_FAILED]
        return tuple(Failed(check, label(sid, check), count) for check, count in top)

    scenario_rows = []
    for sid in scenario_ids:
        tries = [r for r in records if r.scenario == sid]
        scenario_rows.append(
            ScenarioRow(
                scenario=sid,
                title=title(sid),
                attempts=len(tries),
                trainees=len({r.trainee for r in tries}),
                best=max(percent(r) for r in tries),
                average=_average(tries),
                most_failed=most_failed(sid, tries),
            )
        )
    trainee_rows = []
    cells = []
    for name in trainee_names:
        mine = [r for r in records if r.trainee == name]
        done = {r.scenario for r in mine}
        full = {r.scenario for r in mine if r.score == r.max_score}
        trainee_rows.append(TraineeRow(name, len(mine), len(done), len(full), _average(mine)))
        for sid in sorted(done, key=scenario_key):
            tries = [r for r in mine if r.scenario == sid]
            best = max(tries, key=lambda r: (percent(r), r.score))
            cells.append(
                Cell(
                    trainee=name,
                    scenario=sid,
                    title=title(sid),
                    attempts=len(tries),
                    best=(best.score, best.max_score),
                    average=_average(tries),
                    most_failed=most_failed(sid, tries),
                )
            )
    times = [r.recorded_at for r in records]
    return Summary(
        attempts=len(records),
        first=min(times, default=None),
        last=max(times, default=None),
        trainees=tuple(trainee_rows),
        scenarios=tuple(scenario_rows),
        cells=tuple(cells),
    )
