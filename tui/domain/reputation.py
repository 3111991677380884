"""The buyer's reputation: cancellations in a rolling window, against three thresholds.

No public rule gives the numbers, so they are settings (warn, restrict, block). What counts
is every cancellation the buyer starts (a request or an instant cancel), withdrawn or not:
the seller had to deal with each. Orders the system closes on its own don't count.

Disputes count too, but only where disputes are judged, and only the ones that went
against the buyer: the platform's tie rule looks at cancellations *and* disputes the buyer
cancelled or lost in the window (`dispute_standing`). A dispute the buyer won is buyer
protection working, not a mark against them. Disputes don't count towards warnings and
blocks on cancelling, which the sources tie to cancelling alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from tui.domain.errors import BuyerBlocked
from tui.domain.kinds import Standing
from tui.domain.models import Actor, Event, EventKind
from tui.domain.settings import Settings


@dataclass(frozen=True)
class Reputation:
    count: int
    """The buyer's cancellations inside the window."""
    standing: Standing
    window_days: int
    lifts_at: datetime | None
    """When enough cancellations leave the window to lift a block (None if not blocked)."""


def counts(event: Event) -> bool:
    """Whether an event is a cancellation the buyer started."""
    return event.actor is Actor.BUYER and event.kind in (EventKind.REQUESTED, EventKind.CANCELLED)


def cancellation_times(
    history: Iterable[Event], now: datetime, settings: Settings
) -> list[datetime]:
    """When the counted cancellations inside the window happened, oldest first."""
    start = now - timedelta(days=settings.reputation_window_days)
    return sorted(e.at for e in history if counts(e) and start < e.at <= now)


DISPUTES_AGAINST_BUYER = frozenset(
    {
        EventKind.DISPUTE_CANCELLED,
        EventKind.DISPUTE_DECIDED_FOR_SELLER,
        EventKind.RETURN_NOT_SHIPPED,
    }
)
"""The buyer gave a dispute up, the platform decided for the seller, or the buyer did not
send back what they said they would."""


def counts_for_disputes(event: Event) -> bool:
    """A cancellation the buyer started, or a dispute that ended against the buyer."""
    return counts(event) or event.kind in DISPUTES_AGAINST_BUYER


def dispute_standing(history: Iterable[Event], now: datetime, settings: Settings) -> Standing:
    """The buyer's record as the platform judges a dispute opened now: cancellations and
    disputes that went against the buyer in the window, on the same thresholds."""
    start = now - timedelta(days=settings.reputation_window_days)
    count = sum(1 for e in history if counts_for_disputes(e) and start < e.at <= now)
    return standing_for(count, settings)


def standing_for(count: int, settings: Settings) -> Standing:
    if count >= settings.reputation_block_at:
        return Standing.BLOCKED
    if count >= settings.reputation_restrict_at:
        return Standing.RESTRICTED
    if count >= settings.reputation_warn_at:
        return Standing.WARNED
    return Standing.GOOD


def reputation(history: Iterable[Event], now: datetime, settings: Settings) -> Reputation:
    times = cancellation_times(history, now, settings)
    standing = standing_for(len(times), settings)
    lifts_at = None
    if standing is Standing.BLOCKED:
        # The block lifts when the count drops below the threshold, i.e. when this one (and
        # every older one) has left the window.
        last_to_leave = times[len(times) - settings.reputation_block_at]
        lifts_at = last_to_leave + timedelta(days=settings.reputation_window_days)
    return Reputation(len(times), standing, settings.reputation_window_days, lifts_at)


def warning_before_next(
    history: Iterable[Event], now: datetime, settings: Settings
) -> Standing | None:
    """The worse standing one more cancellation would bring, if it would cross a threshold."""
    count = len(cancellation_times(history, now, settings))
    before, after = standing_for(count, settings), standing_for(count + 1, settings)
    return after if after.rank > before.rank else None


def may_cancel(standing: Standing) -> bool:
    """A blocked buyer can't start a cancellation, of any order, until the block lifts."""
    return standing is not Standing.BLOCKED


def ensure_may_cancel(history: Iterable[Event], now: datetime, settings: Settings) -> None:
    if not may_cancel(reputation(history, now, settings).standing):
        raise BuyerBlocked("error.buyer_blocked")
