"""What happens after a cancel, in words: one list both flows' result screens show."""

from __future__ import annotations

from tui.domain.models import Order
from tui.domain.rules import CancelPath
from tui.domain.wording import amount_key, payment_detail
from tui.i18n import Translator
from tui.service import CancelOutcome, OrderService
from tui.widgets.card import Line, row


def next_steps(t: Translator, outcome: CancelOutcome, response_hours: int) -> list[str]:
    """The seller's window, the automatic close and the refund, as they apply to this order:
    nothing goes back where nothing was paid (an unpaid order, cash on delivery)."""
    order = outcome.order
    method = order.payment_method
    destination = t(f"refund.to_{method.value}", detail=payment_detail(order))
    refund = [
        t("result.refund_amount", amount=t.money(order.total), destination=destination),
        t(f"refund.time_{method.value}"),
    ]
    if order.pays_on_delivery:
        refund = [t("result.nothing_paid_cod")]
    elif order.paid_at is None:
        refund = [t("result.nothing_charged")]
    if outcome.path is CancelPath.REQUEST and outcome.seller_deadline is not None:
        auto_close = "result.auto_close_cod" if order.pays_on_delivery else "result.auto_close"
        window = t(
            "result.seller_window", hours=response_hours, date=t.datetime(outcome.seller_deadline)
        )
        return [window, t(auto_close), *refund]
    return refund


def result_title(t: Translator, outcome: CancelOutcome) -> str:
    """The result's title: the request sent, or the order cancelled at once."""
    request = outcome.path is CancelPath.REQUEST
    return t("result.request_title" if request else "result.cancelled_title")


def what_next_lines(t: Translator, outcome: CancelOutcome, hours: int) -> list[Line]:
    """The result's text as card lines: what happens next, then the reputation reminder."""
    lines = [Line(t("result.what_next"), part="title")]
    for line in next_steps(t, outcome, hours):
        lines += [Line(f"• {line}", indent=1), Line("")]
    lines.append(Line(t("result.reputation"), part="alert", fill=True))
    return lines


def amount_row(t: Translator, order: Order) -> Line:
    """The amount a cancel concerns: to refund once paid, due on delivery for cash on
    delivery, else the total not charged."""
    return row(t(amount_key(order)), t.money(order.total), part="strong", value_part="strong")


def consequence_text(t: Translator, service: OrderService, order_id: str) -> str:
    """What confirming does: the order cancelled at once, or the seller asked (and given
    their hours to answer)."""
    instant = service.cancel_path(order_id) is CancelPath.INSTANT
    consequence = "confirm.instant" if instant else "confirm.request"
    return t(consequence, hours=service.settings.seller_response_hours)


def reputation_warning(t: Translator, service: OrderService) -> str | None:
    """Warn before a cancellation that would cross one of the buyer's thresholds (both
    flows' reason steps show it)."""
    crossing = service.warning_before_next()
    if crossing is None:
        return None
    found = service.reputation()
    return t(f"reputation_warning.{crossing.value}", count=found.count + 1, days=found.window_days)
