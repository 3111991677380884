"""The buyer's one-question actions after shipping (confirm receipt, extend protection,
accept the seller's offer, escalate, cancel the dispute): what each asks, what it says,
the service call, and the notice after. Both flows' dialogs and flows read this table, so
the app and the website ask the same thing and do the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.domain.errors import ActionNotAllowed
from tui.domain.money import Money
from tui.domain.rules import BuyerAction
from tui.i18n import Translator
from tui.service import OrderService
from tui.widgets.card import Line, row


@dataclass(frozen=True)
class Question:
    """A yes/no dialog's words (catalog keys) and which button is lit first."""

    title_key: str
    confirm_key: str
    back_key: str = "confirm.back"
    done_key: str = ""
    safe_first: bool = False
    """Light Back first: the action can't be undone."""


QUESTIONS: dict[BuyerAction, Question] = {
    BuyerAction.CONFIRM_RECEIPT: Question(
        "shipped.confirm_receipt_title", "shipped.confirm_receipt", done_key="dispute_done.receipt"
    ),
    BuyerAction.EXTEND_PROTECTION: Question(
        "dispute_ask.extend_title", "dispute_ask.extend_confirm", done_key="shipped.extension_asked"
    ),
    BuyerAction.ACCEPT_COUNTER: Question(
        "dispute_ask.accept_title", "buyer_action.accept_counter", done_key="dispute_done.accepted"
    ),
    BuyerAction.ESCALATE: Question(
        "dispute_ask.escalate_title",
        "dispute_ask.escalate_confirm",
        done_key="dispute_done.escalated",
    ),
    BuyerAction.CANCEL_DISPUTE: Question(
        "dispute_ask.cancel_title",
        "buyer_action.cancel",
        back_key="dispute_ask.cancel_keep",
        done_key="dispute_done.cancelled",
        safe_first=True,
    ),
}


def offer_shown(service: OrderService, order_id: str) -> Money | None:
    """The seller's offer as the question shows it: accepting takes exactly this one."""
    dispute = service.dispute_of(order_id)
    return dispute.counter.amount if dispute and dispute.counter else None


def question_lines(
    t: Translator, service: OrderService, order_id: str, action: BuyerAction
) -> list[Line]:
    """What the question says about this order: the order, then what the action does."""
    order = service.order(order_id)
    lines = [
        row(t("details.order_number"), order.id),
        row(t("confirm.store"), service.store_of(order).name),
    ]
    settings = service.settings
    if action is BuyerAction.CONFIRM_RECEIPT:
        days = settings.dispute_close_after_delivery_days
        lines.append(Line(t("shipped.confirm_receipt_note", days=days), before=1))
    elif action is BuyerAction.EXTEND_PROTECTION:
        protection = service.protection(order_id)
        if protection is not None:
            lines.append(Line(t("dispute_ask.extend_now", date=t.datetime(protection.ends_at))))
        days, answer = settings.protection_extension_max_days, settings.dispute_seller_response_days
        lines.append(Line(t("dispute_ask.extend_how", days=days, answer=answer), before=1))
    elif action is BuyerAction.ACCEPT_COUNTER:
        lines += offer_lines(t, service, order_id)
    elif action is BuyerAction.ESCALATE:
        days = settings.dispute_platform_decision_days
        lines.append(Line(t("dispute_ask.escalate_how", days=days), before=1))
    elif action is BuyerAction.CANCEL_DISPUTE:
        lines.append(Line(t("dispute_ask.cancel_how"), part="warning", before=1))
    return lines


def offer_lines(t: Translator, service: OrderService, order_id: str) -> list[Line]:
    """The seller's offer, their message, and what accepting it means."""
    dispute = service.dispute_of(order_id)
    counter = dispute.counter if dispute else None
    if counter is None:
        return []
    amount = t.money(counter.amount)
    result = (
        t("dispute_ask.accept_result", amount=amount)
        if counter.amount.minor
        else t("dispute_ask.accept_nothing")
    )
    return [
        row(t("dispute_page.counter_title"), amount, part="strong", value_part="strong"),
        Line(t("dispute_details.counter_message"), part="muted"),
        Line(counter.message, part="callout", fill=True),
        Line(result, before=1),
    ]


def return_lines(t: Translator, service: OrderService, order_id: str) -> list[Line]:
    """Where the item goes and by when, before the buyer types the parcel's number."""
    view = service.dispute_view(order_id)
    order = service.order(order_id)
    lines = [
        row(t("details.order_number"), order.id),
        row(t("confirm.store"), service.store_of(order).name),
    ]
    if view is not None and view.deadline is not None:
        lines.append(Line(t("dispute_ask.return_how", date=t.datetime(view.deadline)), before=1))
    lines.append(Line(t("dispute_details.return_tracking"), part="title", before=1))
    return lines


def perform(service: OrderService, order_id: str, action: BuyerAction, offer: Money | None) -> str:
    """Do the action (one durable write; run it off the event loop) and return the catalog
    key of the notice that says it is done. A refusal raises `DomainError`: nothing saved."""
    if action is BuyerAction.CONFIRM_RECEIPT:
        service.confirm_receipt(order_id)
    elif action is BuyerAction.EXTEND_PROTECTION:
        service.ask_extension(order_id)
    elif action is BuyerAction.ACCEPT_COUNTER:
        if offer is None:
            raise ActionNotAllowed("error.dispute_changed", state="changed")
        service.accept_counter(order_id, offer)
    elif action is BuyerAction.ESCALATE:
        service.escalate_dispute(order_id)
    elif action is BuyerAction.CANCEL_DISPUTE:
        service.cancel_dispute(order_id)
    return QUESTIONS[action].done_key
