"""The kinds of deadline an order can wait on, and one deadline: a leaf module, so that the
rules that compute deadlines (`due`, `delivery`, `dispute_due`) can share them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class DeadlineKind(StrEnum):
    """Which countdown an order shows, as the real app shows them.

    The order is also the order in which changes due at the same moment happen (refunds
    come after all of them), so new kinds go at the end.
    """

    PAY = "pay"
    VERIFY = "verify"
    SHIP = "ship"
    RESPOND = "respond"
    CONFIRM = "confirm"
    """Receipt confirms itself (tracking showed delivered a while ago)."""
    PROTECTION = "protection"
    """Buyer protection ends: the order completes."""
    EXTENSION = "extension"
    """The seller's time to answer a request to extend protection."""
    DISPUTE_RESPOND = "dispute_respond"
    """The seller's time to answer a dispute request; silence accepts it."""
    DISPUTE_ESCALATE = "dispute_escalate"
    """No agreement by then: the dispute goes to the platform by itself."""
    DISPUTE_DECIDE = "dispute_decide"
    """The platform's time to decide; then it decides by its rules."""
    RETURN_SHIP = "return_ship"
    """The buyer's time to send the item back; if not, the dispute closes for the seller."""
    RETURN_CONFIRM = "return_confirm"
    """The seller's time to confirm the return arrived; silence counts as arrived."""

    @property
    def label_key(self) -> str:
        return f"countdown.{self.value}"


@dataclass(frozen=True)
class Deadline:
    kind: DeadlineKind
    at: datetime


_RANK = {kind: rank for rank, kind in enumerate(DeadlineKind)}


def earliest(candidates: list[Deadline]) -> Deadline | None:
    """The first of several deadlines; at the same moment, the one of the earlier kind."""
    if len(candidates) < 2:
        return candidates[0] if candidates else None
    return min(candidates, key=lambda d: (d.at, _RANK[d.kind]))
