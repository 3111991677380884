"""Which cancel path each status has, and what cancelling does: the rules, exhaustively."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.domain.errors import ActionNotAllowed, InvalidNote
from tui.domain.models import Actor, Address, Item, Order, PaymentMethod
from tui.domain.money import Money
from tui.domain.reasons import (
    NOTE_MAX_LENGTH,
    RECOMMENDED_REASON,
    CancelReason,
    Fault,
    note_hint_key,
)
from tui.domain.rules import CancelPath, cancel, cancel_path, clean_note, seller_deadline
from tui.domain.settings import Settings
from tui.domain.status import OrderStatus, OrderTab, tab_of
from tui.domain.typed import has_control

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)

EXPECTED_PATH = {
    OrderStatus.AWAITING_PAYMENT: CancelPath.INSTANT,
    OrderStatus.PAYMENT_VERIFYING: CancelPath.INSTANT,
    OrderStatus.AWAITING_SHIPMENT: CancelPath.REQUEST,
    OrderStatus.CANCELLATION_REQUESTED: CancelPath.PENDING,
    OrderStatus.SHIPPED: CancelPath.DISPUTE_ONLY,
    OrderStatus.IN_DISPUTE: CancelPath.DISPUTE_OPEN,
    OrderStatus.COMPLETED: CancelPath.NONE,
    OrderStatus.CANCELLED: CancelPath.NONE,
}


def usd(minor: int) -> Money:
    return Money(minor=minor, currency="USD")


def make_order(status: OrderStatus, *, paid: bool = True) -> Order:
    return Order(
        id="1234567890123456",
        status=status,
        store_id="store",
        items=[Item(title="Cable [2-Pack]", quantity=2, unit_price=usd(450))],
        shipping=usd(199),
        discount=usd(100),
        payment_method=PaymentMethod.CARD,
        address=Address(recipient="A", phone="1", street="S", city="C", country="TZ"),
        placed_at=NOW - timedelta(days=2),
        paid_at=NOW - timedelta(days=2) if paid else None,
    )


def test_stored_status_values_are_exactly_the_documented_ones() -> None:
    assert [s.value for s in OrderStatus] == [
        "awaiting_payment",
        "payment_verifying",
        "awaiting_shipment",
        "cancellation_requested",
        "shipped",
        "in_dispute",
        "completed",
        "cancelled",
    ]


@pytest.mark.parametrize(("status", "path"), EXPECTED_PATH.items())
def test_each_status_has_its_cancel_path(status: OrderStatus, path: CancelPath) -> None:
    assert cancel_path(status) is path
    assert path.can_start == (path in (CancelPath.INSTANT, CancelPath.REQUEST))


def test_tabs_of_statuses() -> None:
    assert tab_of(OrderStatus.AWAITING_PAYMENT) is OrderTab.TO_PAY
    assert tab_of(OrderStatus.CANCELLATION_REQUESTED) is OrderTab.TO_SHIP
    assert tab_of(OrderStatus.IN_DISPUTE) is OrderTab.SHIPPED
    assert tab_of(OrderStatus.COMPLETED) is OrderTab.TO_REVIEW
    assert tab_of(OrderStatus.COMPLETED, reviewed=True) is None
    assert tab_of(OrderStatus.CANCELLED) is None


def test_reason_catalog_matches_the_marketplace() -> None:
    reasons = list(CancelReason)
    assert reasons[0] is RECOMMENDED_REASON and RECOMMENDED_REASON.recommended
    assert [r.fault for r in reasons].count(Fault.BUYER) == 4
    assert [r.fault for r in reasons].count(Fault.SELLER) == 4
    assert CancelReason.OTHER.fault is Fault.NONE and CancelReason.OTHER.needs_note
    assert note_hint_key(CancelReason.OTHER) == "reason.note_placeholder_required"
    assert {note_hint_key(r) for r in CancelReason if r is not CancelReason.OTHER} == {
        "reason.note_placeholder"
    }
    assert note_hint_key(None) == "reason.note_placeholder"
    assert not any(r.blames_seller for r in reasons[:4])
    assert all(r.blames_seller for r in reasons[4:8])


def test_request_on_paid_order() -> None:
    order = make_order(OrderStatus.AWAITING_SHIPMENT)
    result = cancel(order, CancelReason.SHIPPING_TOO_LONG, "  too slow  ", NOW)
    assert result.order.status is OrderStatus.CANCELLATION_REQUESTED
    assert result.order.cancellation is not None
    assert result.order.cancellation.note == "too slow"
    assert result.order.closed_at is None
    assert result.event.actor is Actor.BUYER
    assert (result.event.from_status, result.event.to_status) == (
        OrderStatus.AWAITING_SHIPMENT,
        OrderStatus.CANCELLATION_REQUESTED,
    )
    assert seller_deadline(result.order, Settings()) == NOW + timedelta(hours=72)
    assert seller_deadline(result.order, Settings(seller_response_hours=48)) == NOW + timedelta(
        hours=48
    )


@pytest.mark.parametrize("status", [OrderStatus.AWAITING_PAYMENT, OrderStatus.PAYMENT_VERIFYING])
def test_unpaid_or_verifying_order_is_cancelled_at_once(status: OrderStatus) -> None:
    result = cancel(make_order(status), CancelReason.NO_LONGER_NEEDED, "", NOW)
    assert result.order.status is OrderStatus.CANCELLED
    assert result.order.closed_at == NOW
    assert seller_deadline(result.order, Settings()) is None


@given(
    status=st.sampled_from(OrderStatus),
    reason=st.sampled_from(CancelReason),
    note=st.text(max_size=NOTE_MAX_LENGTH + 20),
)
def test_cancel_either_refuses_or_moves_to_the_right_status(
    status: OrderStatus, reason: CancelReason, note: str
) -> None:
    order = make_order(status)
    path = cancel_path(status)
    try:
        result = cancel(order, reason, note, NOW)
    except ActionNotAllowed:
        assert not path.can_start
        return
    except InvalidNote:
        stripped = note.strip()
        assert (
            len(stripped) > NOTE_MAX_LENGTH
            or (reason.needs_note and not stripped)
            or has_control(stripped)
        )
        return
    assert path.can_start
    expected = (
        OrderStatus.CANCELLED
        if path is CancelPath.INSTANT
        else (OrderStatus.CANCELLATION_REQUESTED)
    )
    assert result.order.status is expected
    assert result.event.to_status is expected and result.event.from_status is status
    assert result.order.total == order.total  # cancelling never changes what was paid
    assert result.order.items == order.items


def test_note_rules() -> None:
    assert clean_note(CancelReason.WRONG_ITEM, "") == ""
    with pytest.raises(InvalidNote) as required:
        clean_note(CancelReason.OTHER, "   ")
    assert required.value.key == "error.note_required"
    with pytest.raises(InvalidNote) as too_long:
        clean_note(CancelReason.WRONG_ITEM, "x" * (NOTE_MAX_LENGTH + 1))
    assert too_long.value.key == "error.note_too_long"
