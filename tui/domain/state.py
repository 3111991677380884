"""Everything the rules change, as one immutable value, and the result of changing it.

Every action and every clock move is a function `State -> Step`; the service saves the new
state and the step's events together, so a change and its record can't drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from tui.domain.models import Buyer, Event, Order, Refund, Store


@dataclass(frozen=True)
class State:
    """The buyer, the stores, the orders and their refunds (one per order, keyed by order id)."""

    buyer: Buyer
    stores: Mapping[str, Store]
    orders: Mapping[str, Order]
    refunds: Mapping[str, Refund]

    def with_order(self, order: Order) -> State:
        return replace(self, orders={**self.orders, order.id: order})

    def with_store(self, store: Store) -> State:
        return replace(self, stores={**self.stores, store.id: store})

    def with_refund(self, refund: Refund) -> State:
        return replace(self, refunds={**self.refunds, refund.order_id: refund})

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
