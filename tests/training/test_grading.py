"""Grading: deterministic, bounded by 0 and the maximum, and never helped by more hints."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.training.helpers import scenario, shipped
from tui.domain.models import Actor, Event, EventKind
from tui.domain.reasons import CancelReason
from tui.domain.status import OrderStatus
from tui.training.checks import EndState
from tui.training.grading import grade
from tui.training.loader import demo_base, start_of
from tui.training.scenario import Scenario

CLOCK = datetime(2026, 11, 20, 10, tzinfo=UTC)
EMPTY = EndState(orders={}, events=(), clock=CLOCK, start_events=0, start_clock=CLOCK)


def desk_scenario(points: list[int], costs: list[int], max_score: int) -> Scenario:
    """A desk scenario of one two-statement question per entry of `points`."""
    checks: list[dict[str, Any]] = [
        {
            "id": f"q{n}",
            "kind": "choose",
            "points": p,
            "question": {"en": "Q", "sw": "S"},
            "rule": {"en": "R", "sw": "K"},
            "statements": [
                {"id": f"q{n}-right", "correct": True, "en": "y", "sw": "n"},
                {"id": f"q{n}-wrong", "correct": False, "en": "y", "sw": "n"},
            ],
        }
        for n, p in enumerate(points)
    ]
    return Scenario.model_validate(
        {
            "id": "generated",
            "view": "desk",
            "title": {"en": "T", "sw": "K"},
            "message": {"en": "M", "sw": "U"},
            "goal": {"en": "G", "sw": "L"},
            "checks": checks,
            "hints": [{"en": "h", "sw": "d", "cost": c} for c in costs],
            "max_score": max_score,
        }
    )


@st.composite
def graded_runs(draw: st.DrawFn) -> tuple[Scenario, set[str], int, int]:
    points = draw(st.lists(st.integers(1, 100), min_size=1, max_size=8))
    costs = draw(st.lists(st.integers(0, 100), max_size=10))
    made = desk_scenario(points, costs, draw(st.integers(1, 1000)))
    answers = draw(st.sets(st.sampled_from(sorted(made.statement_ids))))
    fewer = draw(st.integers(0, len(costs)))
    more = draw(st.integers(fewer, len(costs)))
    return made, answers, fewer, more


@settings(max_examples=300, deadline=None)
@given(graded_runs(), st.integers(0, 10_000))
def test_score_stays_in_bounds_and_hints_never_help(
    run: tuple[Scenario, set[str], int, int], seconds: int
) -> None:
    made, answers, fewer, more = run
    with_fewer = grade(made, EMPTY, answers, fewer, seconds)
    with_more = grade(made, EMPTY, answers, more, seconds)
    for result in (with_fewer, with_more):
        assert 0 <= result.score <= result.max_score == made.max_score
    assert with_more.score <= with_fewer.score
    assert with_more.hint_cost >= with_fewer.hint_cost


@settings(max_examples=100, deadline=None)
@given(st.sampled_from([s.id for s in shipped()]), st.data())
def test_shipped_scenarios_stay_in_bounds(scenario_id: str, data: st.DataObject) -> None:
    chosen = scenario(scenario_id)
    start = start_of(chosen, demo_base())
    end = EndState(
        orders=start.state.orders,
        events=start.events,
        clock=start.clock,
        start_events=len(start.events),
        start_clock=start.clock,
    )
    answers = data.draw(st.sets(st.sampled_from(sorted(chosen.statement_ids) or ["none"])))
    answers &= chosen.statement_ids
    fewer = data.draw(st.integers(0, len(chosen.hints)))
    more = data.draw(st.integers(fewer, len(chosen.hints)))
    low, high = (grade(chosen, end, answers, h, 30) for h in (more, fewer))
    assert 0 <= low.score <= high.score <= chosen.max_score


def test_full_marks_need_every_check_and_no_hint_cost() -> None:
    made = desk_scenario([1, 3], [2, 5], 10)
    right = {"q0-right", "q1-right"}
    assert grade(made, EMPTY, right, 0, 10).score == 10
    assert grade(made, EMPTY, right, 1, 10).score == 8
    assert grade(made, EMPTY, right, 2, 10).score == 3
    assert grade(made, EMPTY, {"q1-right"}, 0, 10).score == 7  # 10 * 3 // 4
    assert grade(made, EMPTY, {"q0-right", "q1-right", "q1-wrong"}, 0, 10).score == 2
    assert grade(made, EMPTY, set(), 2, 10).score == 0  # hints never take it below zero


def test_time_over_the_limit_is_reported_not_deducted() -> None:
    made = desk_scenario([1], [], 10).model_copy(update={"time_limit_minutes": 2})
    within = grade(made, EMPTY, {"q0-right"}, 0, 120)
    over = grade(made, EMPTY, {"q0-right"}, 0, 125)
    assert within.seconds_over_limit is None
    assert over.seconds_over_limit == 5 and over.score == within.score == 10
    assert grade(desk_scenario([1], [], 10), EMPTY, (), 0, 9999).seconds_over_limit is None


def test_impossible_input_is_refused() -> None:
    made = desk_scenario([1], [1], 10)
    with pytest.raises(ValueError, match="no statement nope"):
        grade(made, EMPTY, {"nope"}, 0, 1)
    with pytest.raises(ValueError, match="1 hints, not 2"):
        grade(made, EMPTY, (), 2, 1)
    with pytest.raises(ValueError, match="negative"):
        grade(made, EMPTY, (), 0, -1)


def event(order: str, kind: EventKind, reason: CancelReason | None = None) -> Event:
    return Event(
        order_id=order,
        at=CLOCK,
        actor=Actor.BUYER,
        kind=kind,
        from_status=OrderStatus.AWAITING_SHIPMENT,
        to_status=OrderStatus.CANCELLATION_REQUESTED,
        reason=reason,
    )


def test_state_checks_look_only_at_what_the_trainee_did() -> None:
    """What the starting steps did (before `start_events`) is not the trainee's doing."""
    chosen = scenario("paid-unshipped-web")
    seller_fault = event("8197345062089940", EventKind.REQUESTED, CancelReason.OUT_OF_STOCK)
    before = EndState({}, (seller_fault,), CLOCK, start_events=1, start_clock=CLOCK)
    after = EndState({}, (seller_fault,), CLOCK, start_events=0, start_clock=CLOCK)
    passed = {o.check.id: o.passed for o in grade(chosen, before, (), 0, 1).checks}
    assert passed["no-seller-fault"] and passed["right-order"]
    passed = {o.check.id: o.passed for o in grade(chosen, after, (), 0, 1).checks}
    assert not passed["no-seller-fault"]
    moved = EndState({}, (), CLOCK + timedelta(minutes=1), 0, CLOCK)
    passed = {o.check.id: o.passed for o in grade(scenario("unpaid-order"), moved, (), 0, 1).checks}
    assert not passed["no-waiting"] and not passed["closed"]
