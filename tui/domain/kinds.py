"""Plain kinds (enums) shared by the models, the rules and the pages."""

from __future__ import annotations

from enum import StrEnum


class MemberLevel(StrEnum):
    SILVER = "silver"
    GOLD = "gold"
    PLATINUM = "platinum"
    DIAMOND = "diamond"

    @property
    def label_key(self) -> str:
        return f"member.{self.value}"


class RefundMethod(StrEnum):
    """Where the money goes back: where it came from; cash on delivery gets a coupon."""

    CARD = "card"
    WALLET = "wallet"
    COUPON = "coupon"

    @property
    def label_key(self) -> str:
        return f"refund_method.{self.value}"


class RefundStatus(StrEnum):
    PROCESSING = "processing"
    COMPLETED = "completed"

    @property
    def label_key(self) -> str:
        return f"refund_status.{self.value}"


class Standing(StrEnum):
    """The buyer's standing, from better to worse; each level starts at its threshold."""

    GOOD = "good"
    WARNED = "warned"
    RESTRICTED = "restricted"
    BLOCKED = "blocked"

    @property
    def label_key(self) -> str:
        return f"standing.{self.value}"

    @property
    def rank(self) -> int:
        return list(Standing).index(self)


class RequestOutcome(StrEnum):
    """How a cancellation request ended; none (null in the file) while the seller has not
    answered, and only then."""

    AGREED = "agreed"
    REFUSED = "refused"
    NO_ANSWER = "no_answer"
    WITHDRAWN = "withdrawn"
    CANCELLED_AT_ONCE = "cancelled_at_once"
    """Not paid yet, or payment still being verified: cancelled at once, no seller step."""

    @property
    def label_key(self) -> str:
        return f"outcome.{self.value}"

    @property
    def cancelled(self) -> bool:
        """Whether the order was cancelled (the others left it to be shipped)."""
        return self in (
            RequestOutcome.AGREED,
            RequestOutcome.NO_ANSWER,
            RequestOutcome.CANCELLED_AT_ONCE,
        )

    @property
    def counts_against_seller(self) -> bool:
        """Whether a seller-fault reason counts against the store: only when the order was
        cancelled through the seller (agreed, or no answer in time). An order cancelled at
        once never reached the seller (unpaid, or its payment still being verified: the
        seller sees an order only once its payment is verified) — docs/data-format.md."""
        return self in (RequestOutcome.AGREED, RequestOutcome.NO_ANSWER)
