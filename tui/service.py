"""The one API screens call. It asks the domain, then saves through the repository."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tui.domain.clock import SimulatedClock
from tui.domain.errors import ActionNotAllowed
from tui.domain.models import Buyer, Event, Order, Store
from tui.domain.reasons import CancelReason, all_reasons
from tui.domain.rules import CancelPath, cancel, cancel_path, clean_note, seller_deadline
from tui.domain.settings import Settings
from tui.domain.status import OrderTab
from tui.store.repository import Repository


@dataclass(frozen=True)
class CancelOutcome:
    """What a cancel did, for the result screen to explain."""

    order: Order
    path: CancelPath
    seller_deadline: datetime | None


class OrderService:
    def __init__(self, repository: Repository, clock: SimulatedClock) -> None:
        self._repo = repository
        self.clock = clock

    @property
    def buyer(self) -> Buyer:
        return self._repo.buyer

    @property
    def settings(self) -> Settings:
        return self._repo.meta.settings

    @property
    def language(self) -> str:
        return self._repo.meta.language

    def remember_language(self, code: str) -> None:
        if code != self._repo.meta.language:
            self._repo.save_meta(self._repo.meta.model_copy(update={"language": code}))

    @property
    def flow(self) -> str:
        return self._repo.meta.flow

    def remember_flow(self, code: str) -> None:
        """Saved like the language, so the next start shows the layout the trainer left."""
        if code != self._repo.meta.flow:
            self._repo.save_meta(self._repo.meta.model_copy(update={"flow": code}))

    # -- orders ----------------------------------------------------------------

    def orders_in(self, tab: OrderTab) -> list[Order]:
        """The orders a tab lists, newest first."""
        orders = self._repo.orders.values()
        chosen = orders if tab is OrderTab.ALL else (o for o in orders if o.tab is tab)
        return sorted(chosen, key=lambda o: o.placed_at, reverse=True)

    def tab_counts(self) -> dict[OrderTab, int]:
        counts = dict.fromkeys(OrderTab, 0)
        for order in self._repo.orders.values():
            counts[OrderTab.ALL] += 1
            if order.tab is not None:
                counts[order.tab] += 1
        return counts

    def order(self, order_id: str) -> Order:
        return self._repo.orders[order_id]

    def store_of(self, order: Order) -> Store:
        return self._repo.stores[order.store_id]

    def events_of(self, order_id: str) -> list[Event]:
        return self._repo.events_of(order_id)

    # -- cancelling --------------------------------------------------------------

    def cancel_path(self, order_id: str) -> CancelPath:
        return cancel_path(self.order(order_id).status)

    def reasons(self) -> list[CancelReason]:
        return all_reasons()

    def seller_deadline(self, order_id: str) -> datetime | None:
        return seller_deadline(self.order(order_id), self.settings)

    def cancel(
        self, order_id: str, reason: CancelReason, note: str, *, expected: CancelPath
    ) -> CancelOutcome:
        """Cancel or request cancellation; refuses if the order changed since it was shown."""
        order = self.order(order_id)
        path = cancel_path(order.status)
        if path is not expected:
            raise ActionNotAllowed("error.order_changed", status=order.status.value)
        transition = cancel(order, reason, note, self.clock.now())
        self._repo.save_transition(transition.order, transition.event)
        return CancelOutcome(
            transition.order, path, seller_deadline(transition.order, self.settings)
        )

    def check_choice(self, reason: CancelReason, note: str) -> str:
        """The note as it will be saved; raises `InvalidNote` where the rules refuse it."""
        return clean_note(reason, note)
