"""Everything the rules change, as one immutable value, and the result of changing it.

Every action and every clock move is a function `State -> Step`; the service saves the new
state and the step's events together, so a change and its record can't drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from tui.domain.due import DueIndex
from tui.domain.models import Buyer, Event, Order, Refund, Store
from tui.domain.settings import Settings


@dataclass(frozen=True)
class State:
    """The buyer, the stores, the orders and their refunds (one per order, keyed by order id)."""

    buyer: Buyer
    stores: Mapping[str, Store]
    orders: Mapping[str, Order]
    refunds: Mapping[str, Refund]
    _due: DueIndex | None = field(default=None, compare=False, repr=False)
    """The pending deadlines, once `due` was asked for; carried along by each `with_…`."""

    def due(self, settings: Settings) -> DueIndex:
        """Every pending clock-driven change, earliest first (built once, then kept up to date)."""
        if self._due is None or (
            self._due.settings is not settings and self._due.settings != settings
        ):
            built = DueIndex.build(self.orders.values(), self.refunds.values(), settings)
            object.__setattr__(self, "_due", built)  # a cache of what the fields imply
            return built
        return self._due

    def with_order(self, order: Order) -> State:
        due = self._due and self._due.with_order(self.orders.get(order.id), order)
        return replace(self, orders={**self.orders, order.id: order}, _due=due)

    def with_store(self, store: Store) -> State:
        return replace(self, stores={**self.stores, store.id: store})

    def with_refund(self, refund: Refund) -> State:
        due = self._due and self._due.with_refund(self.refunds.get(refund.order_id), refund)
        return replace(self, refunds={**self.refunds, refund.order_id: refund}, _due=due)

    def with_buyer(self, buyer: Buyer) -> State:
        return replace(self, buyer=buyer)


@dataclass(frozen=True)
class Step:
    """A new state and the events that record how it came about, oldest first."""

    state: State
    events: tuple[Event, ...] = ()

    def then(self, later: Step) -> Step:
        """This step followed by `later` (which must start from this step's state)."""
        return Step(later.state, self.events + later.events)
