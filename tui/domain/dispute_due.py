"""A dispute's clock: who must act next, by when, and what the buyer may do meanwhile.

Every open state has exactly one party who must act and one deadline; what happens when
it runs out is in `tui.domain.dispute_desk` (applied by `tui.domain.timeline.advance`):

- awaiting_seller: the seller acts, by requested_at + dispute_seller_response_days;
  silence accepts the request. If opened_at + dispute_auto_escalate_days comes first
  (the request was changed late), the dispute escalates then.
- seller_rejected: the buyer acts, by opened_at + dispute_auto_escalate_days; then the
  dispute escalates to the platform by itself.
- escalated: the platform acts, by escalated_at + dispute_platform_decision_days; then
  it decides by its rules (`tui.domain.dispute_desk.weigh`).
- awaiting_return: the buyer acts (sends the item back), by outcome.at + return_ship_days;
  if not, the dispute closes for the seller.
- return_shipped: the seller acts (confirms it arrived), by return_shipped_at +
  return_confirm_days; silence counts as arrived, and the refund is made.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from tui.domain.deadlines import Deadline, DeadlineKind, earliest
from tui.domain.dispute_models import Dispute, DisputeState, Party
from tui.domain.settings import Settings

PARTY_OF_STATE: dict[DisputeState, Party] = {
    DisputeState.AWAITING_SELLER: Party.SELLER,
    DisputeState.SELLER_REJECTED: Party.BUYER,
    DisputeState.ESCALATED: Party.PLATFORM,
    DisputeState.AWAITING_RETURN: Party.BUYER,
    DisputeState.RETURN_SHIPPED: Party.SELLER,
}


def _days(days: int) -> timedelta:
    return timedelta(days=days)


def seller_answer_due(dispute: Dispute, settings: Settings) -> datetime:
    return dispute.requested_at + _days(settings.dispute_seller_response_days)


def escalation_opens_at(dispute: Dispute, settings: Settings) -> datetime:
    """From when the buyer may take a rejected request to the platform."""
    return dispute.opened_at + _days(settings.dispute_escalate_after_days)


def auto_escalation_at(dispute: Dispute, settings: Settings) -> datetime:
    return dispute.opened_at + _days(settings.dispute_auto_escalate_days)


def dispute_deadline(dispute: Dispute, settings: Settings) -> Deadline | None:
    """The next time this dispute changes by itself; None once it is final."""
    state = dispute.state
    if state is DisputeState.AWAITING_SELLER:
        return earliest(
            [
                Deadline(DeadlineKind.DISPUTE_RESPOND, seller_answer_due(dispute, settings)),
                Deadline(DeadlineKind.DISPUTE_ESCALATE, auto_escalation_at(dispute, settings)),
            ]
        )
    if state is DisputeState.SELLER_REJECTED:
        return Deadline(DeadlineKind.DISPUTE_ESCALATE, auto_escalation_at(dispute, settings))
    if state is DisputeState.ESCALATED:
        assert dispute.escalated_at is not None
        at = dispute.escalated_at + _days(settings.dispute_platform_decision_days)
        return Deadline(DeadlineKind.DISPUTE_DECIDE, at)
    if state is DisputeState.AWAITING_RETURN:
        assert dispute.outcome is not None
        return Deadline(
            DeadlineKind.RETURN_SHIP, dispute.outcome.at + _days(settings.return_ship_days)
        )
    if state is DisputeState.RETURN_SHIPPED:
        assert dispute.return_shipped_at is not None
        at = dispute.return_shipped_at + _days(settings.return_confirm_days)
        return Deadline(DeadlineKind.RETURN_CONFIRM, at)
    return None


@dataclass(frozen=True)
class NextStep:
    """Who must act on an open dispute, and the deadline by which they must."""

    party: Party
    deadline: Deadline


def next_step(dispute: Dispute, settings: Settings) -> NextStep | None:
    """The one party to act next and by when; None for a final dispute."""
    found = dispute_deadline(dispute, settings)
    if found is None:
        return None
    return NextStep(PARTY_OF_STATE[dispute.state], found)


class BuyerAction(StrEnum):
    """What the buyer can do with an open dispute (each a button in both flows)."""

    ACCEPT_COUNTER = "accept_counter"
    CHANGE_REQUEST = "change_request"
    ESCALATE = "escalate"
    CANCEL = "cancel"
    ENTER_RETURN_TRACKING = "enter_return_tracking"

    @property
    def label_key(self) -> str:
        return f"buyer_action.{self.value}"


class SellerAction(StrEnum):
    """What the seller (the trainer) can do with an open dispute."""

    ACCEPT = "accept"
    REJECT = "reject"
    CONFIRM_RETURN = "confirm_return"

    @property
    def label_key(self) -> str:
        return f"seller_action.{self.value}"


class PlatformAction(StrEnum):
    """What the platform (the trainer) can decide on an escalated dispute."""

    FOR_BUYER = "for_buyer"
    FOR_BUYER_PARTLY = "for_buyer_partly"
    FOR_SELLER = "for_seller"

    @property
    def label_key(self) -> str:
        return f"platform_action.{self.value}"


_NEGOTIATING = (DisputeState.AWAITING_SELLER, DisputeState.SELLER_REJECTED)


def buyer_actions(dispute: Dispute, now: datetime, settings: Settings) -> list[BuyerAction]:
    """The buyer's actions allowed now, in the order the screens show them."""
    state = dispute.state
    found: list[BuyerAction] = []
    if state is DisputeState.SELLER_REJECTED:
        found.append(BuyerAction.ACCEPT_COUNTER)
    if state in _NEGOTIATING:
        found.append(BuyerAction.CHANGE_REQUEST)
    if state is DisputeState.SELLER_REJECTED and now >= escalation_opens_at(dispute, settings):
        found.append(BuyerAction.ESCALATE)
    if state in (*_NEGOTIATING, DisputeState.ESCALATED):
        found.append(BuyerAction.CANCEL)
    if state is DisputeState.AWAITING_RETURN:
        found.append(BuyerAction.ENTER_RETURN_TRACKING)
    return found


def seller_actions(dispute: Dispute) -> list[SellerAction]:
    if dispute.state is DisputeState.AWAITING_SELLER:
        return [SellerAction.ACCEPT, SellerAction.REJECT]
    if dispute.state is DisputeState.RETURN_SHIPPED:
        return [SellerAction.CONFIRM_RETURN]
    return []


def platform_actions(dispute: Dispute) -> list[PlatformAction]:
    if dispute.state is not DisputeState.ESCALATED:
        return []
    if dispute.amount.minor < 2:  # nothing between nothing and all of it
        return [PlatformAction.FOR_BUYER, PlatformAction.FOR_SELLER]
    return list(PlatformAction)
