"""The app's style sheets (`tui/styles/*.tcss`) and which of them each screen loads.

Textual parses an App's `CSS_PATH` before the first frame (three times over: once, then
again for the first screen and for the theme), and a Screen's own `CSS_PATH` the first time
that screen is shown (a parse of every sheet loaded, and a restyle of every open page). So
the app lists only what its first page and the first key's page (All orders) need, and each
screen what it needs; a sheet already loaded is not read again.

Once loaded, a sheet's rules apply to every screen, and of two equally specific rules the
one loaded later wins. So every screen lists a *leading part* of the one order below
(`through`): whatever was loaded before, the sheets loaded are always a leading part of
`ORDER`, in that order, exactly as when the app listed them all. A screen that lists every
sheet with a rule for its widgets (most list them all: `ALL`) therefore looks the same
whatever was shown before it.

Add a new sheet's name to `ORDER` (at the end: the screens that list a leading part then
keep theirs).
"""

from __future__ import annotations

from pathlib import Path, PurePath

FOLDER = Path(__file__).resolve().parent / "styles"

ORDER = (
    "app",
    "profile",
    "orders",
    "order_details",
    "sheet",
    "result",
    "web",
    "web_dialogs",
    "web_page",
    "trainer",
    "too_small",
    "dispute",
    "training",
    "desk",
)


def through(last: str) -> list[str | PurePath]:
    """The sheets of `ORDER` up to and including ``last``, as paths Textual reads."""
    return [FOLDER / f"{name}.tcss" for name in ORDER[: ORDER.index(last) + 1]]


ALL = through(ORDER[-1])
"""Every sheet: what a screen lists unless it is one of the first pages shown."""
