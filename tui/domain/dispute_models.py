"""A dispute, as stored (one document per dispute in the `disputes` table), and its kinds.

An order has at most one dispute in its life (see docs/disputes.md): a dispute that ended
in any way, cancelled included, can't be opened again, and no other takes its place. So a
dispute is found by its order's id, and an order has at most one refund.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, field_validator, model_validator

from tui.domain.bounds import Moment
from tui.domain.dispute_input import (
    DESCRIPTION_MAX_LENGTH,
    EVIDENCE_MAX_FILES,
    TRACKING_MAX_LENGTH,
    evidence_name_problem,
    tracking_problem,
)
from tui.domain.kinds import Standing
from tui.domain.models import Actor, Model
from tui.domain.money import Money
from tui.domain.reasons import MESSAGE_MAX_LENGTH


class GroundGroup(StrEnum):
    """The two headings of the real dispute form."""

    NOT_RECEIVED = "not_received"
    NOT_AS_DESCRIBED = "not_as_described"

    @property
    def label_key(self) -> str:
        return f"ground_group.{self.value}"


class DisputeGround(StrEnum):
    """Why the buyer opens a dispute, in the form's order. The source article names three:
    fake tracking, unsuitable quality, not delivered on time (`article_key`)."""

    FAKE_TRACKING = "fake_tracking"
    NOT_DELIVERED_ON_TIME = "not_delivered_on_time"
    POOR_QUALITY = "poor_quality"
    DAMAGED = "damaged"
    MISSING_PARTS = "missing_parts"
    WRONG_ITEM = "wrong_item"

    @property
    def group(self) -> GroundGroup:
        if self in (DisputeGround.FAKE_TRACKING, DisputeGround.NOT_DELIVERED_ON_TIME):
            return GroundGroup.NOT_RECEIVED
        return GroundGroup.NOT_AS_DESCRIBED

    @property
    def label_key(self) -> str:
        return f"ground.{self.value}"

    @property
    def article_key(self) -> str | None:
        """The article's own sentence for this ground (`dispute.*` in app.toml), if any."""
        if self in ARTICLE_GROUNDS:
            return f"dispute.{self.value}"
        return None

    @property
    def allows_return(self) -> bool:
        """An item never received can't be sent back: those grounds are refund only."""
        return self.group is GroundGroup.NOT_AS_DESCRIBED


ARTICLE_GROUNDS = (
    DisputeGround.FAKE_TRACKING,
    DisputeGround.POOR_QUALITY,
    DisputeGround.NOT_DELIVERED_ON_TIME,
)


class RequestType(StrEnum):
    REFUND_ONLY = "refund_only"
    """Keep the item; any amount up to what was paid."""
    RETURN_AND_REFUND = "return_and_refund"
    """Send the item back, then get everything paid back."""

    @property
    def label_key(self) -> str:
        return f"request_type.{self.value}"


class DisputeState(StrEnum):
    """Where a dispute stands. Each open state has one party to act and a deadline
    (`tui.domain.dispute_due.next_step`); the last three are final."""

    AWAITING_SELLER = "awaiting_seller"
    SELLER_REJECTED = "seller_rejected"
    ESCALATED = "escalated"
    AWAITING_RETURN = "awaiting_return"
    RETURN_SHIPPED = "return_shipped"
    REFUNDED = "refunded"
    CLOSED_FOR_SELLER = "closed_for_seller"
    CANCELLED = "cancelled"

    @property
    def is_final(self) -> bool:
        return self in FINAL_STATES

    @property
    def label_key(self) -> str:
        return f"dispute_state.{self.value}"

    @property
    def meaning_key(self) -> str:
        return f"dispute_state_meaning.{self.value}"


FINAL_STATES = frozenset(
    {DisputeState.REFUNDED, DisputeState.CLOSED_FOR_SELLER, DisputeState.CANCELLED}
)


class Party(StrEnum):
    """Who must act next on an open dispute."""

    BUYER = "buyer"
    SELLER = "seller"
    PLATFORM = "platform"

    @property
    def label_key(self) -> str:
        return f"party.{self.value}"


class OutcomeKind(StrEnum):
    """How the dispute was settled: by whom, and which way."""

    SELLER_ACCEPTED = "seller_accepted"
    SELLER_SILENT = "seller_silent"
    COUNTER_ACCEPTED = "counter_accepted"
    FOR_BUYER = "for_buyer"
    """The platform decided for the buyer, in full (what the buyer asked)."""
    FOR_BUYER_PARTLY = "for_buyer_partly"
    """The platform decided for the buyer, for less than asked (refund only)."""
    FOR_SELLER = "for_seller"

    @property
    def label_key(self) -> str:
        return f"dispute_outcome.{self.value}"


