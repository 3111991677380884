"""What the Account page shows, as plain values, so it can be drawn before the models load.

Account is the first page. Its facts come from the rules like everything else
(`tui.domain.account`); the store also writes the last ones into the data file
(`tui.store.glance_file`), with the digest of what they were worked out from. A start on an
unchanged file draws Account from them at once, and loads and validates the models after
the first frame. Nothing here imports pydantic: that path must not pay for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from tui.domain.kinds import MemberLevel, RefundMethod, RefundStatus, Standing
from tui.domain.status import OrderTab


class Amount(NamedTuple):
    """An amount as shown: minor units of a currency (`Money` has the same two fields)."""

    minor: int
    currency: str


@dataclass(frozen=True)
class Reputation:
    count: int
    """The buyer's cancellations inside the window."""
    standing: Standing
    window_days: int
    lifts_at: datetime | None
    """When enough cancellations leave the window to lift a block (None if not blocked)."""


class Thresholds(NamedTuple):
    """The cancellation counts that warn, restrict and block the buyer (settings)."""

    warn: int
    restrict: int
    block: int


class RefundLine(NamedTuple):
    """One refund as Account lists it (the fields `Refund` has under the same names)."""

    order_id: str
    amount: Amount
    method: RefundMethod
    status: RefundStatus
    expected_from: datetime
    expected_by: datetime
    completed_at: datetime | None


class AccountGlance(NamedTuple):
    name: str
    initials: str
    member_level: MemberLevel
    wallet: Amount
    counts: dict[OrderTab, int]
    """Orders per tab, ALL included."""
    reputation: Reputation
    thresholds: Thresholds
    refunds: tuple[RefundLine, ...]
    """Newest first."""

    def to_json(self) -> dict[str, Any]:
        rep = self.reputation
        return {
            "name": self.name,
            "initials": self.initials,
            "member_level": self.member_level.value,
            "wallet": _amount_json(self.wallet),
            "counts": {tab.value: count for tab, count in self.counts.items()},
            "reputation": {
                "count": rep.count,
                "standing": rep.standing.value,
                "window_days": rep.window_days,
                "lifts_at": _moment_json(rep.lifts_at),
            },
            "thresholds": [self.thresholds.warn, self.thresholds.restrict, self.thresholds.block],
            "refunds": [
                {
                    "order_id": line.order_id,
                    "amount": _amount_json(line.amount),
                    "method": line.method.value,
                    "status": line.status.value,
                    "expected_from": _moment_json(line.expected_from),
                    "expected_by": _moment_json(line.expected_by),
                    "completed_at": _moment_json(line.completed_at),
                }
                for line in self.refunds
            ],
        }

    @classmethod
    def from_json(cls, data: Any) -> AccountGlance:
        """Raises `ValueError` (or `KeyError`, `TypeError`) for anything not written by
        `to_json`; the caller then loads the models instead."""
        rep = data["reputation"]
        warn, restrict, block = (_int(n) for n in data["thresholds"])
        counts = {OrderTab(tab): _int(count) for tab, count in data["counts"].items()}
        if set(counts) != set(OrderTab):
            raise ValueError("a count for every tab")
        return cls(
            name=_str(data["name"]),
            initials=_str(data["initials"]),
            member_level=MemberLevel(data["member_level"]),
            wallet=_amount(data["wallet"]),
            counts=counts,
            reputation=Reputation(
                count=_int(rep["count"]),
                standing=Standing(rep["standing"]),
                window_days=_int(rep["window_days"]),
                lifts_at=_moment_or_none(rep["lifts_at"]),
            ),
            thresholds=Thresholds(warn, restrict, block),
            refunds=tuple(
                RefundLine(
                    order_id=_str(line["order_id"]),
                    amount=_amount(line["amount"]),
                    method=RefundMethod(line["method"]),
                    status=RefundStatus(line["status"]),
                    expected_from=_moment(line["expected_from"]),
                    expected_by=_moment(line["expected_by"]),
                    completed_at=_moment_or_none(line["completed_at"]),
                )
                for line in data["refunds"]
            ),
        )


def _amount_json(amount: Amount) -> list[Any]:
    return [amount.minor, amount.currency]


def _moment_json(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _amount(value: Any) -> Amount:
    minor, currency = value
    return Amount(_int(minor), _str(currency))


def _moment(value: Any) -> datetime:
    moment = datetime.fromisoformat(_str(value))
    if moment.tzinfo is None:
        raise ValueError("a moment without a timezone")
    return moment


def _moment_or_none(value: Any) -> datetime | None:
    return None if value is None else _moment(value)


def _int(value: Any) -> int:
    if type(value) is not int:
        raise TypeError(f"expected a whole number, got {value!r}")
    return value


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {value!r}")
    return value
