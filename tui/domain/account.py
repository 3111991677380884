"""The Account page's facts, worked out from the state by the rules (see `tui.domain.glance`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import datetime

from tui.domain.glance import AccountGlance, Amount, RefundLine, Reputation, Thresholds
from tui.domain.models import Buyer, Event, Order, Refund
from tui.domain.reputation import reputation
from tui.domain.settings import Settings
from tui.domain.status import OrderTab


def tab_counts(orders: Iterable[Order]) -> dict[OrderTab, int]:
    """Orders per tab (one `tab` each, one pass), and ALL."""
    by_tab = Counter(order.tab for order in orders)
    counts = {tab: by_tab[tab] for tab in OrderTab}
    counts[OrderTab.ALL] = sum(by_tab.values())
    return counts


def newest_refunds(refunds: Iterable[Refund]) -> list[Refund]:
    return sorted(refunds, key=lambda refund: refund.created_at, reverse=True)


def account_glance(
    buyer: Buyer,
    counts: Mapping[OrderTab, int],
    found: Reputation,
    refunds: Iterable[Refund],
    settings: Settings,
) -> AccountGlance:
    """The facts from parts already worked out (the service keeps them between pages)."""
    return AccountGlance(
        name=buyer.name,
        initials=buyer.initials,
        member_level=buyer.member_level,
        wallet=Amount(buyer.wallet.minor, buyer.wallet.currency),
        counts=dict(counts),
        reputation=found,
        thresholds=Thresholds(
            settings.reputation_warn_at,
            settings.reputation_restrict_at,
            settings.reputation_block_at,
        ),
        refunds=tuple(
            RefundLine(
                order_id=refund.order_id,
                amount=Amount(refund.amount.minor, refund.amount.currency),
                method=refund.method,
                status=refund.status,
                expected_from=refund.expected_from,
                expected_by=refund.expected_by,
                completed_at=refund.completed_at,
            )
            for refund in refunds
        ),
    )


def glance_of(
    buyer: Buyer,
    orders: Iterable[Order],
    events: Iterable[Event],
    refunds: Iterable[Refund],
    settings: Settings,
    now: datetime,
) -> AccountGlance:
    """The facts of a whole state at ``now``, as the store writes them beside it."""
    return account_glance(
        buyer,
        tab_counts(orders),
        reputation(events, now, settings),
        newest_refunds(refunds),
        settings,
    )
