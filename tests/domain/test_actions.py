"""The buyer's and the seller's actions on a request, and the store's rating."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.domain.factories import NOW, ORDER_ID, make_order, make_state, make_store
from tui.domain.buyer import cancel_order, may_report_seller, report_seller, withdraw
from tui.domain.errors import ActionNotAllowed, BuyerBlocked, InvalidMessage
from tui.domain.models import Actor, EventKind, RequestOutcome
from tui.domain.reasons import MESSAGE_MAX_LENGTH, CancelReason
from tui.domain.rules import CancelPath, order_cancel_path
from tui.domain.seller import agree, rating_permille, refuse
from tui.domain.settings import Settings
from tui.domain.status import OrderStatus

SETTINGS = Settings()
LATER = NOW + timedelta(hours=5)


def pending_state():  # type: ignore[no-untyped-def]
    return make_state(make_order(OrderStatus.CANCELLATION_REQUESTED))


def test_seller_agrees_closes_and_refunds() -> None:
    step = agree(pending_state(), ORDER_ID, LATER, SETTINGS)
    order = step.state.orders[ORDER_ID]
    assert order.status is OrderStatus.CANCELLED and order.closed_at == LATER
    assert order.cancellation is not None
    assert order.cancellation.outcome is RequestOutcome.AGREED
    assert order.cancellation.answered_at == LATER
    assert step.state.refunds[ORDER_ID].amount == order.total
    (event,) = step.events
    assert (event.actor, event.kind, event.at) == (Actor.SELLER, EventKind.SELLER_AGREED, LATER)


def test_seller_refuses_with_a_message() -> None:
    step = refuse(pending_state(), ORDER_ID, "  Already packed [ships today]  ", LATER)
    order = step.state.orders[ORDER_ID]
    assert order.status is OrderStatus.AWAITING_SHIPMENT
    assert order.cancellation is not None
    assert order.cancellation.seller_message == "Already packed [ships today]"
    assert order.cancellation.outcome is RequestOutcome.REFUSED
    assert step.state.refunds == {}
    (event,) = step.events
    assert (
        event.kind is EventKind.SELLER_REFUSED and event.note == order.cancellation.seller_message
    )


@pytest.mark.parametrize(
    ("message", "key"),
    [("   ", "error.message_required"), ("x" * (MESSAGE_MAX_LENGTH + 1), "error.message_too_long")],
)
def test_refusal_needs_a_message(message: str, key: str) -> None:
    with pytest.raises(InvalidMessage) as error:
        refuse(pending_state(), ORDER_ID, message, LATER)
    assert error.value.key == key


@pytest.mark.parametrize(
    "status", [s for s in OrderStatus if s is not OrderStatus.CANCELLATION_REQUESTED]
)
def test_answers_and_withdrawal_need_a_pending_request(status: OrderStatus) -> None:
    state = make_state(make_order(status))
    for action in (
        lambda: agree(state, ORDER_ID, LATER, SETTINGS),
        lambda: refuse(state, ORDER_ID, "no", LATER),
        lambda: withdraw(state, ORDER_ID, LATER),
    ):
        with pytest.raises(ActionNotAllowed) as error:
            action()
        assert error.value.key == "error.not_pending"


def test_withdraw_then_no_second_request() -> None:
    step = withdraw(pending_state(), ORDER_ID, LATER)
    order = step.state.orders[ORDER_ID]
    assert order.status is OrderStatus.AWAITING_SHIPMENT
    assert step.events[0].kind is EventKind.WITHDRAWN and step.events[0].actor is Actor.BUYER
    assert order_cancel_path(order) is CancelPath.ALREADY_REQUESTED
    assert not order_cancel_path(order).can_start
    with pytest.raises(ActionNotAllowed):
        cancel_order(
            step.state, step.events, ORDER_ID, CancelReason.WRONG_ITEM, "", LATER, SETTINGS
        )


def test_a_refused_request_is_also_the_only_one() -> None:
    step = refuse(pending_state(), ORDER_ID, "We ship today.", LATER)
    assert order_cancel_path(step.state.orders[ORDER_ID]) is CancelPath.ALREADY_REQUESTED


def test_seller_fault_reason_lowers_the_rating_once_cancelled_and_may_be_reported() -> None:
    state = make_state(make_order(OrderStatus.AWAITING_SHIPMENT))
    step = cancel_order(state, [], ORDER_ID, CancelReason.OUT_OF_STOCK, "", NOW, SETTINGS)
    assert step.state.stores["store"].fault_cancellations == 0  # asked, nothing cancelled yet
    agreed = agree(step.state, ORDER_ID, LATER, SETTINGS)
    store = agreed.state.stores["store"]
    assert store.fault_cancellations == 1
    assert rating_permille(store, SETTINGS) == 950 - SETTINGS.seller_fault_penalty_permille
    assert may_report_seller(step.state, ORDER_ID)
    reported = report_seller(step.state, ORDER_ID, NOW)
    assert reported.state.stores["store"].reports == 1
    assert reported.events[0].kind is EventKind.SELLER_REPORTED
    assert reported.events[0].from_status is reported.events[0].to_status
    assert not may_report_seller(reported.state, ORDER_ID)
    with pytest.raises(ActionNotAllowed):
        report_seller(reported.state, ORDER_ID, NOW)


def test_buyer_fault_reason_leaves_the_rating_alone() -> None:
    state = make_state(make_order(OrderStatus.AWAITING_SHIPMENT))
    step = cancel_order(state, [], ORDER_ID, CancelReason.WRONG_ITEM, "", NOW, SETTINGS)
    assert step.state.stores["store"].fault_cancellations == 0
    assert not may_report_seller(step.state, ORDER_ID)


def test_rating_never_goes_below_zero() -> None:
    store = make_store(permille=5).model_copy(update={"fault_cancellations": 10})
    assert rating_permille(store, SETTINGS) == 0


def test_instant_cancel_refunds_a_payment_being_verified_but_not_an_unpaid_order() -> None:
    verifying = make_state(make_order(OrderStatus.PAYMENT_VERIFYING))
    step = cancel_order(verifying, [], ORDER_ID, CancelReason.WRONG_ITEM, "", NOW, SETTINGS)
    assert step.state.orders[ORDER_ID].status is OrderStatus.CANCELLED
    assert ORDER_ID in step.state.refunds
    unpaid = make_state(make_order(OrderStatus.AWAITING_PAYMENT, paid=False))
    step = cancel_order(unpaid, [], ORDER_ID, CancelReason.WRONG_ITEM, "", NOW, SETTINGS)
    assert step.state.refunds == {}


def test_blocked_buyer_cannot_cancel() -> None:
    state = make_state(make_order(OrderStatus.AWAITING_SHIPMENT))
    earlier = [
        e
        for i in range(8)
        for e in cancel_order(
            make_state(make_order(OrderStatus.AWAITING_SHIPMENT)),
            [],
            ORDER_ID,
            CancelReason.WRONG_ITEM,
            "",
            NOW - timedelta(days=i),
            SETTINGS,
        ).events
    ]
    with pytest.raises(BuyerBlocked):
        cancel_order(state, earlier, ORDER_ID, CancelReason.WRONG_ITEM, "", NOW, SETTINGS)
