"""Deadlines: when an order next changes by itself, and an index of every pending one.

`deadline(order, settings, dispute)` is the rule: the earliest of the order's own deadlines
and its open dispute's (`tui.domain.delivery`, `tui.domain.dispute_due`). `DueIndex` is
what it gives for a whole state, sorted, so that finding the next change of 10,000 orders
needs no scan: a `State` keeps its index (once asked for it) and updates it one order,
refund or dispute at a time as the state changes.
The index is derived from the state and the settings alone; it holds no other truth.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta

from tui.domain.deadlines import Deadline, DeadlineKind, earliest
from tui.domain.delivery import order_deadlines
from tui.domain.dispute_due import dispute_deadline
from tui.domain.dispute_models import Dispute
from tui.domain.kinds import RefundStatus
from tui.domain.models import Order, Refund, RequestOutcome
from tui.domain.rules import seller_deadline
from tui.domain.settings import Settings
from tui.domain.status import OrderStatus

__all__ = ["Deadline", "DeadlineKind", "DueIndex", "deadline", "order_due", "refund_due"]


def processing_pause(order: Order) -> timedelta:
    """Time the seller's processing clock stood still while a request awaited an answer."""
    request = order.cancellation
    if request is None or request.answered_at is None:
        return timedelta(0)
    if request.outcome not in (RequestOutcome.REFUSED, RequestOutcome.WITHDRAWN):
        return timedelta(0)
    return request.answered_at - request.requested_at


def deadline(order: Order, settings: Settings, dispute: Dispute | None = None) -> Deadline | None:
    """The next time this order (or its dispute) changes by itself, if it waits on the clock.

    The seller's processing time runs from payment, or from placing for a cash-on-delivery
    order (paid only on delivery)."""
    paid = order.placed_at if order.pays_on_delivery else (order.paid_at or order.placed_at)
    if order.status is OrderStatus.AWAITING_PAYMENT:
        at = order.placed_at + timedelta(hours=settings.payment_window_hours)
        return Deadline(DeadlineKind.PAY, at)
    if order.status is OrderStatus.PAYMENT_VERIFYING:
        at = paid + timedelta(hours=settings.payment_verification_hours)
        return Deadline(DeadlineKind.VERIFY, at)
    if order.status is OrderStatus.AWAITING_SHIPMENT:
        at = paid + timedelta(days=settings.processing_days) + processing_pause(order)
        return Deadline(DeadlineKind.SHIP, at)
    respond_by = seller_deadline(order, settings)
    if respond_by is not None:
        return Deadline(DeadlineKind.RESPOND, respond_by)
    if order.status not in (OrderStatus.SHIPPED, OrderStatus.IN_DISPUTE):
        return None
    found = order_deadlines(order, dispute, settings)
    if order.status is OrderStatus.IN_DISPUTE and dispute is not None:
        of_dispute = dispute_deadline(dispute, settings)
        if of_dispute is not None:
            found.append(of_dispute)
    return earliest(found)


RANK = {kind: rank for rank, kind in enumerate(DeadlineKind)}
REFUND_RANK = len(RANK)
"""Changes due at the same moment happen in DeadlineKind's order, refunds last."""

Due = tuple[datetime, int, str]
"""A pending change: (when, in UTC, rank, order id). Times from the file each carry their own
offset object, which makes comparing them ~10x slower than comparing UTC times."""


def order_due(
    order: Order | None, settings: Settings, dispute: Dispute | None = None
) -> Due | None:
    found = deadline(order, settings, dispute) if order is not None else None
    if found is None or order is None:
        return None
    return (found.at.astimezone(UTC), RANK[found.kind], order.id)


def refund_due(refund: Refund | None) -> Due | None:
    if refund is None or refund.status is not RefundStatus.PROCESSING:
        return None
    return (refund.expected_from.astimezone(UTC), REFUND_RANK, refund.order_id)


class DueIndex:
    """Every pending clock-driven change of one state under `settings`, earliest first.

    Immutable: an update returns a new index (a copy of the sorted list, then two binary
    searches), so states that share history never see each other's changes.
    """

    __slots__ = ("_entries", "settings")

    def __init__(self, settings: Settings, entries: list[Due]) -> None:
        self.settings = settings
        self._entries = entries

    @classmethod
    def build(
        cls,
        orders: Iterable[Order],
        refunds: Iterable[Refund],
        settings: Settings,
        disputes: Mapping[str, Dispute] | None = None,
    ) -> DueIndex:
        disputes = disputes or {}
        found = [order_due(order, settings, disputes.get(order.id)) for order in orders]
        found += [refund_due(refund) for refund in refunds]
        return cls(settings, sorted(due for due in found if due is not None))

    @property
    def entries(self) -> tuple[Due, ...]:
        return tuple(self._entries)

    def first(self) -> Due | None:
        """The earliest pending change, ties broken by rank, then order id."""
        return self._entries[0] if self._entries else None

    def with_order(self, old: Order | None, new: Order, dispute: Dispute | None = None) -> DueIndex:
        """After ``old`` became ``new`` (its dispute, if any, unchanged)."""
        return self._replaced(
            order_due(old, self.settings, dispute), order_due(new, self.settings, dispute)
        )

    def with_dispute(self, order: Order, old: Dispute | None, new: Dispute) -> DueIndex:
        """After the dispute of ``order`` became ``new`` (the order unchanged)."""
        return self._replaced(
            order_due(order, self.settings, old), order_due(order, self.settings, new)
        )

    def with_refund(self, old: Refund | None, new: Refund) -> DueIndex:
        return self._replaced(refund_due(old), refund_due(new))

    def _replaced(self, old: Due | None, new: Due | None) -> DueIndex:
        if old == new:
            return self
        entries = list(self._entries)
        if old is not None:
            at = bisect_left(entries, old)
            if at < len(entries) and entries[at] == old:
                del entries[at]
        if new is not None:
            insort(entries, new)
        return DueIndex(self.settings, entries)
