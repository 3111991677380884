"""Cash on delivery (issue 16, item 16): not paid until the parcel arrives, cancelled
through the seller like a paid order, refunding nothing; and the words every screen picks
for an order from the same facts (items 16, 17, 19, 20)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.domain.factories import NOW, make_order, make_state
from tui.domain.buyer import cancel_order
from tui.domain.due import DeadlineKind, deadline
from tui.domain.models import PaymentMethod, RequestOutcome
from tui.domain.reasons import CancelReason
from tui.domain.rules import CancelPath, order_cancel_path
from tui.domain.seller import agree
from tui.domain.settings import Settings
from tui.domain.shipping import confirm_receipt, mark_delivered, mark_shipped
from tui.domain.status import OrderStatus
from tui.domain.timeline import advance
from tui.domain.wording import (
    amount_key,
    charged,
    explanation_key,
    payment_detail,
    reason_words,
    seller_warning_key,
    status_meaning_key,
    total_key,
)

SETTINGS = Settings()
COD = PaymentMethod.CASH_ON_DELIVERY


def cod_order(status: OrderStatus = OrderStatus.AWAITING_SHIPMENT):  # type: ignore[no-untyped-def]
    return make_order(status, paid=False, method=COD)


def test_a_cash_on_delivery_order_goes_through_the_seller_and_refunds_nothing() -> None:
    order = cod_order()
    assert order.pays_on_delivery and order.paid.minor == 0
    assert order_cancel_path(order) is CancelPath.REQUEST  # the seller has reserved the goods
    asked = cancel_order(
        make_state(order), [], order.id, CancelReason.NO_LONGER_NEEDED, "", NOW, SETTINGS
    )
    assert asked.state.orders[order.id].status is OrderStatus.CANCELLATION_REQUESTED
    agreed = agree(asked.state, order.id, NOW + timedelta(hours=2), SETTINGS)
    closed = agreed.state.orders[order.id]
    assert closed.status is OrderStatus.CANCELLED and closed.paid_at is None
    assert agreed.state.refunds == {}  # no coupon: nothing was paid
    lapsed = advance(asked.state, NOW + timedelta(hours=73), SETTINGS)
    assert lapsed.state.orders[order.id].cancellation.outcome is RequestOutcome.NO_ANSWER  # type: ignore[union-attr]
    assert lapsed.state.refunds == {}


def test_its_processing_time_runs_from_placing() -> None:
    order = cod_order()
    found = deadline(order, SETTINGS)
    assert found is not None and found.kind is DeadlineKind.SHIP
    assert found.at == order.placed_at + timedelta(days=SETTINGS.processing_days)
    closed = advance(make_state(order), found.at, SETTINGS)
    assert closed.state.orders[order.id].status is OrderStatus.CANCELLED
    assert closed.state.refunds == {}


@pytest.mark.parametrize("arrives", ["delivered", "receipt_confirmed"])
def test_it_is_paid_as_the_parcel_arrives(arrives: str) -> None:
    order = cod_order()
    shipped = mark_shipped(make_state(order), order.id, "LP00712345678901", NOW)
    assert shipped.state.orders[order.id].paid_at is None  # on its way: still unpaid
    later = NOW + timedelta(days=5)
    if arrives == "delivered":
        step = mark_delivered(shipped.state, order.id, later)
    else:
        step = confirm_receipt(shipped.state, order.id, later)
    assert step.state.orders[order.id].paid_at == later


def test_a_completed_order_never_marked_delivered_is_paid_when_it_completes() -> None:
    order = cod_order()
    shipped = mark_shipped(make_state(order), order.id, "LP00712345678901", NOW)
    done = advance(shipped.state, NOW + timedelta(days=60), SETTINGS)
    completed = done.state.orders[order.id]
    assert completed.status is OrderStatus.COMPLETED and completed.paid_at is not None


def test_words_for_a_cash_on_delivery_order() -> None:
    order = cod_order()
    assert status_meaning_key(order) == "status_meaning.awaiting_shipment_cod"
    assert total_key(order) == "details.total_on_delivery"  # never "Total paid"
    assert amount_key(order) == "confirm.amount_on_delivery"  # never "Amount to refund"
    pending = cod_order(OrderStatus.CANCELLATION_REQUESTED)
    assert explanation_key(pending, CancelPath.PENDING) == "cancel_path.pending_cod"
    shipped = cod_order(OrderStatus.SHIPPED).model_copy(update={"shipped_at": NOW})
    assert status_meaning_key(shipped) == "status_meaning.shipped_cod"
    paid = make_order(OrderStatus.AWAITING_SHIPMENT)
    assert status_meaning_key(paid) == "status_meaning.awaiting_shipment"
    assert total_key(paid) == "details.total_paid" and amount_key(paid) == "confirm.amount"
    assert explanation_key(paid, CancelPath.PENDING) == "cancel_path.pending"


def test_words_for_an_order_cancelled_before_it_was_paid() -> None:
    order = make_order(OrderStatus.AWAITING_PAYMENT, paid=False)
    assert total_key(order) == "details.total_to_pay" and charged(order)
    step = cancel_order(
        make_state(order), [], order.id, CancelReason.SELLER_ASKED, "", NOW, SETTINGS
    )
    closed = step.state.orders[order.id]
    assert total_key(closed) == "details.total"  # not "Total paid"
    assert not charged(closed)  # the method is shown as not charged
    assert amount_key(closed) == "confirm.amount_unpaid"


def test_the_seller_warning_has_no_seller_step_for_an_instant_cancel() -> None:
    blames = CancelReason.OUT_OF_STOCK
    assert seller_warning_key(CancelPath.REQUEST, blames) == "reason.seller_warning"
    assert seller_warning_key(CancelPath.INSTANT, blames) == "reason.seller_warning_instant"
    assert seller_warning_key(CancelPath.INSTANT, CancelReason.WRONG_ITEM) is None


def test_a_payment_detail_is_shown_for_a_card_only() -> None:
    card = make_order(OrderStatus.AWAITING_SHIPMENT).model_copy(
        update={"payment_detail": "Visa •••• 4242"}
    )
    wallet = card.model_copy(
        update={"payment_method": PaymentMethod.WALLET, "payment_detail": "AliExpress wallet"}
    )
    assert payment_detail(card) == "Visa •••• 4242"
    assert payment_detail(wallet) == ""  # "AliExpress wallet (AliExpress wallet)" no more


def test_other_reads_as_the_buyers_note() -> None:
    assert reason_words(CancelReason.OTHER, "Found it cheaper locally") == (
        "reason.other_note",
        {"note": "Found it cheaper locally"},
    )
    assert reason_words(CancelReason.WRONG_ITEM, "size 42") == ("reason.wrong_item", {})
