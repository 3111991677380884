"""Snapshots of the training screens (`cancel-order train`), in English and Kiswahili: the
scenario list, the brief (a hint shown), the desk's answer screen, and a result page.

Update after a deliberate visual change with
`pytest tests/snapshots/test_training_screens.py --snapshot-update -n 0`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.snapshots.languages import ENGLISH_FIRST
from tests.snapshots.test_screens import SIZE, Steps, freeze
from tests.training_ui.helpers import finish, make_training_app, pick, wait_for
from tui.screens.training.brief import BriefScreen


async def scenario_list(pilot: Pilot[Any]) -> None:
    await freeze(pilot)


async def brief(pilot: Pilot[Any]) -> None:
    await wait_for(pilot, BriefScreen)
    await pilot.press("f1", "enter")  # a hint used: it shows in the brief
    await pilot.pause()
    await freeze(pilot)


async def answer(pilot: Pilot[Any]) -> None:
    await wait_for(pilot, BriefScreen)
    await pilot.press("enter", "f6", "down", "space")  # the second statement picked
    await freeze(pilot)


async def result(pilot: Pilot[Any]) -> None:
    await wait_for(pilot, BriefScreen)
    await pilot.press("enter")
    await pick(pilot, {"not-shipped", "card-window", "to-card"})  # the wallet one wrong
    await finish(pilot)
    await freeze(pilot)


STEPS: dict[str, tuple[str | None, Steps]] = {
    "list": (None, scenario_list),
    "brief": ("paid-unshipped-app", brief),
    "answer": ("refund-card-wallet", answer),
    "result": ("refund-card-wallet", result),
}


@pytest.mark.parametrize("language", ENGLISH_FIRST)
@pytest.mark.parametrize("step", STEPS)
def test_training_screen(snap_compare: Any, tmp_path: Path, step: str, language: str) -> None:
    scenario_id, steps = STEPS[step]
    app = make_training_app(tmp_path, scenario_id, language)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps)


@pytest.mark.parametrize("step", ["list", "answer"])
def test_training_at_80_by_24(snap_compare: Any, tmp_path: Path, step: str) -> None:
    scenario_id, steps = STEPS[step]
    app = make_training_app(tmp_path, scenario_id, "sw")
    assert snap_compare(app, terminal_size=(80, 24), run_before=steps)
