"""Refunds: the amount paid, back the way it came, within the method's window."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.domain.factories import NOW, make_order, make_state
from tui.domain.kinds import RefundMethod, RefundStatus
from tui.domain.models import PaymentMethod
from tui.domain.refunds import (
    add_business_days,
    arrival_window,
    complete_refund,
    method_for,
    start_refund,
)
from tui.domain.settings import Settings
from tui.domain.status import OrderStatus


def test_money_goes_back_the_way_it_came() -> None:
    assert method_for(PaymentMethod.CARD) is RefundMethod.CARD
    assert method_for(PaymentMethod.WALLET) is RefundMethod.WALLET
    assert method_for(PaymentMethod.CASH_ON_DELIVERY) is RefundMethod.COUPON


def test_business_days_skip_the_weekend() -> None:
    friday = NOW
    assert friday.weekday() == 4
    assert add_business_days(friday, 1) == friday + timedelta(days=3)  # Monday
    assert add_business_days(friday, 3) == friday + timedelta(days=5)  # Wednesday
    assert add_business_days(friday, 0) == friday


@given(start_days=st.integers(0, 400), days=st.integers(1, 60))
def test_business_days_land_on_a_weekday_and_count_only_weekdays(
    start_days: int, days: int
) -> None:
    start = NOW + timedelta(days=start_days)
    end = add_business_days(start, days)
    assert end.weekday() < 5 and end.time() == start.time()
    between = [start + timedelta(days=i) for i in range(1, (end - start).days + 1)]
    assert sum(d.weekday() < 5 for d in between) == days


def test_arrival_windows_follow_the_settings() -> None:
    settings = Settings()
    assert arrival_window(RefundMethod.WALLET, NOW, settings) == (
        NOW + timedelta(days=1),
        NOW + timedelta(days=2),
    )
    card = arrival_window(RefundMethod.CARD, NOW, settings)
    assert card == (add_business_days(NOW, 3), add_business_days(NOW, 20))
    short = Settings(refund_coupon_min_days=2, refund_coupon_max_days=5)
    assert arrival_window(RefundMethod.COUPON, NOW, short) == (
        NOW + timedelta(days=2),
        NOW + timedelta(days=5),
    )


def test_refund_is_exactly_what_was_paid() -> None:
    order = make_order(OrderStatus.CANCELLED)
    state = start_refund(make_state(order), order, NOW, Settings())
    refund = state.refunds[order.id]
    assert refund.amount == order.total and refund.amount.minor == 999
    assert refund.status is RefundStatus.PROCESSING and refund.completed_at is None


def test_unpaid_order_gets_no_refund_and_a_second_refund_is_a_bug() -> None:
    unpaid = make_order(OrderStatus.CANCELLED, paid=False)
    assert start_refund(make_state(unpaid), unpaid, NOW, Settings()).refunds == {}
    paid = make_order(OrderStatus.CANCELLED)
    state = start_refund(make_state(paid), paid, NOW, Settings())
    with pytest.raises(RuntimeError):
        start_refund(state, paid, NOW, Settings())


@pytest.mark.parametrize(
    ("method", "wallet_after"),
    [(PaymentMethod.WALLET, 1000 + 999), (PaymentMethod.CARD, 1000)],
)
def test_completing_a_wallet_refund_adds_to_the_balance(
    method: PaymentMethod, wallet_after: int
) -> None:
    order = make_order(OrderStatus.CANCELLED, method=method)
    state = start_refund(make_state(order, wallet=1000), order, NOW, Settings())
    step = complete_refund(state, order.id)
    refund = step.state.refunds[order.id]
    assert refund.status is RefundStatus.COMPLETED
    assert refund.completed_at == refund.expected_from
    assert step.state.buyer.wallet.minor == wallet_after
    (event,) = step.events
    assert event.kind.value == "refund_completed" and event.at == refund.expected_from
    with pytest.raises(RuntimeError):
        complete_refund(step.state, order.id)
