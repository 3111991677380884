"""What the service's actions and questions answer with, for the screens to show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from tui.domain.models import Event, EventKind, Order
from tui.domain.rules import CancelPath
from tui.domain.timeline import DeadlineKind


@dataclass(frozen=True)
class CancelOutcome:
    """What a cancel did, for the result screen to explain."""

    order: Order
    path: CancelPath
    seller_deadline: datetime | None


@dataclass(frozen=True)
class Countdown:
    """An order's next deadline and the time left to it on the simulated clock."""

    kind: DeadlineKind
    at: datetime
    left: timedelta


@dataclass(frozen=True)
class ClockMove:
    """What one move of the clock changed, for the trainer panel to report."""

    before: datetime
    after: datetime
    events: tuple[Event, ...]

    @property
    def closed_automatically(self) -> int:
        return sum(e.kind.closes_automatically for e in self.events)

    @property
    def payments_verified(self) -> int:
        return sum(e.kind is EventKind.PAYMENT_VERIFIED for e in self.events)

    @property
    def refunds_completed(self) -> int:
        return sum(e.kind is EventKind.REFUND_COMPLETED for e in self.events)

    @property
    def dispute_steps(self) -> int:
        """Disputes the clock moved on: silence accepted, escalated, decided, returns."""
        return sum(e.is_dispute_step for e in self.events)

    @property
    def orders_completed(self) -> int:
        """Orders whose buyer protection ran out."""
        return sum(e.kind is EventKind.PROTECTION_ENDED for e in self.events)

    @property
    def receipts_confirmed(self) -> int:
        return sum(e.kind is EventKind.RECEIPT_AUTO_CONFIRMED for e in self.events)
