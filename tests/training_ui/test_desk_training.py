"""A desk scenario in `cancel-order train`: the desk under the training bar at its smallest
size (80×20), in Kiswahili, and the training keys from its pages, the search box's focus
included (a focused box must not take F-keys as typing); Escape goes back each time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Input

from tests.training_ui.helpers import begin, make_training_app, wait_for
from tui.screens.desk.order import DeskOrderScreen
from tui.screens.desk.search import DeskSearchScreen
from tui.screens.too_small import TooSmallScreen
from tui.screens.training.answer import AnswerScreen
from tui.screens.training.brief import BriefScreen
from tui.screens.training.finish_confirm import FinishConfirmScreen
from tui.screens.training.hint_confirm import HintConfirmScreen
from tui.widgets.desk_strip import DeskStrip
from tui.widgets.training_bar import TrainingBar


def assert_bar_over_the_desk(pilot: Pilot[Any]) -> None:
    """The bar on the first line, the desk's strip under it, and the key bar last."""
    screen = pilot.app.screen
    bar = screen.query_one(TrainingBar).region
    strip = screen.query_one(DeskStrip).region
    assert (bar.y, bar.height, strip.y) == (0, 1, 1)
    assert bar.width == pilot.app.size.width


async def key_and_back(pilot: Pilot[Any], key: str, shown: type, page: type) -> None:
    """``key`` opens ``shown`` over the page; Escape goes back to the page as it was."""
    focused = pilot.app.screen.focused
    await pilot.press(key)
    await wait_for(pilot, shown)
    await pilot.press("escape")
    await wait_for(pilot, page)
    await pilot.pause()
    assert pilot.app.screen.focused is focused


@pytest.mark.slow
async def test_training_keys_on_the_desk_at_80_by_20_in_swahili(tmp_path: Path) -> None:
    app = make_training_app(tmp_path, "refund-card-wallet", language="sw")
    async with app.run_test(size=(80, 20)) as pilot:
        await begin(pilot)
        assert app.current_mode == "desk"
        assert isinstance(app.screen, DeskSearchScreen)
        assert_bar_over_the_desk(pilot)
        box = app.screen.query_one("#desk-query", Input)
        assert box.has_focus
        await pilot.press(*"9216")
        for key, shown in (
            ("f5", BriefScreen),
            ("f1", HintConfirmScreen),
            ("f6", AnswerScreen),
            ("f9", FinishConfirmScreen),
        ):
            await key_and_back(pilot, key, shown, DeskSearchScreen)
        assert box.value == "9216"  # no key was typed into the box
        await pilot.press("f5")  # F5 again closes the brief, as Escape does
        await wait_for(pilot, BriefScreen)
        await pilot.press("f5")
        await wait_for(pilot, DeskSearchScreen)
        await pilot.press("enter")  # the one order found
        page = await wait_for(pilot, DeskOrderScreen)
        await pilot.pause()
        assert_bar_over_the_desk(pilot)
        for button in page.query(Button):  # the page's actions show whole, under the bar
            assert button.region.y == 3 and button.region.right <= 80
        assert page.query_one("#desk-page").region.height >= 12
        for key, shown in (("f6", AnswerScreen), ("f1", HintConfirmScreen)):
            await key_and_back(pilot, key, shown, DeskOrderScreen)
        await pilot.press("escape")
        await wait_for(pilot, DeskSearchScreen)
        await pilot.resize_terminal(80, 19)  # below the desk's least size
        await wait_for(pilot, TooSmallScreen)
        await pilot.resize_terminal(80, 20)
        await wait_for(pilot, DeskSearchScreen)
        assert app.attempt is not None and app.attempt.hints_used == 0
