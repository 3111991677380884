"""Snapshot of each screen of the mobile flow at 100×30 (and one at 52×24, the narrow layout).

Update after a deliberate visual change with `pytest tests/snapshots --snapshot-update`,
then review the report `pytest` writes (snapshot_report.html) before committing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tests.conftest import PAID_ORDER, SHIPPED_ORDER
from tests.flows.helpers import make_app, open_order_from_profile

SIZE = (100, 30)
Steps = Callable[[Pilot[Any]], Awaitable[None]]


async def freeze(pilot: Pilot[Any]) -> None:
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


async def profile(pilot: Pilot[Any]) -> None:
    await freeze(pilot)


async def to_ship(pilot: Pilot[Any]) -> None:
    await pilot.press("enter")
    await freeze(pilot)


async def details(pilot: Pilot[Any]) -> None:
    await open_order_from_profile(pilot, "to_ship", PAID_ORDER)
    await freeze(pilot)


async def reasons(pilot: Pilot[Any]) -> None:
    await open_order_from_profile(pilot, "to_ship", PAID_ORDER)
    await pilot.press("c")
    await pilot.pause()
    await pilot.press(*["down"] * 4, "enter")  # a seller-fault reason: the warning shows
    await freeze(pilot)


async def confirm(pilot: Pilot[Any]) -> None:
    await open_order_from_profile(pilot, "to_ship", PAID_ORDER)
    await pilot.press("c")
    await pilot.pause()
    await pilot.press("enter", "ctrl+s")
    await freeze(pilot)


async def result(pilot: Pilot[Any]) -> None:
    await confirm(pilot)
    await pilot.press("enter")
    await freeze(pilot)


async def shipped(pilot: Pilot[Any]) -> None:
    await open_order_from_profile(pilot, "shipped", SHIPPED_ORDER)
    await freeze(pilot)


STEPS: dict[str, Steps] = {
    "profile": profile,
    "to_ship": to_ship,
    "details": details,
    "reasons": reasons,
    "confirm": confirm,
    "result": result,
    "shipped": shipped,
}


@pytest.mark.parametrize("language", ["en", "sw"])
@pytest.mark.parametrize("step", STEPS)
def test_screen(snap_compare: Any, db_path: Path, step: str, language: str) -> None:
    app = make_app(db_path, language)
    assert snap_compare(app, terminal_size=SIZE, run_before=STEPS[step])


@pytest.mark.parametrize("step", ["profile", "details", "reasons"])
def test_narrow_layout(snap_compare: Any, db_path: Path, step: str) -> None:
    app = make_app(db_path, "en")
    assert snap_compare(app, terminal_size=(52, 24), run_before=STEPS[step])
