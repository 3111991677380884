"""Order statuses as stored in the DB, and the app tab each one is listed under."""

from __future__ import annotations

from enum import StrEnum


class OrderStatus(StrEnum):
    """The stored status values; the DB file is read by trainers and tools, so never rename."""

    AWAITING_PAYMENT = "awaiting_payment"
    PAYMENT_VERIFYING = "payment_verifying"
    AWAITING_SHIPMENT = "awaiting_shipment"
    CANCELLATION_REQUESTED = "cancellation_requested"
    SHIPPED = "shipped"
    IN_DISPUTE = "in_dispute"
    COMPLETED = "completed"
    CANCELLED = "cancelled"

    @property
    def label_key(self) -> str:
        return f"status.{self.value}"

    @property
    def meaning_key(self) -> str:
        return f"status_meaning.{self.value}"


class OrderTab(StrEnum):
    """The order tabs of the app and the website, in their on-screen order."""

    ALL = "all"
    TO_PAY = "to_pay"
    TO_SHIP = "to_ship"
    SHIPPED = "shipped"
    TO_REVIEW = "to_review"

    @property
    def label_key(self) -> str:
        return f"tab.{self.value}"


_TAB_OF_STATUS: dict[OrderStatus, OrderTab | None] = {
    OrderStatus.AWAITING_PAYMENT: OrderTab.TO_PAY,
    OrderStatus.PAYMENT_VERIFYING: OrderTab.TO_SHIP,
    OrderStatus.AWAITING_SHIPMENT: OrderTab.TO_SHIP,
    OrderStatus.CANCELLATION_REQUESTED: OrderTab.TO_SHIP,
    OrderStatus.SHIPPED: OrderTab.SHIPPED,
    OrderStatus.IN_DISPUTE: OrderTab.SHIPPED,
    OrderStatus.COMPLETED: OrderTab.TO_REVIEW,
    OrderStatus.CANCELLED: None,
}


def tab_of(status: OrderStatus, *, reviewed: bool = False) -> OrderTab | None:
    """The tab (besides All) that lists an order; a reviewed completed order leaves To review."""
    if status is OrderStatus.COMPLETED and reviewed:
        return None
    return _TAB_OF_STATUS[status]
