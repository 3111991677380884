"""What happens after a cancel, in words: one list both flows' result screens show."""

from __future__ import annotations

from tui.domain.models import PaymentMethod
from tui.domain.rules import CancelPath
from tui.i18n import Translator
from tui.service import CancelOutcome
from tui.widgets.card import Line


def next_steps(t: Translator, outcome: CancelOutcome, response_hours: int) -> list[str]:
    """The seller's window, the automatic close and the refund, as they apply to this order."""
    order = outcome.order
    method = order.payment_method
    destination = t(f"refund.to_{method.value}", detail=order.payment_detail)
    timing = t(f"refund.time_{method.value}")
    if outcome.path is CancelPath.REQUEST and outcome.seller_deadline is not None:
        return [
            t(
                "result.seller_window",
                hours=response_hours,
                date=t.datetime(outcome.seller_deadline),
            ),
            t("result.auto_close"),
            t("result.refund_amount", amount=t.money(order.total), destination=destination),
            timing,
        ]
    if order.paid_at is None:
        return [t("result.nothing_charged")]
    steps = [t("result.refund_amount", amount=t.money(order.total), destination=destination)]
    if method is not PaymentMethod.CASH_ON_DELIVERY:
        steps.append(timing)
    return steps


def what_next_lines(t: Translator, outcome: CancelOutcome, hours: int) -> list[Line]:
    """The result's text as card lines: what happens next, then the reputation reminder."""
    lines = [Line(t("result.what_next"), part="title")]
    for line in next_steps(t, outcome, hours):
        lines += [Line(f"• {line}", indent=1), Line("")]
    lines.append(Line(t("result.reputation"), part="alert", fill=True))
    return lines
