"""Grading a run: a pure function of the scenario, the end state, the answers, hints and time.

The score is the share of the checks' points passed, scaled to the scenario's maximum
(rounded down, so full marks need every check), less the cost of the hints used, never
below zero. Time over the limit is reported, not deducted: the trainer decides what it means.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tui.training.checks import Check, EndState, passes
from tui.training.scenario import Scenario


@dataclass(frozen=True)
class CheckOutcome:
    check: Check
    passed: bool


@dataclass(frozen=True)
class Result:
    """A graded run, for the result page and the results file."""

    scenario_id: str
    score: int
    max_score: int
    checks: tuple[CheckOutcome, ...]
    hints_used: int
    hint_cost: int
    seconds: int
    time_limit_seconds: int | None
    answers: frozenset[str]

    @property
    def failed(self) -> tuple[CheckOutcome, ...]:
        return tuple(outcome for outcome in self.checks if not outcome.passed)

    @property
    def full_marks(self) -> bool:
        return self.score == self.max_score

    @property
    def seconds_over_limit(self) -> int | None:
        """How far past the time limit the run went; None within it, or with no limit."""
        limit = self.time_limit_seconds
        if limit is None or self.seconds <= limit:
            return None
        return self.seconds - limit


def grade(
    scenario: Scenario,
    end: EndState,
    answers: Iterable[str],
    hints_used: int,
    seconds: int,
) -> Result:
    """Decide every check and work out the score; raises `ValueError` for impossible input
    (a statement the scenario doesn't have, more hints than it has, negative time)."""
    picked = frozenset(answers)
    unknown = sorted(picked - scenario.statement_ids)
    if unknown:
        raise ValueError(f"scenario {scenario.id} has no statement {', '.join(unknown)}")
    if not 0 <= hints_used <= len(scenario.hints):
        raise ValueError(
            f"scenario {scenario.id} has {len(scenario.hints)} hints, not {hints_used}"
        )
    if seconds < 0:
        raise ValueError("the time taken can't be negative")
    outcomes = tuple(CheckOutcome(check, passes(check, end, picked)) for check in scenario.checks)
    total = sum(outcome.check.points for outcome in outcomes)
    earned = sum(outcome.check.points for outcome in outcomes if outcome.passed)
    cost = scenario.hint_cost(hints_used)
    score = max(0, scenario.max_score * earned // total - cost)
    return Result(
        scenario_id=scenario.id,
        score=score,
        max_score=scenario.max_score,
        checks=outcomes,
        hints_used=hints_used,
        hint_cost=cost,
        seconds=seconds,
        time_limit_seconds=scenario.time_limit_seconds,
        answers=picked,
    )
