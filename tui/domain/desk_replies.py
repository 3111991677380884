"""What to tell the customer: the replies that fit an order now, as catalog keys and the
facts they are filled with (typed values, nested catalog keys). Nothing here translates:
`tui.desk_words` fills a reply in the customer's language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from tui.domain.delivery import dispute_opens_at, protection_end
from tui.domain.dispute_due import dispute_deadline
from tui.domain.dispute_models import Dispute
from tui.domain.due import deadline
from tui.domain.kinds import RefundStatus, Standing
from tui.domain.models import Order, Refund
from tui.domain.money import Money
from tui.domain.reputation import Reputation
from tui.domain.rules import BuyerAction, CancelPath, order_cancel_path
from tui.domain.settings import Settings
from tui.domain.status import OrderStatus
from tui.domain.wording import APP_LABELS, status_meaning_key, web_label


@dataclass(frozen=True)
class Phrase:
    """A catalog entry used as a fact inside a reply (a status, a button's words)."""

    key: str
    values: Mapping[str, Fact] = field(default_factory=dict)


@dataclass(frozen=True)
class At:
    """A moment told with its time of day (a deadline); a bare `datetime` is told as a
    day ("Nov 20")."""

    moment: datetime


Fact = Money | datetime | At | int | str | Phrase
"""A value a reply is filled with; `tui.desk_words.fact_text` says each in words."""


@dataclass(frozen=True)
class Reply:
    """A reply the agent may send: its id (its title is ``reply_title.<id>``), the catalog
    key of its words, and the facts they are filled with."""

    id: str
    key: str
    values: Mapping[str, Fact]

    @property
    def title_key(self) -> str:
        return f"reply_title.{self.id}"


@dataclass(frozen=True)
class OrderFacts:
    """What the reply rules read about one order, gathered by the service."""

    order: Order
    refund: Refund | None
    dispute: Dispute | None
    actions: list[BuyerAction]
    reputation: Reputation
    settings: Settings
    now: datetime


def _status(order: Order) -> Phrase:
    return Phrase(order.status.label_key)


def _refund_replies(facts: OrderFacts) -> list[Reply]:
    refund, settings = facts.refund, facts.settings
    if refund is None:
        return []
    method = refund.method.value
    values: dict[str, Fact] = {
        "amount": refund.amount,
        "number": facts.order.id,
        "started": refund.created_at,
        "earliest": refund.expected_from,
        "latest": refund.expected_by,
        "min": settings.refund_card_min_business_days,
        "max": settings.refund_card_max_business_days,
    }
    if refund.status is RefundStatus.COMPLETED and refund.completed_at is not None:
        values["completed"] = refund.completed_at
        return [Reply("refund_done", f"reply.refund_done_{method}", values)]
    return [Reply("refund_on_way", f"reply.refund_on_way_{method}", values)]


def _cancel_replies(facts: OrderFacts) -> list[Reply]:
    order = facts.order
    path = order_cancel_path(order)
    replies: list[Reply] = []
    if BuyerAction.CANCEL in facts.actions:
        steps: dict[str, Fact] = {
            "app_button": Phrase(APP_LABELS[BuyerAction.CANCEL]),
            "web_button": Phrase(web_label(BuyerAction.CANCEL, path)),
            "number": order.id,
        }
        if path is CancelPath.INSTANT:
            replies.append(Reply("cancel_now", "reply.cancel_now", steps))
        else:
            steps["hours"] = facts.settings.seller_response_hours
            replies.append(Reply("cancel_request", "reply.cancel_request", steps))
    elif path.can_start and facts.reputation.standing is Standing.BLOCKED:
        lifts = facts.reputation.lifts_at
        replies.append(
            Reply("blocked", "reply.blocked", {"date": lifts or facts.now, "number": order.id})
        )
    request = order.cancellation
    if order.status is OrderStatus.CANCELLATION_REQUESTED and request is not None:
        due = deadline(order, facts.settings, facts.dispute)
        values: dict[str, Fact] = {
            "number": order.id,
            "requested": request.requested_at,
            "deadline": At(due.at if due is not None else facts.now),
            "withdraw": Phrase(APP_LABELS[BuyerAction.WITHDRAW]),
        }
        replies.append(Reply("pending", "reply.pending", values))
    return replies


def _after_shipping_replies(facts: OrderFacts) -> list[Reply]:
    order, settings = facts.order, facts.settings
    if order.status is OrderStatus.SHIPPED:
        opens, ends = dispute_opens_at(order, settings), protection_end(order, settings)
        if opens is not None and ends is not None:
            values: dict[str, Fact] = {"number": order.id, "opens": opens, "ends": ends}
            values["button"] = Phrase(APP_LABELS[BuyerAction.OPEN_DISPUTE])
            return [Reply("shipped", "reply.shipped", values)]
    if order.status is OrderStatus.IN_DISPUTE and facts.dispute is not None:
        found = dispute_deadline(facts.dispute, settings)
        if found is not None:
            values = {"number": order.id, "step": Phrase(f"desk_due.{found.kind.value}")}
            values["date"] = At(found.at)
            return [Reply("dispute", "reply.dispute", values)]
    return []


def replies(facts: OrderFacts) -> list[Reply]:
    """The replies that fit the order now, most useful first: where the refund is, how to
    cancel (or why not and what the buyer can do instead), the pending request, the
    dispute's next step; the status in words always last."""
    order = facts.order
    found = _refund_replies(facts) + _cancel_replies(facts) + _after_shipping_replies(facts)
    if order.pays_on_delivery and order.status is OrderStatus.CANCELLED:
        found.append(Reply("nothing_paid", "reply.nothing_paid", {"number": order.id}))
    if facts.reputation.standing in (Standing.WARNED, Standing.RESTRICTED):
        values: dict[str, Fact] = {
            "count": facts.reputation.count,
            "days": facts.reputation.window_days,
        }
        found.append(Reply("reputation", "reply.reputation", values))
    status: dict[str, Fact] = {"number": order.id, "status": _status(order)}
    status["meaning"] = Phrase(status_meaning_key(order))
    found.append(Reply("status", "reply.status", status))
    return found
