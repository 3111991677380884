"""The one API screens call. It asks the domain, then saves through the repository.

Every change goes the same way (`_act`): catch up with another window's writes, apply any
clock-driven change already due, let the domain rule decide, and save the new state with
all its events in one write. A rule's refusal (`DomainError`) leaves the file untouched.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from tui.domain import buyer as buyer_rules
from tui.domain import seller as seller_rules
from tui.domain.account import AccountSummary, account_summary, newest_refunds, tab_counts
from tui.domain.clock import SimulatedClock
from tui.domain.errors import ActionNotAllowed
from tui.domain.kinds import Standing
from tui.domain.meta import Meta
from tui.domain.models import Buyer, Event, Order, Refund, Store
from tui.domain.newest_first import NewestFirst
from tui.domain.reasons import CancelReason, all_reasons
from tui.domain.reputation import Reputation, may_cancel, reputation, warning_before_next
from tui.domain.rules import (
    BuyerAction,
    CancelPath,
    buyer_actions,
    clean_note,
    order_cancel_path,
    seller_deadline,
)
from tui.domain.settings import Settings
from tui.domain.state import State, Step
from tui.domain.status import OrderStatus, OrderTab
from tui.domain.timeline import Deadline, advance, deadline
from tui.service_desk import DeskService
from tui.service_disputes import DisputeRequest, DisputeService
from tui.service_errors import DataChanged, SaveFailed
from tui.service_results import CancelOutcome, ClockMove, Countdown
from tui.service_trainer import TrainerService
from tui.store.errors import ConcurrentChange, StoreError
from tui.store.load import Progress
from tui.store.repository import Repository

__all__ = [
    "CancelOutcome",
    "ClockMove",
    "Countdown",
    "DataChanged",
    "DisputeRequest",
    "OrderService",
    "SaveFailed",
]


def open_service(db_path: Path, progress: Progress | None = None) -> OrderService:
    """Load and validate the data file; raises `StoreError` (one line), writes nothing.
    ``progress`` hears how far a large file has got (`tui.progress`)."""
    repository = Repository.open(db_path, progress)
    return OrderService(repository, SimulatedClock(repository.meta.clock))


class OrderService(TrainerService, DisputeService, DeskService):
    """The one API screens call; the trainer's clock, seller answers and reset are in
    `TrainerService`, everything after shipping (disputes, receipt, protection, the
    trainer's seller, platform and carrier) in `DisputeService`, the support desk in
    `DeskService`."""

    def __init__(self, repository: Repository, clock: SimulatedClock) -> None:
        self._repo = repository
        self.clock = clock
        self._derived_from: dict[str, Order] | None = None
        self._listed: dict[OrderTab, tuple[Order, ...]] = {}
        self._counts: dict[OrderTab, int] | None = None
        self._newest_first = NewestFirst()
        self.version = 0
        """Counts the changes seen (saved here, or read from another window's writes): a page
        drawn at an older version redraws when shown again."""

    @property
    def buyer(self) -> Buyer:
        return self._repo.buyer

    @property
    def repository(self) -> Repository:
        return self._repo

    @property
    def settings(self) -> Settings:
        return self._repo.meta.settings

    @property
    def language(self) -> str:
        return self._repo.meta.language

    def now(self) -> datetime:
        return self.clock.now()

    def remember_language(self, code: str) -> None:
        """Keep the choice in the file, after catching up with other windows' writes.

        Raises `SaveFailed` or `DataChanged` (a `DomainError`) if the file can't be written
        just now: the switch still applies on screen, which should say it wasn't kept.
        """
        self._sync()
        if code != self._repo.meta.language:
            meta = self._repo.meta.model_copy(update={"language": code})
            self._save(Step(self._repo.state()), meta)

    @property
    def flow(self) -> str:
        return self._repo.meta.flow

    def remember_flow(self, code: str) -> None:
        """Saved like the language, so the next start shows the layout the trainer left;
        raises as `remember_language` does."""
        self._sync()
        if code != self._repo.meta.flow:
            meta = self._repo.meta.model_copy(update={"flow": code})
            self._save(Step(self._repo.state()), meta)

    # -- orders ----------------------------------------------------------------

    def orders_in(self, tab: OrderTab) -> tuple[Order, ...]:
        """The orders a tab lists, newest first.

        Kept per tab until the orders change (every change replaces the repository's orders
        mapping), so showing a tab again sorts nothing; the same tuple also tells a list
        that nothing changed.
        """
        orders = self._current_orders()
        listed = self._listed.get(tab)
        if listed is None:
            listed = self._listed[tab] = self._newest_first.listed(orders, tab)
        return listed

    def tab_counts(self) -> dict[OrderTab, int]:
        orders = self._current_orders()
        if self._counts is None:
            self._counts = tab_counts(orders.values())
        return dict(self._counts)

    def _current_orders(self) -> dict[str, Order]:
        """The repository's orders; lists and counts kept from older ones are dropped."""
        orders = self._repo.orders
        if orders is not self._derived_from:
            self._derived_from, self._listed, self._counts = orders, {}, None
        return orders

    def order(self, order_id: str) -> Order:
        return self._repo.orders[order_id]

    def store_of(self, order: Order) -> Store:
        return self._repo.stores[order.store_id]

    def stores(self) -> list[Store]:
        return sorted(self._repo.stores.values(), key=lambda s: s.name)

    def store_rating(self, store: Store) -> int:
        """The store's positive feedback as shown everywhere, in permille."""
        return seller_rules.rating_permille(store, self.settings)

    def events_of(self, order_id: str) -> list[Event]:
        return self._repo.events_of(order_id)

    def has_countdown(self, order: Order) -> bool:
        """Whether `countdown` has something to show, without working out how long."""
        return deadline(order, self.settings, self._repo.disputes.get(order.id)) is not None

    def countdown(self, order_id: str) -> Countdown | None:
        """The order's next deadline: its own, or its open dispute's."""
        dispute = self._repo.disputes.get(order_id)
        found: Deadline | None = deadline(self.order(order_id), self.settings, dispute)
        if found is None:
            return None
        return Countdown(found.kind, found.at, max(timedelta(0), found.at - self.now()))

    def refund_of(self, order_id: str) -> Refund | None:
        return self._repo.refunds.get(order_id)

    def refunds(self) -> list[Refund]:
        """Every refund, newest first."""
        return newest_refunds(self._repo.refunds.values())

    def account_summary(self) -> AccountSummary:
        """What the Account page shows, now."""
        return account_summary(
            self.buyer, self.tab_counts(), self.reputation(), self.refunds(), self.settings
        )

    # -- the buyer's reputation ----------------------------------------------------

    def reputation(self) -> Reputation:
        return reputation(self._repo.events, self.now(), self.settings)

    def warning_before_next(self) -> Standing | None:
        """The standing one more cancellation would bring, if it crosses a threshold."""
        return warning_before_next(self._repo.events, self.now(), self.settings)

    # -- cancelling --------------------------------------------------------------

    def cancel_path(self, order_id: str) -> CancelPath:
        return order_cancel_path(self.order(order_id))

    def may_cancel(self, order_id: str) -> bool:
        """Whether to offer "Cancel order": the order allows it and the buyer isn't blocked."""
        return self.cancel_path(order_id).can_start and may_cancel(self.reputation().standing)

    def buyer_actions(self, order_id: str) -> list[BuyerAction]:
        """What the buyer may do with the order now, the same in both flows (one rule)."""
        order, dispute = self.order(order_id), self.dispute_of(order_id)
        may_now = may_cancel(self.reputation().standing)
        return buyer_actions(order, dispute, self.now(), self.settings, may_cancel_now=may_now)

    def reasons(self) -> list[CancelReason]:
        return all_reasons()

    def seller_deadline(self, order_id: str) -> datetime | None:
        return seller_deadline(self.order(order_id), self.settings)

    def cancel(
        self, order_id: str, reason: CancelReason, note: str, *, expected: CancelPath
    ) -> CancelOutcome:
        """Cancel or request cancellation; refuses if the order changed since it was shown."""

        def action(state: State, now: datetime) -> Step:
            order = state.orders[order_id]
            if order_cancel_path(order) is not expected:
                raise ActionNotAllowed("error.order_changed", status=order.status.value)
            history = self._repo.events
            return buyer_rules.cancel_order(
                state, history, order_id, reason, note, now, self.settings
            )

        self._act(action)
        order = self.order(order_id)
        return CancelOutcome(order, expected, seller_deadline(order, self.settings))

    def check_choice(self, reason: CancelReason, note: str) -> str:
        """The note as it will be saved; raises `InvalidNote` where the rules refuse it."""
        return clean_note(reason, note)

    def can_withdraw(self, order_id: str) -> bool:
        return self.order(order_id).status is OrderStatus.CANCELLATION_REQUESTED

    def withdraw(self, order_id: str) -> Order:
        """Take back a pending request; the order can't be asked to cancel again."""
        self._act(lambda state, now: buyer_rules.withdraw(state, order_id, now))
        return self.order(order_id)

    def may_report_seller(self, order_id: str) -> bool:
        return buyer_rules.may_report_seller(self._repo.state(), order_id)

    def report_seller(self, order_id: str) -> None:
        self._act(lambda state, now: buyer_rules.report_seller(state, order_id, now))

    # -- plumbing ------------------------------------------------------------------

    def close(self) -> None:
        """Fold the journal into the file; best effort (the journal keeps every change)."""
        with contextlib.suppress(OSError, StoreError):
            self._repo.close()

    def sync(self) -> bool:
        """Catch up with another window's writes; True if anything changed."""
        return self._sync()

    def _act(self, action: Callable[[State, datetime], Step]) -> Step:
        self._sync()
        now = self.now()
        catch_up = advance(self._repo.state(), now, self.settings)
        step = catch_up.then(action(catch_up.state, now))
        step = step.then(advance(step.state, now, self.settings))  # what falls due at once
        self._save(step)
        return step

    def _save(self, step: Step, meta: Meta | None = None) -> None:
        try:
            self._repo.commit(step.state, step.events, meta)
        except ConcurrentChange:
            self._sync()
            raise DataChanged("error.changed_elsewhere") from None
        except OSError as error:
            raise SaveFailed.of(error) from None
        self.version += 1

    def _sync(self) -> bool:
        try:
            changed = self._repo.reload_if_changed()
        except StoreError:
            raise DataChanged("error.file_unreadable") from None
        if changed:
            self.version += 1
            stored = self._repo.meta.clock
            if stored >= self.clock.now():
                self.clock.set(stored)
            else:  # the demo data was put back in another window
                self.clock = SimulatedClock(stored)
        return changed
