"""A training scenario as its file declares it: who writes what, where, and how it is graded.

One TOML file per scenario in `data/scenarios/` (the format: `docs/scenarios.md`). The model
holds what can be checked from the file alone; `tui.training.loader` also checks it against
the demo data (the orders exist, the start steps are allowed).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, StrictInt, model_validator

from tui.training.checks import Check, ChooseCheck, Statement
from tui.training.setup import SetupStep
from tui.training.text import Model, Slug, Text, Words

View = Literal["app", "web", "desk"]
VIEWS: tuple[View, ...] = ("app", "web", "desk")


class Hint(Model):
    """A hint the trainee may ask for (F1); each one used takes `cost` points off."""

    en: Words
    sw: Words
    cost: StrictInt = Field(ge=0, le=100)

    @property
    def text(self) -> Text:
        return Text(en=self.en, sw=self.sw)


class StartSpec(Model):
    """The demo data, then these steps in order (`tui.training.setup`)."""

    steps: list[SetupStep] = Field(default_factory=list, max_length=50)


class Scenario(Model):
    id: Slug
    position: StrictInt = Field(default=100, ge=0, le=10_000)
    """Where the scenario comes in the list (then by id): simple cases first."""
    view: View
    """Where the trainee works: the buyer's app, the website, or the support desk."""
    trainer_panel: bool = False
    """Whether the trainee may use the trainer panel (clock, seller's answers) in this run."""
    title: Text
    message: Text
    """What the customer writes to support."""
    goal: Text
    """What the trainee must do, said plainly."""
    start: StartSpec = Field(default_factory=StartSpec)
    checks: list[Check] = Field(min_length=1, max_length=30)
    hints: list[Hint] = Field(default_factory=list, max_length=10)
    max_score: StrictInt = Field(ge=1, le=1000)
    time_limit_minutes: StrictInt | None = Field(default=None, ge=1, le=600)

    @model_validator(mode="after")
    def _consistent(self) -> Scenario:
        ids = [check.id for check in self.checks]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"check ids appear twice: {', '.join(twice)}")
        statement_ids = [s.id for s in self.statements]
        twice = sorted({i for i in statement_ids if statement_ids.count(i) > 1})
        if twice:
            raise ValueError(f"statement ids appear in two questions: {', '.join(twice)}")
        if self.view != "desk" and self.questions:
            raise ValueError("'choose' checks (statements to pick) are for desk scenarios only")
        return self

    @property
    def questions(self) -> list[ChooseCheck]:
        """The desk's multiple-choice questions, in the file's order."""
        return [check for check in self.checks if isinstance(check, ChooseCheck)]

    @property
    def statements(self) -> list[Statement]:
        return [s for question in self.questions for s in question.statements]

    @property
    def statement_ids(self) -> frozenset[str]:
        return frozenset(s.id for s in self.statements)

    @property
    def time_limit_seconds(self) -> int | None:
        return None if self.time_limit_minutes is None else self.time_limit_minutes * 60

    def hint_cost(self, hints_used: int) -> int:
        """What the first `hints_used` hints cost together (hints are shown in order)."""
        return sum(hint.cost for hint in self.hints[:hints_used])

    def check(self, check_id: str) -> Check | None:
        return next((check for check in self.checks if check.id == check_id), None)
