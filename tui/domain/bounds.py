"""The limits every stored value stays within, so that nothing the rules compute from a
valid file can overflow later: times, amounts of money and counts.

A file holding a value outside them is refused when it is loaded, with the store's
one-line error naming table, document and field (docs/data-format.md lists them).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from pydantic import AwareDatetime, Field

EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(9000, 1, 1, tzinfo=UTC)
"""Every stored time lies in [EARLIEST, LATEST). A deadline is at most a few hundred days
from a stored time, and the reputation window looks back at most a year: with ~1000 years
to spare on either side of Python's `datetime` range, no date the rules compute overflows.
The simulated clock never moves past LATEST (`tui.domain.clock`)."""

MONEY_MAX = 10**12
"""The most minor units any amount may hold (10,000,000,000.00 in a two-decimal currency):
far above any order, and ~9,000 times below the 2**53 that JSON readers keep exactly."""

COUNT_MAX = 10**9
"""The most a stored count (followers, seller-fault cancellations, reports) may hold; the
rules stop counting there rather than write a number the next load would refuse."""


Moment = Annotated[AwareDatetime, Field(ge=EARLIEST, lt=LATEST)]
"""A stored time: with its time zone (a time without one is refused, in every table), and
within [EARLIEST, LATEST) — checked by pydantic-core itself, offsets and all (a Python
validator per time cost ~50 ms at 10,000 orders)."""


def counted(count: int) -> int:
    """``count`` plus one, stopping at `COUNT_MAX`."""
    return min(count + 1, COUNT_MAX)
