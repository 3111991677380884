"""Everything the rules change, as one immutable value, and the result of changing it.

Every action and every clock move is a function `State -> Step`; the service saves the new
state and the step's events together, so a change and its record can't drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from tui.domain.dispute_models import Dispute
from tui.domain.due import DueIndex
from tui.domain.models import Buyer, Event, Order, Refund, Store
from tui.domain.settings import Settings


@dataclass(frozen=True)
class State:
    """The buyer, the stores, the orders, their refunds and their disputes (at most one of
    each per order, keyed by order id)."""

    buyer: Buyer
    stores: Mapping[str, Store]
    orders: Mapping[str, Order]
    refunds: Mapping[str, Refund]
    disputes: Mapping[str, Dispute] = field(default_factory=dict)
    _due: DueIndex | None = field(default=None, compare=False, repr=False)
    """The pending deadlines, once `due` was asked for; carried along by each `with_…`."""

    def due(self, settings: Settings) -> DueIndex:
        """Every pending clock-driven change, earliest first (built once, then kept up to date)."""
        if self._due is None or (
            self._due.settings is not settings and self._due.settings != settings
        ):
            built = DueIndex.build(
                self.orders.values(), self.refunds.values(), settings, self.disputes
            )
            object.__setattr__(self, "_due", built)  # a cache of what the fields imply
            return built
        return self._due

    def with_order(self, order: Order) -> State:
        dispute = self.disputes.get(order.id)
        due = self._due and self._due.with_order(self.orders.get(order.id), order, dispute)
        return replace(self, orders={**self.orders, order.id: order}, _due=due)

    def with_dispute(self, dispute: Dispute) -> State:
        """The order's dispute, opened or changed (the order itself must be there already)."""
        order = self.orders[dispute.order_id]
        old = self.disputes.get(dispute.order_id)
        due = self._due and self._due.with_dispute(order, old, dispute)
        return replace(self, disputes={**self.disputes, dispute.order_id: dispute}, _due=due)

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
