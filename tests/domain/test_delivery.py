"""After shipping: the delivery deadline, protection, receipt, extension, and the trainer's
shipped / delivered."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.domain.dispute_factories import (
    DAY,
    MINUTE,
    SETTINGS,
    SHIPPED_AT,
    make_shipped,
    opened,
    shipped_state,
)
from tests.domain.factories import NOW, ORDER_ID, make_order, make_state
from tui.domain import shipping
from tui.domain.deadlines import DeadlineKind
from tui.domain.delivery import (
    days_left,
    delivery_deadline,
    protection_end,
    protection_left,
    why_no_dispute,
)
from tui.domain.errors import ActionNotAllowed, InvalidDays, InvalidTracking
from tui.domain.models import Actor, EventKind, ExtensionOutcome
from tui.domain.settings import Settings
from tui.domain.status import OrderStatus
from tui.domain.timeline import advance, deadline


def test_protection_lasts_15_days_after_the_delivery_deadline() -> None:
    order = make_shipped()
    assert delivery_deadline(order, SETTINGS) == SHIPPED_AT + 30 * DAY
    assert protection_end(order, SETTINGS) == SHIPPED_AT + 45 * DAY
    assert protection_left(order, NOW, SETTINGS) == 40 * DAY
    own = make_shipped(delivery_days=12)
    assert protection_end(own, SETTINGS) == SHIPPED_AT + 27 * DAY
    assert protection_end(order, Settings(delivery_days=20)) == SHIPPED_AT + 35 * DAY


def test_days_left_counts_a_started_day() -> None:
    assert days_left(timedelta(days=11, hours=2)) == 12
    assert days_left(timedelta(days=12)) == 12
    assert days_left(timedelta(0)) == 0


def test_the_dispute_window_opens_3_days_after_shipping() -> None:
    order = make_shipped()
    opens = SHIPPED_AT + 3 * DAY
    assert why_no_dispute(order, None, opens - MINUTE, SETTINGS) == "too_early"
    assert why_no_dispute(order, None, opens, SETTINGS) is None
    end = SHIPPED_AT + 45 * DAY
    assert why_no_dispute(order, None, end - MINUTE, SETTINGS) is None
    assert why_no_dispute(order, None, end, SETTINGS) == "window_closed"


def test_protection_running_out_completes_the_order() -> None:
    state = shipped_state()
    end = SHIPPED_AT + 45 * DAY
    assert advance(state, end - MINUTE, SETTINGS).events == ()
    step = advance(state, end, SETTINGS)
    (event,) = step.events
    assert (event.kind, event.at, event.actor) == (EventKind.PROTECTION_ENDED, end, Actor.SYSTEM)
    order = step.state.orders[ORDER_ID]
    assert order.status is OrderStatus.COMPLETED and order.completed_at == end


def test_confirming_receipt_leaves_15_days() -> None:
    state = shipped_state()
    step = shipping.confirm_receipt(state, ORDER_ID, NOW)
    order = step.state.orders[ORDER_ID]
    assert order.receipt_confirmed_at == NOW
    assert protection_end(order, SETTINGS) == NOW + 15 * DAY
    with pytest.raises(ActionNotAllowed, match="cannot_confirm"):
        shipping.confirm_receipt(step.state, ORDER_ID, NOW)


def test_delivery_confirms_receipt_after_7_days_unless_a_dispute_is_open() -> None:
    delivered = shipping.mark_delivered(shipped_state(), ORDER_ID, NOW)
    assert delivered.events[0].kind is EventKind.DELIVERED
    found = deadline(delivered.state.orders[ORDER_ID], SETTINGS)
    assert found is not None and (found.kind, found.at) == (DeadlineKind.CONFIRM, NOW + 7 * DAY)
    step = advance(delivered.state, NOW + 7 * DAY, SETTINGS)
    assert [e.kind for e in step.events] == [EventKind.RECEIPT_AUTO_CONFIRMED]
    assert step.state.orders[ORDER_ID].receipt_confirmed_at == NOW + 7 * DAY
    disputed = opened(delivered.state, at=NOW + DAY)
    step = advance(disputed.state, NOW + 8 * DAY, SETTINGS)
    assert EventKind.RECEIPT_AUTO_CONFIRMED not in [e.kind for e in step.events]


def test_a_fake_tracking_number_never_shows_delivered() -> None:
    state = shipped_state(make_shipped(fake=True))
    with pytest.raises(ActionNotAllowed, match="tracking_fake"):
        shipping.mark_delivered(state, ORDER_ID, NOW)


def test_the_trainer_ships_an_order_with_a_tracking_number() -> None:
    state = make_state(make_order(OrderStatus.AWAITING_SHIPMENT))
    step = shipping.mark_shipped(
        state, ORDER_ID, "yt 2410 2200 88123", NOW, fake=True, delivery_days=20
    )
    order = step.state.orders[ORDER_ID]
    assert order.status is OrderStatus.SHIPPED and order.shipped_at == NOW
    assert (order.tracking_number, order.tracking_fake) == ("YT2410220088123", True)
    assert delivery_deadline(order, SETTINGS) == NOW + 20 * DAY
    (event,) = step.events
    assert (event.kind, event.actor, event.note) == (
        EventKind.SHIPPED,
        Actor.SELLER,
        "YT2410220088123",
    )
    with pytest.raises(InvalidTracking):
        shipping.mark_shipped(state, ORDER_ID, "soon", NOW)
    with pytest.raises(InvalidDays):
        shipping.mark_shipped(state, ORDER_ID, "YT2410220088123", NOW, delivery_days=0)
    with pytest.raises(ActionNotAllowed, match="not_shippable"):
        shipping.mark_shipped(step.state, ORDER_ID, "YT2410220088123", NOW)


def test_an_extension_granted_moves_the_deadlines() -> None:
    asked = shipping.ask_extension(shipped_state(), ORDER_ID, NOW, SETTINGS)
    assert asked.events[0].kind is EventKind.EXTENSION_REQUESTED
    with pytest.raises(ActionNotAllowed, match="cannot_extend"):
        shipping.ask_extension(asked.state, ORDER_ID, NOW, SETTINGS)
    granted = shipping.grant_extension(asked.state, ORDER_ID, 10, NOW + DAY, SETTINGS)
    order = granted.state.orders[ORDER_ID]
    assert order.extension is not None and order.extension.outcome is ExtensionOutcome.GRANTED
    assert protection_end(order, SETTINGS) == SHIPPED_AT + 55 * DAY
    with pytest.raises(InvalidDays):
        shipping.grant_extension(asked.state, ORDER_ID, 31, NOW, SETTINGS)
    with pytest.raises(ActionNotAllowed, match="no_extension_request"):
        shipping.refuse_extension(granted.state, ORDER_ID, NOW)


def test_an_extension_request_unanswered_lapses() -> None:
    asked = shipping.ask_extension(shipped_state(), ORDER_ID, NOW, SETTINGS)
    step = advance(asked.state, NOW + 5 * DAY, SETTINGS)
    assert [(e.kind, e.at) for e in step.events] == [(EventKind.EXTENSION_LAPSED, NOW + 5 * DAY)]
    request = step.state.orders[ORDER_ID].extension
    assert request is not None and request.outcome is ExtensionOutcome.LAPSED
    refused = shipping.refuse_extension(asked.state, ORDER_ID, NOW + DAY)
    assert refused.events[0].kind is EventKind.EXTENSION_REFUSED
    assert protection_end(refused.state.orders[ORDER_ID], SETTINGS) == SHIPPED_AT + 45 * DAY


def test_a_shipped_order_from_an_older_file_without_a_date_waits_on_nothing() -> None:
    assert deadline(make_order(OrderStatus.SHIPPED), SETTINGS) is None
