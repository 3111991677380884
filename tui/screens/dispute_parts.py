"""What an order's page says after shipping, as text: buyer protection and tracking, and the
dispute (its state, who acts next and by when, the seller's offer, what was asked and how
it ended). Both flows' order pages draw these (`order_details_parts.body_lines`), and the
app's notice and the website's More menu share `dispute_notice_lines`.
"""

from __future__ import annotations

from collections.abc import Iterator

from tui.domain.dispute_models import Dispute, DisputeState
from tui.domain.models import Order
from tui.domain.rules import DISPUTE_GROUNDS, CancelPath
from tui.domain.status import OrderStatus
from tui.domain.wording import explanation_key
from tui.i18n import Translator
from tui.service import OrderService
from tui.widgets.card import Line, row

_TRACKED = (OrderStatus.SHIPPED, OrderStatus.IN_DISPUTE)


def dispute_notice_lines(t: Translator, service: OrderService, order: Order) -> list[Line]:
    """Why a shipped order can't be cancelled, the article's three grounds for a dispute,
    and why a dispute can't be opened now (or from when), if it can't."""
    path = service.cancel_path(order.id)
    lines = [Line(t(explanation_key(order, path)))]
    if path is not CancelPath.DISPUTE_ONLY:
        return lines
    lines += [Line(f"• {t('dispute.' + ground)}", indent=1) for ground in DISPUTE_GROUNDS]
    after = service.after_shipping(order.id)
    if after.dispute_why_not == "dispute_why_not.too_early" and after.dispute_opens_at:
        lines.append(Line(t("protection.opens_at", date=t.datetime(after.dispute_opens_at))))
    elif after.dispute_why_not is not None:
        lines.append(Line(t(after.dispute_why_not), part="muted"))
    return lines


def protection_lines(t: Translator, service: OrderService, order: Order) -> Iterator[Line]:
    """ "Buyer protection: 12 days left", how far the parcel got, the promised delivery, a
    confirmed receipt and an extension; for an order on its way or in dispute."""
    if order.status not in _TRACKED or order.shipped_at is None:
        return
    after = service.after_shipping(order.id)
    protection = after.protection
    if protection is None:  # in dispute: the dispute protects the buyer now
        yield Line(t("dispute_page.protection"), part="title")
    else:
        if protection.days_left > 1:
            left = t("protection.days_left", days=protection.days_left)
        elif protection.days_left == 1:
            left = t("protection.one_day_left")
        else:
            left = t("protection.ended")
        yield Line(left, part="title")
        if protection.extended_days:
            yield Line(t("protection.extended", days=protection.extended_days), part="muted")
    yield row(t("dispute_page.tracking"), t(after.tracking_key), value_part="accent")
    if after.delivery_deadline is not None:
        yield Line(t("protection.delivery_by", date=t.datetime(after.delivery_deadline)))
    if order.receipt_confirmed_at is not None:
        yield Line(t("protection.receipt_confirmed", date=t.datetime(order.receipt_confirmed_at)))
    answer_by = service.extension_answer_by(order.id)
    if answer_by is not None:
        yield Line(t("dispute_page.extension_waiting", date=t.datetime(answer_by)), part="muted")


def dispute_lines(t: Translator, service: OrderService, order: Order) -> Iterator[Line]:
    """The order's dispute: its state and what it means, who must act by when, the seller's
    offer, the return, the outcome, then what the buyer asked."""
    view = service.dispute_view(order.id)
    if view is None:
        return
    dispute = view.dispute
    yield Line(t("dispute_details.title"), part="title")
    yield Line(t(dispute.state.label_key), part="lead")
    yield Line(t(dispute.state.meaning_key), part="muted")
    if view.party is not None and view.deadline is not None and view.left is not None:
        party = t(view.party.label_key)
        yield Line(t("dispute_details.next", party=party, date=t.datetime(view.deadline)), before=1)
        if view.deadline_kind is not None:
            yield Line(t(view.deadline_kind.label_key, left=t.duration(view.left)), part="strong")
    if dispute.state is DisputeState.SELLER_REJECTED and view.escalation_opens_at is not None:
        opens = t.datetime(view.escalation_opens_at)
        yield Line(t("dispute_details.escalate_from", date=opens), part="muted")
    counter = dispute.counter
    if counter is not None and dispute.state is DisputeState.SELLER_REJECTED:
        offer = t("dispute_details.counter_offer", amount=t.money(counter.amount))
        yield Line(offer, part="strong", before=1)
        yield Line(t("dispute_details.counter_message"), part="muted")
        yield Line(counter.message, part="callout", fill=True)
    if dispute.state is DisputeState.AWAITING_RETURN:
        yield Line(t("dispute_details.return_address"), part="alert", fill=True, before=1)
    if dispute.return_tracking:
        yield row(t("dispute_details.return_tracking"), dispute.return_tracking)
    if dispute.outcome is not None:
        outcome = t(dispute.outcome.kind.label_key)
        yield Line(t("dispute_details.outcome"), outcome, part="key", before=1)
        yield row(t("dispute_details.refund"), t.money(dispute.outcome.refund), part="strong")
    yield from request_lines(t, dispute)


def request_lines(t: Translator, dispute: Dispute) -> Iterator[Line]:
    """What the buyer asked: the ground, refund only or a return, how much, when, why, and
    the names of the files attached."""
    yield Line(t("dispute_details.ground"), t(dispute.ground.label_key), part="key", before=1)
    yield row(t("dispute_details.request"), t(dispute.request_type.label_key))
    yield row(t("dispute_details.amount"), t.money(dispute.amount))
    yield row(t("dispute_details.opened_at"), t.datetime(dispute.opened_at))
    yield Line(t("dispute_details.description"), part="muted")
    yield Line(dispute.description, indent=2)
    yield Line(t("dispute_details.evidence"), part="muted")
    names = ", ".join(dispute.evidence) if dispute.evidence else t("dispute_page.no_evidence")
    yield Line(names, indent=2)
