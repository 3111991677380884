"""What the training screens say, as plain text from the catalogs: no Textual, no markup.

The screens (the scenario list, the brief panel, the result page) lay these lines out;
the words and the facts in them are decided here, once, for both languages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tui.i18n import Translator
from tui.training.checks import (
    Check,
    ChooseCheck,
    ClockNotMovedCheck,
    HappenedCheck,
    NoSellerFaultCheck,
    NotCancelledCheck,
    ReasonFaultCheck,
    RequestOutcomeCheck,
    StatusCheck,
)
from tui.training.grading import Result
from tui.training.scenario import Scenario


def describe(check: Check, t: Translator) -> str:
    """What a check asks for, in a few words ("Order 8197…8812 is “Awaiting cancellation”")."""
    language = t.language.value
    if isinstance(check, ChooseCheck):
        return check.question.in_(language)
    if isinstance(check, StatusCheck):
        return t("training.check.status", order=check.order, status=t(check.status.label_key))
    if isinstance(check, ReasonFaultCheck):
        fault = t(f"training.fault.{check.fault.value}")
        return t("training.check.reason_fault", order=check.order, fault=fault)
    if isinstance(check, NotCancelledCheck):
        return t("training.check.not_cancelled", order=check.order)
    if isinstance(check, NoSellerFaultCheck):
        return t("training.check.no_seller_fault")
    if isinstance(check, RequestOutcomeCheck):
        outcome = t(f"training.outcome.{check.outcome.value}")
        return t("training.check.request_outcome", order=check.order, outcome=outcome)
    if isinstance(check, HappenedCheck):
        return t("training.check.happened", order=check.order, event=t(check.event.label_key))
    assert isinstance(check, ClockNotMovedCheck)
    return t("training.check.clock_not_moved")


def view_label(scenario: Scenario, t: Translator) -> str:
    return t(f"training.view.{scenario.view}")


def duration(seconds: int, t: Translator) -> str:
    """Time taken as a trainer reads it: "4 min 05 s"."""
    minutes, rest = divmod(max(0, seconds), 60)
    return t("training.format.minutes_seconds", minutes=minutes, seconds=f"{rest:02d}")


@dataclass(frozen=True)
class Question:
    """A desk question and its statements (id, text), in the file's order."""

    check_id: str
    text: str
    statements: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Brief:
    """The brief panel: what the customer wrote, what to do, where, and the limits."""

    title: str
    view: str
    message: str
    goal: str
    time_limit: str
    hints: str
    questions: tuple[Question, ...]


def brief(scenario: Scenario, t: Translator, hints_used: int = 0) -> Brief:
    language = t.language.value
    limit = scenario.time_limit_minutes
    return Brief(
        title=scenario.title.in_(language),
        view=t("training.brief.view", view=view_label(scenario, t)),
        message=scenario.message.in_(language),
        goal=scenario.goal.in_(language),
        time_limit=(
            t("training.brief.time_limit", minutes=limit)
            if limit is not None
            else t("training.brief.no_time_limit")
        ),
        hints=t(
            "training.brief.hints_left",
            left=len(scenario.hints) - hints_used,
            total=len(scenario.hints),
        ),
        questions=tuple(
            Question(
                question.id,
                question.question.in_(language),
                tuple((s.id, s.text.in_(language)) for s in question.statements),
            )
            for question in scenario.questions
        ),
    )


def hint_line(scenario: Scenario, number: int, t: Translator) -> str:
    """Hint `number` (1-based), with what it costs: for F1, which shows the next one."""
    hint = scenario.hints[number - 1]
    return t(
        "training.brief.hint", number=number, cost=hint.cost, text=hint.text.in_(t.language.value)
    )


def result_lines(result: Result, t: Translator) -> list[str]:
    """The result page, top to bottom: score, each check (and its rule when failed), hints,
    time taken and any time over the limit."""
    language = t.language.value
    lines = [t("training.result.score", score=result.score, max=result.max_score)]
    if result.full_marks:
        lines.append(t("training.result.full_marks"))
    for outcome in result.checks:
        key = "training.result.passed" if outcome.passed else "training.result.failed"
        lines.append(t(key, check=describe(outcome.check, t)))
        if not outcome.passed:
            lines.append(t("training.result.rule", rule=outcome.check.rule.in_(language)))
    if result.hints_used:
        lines.append(t("training.result.hints", count=result.hints_used, cost=result.hint_cost))
    lines.append(t("training.result.time", time=duration(result.seconds, t)))
    over = result.seconds_over_limit
    if over is not None:
        lines.append(t("training.result.over_limit", time=duration(over, t)))
    return lines


def best_line(best: tuple[int, int] | None, attempts: int, t: Translator) -> str:
    """The scenario list's column: "best 8/10 · 2 attempts", or "not tried yet"."""
    if best is None:
        return t("training.list.not_tried")
    tries = t.plural("training.list.attempts", attempts)
    return t("training.list.best", score=best[0], max=best[1], attempts=tries)


def statement_texts(scenario: Scenario, picked: Sequence[str], t: Translator) -> list[str]:
    """The statements a trainee picked, as words (for a reply preview on the desk)."""
    chosen = set(picked)
    return [s.text.in_(t.language.value) for s in scenario.statements if s.id in chosen]
