"""The support desk's rules besides finding (`desk_search`) and replying (`desk_replies`):
every deadline an order waits on, how many (business) days a refund still has, and the
desk's own records (a reply sent, an internal note). The desk never changes an order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from tui.domain.deadlines import Deadline, DeadlineKind
from tui.domain.delivery import order_deadlines
from tui.domain.dispute_due import dispute_deadline
from tui.domain.dispute_models import Dispute
from tui.domain.due import deadline
from tui.domain.errors import InvalidMessage
from tui.domain.kinds import RefundMethod, RefundStatus
from tui.domain.models import Actor, Event, EventKind, Order, Refund
from tui.domain.settings import Settings
from tui.domain.state import State, Step
from tui.domain.status import OrderStatus
from tui.domain.typed import has_control

DESK_TEXT_MAX = 2000
"""The longest reply or note the desk records."""


@dataclass(frozen=True)
class Due:
    """One deadline the order waits on, and the time left from now."""

    kind: DeadlineKind
    at: datetime
    left: timedelta


def pending_deadlines(
    order: Order, dispute: Dispute | None, settings: Settings, now: datetime
) -> list[Due]:
    """Every deadline the order (and its open dispute) waits on, soonest first: to pay, to
    verify, to ship, the seller's answer; after shipping, receipt, buyer protection, an
    extension's answer and the dispute's step. The first is the one the buyer's
    countdown shows (`tui.domain.due.deadline`)."""
    found: list[Deadline] = []
    if order.status in (OrderStatus.SHIPPED, OrderStatus.IN_DISPUTE):
        found = order_deadlines(order, dispute, settings)
        if order.status is OrderStatus.IN_DISPUTE and dispute is not None:
            of_dispute = dispute_deadline(dispute, settings)
            if of_dispute is not None:
                found.append(of_dispute)
    else:
        first = deadline(order, settings, dispute)
        found = [first] if first is not None else []
    ordered = sorted(found, key=lambda d: d.at)
    return [Due(d.kind, d.at, max(timedelta(0), d.at - now)) for d in ordered]


def business_days_between(start: datetime, end: datetime) -> int:
    """Working days (Monday to Friday) after ``start`` up to ``end``, counted the way
    `tui.domain.refunds.add_business_days` adds them; 0 if ``end`` is not later."""
    days, moment = 0, start
    while moment + timedelta(days=1) <= end:
        moment += timedelta(days=1)
        if moment.weekday() < 5:
            days += 1
    return days


@dataclass(frozen=True)
class RefundDays:
    """Where a refund stands, for the agent: the method's promised range, and the days
    (business days for a card) still to go until the window opens and closes."""

    business: bool
    range_min: int
    range_max: int
    to_earliest: int
    to_latest: int
    late: bool
    """Still processing after the latest expected day (the buyer should be helped)."""


def refund_days(refund: Refund, settings: Settings, now: datetime) -> RefundDays:
    card = refund.method is RefundMethod.CARD
    if card:
        low = settings.refund_card_min_business_days
        high = settings.refund_card_max_business_days
        to_earliest = business_days_between(now, refund.expected_from)
        to_latest = business_days_between(now, refund.expected_by)
    else:
        wallet = refund.method is RefundMethod.WALLET
        low = settings.refund_wallet_min_days if wallet else settings.refund_coupon_min_days
        high = settings.refund_wallet_max_days if wallet else settings.refund_coupon_max_days
        to_earliest = max(0, (refund.expected_from - now).days)
        to_latest = max(0, (refund.expected_by - now).days)
    late = refund.status is RefundStatus.PROCESSING and now > refund.expected_by
    return RefundDays(card, low, high, to_earliest, to_latest, late)


def clean_desk_text(text: str) -> str:
    """A reply or note as recorded: trimmed, not empty, not too long, no control
    characters (line breaks are fine)."""
    cleaned = text.strip()
    if not cleaned:
        raise InvalidMessage("desk.error_empty")
    if len(cleaned) > DESK_TEXT_MAX:
        raise InvalidMessage("desk.error_too_long", limit=str(DESK_TEXT_MAX))
    if has_control(cleaned):
        raise InvalidMessage("desk.error_control")
    return cleaned


def record(state: State, order_id: str, kind: EventKind, text: str, now: datetime) -> Step:
    """A reply sent or a note added, as an event on the order; the order is unchanged."""
    if not kind.desk_only:
        raise ValueError(f"{kind} is not a desk record")
    status = state.orders[order_id].status
    event = Event(
        order_id=order_id,
        at=now,
        actor=Actor.AGENT,
        kind=kind,
        from_status=status,
        to_status=status,
        note=clean_desk_text(text),
    )
    return Step(state, (event,))
