"""Refunds: back to where the money came from, within a window per method.

A closed order gets back exactly what was paid; a dispute gets what it settled on. Either
way an order has at most one refund, so the refunds of an order never add up to more than
was paid.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from tui.domain.kinds import RefundMethod, RefundStatus
from tui.domain.models import (
    Actor,
    Event,
    EventKind,
    Order,
    PaymentMethod,
    Refund,
)
from tui.domain.money import Money
from tui.domain.settings import Settings
from tui.domain.state import State, Step

_METHOD_OF_PAYMENT = {
    PaymentMethod.CARD: RefundMethod.CARD,
    PaymentMethod.WALLET: RefundMethod.WALLET,
    PaymentMethod.CASH_ON_DELIVERY: RefundMethod.COUPON,
}


def method_for(payment: PaymentMethod) -> RefundMethod:
    """Money goes back the way it came; a cash-on-delivery order gets a coupon."""
    return _METHOD_OF_PAYMENT[payment]


def add_business_days(start: datetime, days: int) -> datetime:
    """`start` moved forward by `days` working days (Monday to Friday), same time of day."""
    moment = start
    while days > 0:
        moment += timedelta(days=1)
        if moment.weekday() < 5:
            days -= 1
    return moment


def arrival_window(
    method: RefundMethod, start: datetime, settings: Settings
) -> tuple[datetime, datetime]:
    """When a refund started at `start` is expected to arrive: (earliest, latest)."""
    if method is RefundMethod.CARD:
        return (
            add_business_days(start, settings.refund_card_min_business_days),
            add_business_days(start, settings.refund_card_max_business_days),
        )
    if method is RefundMethod.WALLET:
        low, high = settings.refund_wallet_min_days, settings.refund_wallet_max_days
    else:
        low, high = settings.refund_coupon_min_days, settings.refund_coupon_max_days
    return start + timedelta(days=low), start + timedelta(days=high)


def start_refund(
    state: State, order: Order, at: datetime, settings: Settings, amount: Money | None = None
) -> State:
    """Open the refund of a paid order: all that was paid (an order being closed), or
    ``amount`` (what a dispute settled on). An unpaid order, or an amount of nothing, gets
    none.

    One refund per order, never more than was paid: anything else is a bug in the caller,
    never a business case.
    """
    amount = order.paid if amount is None else amount
    if order.paid_at is None or amount.minor == 0:
        return state
    if order.id in state.refunds:
        raise RuntimeError(f"order {order.id} already has a refund")
    if amount.currency != order.currency or amount.minor > order.paid.minor:
        raise RuntimeError(f"order {order.id} can't refund {amount.minor} {amount.currency}")
    method = method_for(order.payment_method)
    earliest, latest = arrival_window(method, at, settings)
    refund = Refund(
        order_id=order.id,
        amount=amount,
        method=method,
        status=RefundStatus.PROCESSING,
        created_at=at,
        expected_from=earliest,
        expected_by=latest,
    )
    return state.with_refund(refund)


def complete_refund(state: State, order_id: str) -> Step:
    """The money arrived: mark the refund completed; a wallet refund adds to the balance."""
    refund = state.refunds[order_id]
    if refund.status is not RefundStatus.PROCESSING:
        raise RuntimeError(f"the refund of order {order_id} is not processing")
    at = refund.expected_from
    done = refund.model_copy(update={"status": RefundStatus.COMPLETED, "completed_at": at})
    state = state.with_refund(done)
    if refund.method is RefundMethod.WALLET:
        buyer = state.buyer
        state = state.with_buyer(buyer.model_copy(update={"wallet": buyer.wallet + refund.amount}))
    status = state.orders[order_id].status
    event = Event(
        order_id=order_id,
        at=at,
        actor=Actor.SYSTEM,
        kind=EventKind.REFUND_COMPLETED,
        from_status=status,
        to_status=status,
    )
    return Step(state, (event,))
