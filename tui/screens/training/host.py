"""What the training screens ask of the training app, and the attempt under way."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, cast

from tui.host import AppContext

if TYPE_CHECKING:
    from tui.service import OrderService
    from tui.training.scenario import Scenario
    from tui.training.session import Run, TrainingSession


@dataclass
class Attempt:
    """A scenario being worked: its private data (and the service on it), when it began on
    the real clock, the hints used and the statements picked so far."""

    run: Run
    service: OrderService
    started: float
    hints_used: int = 0
    answers: set[str] = field(default_factory=set)

    @property
    def scenario(self) -> Scenario:
        return self.run.scenario


class TrainingHost(Protocol):
    @property
    def session(self) -> TrainingSession: ...

    @property
    def attempt(self) -> Attempt | None: ...

    def elapsed_seconds(self) -> int:
        """Seconds since the attempt began, on the real clock."""
        ...

    def start_scenario(self, scenario_id: str) -> None:
        """Start an attempt at this scenario (a worker: returns at once)."""
        ...

    def answers_changed(self) -> None:
        """The statements picked changed: the bar shows the new count."""
        ...


class TrainingContext(AppContext):
    """Mixin for the training screens: `self.training` is the training app."""

    @property
    def training(self) -> TrainingHost:
        return cast(TrainingHost, self.app)