class CounterProposal(Model):
    """The seller's answer to a request they reject: what they would refund, and why."""

    amount: Money
    """What the seller offers back, refund only (the buyer keeps the item); may be 0."""
    message: str = Field(min_length=1, max_length=MESSAGE_MAX_LENGTH)
    at: Moment


class Outcome(Model):
    """What was agreed or decided: the refund (0 for the seller) and whether the item
    goes back first."""

    kind: OutcomeKind
    refund: Money
    return_item: bool
    at: Moment
    by: Actor


class Dispute(Model):
    order_id: str = Field(pattern=r"^[0-9]{8,20}$")
    state: DisputeState
    ground: DisputeGround
    request_type: RequestType
    amount: Money
    """What the buyer asks back: at most what was paid; all of it for a return."""
    description: str = Field(min_length=1, max_length=DESCRIPTION_MAX_LENGTH)
    evidence: list[str] = Field(default_factory=list, max_length=EVIDENCE_MAX_FILES)
    """File names the buyer attached; names only, the app never reads a file."""
    opened_at: Moment
    requested_at: Moment
    """When the current request was made (opened, or last changed): the seller's time
    to answer runs from here."""
    counter: CounterProposal | None = None
    buyer_standing: Standing = Standing.GOOD
    """The buyer's record when the dispute was opened: cancellations and disputes in the
    reputation window (`tui.domain.reputation.dispute_standing`). A warned buyer or worse
    loses a tie at the platform (`tui.domain.dispute_desk.weigh`)."""
    escalated_at: Moment | None = None
    outcome: Outcome | None = None
    return_tracking: str = Field(default="", max_length=TRACKING_MAX_LENGTH)
    return_shipped_at: Moment | None = None
    ended_at: Moment | None = None

    @field_validator("evidence")
    @classmethod
    def _file_names(cls, names: list[str]) -> list[str]:
        for name in names:
            if evidence_name_problem(name) is not None:
                raise ValueError(f"evidence {name[:40]!r} is not a plain file name")
        if len(set(names)) != len(names):
            raise ValueError("an evidence file is named twice")
        return names

    @field_validator("return_tracking")
    @classmethod
    def _tracking(cls, number: str) -> str:
        if number and tracking_problem(number) is not None:
            raise ValueError(f"{number[:40]!r} is not a tracking number")
        return number

    @model_validator(mode="after")
    def _consistent(self) -> Dispute:
        if self.requested_at < self.opened_at:
            raise ValueError("requested_at must not be before opened_at")
        if self.amount.minor < 1:
            raise ValueError("the amount asked must be more than nothing")
        if self.request_type is RequestType.RETURN_AND_REFUND and not self.ground.allows_return:
            raise ValueError("an item not received can't be returned")
        if (self.ended_at is not None) != self.state.is_final:
            raise ValueError("a dispute has ended_at exactly when it is final")
        if self.state is DisputeState.SELLER_REJECTED and self.counter is None:
            raise ValueError("a rejected request needs the seller's counter-proposal")
        if self.state is DisputeState.ESCALATED and self.escalated_at is None:
            raise ValueError("an escalated dispute needs escalated_at")
        settled = self.state in (
            DisputeState.AWAITING_RETURN,
            DisputeState.RETURN_SHIPPED,
            DisputeState.REFUNDED,
            DisputeState.CLOSED_FOR_SELLER,
        )
        if settled != (self.outcome is not None):
            raise ValueError(f"a dispute that is {self.state.value} has the wrong outcome")
        if self.state is DisputeState.REFUNDED and self.outcome and self.outcome.refund.minor < 1:
            raise ValueError("a refunded dispute refunds more than nothing")
        if self.state is DisputeState.RETURN_SHIPPED and not self.return_tracking:
            raise ValueError("a shipped return needs its tracking number")
        if (self.return_shipped_at is None) != (not self.return_tracking):
            raise ValueError("return_tracking and return_shipped_at go together")
        return self

    @property
    def is_open(self) -> bool:
        return not self.state.is_final

    @property
    def refunded(self) -> Money | None:
        """What went back to the buyer, once refunded (a return not sent gets nothing)."""
        if self.state is not DisputeState.REFUNDED or self.outcome is None:
            return None
        return self.outcome.refund
