"""Snapshots of the states the other snapshot files leave out, in both languages at 100×30.

An unpaid order (cancelled at once: its confirmation, result and website dialog), a pending
request's details, the reason sheet refusing "Other" without a note, and the too-small
notice. Textual's own command palette is not ours to snapshot.
Update after a deliberate visual change with `pytest tests/snapshots --snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.conftest import PAID_ORDER, PENDING_ORDER, UNPAID_ORDER
from tests.flows.helpers import make_app, open_order_from_profile
from tests.flows.web_helpers import make_web_app, open_more
from tests.snapshots.languages import ENGLISH_FIRST
from tests.snapshots.test_screens import SIZE, Steps, freeze
from tui.domain.status import OrderTab

LANGUAGES = ENGLISH_FIRST


async def unpaid_confirm(pilot: Pilot[Any]) -> None:
    await open_order_from_profile(pilot, "to_pay", UNPAID_ORDER)
    await pilot.press("c")
    await pilot.pause()
    await pilot.press("enter", "ctrl+s")
    await freeze(pilot)


async def unpaid_result(pilot: Pilot[Any]) -> None:
    await unpaid_confirm(pilot)
    await pilot.press("enter")
    await freeze(pilot)


async def pending_details(pilot: Pilot[Any]) -> None:
    await open_order_from_profile(pilot, "to_ship", PENDING_ORDER)
    await freeze(pilot)


async def note_required(pilot: Pilot[Any]) -> None:
    await open_order_from_profile(pilot, "to_ship", PAID_ORDER)
    await pilot.press("c")
    await pilot.pause()
    await pilot.press("end", "enter", "ctrl+s")  # "Other", and no note written
    await freeze(pilot)


APP_STEPS: dict[str, Steps] = {
    "unpaid_confirm": unpaid_confirm,
    "unpaid_result": unpaid_result,
    "pending_details": pending_details,
    "note_required": note_required,
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("step", APP_STEPS)
def test_app_screen(snap_compare: Any, db_path: Path, step: str, language: str) -> None:
    app = make_app(db_path, language)
    assert snap_compare(app, terminal_size=SIZE, run_before=APP_STEPS[step])


async def web_unpaid_dialog(pilot: Pilot[Any]) -> None:
    await open_more(pilot, OrderTab.TO_PAY, UNPAID_ORDER)
    await pilot.press("enter")
    await freeze(pilot)


@pytest.mark.parametrize("language", LANGUAGES)
def test_web_unpaid_dialog(snap_compare: Any, db_path: Path, language: str) -> None:
    app = make_web_app(db_path, language)
    assert snap_compare(app, terminal_size=SIZE, run_before=web_unpaid_dialog)


@pytest.mark.parametrize(("language", "flow"), [("en", "app"), ("sw", "web")])
def test_too_small_notice(snap_compare: Any, db_path: Path, language: str, flow: str) -> None:
    app = make_app(db_path, language, flow)
    assert snap_compare(app, terminal_size=(38, 11), run_before=freeze)
