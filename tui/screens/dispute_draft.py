"""The dispute form as filled in so far, shared by the app's sheets and the website's boxes;
and the lines both show to review it before it is sent.

A draft holds what was typed (kept when the buyer goes back a step) and, once each step
accepted it, what the service checked: the amount, then the whole request.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum

from tui.domain.dispute_models import Dispute, DisputeGround, RequestType
from tui.domain.disputes import DisputeRequest
from tui.domain.money import Money
from tui.i18n import Translator
from tui.service import OrderService
from tui.widgets.card import Line, row


class Back(Enum):
    """A form step's answer "go back a step" (Escape, answered None, leaves the form)."""

    BACK = "back"


BACK = Back.BACK


def plain_amount(amount: Money) -> str:
    """An amount as the buyer would type it ("23.59"): what the amount field starts with."""
    units, cents = divmod(amount.minor, 100)
    return f"{units}.{cents:02d}"


@dataclass(frozen=True)
class DisputeDraft:
    """What the buyer has chosen and typed so far; `request` is set once it was checked."""

    ground: DisputeGround | None = None
    request_type: RequestType | None = None
    amount_text: str = ""
    amount: Money | None = None
    description: str = ""
    evidence_text: str = ""
    request: DisputeRequest | None = None

    @classmethod
    def of_dispute(cls, dispute: Dispute) -> DisputeDraft:
        """The request as it stands, to change: the ground stays, the rest may change."""
        return cls(
            ground=dispute.ground,
            request_type=dispute.request_type,
            amount_text=plain_amount(dispute.amount),
            amount=dispute.amount,
            description=dispute.description,
            evidence_text=", ".join(dispute.evidence),
        )

    def with_ground(self, ground: DisputeGround) -> DisputeDraft:
        """A new ground; a return is forgotten if the new ground doesn't allow one."""
        kind = self.request_type
        if kind is RequestType.RETURN_AND_REFUND and not ground.allows_return:
            kind = None
        return replace(self, ground=ground, request_type=kind)

    def with_type(self, request_type: RequestType) -> DisputeDraft:
        return replace(self, request_type=request_type)

    def with_amount(self, text: str, amount: Money) -> DisputeDraft:
        return replace(self, amount_text=text, amount=amount)

    def with_details(self, description: str, evidence: str) -> DisputeDraft:
        return replace(self, description=description, evidence_text=evidence)

    def with_typed(self, field: str, text: str) -> DisputeDraft:
        """A field as typed so far (``amount``, ``description`` or ``evidence``), kept so a
        redraw (a language switch) or a step back shows it again."""
        if field == "amount":
            return replace(self, amount_text=text)
        if field == "evidence":
            return replace(self, evidence_text=text)
        return replace(self, description=text)

    def with_request(self, request: DisputeRequest) -> DisputeDraft:
        return replace(self, request=request)

    def typed_request(self) -> DisputeRequest:
        """The request as typed, for the service to check (amount checked before)."""
        assert self.request_type is not None and self.amount is not None
        names = tuple(self.evidence_text.split(","))
        return DisputeRequest(self.request_type, self.amount, self.description, names)


def review_lines(
    t: Translator, service: OrderService, order_id: str, draft: DisputeDraft
) -> list[Line]:
    """The request as it will be sent: order, store, problem, request, amount, description,
    evidence; then how long the seller has to answer."""
    request = draft.request
    assert draft.ground is not None and request is not None
    order = service.order(order_id)
    names = ", ".join(request.evidence) if request.evidence else t("dispute_page.no_evidence")
    return [
        row(t("details.order_number"), order.id),
        row(t("confirm.store"), service.store_of(order).name),
        row(t("dispute_details.ground"), t(draft.ground.label_key)),
        row(t("dispute_details.request"), t(request.request_type.label_key)),
        row(
            t("dispute_details.amount"), t.money(request.amount), part="strong", value_part="strong"
        ),
        Line(t("dispute_details.description"), part="muted", before=1),
        Line(request.description, indent=2),
        Line(t("dispute_details.evidence"), part="muted"),
        Line(names, indent=2),
        Line(
            t("dispute_form.seller_days", days=service.settings.dispute_seller_response_days),
            before=1,
        ),
    ]


def what_next_lines(t: Translator, service: OrderService, order_id: str) -> list[Line]:
    """After sending: until when the seller may answer, what silence means, from when the
    platform can be asked, and where a refund goes."""
    view = service.dispute_view(order_id)
    lines = [Line(t("dispute_result.what_next"), part="title")]
    if view is not None and view.deadline is not None:
        lines.append(Line(f"• {t('dispute_result.seller_window', date=t.datetime(view.deadline))}"))
    lines.append(Line(f"• {t('dispute_result.silence')}"))
    if view is not None and view.escalation_opens_at is not None:
        opens = t.datetime(view.escalation_opens_at)
        lines.append(Line(f"• {t('dispute_result.escalate_from', date=opens)}"))
    lines.append(Line(f"• {t('dispute_result.refund_to')}"))
    return lines
