"""Runs at the service level: a scenario's private copy, the service on it, and its grade."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

from tui.domain.clock import SimulatedClock
from tui.i18n import Language, Translator
from tui.service import OrderService
from tui.store.repository import Repository
from tui.training.grading import Result, grade
from tui.training.loader import find, load_scenarios
from tui.training.runs import end_state, start_run
from tui.training.scenario import Scenario

EN = Translator(Language.ENGLISH)
SW = Translator(Language.SWAHILI)


@cache
def shipped() -> tuple[Scenario, ...]:
    """The scenarios in data/scenarios, loaded once for the whole test run."""
    return tuple(load_scenarios())


def scenario(scenario_id: str) -> Scenario:
    return find(shipped(), scenario_id)


class Trainee:
    """A trainee at the service level: the run's copy, and the service the screens would use."""

    def __init__(self, scenario_id: str, folder: Path) -> None:
        self.scenario = scenario(scenario_id)
        self.path = start_run(self.scenario, folder / f"{scenario_id}.json")
        repo = Repository.open(self.path)
        self.service = OrderService(repo, SimulatedClock(repo.meta.clock))

    def finish(self, answers: Iterable[str] = (), hints: int = 0, seconds: int = 60) -> Result:
        self.service.repository.close()
        return grade(self.scenario, end_state(self.path, self.scenario), answers, hints, seconds)
