"""A scenario's starting state: the demo data, then declared steps taken by the same rules.

Each step is what a person or the clock would do (a buyer cancels, a seller refuses, two
days pass) or a plain fact about the data (this order was shipped with that tracking
number). Actions go through the domain's own functions, exactly as the service applies
them, so the start is a state the app could have reached, and a valid data file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, Field, StrictInt, ValidationError, model_validator

from tui.domain import buyer as buyer_rules
from tui.domain import seller as seller_rules
from tui.domain.clock import parse_duration
from tui.domain.errors import DomainError, InvalidDuration
from tui.domain.models import Event, Order, PaymentMethod, Store
from tui.domain.reasons import CancelReason
from tui.domain.settings import Settings
from tui.domain.state import State, Step
from tui.domain.status import OrderStatus
from tui.domain.timeline import advance
from tui.training.text import Model, OrderId, Slug


class CancelStep(Model):
    """The buyer cancels an unpaid order, or asks to cancel a paid one."""

    do: Literal["cancel"]
    order: OrderId
    reason: CancelReason
    note: str = Field(default="", max_length=500)


class WithdrawStep(Model):
    do: Literal["withdraw"]
    order: OrderId


class SellerAgreeStep(Model):
    do: Literal["seller_agree"]
    order: OrderId


class SellerRefuseStep(Model):
    do: Literal["seller_refuse"]
    order: OrderId
    message: str = Field(min_length=1, max_length=500)


class AdvanceStep(Model):
    """Time passes (by a span such as "2d 4h", or to a moment); whatever falls due happens."""

    do: Literal["advance"]
    by: str | None = None
    to: AwareDatetime | None = None

    @model_validator(mode="after")
    def _one_of(self) -> AdvanceStep:
        if (self.by is None) == (self.to is None):
            raise ValueError("give either 'by' (a span such as \"2d 4h\") or 'to' (a moment)")
        if self.by is not None:
            try:
                parse_duration(self.by)
            except InvalidDuration:
                raise ValueError(f"'{self.by}' is not a time span such as \"2d 4h\"") from None
        return self


class SetOrderStep(Model):
    """Facts about an order as the data holds them (no event: it was simply so)."""

    do: Literal["set_order"]
    order: OrderId
    status: OrderStatus | None = None
    payment_method: PaymentMethod | None = None
    payment_detail: str | None = None
    paid_at: AwareDatetime | None = None
    shipped_at: AwareDatetime | None = None
    tracking_number: str | None = None


class SetStoreStep(Model):
    """A store's shown standing: its positive feedback and seller-fault cancellations."""

    do: Literal["set_store"]
    store: Slug
    positive_feedback_permille: StrictInt | None = Field(default=None, ge=0, le=1000)
    fault_cancellations: StrictInt | None = Field(default=None, ge=0, le=100_000)


SetupStep = Annotated[
    CancelStep
    | WithdrawStep
    | SellerAgreeStep
    | SellerRefuseStep
    | AdvanceStep
    | SetOrderStep
    | SetStoreStep,
    Field(discriminator="do"),
]
STEP_KINDS = (
    "cancel",
    "withdraw",
    "seller_agree",
    "seller_refuse",
    "advance",
    "set_order",
    "set_store",
)


@dataclass(frozen=True)
class Base:
    """The data a scenario starts from (the demo data): state, history, clock, settings."""

    state: State
    events: tuple[Event, ...]
    clock: datetime
    settings: Settings


@dataclass(frozen=True)
class Start:
    """The starting state: the new state, the events the steps added, and the clock."""

    state: State
    events: tuple[Event, ...]
    clock: datetime


class StepFailed(Exception):
    """A step the rules refuse. `field` names it (`start.steps[2]`); `key`/`params`, when
    the domain refused it, are its catalog message; `problem` otherwise says what is wrong."""

    def __init__(
        self, index: int, problem: str, key: str | None = None, params: dict[str, str] | None = None
    ) -> None:
        super().__init__(problem)
        self.field = f"start.steps[{index}]"
        self.problem = problem
        self.key = key
        self.params = params or {}


def build_start(base: Base, steps: Sequence[Any]) -> Start:
    """Apply `steps` to `base` in order; raises `StepFailed` for the first one refused."""
    state, clock = base.state, base.clock
    events: list[Event] = []
    for index, step in enumerate(steps):
        try:
            result, clock = _apply(step, state, [*base.events, *events], clock, base.settings)
        except DomainError as error:
            raise StepFailed(index, error.key, error.key, error.params) from None
        except (ValueError, KeyError) as error:
            raise StepFailed(index, _one_line(error)) from None
        state = result.state
        events.extend(result.events)
    return Start(state, tuple(events), clock)


def _apply(
    step: Any, state: State, history: list[Event], now: datetime, settings: Settings
) -> tuple[Step, datetime]:
    if isinstance(step, AdvanceStep):
        later = now + parse_duration(step.by) if step.by is not None else step.to
        assert later is not None
        if later < now:
            raise ValueError(f"'to' is earlier than the clock ({now.isoformat()})")
        return advance(state, later, settings), later
    if isinstance(step, SetOrderStep | SetStoreStep):
        return Step(_set(step, state)), now
    caught_up = advance(state, now, settings)  # as the service does before any action
    state = caught_up.state
    _known(state, step.order)
    if isinstance(step, CancelStep):
        done = buyer_rules.cancel_order(
            state, history, step.order, step.reason, step.note, now, settings
        )
    elif isinstance(step, WithdrawStep):
        done = buyer_rules.withdraw(state, step.order, now)
    elif isinstance(step, SellerAgreeStep):
        done = seller_rules.agree(state, step.order, now, settings)
    else:
        done = seller_rules.refuse(state, step.order, step.message, now)
    return caught_up.then(done), now


def _set(step: SetOrderStep | SetStoreStep, state: State) -> State:
    changes = step.model_dump(exclude={"do", "order", "store"}, exclude_none=True)
    try:
        if isinstance(step, SetOrderStep):
            order = _known(state, step.order)
            return state.with_order(Order.model_validate({**order.model_dump(), **changes}))
        store = state.stores.get(step.store)
        if store is None:
            raise ValueError(f"unknown store '{step.store}'")
        return state.with_store(Store.model_validate({**store.model_dump(), **changes}))
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ValueError(f"{where}: {first['msg']}") from None


def _known(state: State, order_id: str) -> Order:
    order = state.orders.get(order_id)
    if order is None:
        raise ValueError(f"unknown order {order_id}")
    return order


def _one_line(error: Exception) -> str:
    text = str(error.args[0]) if error.args else str(error)
    return " ".join(text.split())
