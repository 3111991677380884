"""The buyer's standing: cancellations in a rolling window against warn/restrict/block."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.domain.factories import NOW, ORDER_ID
from tui.domain.errors import BuyerBlocked
from tui.domain.models import Actor, Event, EventKind
from tui.domain.reputation import (
    Standing,
    counts,
    ensure_may_cancel,
    reputation,
    standing_for,
    warning_before_next,
)
from tui.domain.settings import Settings
from tui.domain.status import OrderStatus

SETTINGS = Settings()  # 30 days; warn 3, restrict 5, block 8


def cancellation(at: datetime, kind: EventKind = EventKind.REQUESTED) -> Event:
    return Event(
        order_id=ORDER_ID,
        at=at,
        actor=Actor.BUYER,
        kind=kind,
        from_status=OrderStatus.AWAITING_SHIPMENT,
        to_status=OrderStatus.CANCELLATION_REQUESTED,
    )


def test_only_cancellations_the_buyer_starts_count() -> None:
    assert counts(cancellation(NOW))
    assert counts(cancellation(NOW, EventKind.CANCELLED))
    for kind in (EventKind.WITHDRAWN, EventKind.SELLER_REPORTED):
        assert not counts(cancellation(NOW, kind))
    system = cancellation(NOW).model_copy(
        update={"actor": Actor.SYSTEM, "kind": EventKind.NO_ANSWER}
    )
    assert not counts(system)


@pytest.mark.parametrize(
    ("count", "standing"),
    [(0, "good"), (2, "good"), (3, "warned"), (4, "warned"), (5, "restricted"), (8, "blocked")],
)
def test_thresholds(count: int, standing: str) -> None:
    assert standing_for(count, SETTINGS) is Standing(standing)


def test_the_window_rolls() -> None:
    history = [cancellation(NOW - timedelta(days=d)) for d in (1, 10, 29)]
    assert reputation(history, NOW, SETTINGS).count == 3
    later = NOW + timedelta(days=1)  # the 29-day-old one leaves the 30-day window
    assert reputation(history, later, SETTINGS).count == 2
    assert reputation(history, NOW - timedelta(days=2), SETTINGS).count == 2  # 1 d not yet


def test_block_and_when_it_lifts() -> None:
    history = [cancellation(NOW - timedelta(days=d)) for d in range(9)]  # 9 in 9 days
    found = reputation(history, NOW, SETTINGS)
    assert found.standing is Standing.BLOCKED and found.count == 9
    # Two must leave the window (9 -> 7 < 8): the 7-day-old one leaves last, 23 days from now.
    assert found.lifts_at == NOW - timedelta(days=7) + timedelta(days=30)
    assert found.lifts_at is not None
    assert reputation(history, found.lifts_at, SETTINGS).standing is Standing.RESTRICTED
    just_before = found.lifts_at - timedelta(minutes=1)
    assert reputation(history, just_before, SETTINGS).standing is Standing.BLOCKED
    with pytest.raises(BuyerBlocked):
        ensure_may_cancel(history, NOW, SETTINGS)
    ensure_may_cancel(history, found.lifts_at, SETTINGS)


def test_warning_only_when_the_next_one_crosses_a_threshold() -> None:
    two = [cancellation(NOW - timedelta(days=1))] * 2
    assert warning_before_next(two, NOW, SETTINGS) is Standing.WARNED
    assert warning_before_next(two[:1], NOW, SETTINGS) is None
    assert warning_before_next([cancellation(NOW)] * 3, NOW, SETTINGS) is None
    assert warning_before_next([cancellation(NOW)] * 4, NOW, SETTINGS) is Standing.RESTRICTED
    assert warning_before_next([cancellation(NOW)] * 7, NOW, SETTINGS) is Standing.BLOCKED


@given(
    ages=st.lists(st.integers(0, 60 * 24), max_size=20),
    warn=st.integers(1, 5),
    extra=st.tuples(st.integers(0, 5), st.integers(0, 5)),
)
def test_standing_matches_a_plain_count(ages: list[int], warn: int, extra: tuple[int, int]) -> None:
    settings = Settings(
        reputation_warn_at=warn,
        reputation_restrict_at=warn + extra[0],
        reputation_block_at=warn + extra[0] + extra[1],
    )
    history = [cancellation(NOW - timedelta(hours=age)) for age in ages]
    found = reputation(history, NOW, settings)
    assert found.count == sum(age < 30 * 24 for age in ages)
    assert (found.standing is Standing.BLOCKED) == (found.count >= settings.reputation_block_at)
    assert (found.lifts_at is not None) == (found.standing is Standing.BLOCKED)
    if found.lifts_at is not None:
        assert reputation(history, found.lifts_at, settings).standing is not Standing.BLOCKED
