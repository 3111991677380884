"""Snapshots of the screens added for the days after a request, in English and Kiswahili.

Update after a deliberate visual change with `pytest tests/snapshots --snapshot-update`,
then review the report (snapshot_report.html) before committing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.conftest import PAID_ORDER, PENDING_ORDER
from tests.flows.helpers import make_app
from tests.snapshots.languages import ENGLISH_FIRST
from tests.snapshots.test_screens import SIZE, Steps, freeze
from tui.screens.order_details import OrderDetailsScreen

CARD_REFUND_ORDER = "8197345062079216"  # closed by the system, card refund processing


async def open_order(pilot: Pilot[Any], order_id: str, *, to_end: bool = False) -> None:
    pilot.app.push_screen(OrderDetailsScreen(order_id))
    await pilot.pause()
    if to_end:
        pilot.app.screen.query_one("#details").scroll_end(animate=False)
    await freeze(pilot)


async def trainer(pilot: Pilot[Any]) -> None:
    await pilot.press("f3")
    await freeze(pilot)


async def trainer_moved(pilot: Pilot[Any]) -> None:
    await pilot.press("f3", "3")
    await freeze(pilot)


async def refuse(pilot: Pilot[Any]) -> None:
    await pilot.press("f3", "r")
    await freeze(pilot)


async def reset(pilot: Pilot[Any]) -> None:
    await pilot.press("f3", "R")
    await freeze(pilot)


async def pending(pilot: Pilot[Any]) -> None:
    await open_order(pilot, PENDING_ORDER)


async def history(pilot: Pilot[Any]) -> None:
    await open_order(pilot, PENDING_ORDER, to_end=True)


async def refund(pilot: Pilot[Any]) -> None:
    await open_order(pilot, CARD_REFUND_ORDER, to_end=True)


async def withdraw(pilot: Pilot[Any]) -> None:
    await open_order(pilot, PENDING_ORDER)
    await pilot.press("w")
    await freeze(pilot)


async def report(pilot: Pilot[Any]) -> None:
    await open_order(pilot, PAID_ORDER)
    await pilot.press("c")
    await pilot.pause()
    await pilot.press(*["down"] * 5, "enter", "ctrl+s", "enter")  # out of stock: seller's fault
    await freeze(pilot)


async def refused(pilot: Pilot[Any]) -> None:
    """The buyer's view after the seller refused: the message on the order."""
    await pilot.press("f3", "r", "enter", "escape")
    await open_order(pilot, PENDING_ORDER, to_end=True)


STEPS: dict[str, Steps] = {
    "trainer": trainer,
    "trainer_moved": trainer_moved,
    "refuse": refuse,
    "reset": reset,
    "pending": pending,
    "history": history,
    "refund": refund,
    "withdraw": withdraw,
    "report": report,
    "refused": refused,
}


@pytest.mark.parametrize("language", ENGLISH_FIRST)
@pytest.mark.parametrize("step", STEPS)
def test_screen(snap_compare: Any, db_path: Path, step: str, language: str) -> None:
    app = make_app(db_path, language)
    assert snap_compare(app, terminal_size=SIZE, run_before=STEPS[step])


def test_blocked_buyer(snap_compare: Any, db_path: Path) -> None:
    data = json.loads(db_path.read_text())
    data["meta"]["1"]["settings"].update(
        reputation_warn_at=1, reputation_restrict_at=2, reputation_block_at=2
    )
    db_path.write_text(json.dumps(data))

    async def blocked(pilot: Pilot[Any]) -> None:
        await open_order(pilot, PAID_ORDER)

    assert snap_compare(make_app(db_path, "en"), terminal_size=SIZE, run_before=blocked)


@pytest.mark.parametrize("step", ["trainer", "trainer_moved"])
def test_trainer_at_80_by_24(snap_compare: Any, db_path: Path, step: str) -> None:
    app = make_app(db_path, "en")
    assert snap_compare(app, terminal_size=(80, 24), run_before=STEPS[step])
