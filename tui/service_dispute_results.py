"""What the service answers about a shipped order and its dispute, for the screens to show.

Plain frozen values built from the domain; every label is a catalog key on the enums
(`DisputeState.label_key`, `DisputeGround.label_key`, `Party.label_key`, ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from tui.domain.deadlines import DeadlineKind
from tui.domain.dispute_desk import Weighing
from tui.domain.dispute_due import BuyerAction, PlatformAction, SellerAction
from tui.domain.dispute_models import Dispute, Party
from tui.domain.models import Order, Refund
from tui.domain.money import Money


@dataclass(frozen=True)
class Protection:
    """ "Buyer protection: 12 days left": until when, and how long from now."""

    ends_at: datetime
    left: timedelta
    days_left: int
    """Whole days, a started day counted: what the app shows."""
    extended_days: int
    """Days the seller granted when asked to extend (0 if none)."""


@dataclass(frozen=True)
class AfterShipping:
    """What a shipped (or disputed) order's page offers the buyer, and why not.

    `dispute_why_not` is a catalog key (`dispute_why_not.*`), None when a dispute may be
    opened now; `dispute_opens_at` says when the window opens ("too_early").
    """

    order: Order
    dispute_why_not: str | None
    dispute_opens_at: datetime | None
    protection: Protection | None
    may_confirm_receipt: bool
    may_ask_extension: bool
    delivery_deadline: datetime | None
    tracking_key: str
    """`tracking.delivered`, `tracking.in_transit`, or `tracking.no_info` (a fake number:
    the carrier knows no such parcel). Never says "fake": the buyer can't know."""

    @property
    def may_open_dispute(self) -> bool:
        return self.dispute_why_not is None


@dataclass(frozen=True)
class DisputeView:
    """An order's dispute as the screens show it: where it stands, who acts next and by
    when, and what each party may do now."""

    order: Order
    dispute: Dispute
    party: Party | None
    """Who must act next; None once the dispute is final."""
    deadline_kind: DeadlineKind | None
    deadline: datetime | None
    left: timedelta | None
    """Time to the deadline on the simulated clock (0 if it is due)."""
    buyer_actions: tuple[BuyerAction, ...]
    seller_actions: tuple[SellerAction, ...]
    platform_actions: tuple[PlatformAction, ...]
    escalation_opens_at: datetime | None
    """When the buyer may escalate, while that is still ahead (None otherwise)."""
    refund: Refund | None
    paid: Money
    """What was paid: the most any amount may be."""

    @property
    def is_open(self) -> bool:
        return self.dispute.is_open


@dataclass(frozen=True)
class TrainerDispute:
    """An open dispute in the trainer panel: the view, and the platform's rule as advice."""

    view: DisputeView
    advice: Weighing
