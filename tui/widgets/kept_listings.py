"""An option list's contents kept per sequence of orders, so going back to a tab reuses them.

`OptionList` keeps its options in a list, two maps (id → option, option → place) and the
lines each option takes. Filling them for 10,000 orders takes ~30 ms, on every change of
tab: All → To ship → All filled All twice. A `Listing` is those four for one sequence; the
list shows one, and keeps the last few. The service hands out the same sequence object for a
tab while no order changed, so "the same object" is the test for "the same listing".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from textual.widgets.option_list import Option

from tui.domain.models import Order
from tui.widgets.card_lines import CardLines

KEPT = 6
"""Listings kept besides the one shown: one per tab, and one to spare."""


@dataclass
class Listing:
    """What an `OptionList` shows for one sequence of orders (its own objects, never shared)."""

    orders: Sequence[Order]
    options: list[Option] = field(default_factory=list)
    by_id: dict[str, Option] = field(default_factory=dict)
    places: dict[Option, int] = field(default_factory=dict)
    lines: CardLines = field(default_factory=CardLines)
    size_generation: int = 0
    """The list's size when `lines` were measured (lines depend on the width)."""


def same_places(before: Sequence[Order], after: Sequence[Order]) -> bool:
    """The same orders (by number) in the same places."""
    return len(before) == len(after) and all(
        old.id == new.id for old, new in zip(before, after, strict=True)
    )


class KeptListings:
    """The last `KEPT` listings, most recently shown last."""

    def __init__(self) -> None:
        self._kept: list[Listing] = []

    def take(self, orders: Sequence[Order]) -> Listing | None:
        """The listing kept for this very sequence, removed from the kept ones."""
        for index, listing in enumerate(self._kept):
            if listing.orders is orders:
                return self._kept.pop(index)
        return None

    def take_same_places(self, orders: Sequence[Order]) -> Listing | None:
        """A listing kept for the same orders in the same places (some may have changed
        since: after a cancel every tab gets a new sequence), removed from the kept ones."""
        for index, listing in enumerate(self._kept):
            if same_places(listing.orders, orders):
                return self._kept.pop(index)
        return None

    def holds(self, orders: Sequence[Order]) -> bool:
        return any(listing.orders is orders for listing in self._kept)

    def keep(self, listing: Listing) -> None:
        self._kept.append(listing)
        del self._kept[:-KEPT]

    def clear(self) -> None:
        self._kept.clear()
