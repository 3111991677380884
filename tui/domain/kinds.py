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
