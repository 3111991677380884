"""What a scenario checks: a small typed vocabulary of predicates, and how each is decided.

Every check looks at the end state of the trainee's copy of the data file (or, for the desk,
at the statements the trainee picked), never at free text, so a grade is deterministic. A
check names the rule behind it in both languages; the result page shows it when it fails.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field, StrictBool, StrictInt, model_validator

from tui.domain.models import Actor, Event, EventKind, Order, RequestOutcome
from tui.domain.reasons import Fault
from tui.domain.status import OrderStatus
from tui.training.text import Model, OrderId, Slug, Text, Words


@dataclass(frozen=True)
class EndState:
    """What the checks look at: the trainee's data file when they pressed Finish.

    `start_events` and `start_clock` say where the run began, so a check can tell what the
    trainee did from what the scenario set up.
    """

    orders: Mapping[str, Order]
    events: Sequence[Event]
    clock: datetime
    start_events: int
    start_clock: datetime

    @property
    def new_events(self) -> Sequence[Event]:
        """The events recorded during the run (the data file only ever appends events)."""
        return self.events[self.start_events :]


def _started_cancelling(event: Event) -> bool:
    """A cancellation the buyer started: a request, or an unpaid order cancelled at once."""
    return event.actor is Actor.BUYER and event.kind in (EventKind.REQUESTED, EventKind.CANCELLED)


class _Check(Model):
    id: Slug
    """Names the check in the results file and the class report."""
    points: StrictInt = Field(default=1, ge=1, le=100)
    rule: Text
    """The rule behind the check, shown when it fails."""


class StatusCheck(_Check):
    """Order X has status S."""

    kind: Literal["status"]
    order: OrderId
    status: OrderStatus

    def passes(self, end: EndState) -> bool:
        order = end.orders.get(self.order)
        return order is not None and order.status is self.status


class ReasonFaultCheck(_Check):
    """Order X's cancellation reason is a buyer-fault (or seller-fault) one."""

    kind: Literal["reason_fault"]
    order: OrderId
    fault: Fault

    def passes(self, end: EndState) -> bool:
        order = end.orders.get(self.order)
        request = order.cancellation if order is not None else None
        return request is not None and request.reason.fault is self.fault


class NotCancelledCheck(_Check):
    """No cancellation of order X was started during the run."""

    kind: Literal["not_cancelled"]
    order: OrderId

    def passes(self, end: EndState) -> bool:
        return not any(e.order_id == self.order and _started_cancelling(e) for e in end.new_events)


class NoSellerFaultCheck(_Check):
    """No cancellation started during the run gave a reason that blames the seller."""

    kind: Literal["no_seller_fault"]

    def passes(self, end: EndState) -> bool:
        return not any(
            _started_cancelling(e) and e.reason is not None and e.reason.blames_seller
            for e in end.new_events
        )


class RequestOutcomeCheck(_Check):
    """The cancellation request of order X ended as O (agreed, refused, no answer, withdrawn)."""

    kind: Literal["request_outcome"]
    order: OrderId
    outcome: RequestOutcome

    def passes(self, end: EndState) -> bool:
        order = end.orders.get(self.order)
        request = order.cancellation if order is not None else None
        return request is not None and request.outcome is self.outcome


class HappenedCheck(_Check):
    """An event of kind K happened to order X during the run (e.g. `cancelled`: at once)."""

    kind: Literal["happened"]
    order: OrderId
    event: EventKind

    def passes(self, end: EndState) -> bool:
        return any(e.order_id == self.order and e.kind is self.event for e in end.new_events)


class ClockNotMovedCheck(_Check):
    """The simulated clock is where the run started (nothing was waited for)."""

    kind: Literal["clock_not_moved"]

    def passes(self, end: EndState) -> bool:
        return end.clock == end.start_clock


class Statement(Model):
    """One statement a desk trainee may pick for the reply; some are right, some are not."""

    id: Slug
    correct: StrictBool
    en: Words
    sw: Words

    @property
    def text(self) -> Text:
        return Text(en=self.en, sw=self.sw)


class ChooseCheck(_Check):
    """A question on the desk: passed when the trainee picks exactly its correct statements."""

    kind: Literal["choose"]
    question: Text
    statements: list[Statement] = Field(min_length=2, max_length=12)

    @model_validator(mode="after")
    def _some_right_some_wrong(self) -> ChooseCheck:
        ids = [s.id for s in self.statements]
        if len(set(ids)) != len(ids):
            raise ValueError("statement ids must be different")
        right = sum(s.correct for s in self.statements)
        if right == 0 or right == len(self.statements):
            raise ValueError("needs at least one correct and one wrong statement")
        return self

    @property
    def statement_ids(self) -> frozenset[str]:
        return frozenset(s.id for s in self.statements)

    @property
    def correct_ids(self) -> frozenset[str]:
        return frozenset(s.id for s in self.statements if s.correct)

    def chosen_well(self, answers: frozenset[str]) -> bool:
        return answers & self.statement_ids == self.correct_ids


StateCheck = (
    StatusCheck
    | ReasonFaultCheck
    | NotCancelledCheck
    | NoSellerFaultCheck
    | RequestOutcomeCheck
    | HappenedCheck
    | ClockNotMovedCheck
)
Check = Annotated[StateCheck | ChooseCheck, Field(discriminator="kind")]
CHECK_KINDS = (
    "status",
    "reason_fault",
    "not_cancelled",
    "no_seller_fault",
    "request_outcome",
    "happened",
    "clock_not_moved",
    "choose",
)


def passes(check: StateCheck | ChooseCheck, end: EndState, answers: frozenset[str]) -> bool:
    """Whether the trainee's end state (and picked statements) meet the check."""
    if isinstance(check, ChooseCheck):
        return check.chosen_well(answers)
    return check.passes(end)


def order_of(check: StateCheck | ChooseCheck) -> str | None:
    """The order a check is about, if any (the loader checks that the data holds it)."""
    order = getattr(check, "order", None)
    return order if isinstance(order, str) else None
