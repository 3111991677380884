"""What the training screens say, in both languages: every check describable, the brief, a
hint, the result page (rules shown only for failed checks), the list's best score."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from tests.training.helpers import EN, SW, scenario, shipped
from tui.domain.models import EventKind, RequestOutcome
from tui.domain.reasons import Fault
from tui.domain.status import OrderStatus
from tui.i18n import Translator
from tui.training.checks import EndState
from tui.training.grading import grade
from tui.training.scenario import Scenario
from tui.training.words import best_line, brief, describe, duration, hint_line, result_lines

ORDER = "8197345062098812"
RULE = {"en": "Rule", "sw": "Kanuni"}


def every_check() -> list[dict[str, Any]]:
    checks: list[dict[str, Any]] = [{"kind": "no_seller_fault"}, {"kind": "clock_not_moved"}]
    checks += [{"kind": "status", "order": ORDER, "status": s.value} for s in OrderStatus]
    checks += [{"kind": "reason_fault", "order": ORDER, "fault": f.value} for f in Fault]
    checks += [{"kind": "not_cancelled", "order": ORDER}]
    checks += [
        {"kind": "request_outcome", "order": ORDER, "outcome": o.value} for o in RequestOutcome
    ]
    checks += [{"kind": "happened", "order": ORDER, "event": e.value} for e in EventKind]
    return [{"id": f"c{n}", "rule": RULE, **check} for n, check in enumerate(checks)]


@pytest.mark.parametrize("t", [EN, SW], ids=["en", "sw"])
def test_every_check_kind_and_value_has_words(t: Translator) -> None:
    checks = every_check()
    texts = []
    for start in range(0, len(checks), 30):  # a scenario holds at most 30 checks
        made = Scenario.model_validate(
            {
                "id": "all",
                "view": "app",
                "title": RULE,
                "message": RULE,
                "goal": RULE,
                "checks": checks[start : start + 30],
                "max_score": 10,
            }
        )
        texts += [describe(check, t) for check in made.checks]
    assert all(text.strip() and "{" not in text for text in texts)
    assert len(set(texts)) == len(texts)  # each says something different
    for check in shipped():
        for question in check.questions:
            assert describe(question, t) == question.question.in_(t.language.value)


def test_the_brief_in_both_languages() -> None:
    desk = scenario("seller-refused")
    english, swahili = brief(desk, EN), brief(desk, SW)
    assert english.message == desk.message.en and swahili.goal == desk.goal.sw
    assert english.view == "Where: Support desk" and swahili.view.startswith("Mahali:")
    assert english.time_limit == "Time limit: 8 min"
    assert english.hints == "Hints left: 1 of 1 (F1)"
    assert brief(desk, EN, hints_used=1).hints == "Hints left: 0 of 1 (F1)"
    assert [q.check_id for q in english.questions] == ["order-now", "options"]
    assert english.questions[0].statements[0] == ("back-to-shipment", desk.statements[0].en)
    assert brief(scenario("paid-unshipped-app"), EN).questions == ()


def test_a_hint_with_its_cost() -> None:
    app = scenario("paid-unshipped-app")
    assert hint_line(app, 2, EN) == f"Hint 2 (−3 points): {app.hints[1].en}"
    assert hint_line(app, 1, SW).startswith("Dokezo 1 (alama −2): ")


def test_the_result_page() -> None:
    desk = scenario("cash-on-delivery")
    clock = datetime(2026, 11, 20, tzinfo=UTC)
    end = EndState({}, (), clock, 0, clock)
    result = grade(desk, end, {"via-seller", "coupon"}, 1, 8 * 60 + 75)
    lines = result_lines(result, EN)
    assert lines[0] == "Score: 3 / 10"
    assert f"✓ {desk.questions[0].question.en}" in lines
    assert f"✗ {desk.questions[1].question.en}" in lines
    assert f"Rule: {desk.questions[1].rule.en}" in lines
    assert f"Rule: {desk.questions[0].rule.en}" not in lines
    assert "Hints used: 1 (−2 points)" in lines
    assert "Time taken: 9 min 15 s" in lines and "Over the time limit by 1 min 15 s" in lines
    full = grade(desk, end, {"via-seller", "nothing"}, 0, 60)
    swahili = result_lines(full, SW)
    assert swahili[:2] == ["Alama: 10 / 10", "Alama kamili."]
    assert not any(line.startswith("Kanuni:") for line in swahili)


def test_the_list_line_and_durations() -> None:
    assert best_line(None, 0, EN) == "not tried yet"
    assert best_line((8, 10), 1, EN) == "best 8/10 · 1 attempt"
    assert best_line((8, 10), 3, SW) == "bora 8/10 · majaribio 3"
    assert duration(0, EN) == "0 min 00 s" and duration(3725, SW) == "dk 62 sek 05"
