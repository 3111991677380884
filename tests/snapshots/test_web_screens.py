"""Snapshots of every website-flow screen and dialog, in both languages, at 100×30.

Plus the small-terminal layouts: 80×24 (no sidebar) and 50×24 (cards stacked).
Update after a deliberate visual change with `pytest tests/snapshots --snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tests.conftest import PAID_ORDER, PENDING_ORDER, SHIPPED_ORDER
from tests.flows.web_helpers import choose_web_reason, make_web_app, open_more, open_web_tab
from tui.domain.reasons import CancelReason
from tui.domain.status import OrderTab

SIZE = (100, 30)
Steps = Callable[[Pilot[Any]], Awaitable[None]]


async def freeze(pilot: Pilot[Any]) -> None:
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


async def orders(pilot: Pilot[Any]) -> None:
    await open_web_tab(pilot, OrderTab.ALL)
    await freeze(pilot)


async def to_ship(pilot: Pilot[Any]) -> None:
    await open_web_tab(pilot, OrderTab.TO_SHIP)
    await freeze(pilot)


async def menu(pilot: Pilot[Any]) -> None:
    await open_more(pilot, OrderTab.TO_SHIP, PAID_ORDER)
    await freeze(pilot)


async def pending_menu(pilot: Pilot[Any]) -> None:
    await open_more(pilot, OrderTab.TO_SHIP, PENDING_ORDER)
    await freeze(pilot)


async def shipped_menu(pilot: Pilot[Any]) -> None:
    await open_more(pilot, OrderTab.SHIPPED, SHIPPED_ORDER)
    await freeze(pilot)


async def dialog(pilot: Pilot[Any]) -> None:
    await open_more(pilot, OrderTab.TO_SHIP, PAID_ORDER)
    await pilot.press("enter")
    await freeze(pilot)


async def dropdown(pilot: Pilot[Any]) -> None:
    await dialog(pilot)
    await pilot.press("enter", "down")
    await freeze(pilot)


async def warning(pilot: Pilot[Any]) -> None:
    await dialog(pilot)
    await choose_web_reason(pilot, CancelReason.SHIPPING_TOO_LONG)
    await freeze(pilot)


async def result(pilot: Pilot[Any]) -> None:
    await dialog(pilot)
    await choose_web_reason(pilot, CancelReason.NO_LONGER_NEEDED)
    await pilot.press("ctrl+s")
    await freeze(pilot)


STEPS: dict[str, Steps] = {
    "orders": orders,
    "to_ship": to_ship,
    "menu": menu,
    "pending_menu": pending_menu,
    "shipped_menu": shipped_menu,
    "dialog": dialog,
    "dropdown": dropdown,
    "warning": warning,
    "result": result,
}


@pytest.mark.parametrize("language", ["en", "sw"])
@pytest.mark.parametrize("step", STEPS)
def test_web_screen(snap_compare: Any, db_path: Path, step: str, language: str) -> None:
    app = make_web_app(db_path, language)
    assert snap_compare(app, terminal_size=SIZE, run_before=STEPS[step])


SMALL = [
    ("to_ship", (80, 24)),
    ("warning", (80, 24)),
    ("result", (80, 24)),
    ("to_ship", (70, 16)),  # the smallest the website is shown at (below: a note)
    ("menu", (70, 16)),
]


@pytest.mark.parametrize(("step", "size"), SMALL, ids=[f"{s}-{w}x{h}" for s, (w, h) in SMALL])
def test_web_small_terminal(
    snap_compare: Any, db_path: Path, step: str, size: tuple[int, int]
) -> None:
    app = make_web_app(db_path, "en")
    assert snap_compare(app, terminal_size=size, run_before=STEPS[step])
