"""Builders for dispute tests: a shipped order, a state around it, a dispute opened on it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from tests.domain.factories import NOW, ORDER_ID, make_order, make_state, usd
from tui.domain.dispute_models import DisputeGround, RequestType
from tui.domain.disputes import DisputeRequest, open_dispute
from tui.domain.models import Order, PaymentMethod
from tui.domain.settings import Settings
from tui.domain.state import State, Step
from tui.domain.status import OrderStatus

SETTINGS = Settings()
SHIPPED_AT = NOW - timedelta(days=5)
PAID = usd(999)
"""What `make_order` costs: 2 x 4.50 + 1.99 shipping - 1.00 discount."""
DAY = timedelta(days=1)
MINUTE = timedelta(minutes=1)


def make_shipped(
    order_id: str = ORDER_ID,
    *,
    shipped_at: datetime = SHIPPED_AT,
    delivered_at: datetime | None = None,
    fake: bool = False,
    method: PaymentMethod = PaymentMethod.CARD,
    delivery_days: int | None = None,
) -> Order:
    order = make_order(
        OrderStatus.AWAITING_SHIPMENT,
        order_id=order_id,
        method=method,
        placed_at=shipped_at - timedelta(days=2),
    )
    return order.model_copy(
        update={
            "status": OrderStatus.SHIPPED,
            "shipped_at": shipped_at,
            "tracking_number": "LP00712345678901",
            "tracking_fake": fake,
            "delivered_at": delivered_at,
            "delivery_days": delivery_days,
        }
    )


def shipped_state(*orders: Order) -> State:
    return make_state(*(orders or (make_shipped(),)))


def request(
    request_type: RequestType = RequestType.REFUND_ONLY,
    amount: int = 999,
    description: str = "The cable does not charge.",
    evidence: Sequence[str] = ("cable.jpg",),
) -> DisputeRequest:
    return DisputeRequest(request_type, usd(amount), description, tuple(evidence))


def opened(
    state: State | None = None,
    *,
    order_id: str = ORDER_ID,
    ground: DisputeGround = DisputeGround.POOR_QUALITY,
    asked: DisputeRequest | None = None,
    at: datetime = NOW,
    settings: Settings = SETTINGS,
) -> Step:
    """A dispute opened on the shipped order at ``at`` (a refund of all of it by default)."""
    return open_dispute(
        state or shipped_state(),
        (),
        order_id,
        ground,
        asked or request(),
        at,
        settings,
    )
