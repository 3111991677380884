"""The index of pending deadlines a state keeps: always what a full scan of the state gives."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.domain.factories import NOW, make_order, make_state
from tui.domain.due import Due, DueIndex, order_due, refund_due
from tui.domain.kinds import RefundStatus
from tui.domain.models import Order, PaymentMethod, RequestOutcome
from tui.domain.refunds import complete_refund, start_refund
from tui.domain.settings import Settings
from tui.domain.state import State
from tui.domain.status import OrderStatus
from tui.domain.timeline import advance

IDS = [f"10000000000000{n:02d}" for n in range(8)]
SETTINGS = Settings()


def scanned(state: State, settings: Settings) -> list[Due]:
    """The reference: every order's and refund's deadline, worked out one by one."""
    found = [order_due(order, settings) for order in state.orders.values()]
    found += [refund_due(refund) for refund in state.refunds.values()]
    return sorted(due for due in found if due is not None)


orders = st.builds(
    make_order,
    st.sampled_from(OrderStatus),
    order_id=st.sampled_from(IDS),
    paid=st.booleans(),
    method=st.sampled_from(PaymentMethod),
    placed_at=st.integers(-20 * 24, 0).map(lambda h: NOW + timedelta(hours=h)),
    requested_at=st.integers(0, 5).map(lambda h: NOW + timedelta(hours=h)),
)
changes = st.lists(
    st.tuples(orders, st.sampled_from(["order", "refund", "complete", "answer"])), max_size=25
)


@settings(max_examples=150)
@given(first=st.lists(orders, max_size=6), later=changes)
def test_the_kept_index_matches_a_full_scan_after_any_changes(
    first: list[Order], later: list[tuple[Order, str]]
) -> None:
    state = make_state(*first)
    assert list(state.due(SETTINGS).entries) == scanned(state, SETTINGS)
    for order, change in later:
        if change == "order":
            state = state.with_order(order)
        elif change == "refund" and order.id not in state.refunds:
            state = start_refund(state.with_order(order), order, NOW, SETTINGS)
        elif change == "complete" and order.id in state.refunds:
            if state.refunds[order.id].status is RefundStatus.PROCESSING:
                state = complete_refund(state, order.id).state
        elif change == "answer" and order.cancellation is not None:
            request = order.cancellation.model_copy(
                update={"outcome": RequestOutcome.REFUSED, "answered_at": NOW + timedelta(days=1)}
            )
            answered = order.model_copy(
                update={"status": OrderStatus.AWAITING_SHIPMENT, "cancellation": request}
            )
            state = state.with_order(answered)
        assert list(state.due(SETTINGS).entries) == scanned(state, SETTINGS)


@given(first=st.lists(orders, min_size=1, max_size=8), days=st.integers(0, 40))
def test_advance_with_the_kept_index_is_advance_from_scratch(first: list[Order], days: int) -> None:
    """The same jump from a state that kept its index and from one that builds it afresh."""
    state = make_state(*first)
    state.due(SETTINGS)  # built now, so every change inside advance updates it
    kept = advance(state, NOW + timedelta(days=days), SETTINGS)
    fresh = State(state.buyer, state.stores, state.orders, state.refunds)
    scratch = advance(fresh, NOW + timedelta(days=days), SETTINGS)
    assert kept == scratch
    assert list(kept.state.due(SETTINGS).entries) == scanned(kept.state, SETTINGS)


def test_other_settings_rebuild_the_index() -> None:
    state = make_state(make_order(OrderStatus.AWAITING_PAYMENT, paid=False))
    (pay,) = state.due(SETTINGS).entries
    longer = Settings(payment_window_hours=48)
    (later,) = state.due(longer).entries
    assert later[0] - pay[0] == timedelta(hours=24)


def test_an_update_leaves_the_index_it_came_from_alone() -> None:
    order = make_order(OrderStatus.AWAITING_SHIPMENT)
    before = make_state(order)
    index = before.due(SETTINGS)
    after = before.with_order(order.model_copy(update={"status": OrderStatus.SHIPPED}))
    assert after.due(SETTINGS).entries == ()
    assert len(index.entries) == 1 and before.due(SETTINGS) is index
    assert DueIndex.build([], [], SETTINGS).first() is None
