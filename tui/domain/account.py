"""The Account page's facts, worked out from the state by the rules."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from tui.domain.kinds import MemberLevel
from tui.domain.models import Buyer, Order, Refund
from tui.domain.money import Money
from tui.domain.reputation import Reputation
from tui.domain.settings import Settings
from tui.domain.status import OrderTab


@dataclass(frozen=True)
class Thresholds:
    """The cancellation counts that warn, restrict and block the buyer (settings)."""

    warn: int
    restrict: int
    block: int

    @classmethod
    def of(cls, settings: Settings) -> Thresholds:
        return cls(
            settings.reputation_warn_at,
            settings.reputation_restrict_at,
            settings.reputation_block_at,
        )


@dataclass(frozen=True)
class AccountSummary:
    """What Account shows: who, the wallet, orders per tab, the standing, the refunds."""

    name: str
    initials: str
    member_level: MemberLevel
    wallet: Money
    counts: dict[OrderTab, int]
    """Orders per tab, ALL included."""
    reputation: Reputation
    thresholds: Thresholds
    refunds: tuple[Refund, ...]
    """Newest first."""


def tab_counts(orders: Iterable[Order]) -> dict[OrderTab, int]:
    """Orders per tab (one `tab` each, one pass), and ALL."""
    by_tab = Counter(order.tab for order in orders)
    counts = {tab: by_tab[tab] for tab in OrderTab}
    counts[OrderTab.ALL] = sum(by_tab.values())
    return counts


def newest_refunds(refunds: Iterable[Refund]) -> list[Refund]:
    return sorted(refunds, key=lambda refund: refund.created_at, reverse=True)


def account_summary(
    buyer: Buyer,
    counts: dict[OrderTab, int],
    found: Reputation,
    refunds: Iterable[Refund],
    settings: Settings,
) -> AccountSummary:
    """The facts from parts already worked out (the service keeps them between pages)."""
    return AccountSummary(
        name=buyer.name,
        initials=buyer.initials,
        member_level=buyer.member_level,
        wallet=buyer.wallet,
        counts=dict(counts),
        reputation=found,
        thresholds=Thresholds.of(settings),
        refunds=tuple(refunds),
    )
