"""Small builders for domain tests: an order, a store, a buyer and a state around them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tui.domain.models import (
    Address,
    Buyer,
    CancellationRequest,
    Item,
    MemberLevel,
    Order,
    PaymentMethod,
    Store,
)
from tui.domain.money import Money
from tui.domain.reasons import CancelReason
from tui.domain.state import State
from tui.domain.status import OrderStatus

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)  # a Friday
ORDER_ID = "1234567890123456"
ADDRESS = Address(recipient="A", phone="1", street="S", city="C", country="TZ")


def usd(minor: int) -> Money:
    return Money(minor=minor, currency="USD")


def make_order(
    status: OrderStatus,
    *,
    order_id: str = ORDER_ID,
    paid: bool = True,
    method: PaymentMethod = PaymentMethod.CARD,
    placed_at: datetime = NOW - timedelta(days=2),
    requested_at: datetime | None = None,
    reason: CancelReason = CancelReason.NO_LONGER_NEEDED,
) -> Order:
    """An order of 2 × 4.50 + 1.99 shipping - 1.00 discount = 9.99 in the given status."""
    cancellation = None
    if status is OrderStatus.CANCELLATION_REQUESTED:
        cancellation = CancellationRequest(reason=reason, requested_at=requested_at or NOW)
    return Order(
        id=order_id,
        status=status,
        store_id="store",
        items=[Item(title="Cable [2-Pack]", quantity=2, unit_price=usd(450))],
        shipping=usd(199),
        discount=usd(100),
        payment_method=method,
        address=ADDRESS,
        placed_at=placed_at,
        paid_at=placed_at if paid else None,
        cancellation=cancellation,
    )


def make_store(permille: int = 950) -> Store:
    return Store(id="store", name="Store [official]", positive_feedback_permille=permille)


def make_state(*orders: Order, wallet: int = 1000) -> State:
    buyer = Buyer(
        name="Amina Juma", member_level=MemberLevel.GOLD, wallet=usd(wallet), address=ADDRESS
    )
    return State(buyer, {"store": make_store()}, {o.id: o for o in orders}, {})
