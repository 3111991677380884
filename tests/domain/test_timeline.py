"""What the clock does on its own: each deadline, exactly at its time, with its refund."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.domain.factories import NOW, ORDER_ID, make_order, make_state
from tui.domain.buyer import withdraw
from tui.domain.kinds import RefundStatus
from tui.domain.models import Actor, EventKind, PaymentMethod, RequestOutcome
from tui.domain.seller import refuse
from tui.domain.settings import Settings
from tui.domain.status import OrderStatus
from tui.domain.timeline import DeadlineKind, advance, deadline

SETTINGS = Settings()
MINUTE = timedelta(minutes=1)


def test_deadlines_per_status() -> None:
    placed = NOW - timedelta(days=2)
    found = deadline(make_order(OrderStatus.AWAITING_PAYMENT, paid=False), SETTINGS)
    assert found is not None
    assert (found.kind, found.at) == (DeadlineKind.PAY, placed + timedelta(hours=24))
    verifying = deadline(make_order(OrderStatus.PAYMENT_VERIFYING), SETTINGS)
    assert verifying is not None and verifying.kind is DeadlineKind.VERIFY
    assert verifying.at == placed + timedelta(hours=24)
    shipping = deadline(make_order(OrderStatus.AWAITING_SHIPMENT), SETTINGS)
    assert shipping is not None and shipping.kind is DeadlineKind.SHIP
    assert shipping.at == placed + timedelta(days=7)
    pending = deadline(make_order(OrderStatus.CANCELLATION_REQUESTED), SETTINGS)
    assert pending is not None and pending.kind is DeadlineKind.RESPOND
    assert pending.at == NOW + timedelta(hours=72)
    for status in (OrderStatus.SHIPPED, OrderStatus.COMPLETED, OrderStatus.CANCELLED):
        assert deadline(make_order(status), SETTINGS) is None


def test_no_answer_closes_the_order_at_72_hours_with_a_refund() -> None:
    state = make_state(make_order(OrderStatus.CANCELLATION_REQUESTED))
    before = advance(state, NOW + timedelta(hours=72) - MINUTE, SETTINGS)
    assert before.events == () and before.state == state
    step = advance(state, NOW + timedelta(hours=73), SETTINGS)
    order = step.state.orders[ORDER_ID]
    assert order.status is OrderStatus.CANCELLED
    assert order.closed_at == NOW + timedelta(hours=72)
    assert order.cancellation is not None
    assert order.cancellation.outcome is RequestOutcome.NO_ANSWER
    (event,) = step.events
    assert (event.kind, event.actor, event.at) == (
        EventKind.NO_ANSWER,
        Actor.SYSTEM,
        NOW + timedelta(hours=72),
    )
    refund = step.state.refunds[ORDER_ID]
    assert refund.amount == order.total and refund.status is RefundStatus.PROCESSING


def test_the_response_window_is_a_setting() -> None:
    state = make_state(make_order(OrderStatus.CANCELLATION_REQUESTED))
    step = advance(state, NOW + timedelta(hours=48), Settings(seller_response_hours=48))
    assert step.state.orders[ORDER_ID].status is OrderStatus.CANCELLED


def test_processing_time_running_out_closes_and_refunds() -> None:
    placed = NOW - timedelta(days=2)
    state = make_state(make_order(OrderStatus.AWAITING_SHIPMENT, placed_at=placed))
    assert advance(state, placed + timedelta(days=7) - MINUTE, SETTINGS).events == ()
    step = advance(state, placed + timedelta(days=7), SETTINGS)
    assert step.state.orders[ORDER_ID].status is OrderStatus.CANCELLED
    assert [e.kind for e in step.events] == [EventKind.NOT_SHIPPED]
    assert ORDER_ID in step.state.refunds


def test_unpaid_order_closes_without_a_refund() -> None:
    state = make_state(make_order(OrderStatus.AWAITING_PAYMENT, paid=False))
    step = advance(state, NOW + timedelta(days=30), SETTINGS)
    assert step.state.orders[ORDER_ID].status is OrderStatus.CANCELLED
    assert [e.kind for e in step.events] == [EventKind.NOT_PAID]
    assert step.state.refunds == {}


def test_verified_payment_passes_to_awaiting_shipment_after_24_hours() -> None:
    placed = NOW - timedelta(hours=2)
    state = make_state(make_order(OrderStatus.PAYMENT_VERIFYING, placed_at=placed))
    step = advance(state, placed + timedelta(hours=24), SETTINGS)
    assert step.state.orders[ORDER_ID].status is OrderStatus.AWAITING_SHIPMENT
    assert [(e.kind, e.at) for e in step.events] == [
        (EventKind.PAYMENT_VERIFIED, placed + timedelta(hours=24))
    ]


def test_a_long_jump_tells_the_whole_story_in_order() -> None:
    """Verify, then processing runs out, then the wallet refund arrives: one jump, three events."""
    placed = NOW - timedelta(hours=2)
    order = make_order(OrderStatus.PAYMENT_VERIFYING, placed_at=placed, method=PaymentMethod.WALLET)
    state = make_state(order, wallet=500)
    step = advance(state, NOW + timedelta(days=30), SETTINGS)
    assert [e.kind for e in step.events] == [
        EventKind.PAYMENT_VERIFIED,
        EventKind.NOT_SHIPPED,
        EventKind.REFUND_COMPLETED,
    ]
    assert [e.at for e in step.events] == sorted(e.at for e in step.events)
    assert step.state.buyer.wallet.minor == 500 + order.total.minor
    # Moving in small steps ends in the same place with the same events.
    stepped, events = state, []
    moment = NOW
    for _ in range(30):
        moment += timedelta(days=1)
        part = advance(stepped, moment, SETTINGS)
        stepped, events = part.state, [*events, *part.events]
    assert stepped == step.state and tuple(events) == step.events


@pytest.mark.parametrize("answer", ["refuse", "withdraw"])
def test_processing_time_stands_still_while_a_request_waits(answer: str) -> None:
    """A request at day 6 answered at day 8 leaves the seller the day it had left."""
    placed = NOW - timedelta(days=6)
    requested = make_order(OrderStatus.CANCELLATION_REQUESTED, placed_at=placed, requested_at=NOW)
    state = make_state(requested)
    answered_at = NOW + timedelta(hours=48)
    assert advance(state, answered_at, SETTINGS).events == ()
    if answer == "refuse":
        step = refuse(state, ORDER_ID, "We ship today.", answered_at)
    else:
        step = withdraw(state, ORDER_ID, answered_at)
    back = step.state.orders[ORDER_ID]
    assert back.status is OrderStatus.AWAITING_SHIPMENT
    found = deadline(back, SETTINGS)
    assert found is not None and found.at == answered_at + timedelta(days=1)
    assert advance(step.state, answered_at + timedelta(hours=23), SETTINGS).events == ()


def test_advance_to_the_same_time_changes_nothing() -> None:
    state = make_state(make_order(OrderStatus.CANCELLATION_REQUESTED))
    assert advance(state, NOW, SETTINGS).state == state
