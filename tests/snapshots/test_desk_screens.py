"""Snapshots of the support desk (issue 18): the search with results, an order's page and
the reply dialog, in both languages at 100×30, and the order's page at 80×24."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from tests.flows.helpers import make_app
from tests.snapshots.languages import ENGLISH_FIRST

REFUNDED_CARD = "8197345062079216"
Steps = Callable[[Pilot[Any]], Awaitable[None]]


async def freeze(pilot: Pilot[Any]) -> None:
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
    await pilot.pause()


async def search(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.press(*"amina")  # every demo order is Amina's
    await freeze(pilot)


async def order(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.press(*REFUNDED_CARD[-4:], "enter")
    await freeze(pilot)


async def reply(pilot: Pilot[Any]) -> None:
    await order(pilot)
    await pilot.press("r")
    await freeze(pilot)


STEPS: dict[str, Steps] = {"search": search, "order": order, "reply": reply}


@pytest.mark.parametrize("language", ENGLISH_FIRST)
@pytest.mark.parametrize("step", STEPS)
def test_desk_screen(snap_compare: Any, db_path: Path, step: str, language: str) -> None:
    app = make_app(db_path, language, "desk")
    assert snap_compare(app, terminal_size=(100, 30), run_before=STEPS[step])


def test_desk_order_at_80x24(snap_compare: Any, db_path: Path) -> None:
    app = make_app(db_path, "en", "desk")
    assert snap_compare(app, terminal_size=(80, 24), run_before=order)
