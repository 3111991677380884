"""Which words describe an order, as catalog keys: the rules decide what is true (paid or
not, paid on delivery, cancelled at once), so the screens of both flows, the desk and the
trainer panel pick the same sentence from the same facts.

Every function returns a catalog key (and its parameters where it has some); nothing
here translates.
"""

from __future__ import annotations

from tui.domain.models import Order, PaymentMethod
from tui.domain.reasons import CancelReason
from tui.domain.rules import BuyerAction, CancelPath
from tui.domain.status import OrderStatus

Words = tuple[str, dict[str, str]]
"""A catalog key and the values it is filled with: ``t(key, **values)``."""

_MEANING_ON_DELIVERY = (OrderStatus.AWAITING_SHIPMENT, OrderStatus.SHIPPED)


def status_meaning_key(order: Order) -> str:
    """What the status means for this order: a cash-on-delivery order awaiting shipment
    is not "Paid", it is paid when it arrives."""
    if order.pays_on_delivery and order.status in _MEANING_ON_DELIVERY:
        return f"{order.status.meaning_key}_cod"
    return order.status.meaning_key


def explanation_key(order: Order, path: CancelPath) -> str:
    """Why the order can (not) be cancelled, as `CancelPath.explanation_key`, but without
    promising money back for an order nothing was paid for."""
    if path is CancelPath.PENDING and order.pays_on_delivery:
        return f"{path.explanation_key}_cod"
    return path.explanation_key


def total_key(order: Order) -> str:
    """The label of the order's total: paid, to pay, due on delivery, or only the total
    (an order closed before it was paid: nothing was charged)."""
    if order.paid_at is not None:
        return "details.total_paid"
    if order.status is OrderStatus.AWAITING_PAYMENT:
        return "details.total_to_pay"
    if order.pays_on_delivery and order.status is not OrderStatus.CANCELLED:
        return "details.total_on_delivery"
    return "details.total"


def charged(order: Order) -> bool:
    """Whether the payment method was used: an order cancelled before it was paid was
    never charged, so its method is shown as "not charged"."""
    return order.paid_at is not None or order.status is not OrderStatus.CANCELLED


def payment_detail(order: Order) -> str:
    """What follows the method's name, if anything: a card's brand and last digits. A
    wallet or cash needs no more than its name (a detail would repeat it)."""
    return order.payment_detail if order.payment_method is PaymentMethod.CARD else ""


def amount_key(order: Order) -> str:
    """The amount a cancel concerns, on the confirm step: to refund once paid, due on
    delivery for cash on delivery (nothing to refund), else the total not charged."""
    if order.paid_at is not None:
        return "confirm.amount"
    if order.pays_on_delivery:
        return "confirm.amount_on_delivery"
    return "confirm.amount_unpaid"


def seller_warning_key(path: CancelPath, reason: CancelReason) -> str | None:
    """The warning under a reason that blames the seller: the seller may refuse and the
    rating drops where there is a seller step (a request); an order cancelled at once has
    none, so its rating is left alone (docs/data-format.md)."""
    if not reason.blames_seller:
        return None
    return (
        "reason.seller_warning_instant" if path is CancelPath.INSTANT else "reason.seller_warning"
    )


def reason_words(reason: CancelReason, note: str) -> Words:
    """How a chosen reason reads once chosen: its label, or for "Other" the buyer's own
    words (the list's "Other (write your reason)" says nothing about this order)."""
    if reason.needs_note and note:
        return "reason.other_note", {"note": note}
    return reason.label_key, {}


APP_LABELS = {
    BuyerAction.CANCEL: "details.cancel_order",
    BuyerAction.WITHDRAW: "details.withdraw",
    BuyerAction.OPEN_DISPUTE: "app_action.open_dispute",
    BuyerAction.CONFIRM_RECEIPT: "app_action.confirm_receipt",
    BuyerAction.EXTEND_PROTECTION: "app_action.extend_protection",
    BuyerAction.ACCEPT_COUNTER: "app_action.accept_counter",
    BuyerAction.CHANGE_REQUEST: "app_action.change_request",
    BuyerAction.ESCALATE: "app_action.escalate",
    BuyerAction.CANCEL_DISPUTE: "app_action.cancel_dispute",
    BuyerAction.SHIP_RETURN: "app_action.ship_return",
}
"""Each action's button on the app's order page (catalog keys)."""


WEB_LABELS = {
    BuyerAction.CANCEL: "web.cancel_request",
    BuyerAction.WITHDRAW: "web.withdraw",
    BuyerAction.OPEN_DISPUTE: "web.open_dispute",
    BuyerAction.CONFIRM_RECEIPT: "web.confirm_received",
    BuyerAction.EXTEND_PROTECTION: "web.extend_protection",
    BuyerAction.ACCEPT_COUNTER: "web.accept_offer",
    BuyerAction.CHANGE_REQUEST: "web.modify_request",
    BuyerAction.ESCALATE: "web.escalate",
    BuyerAction.CANCEL_DISPUTE: "web.cancel_dispute",
    BuyerAction.SHIP_RETURN: "web.ship_return",
}
"""Each action as the website words it (the menu's entries and the order page's buttons)."""


def web_label(action: BuyerAction, path: CancelPath) -> str:
    """The catalog key of an action's words on the website ("Cancel order" for an order
    cancelled at once, "Cancel order request" for one the seller must agree to)."""
    if action is BuyerAction.CANCEL and path is CancelPath.INSTANT:
        return "web.cancel_now"
    return WEB_LABELS[action]
