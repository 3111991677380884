"""Every screen, at every size from its view's minimum up, keeps its primary action in view
and its words whole — or shows the too-small notice naming the size it needs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Tabs

from tests.conftest import PAID_ORDER
from tests.flows.helpers import make_app, open_order_from_profile
from tests.flows.web_helpers import highlight_order, make_web_app, open_web_tab
from tui.domain.status import OrderTab
from tui.screens.too_small import TooSmallScreen, minimum_size

SIZES = [
    (40, 12),
    pytest.param(50, 16, marks=pytest.mark.slow),
    pytest.param(60, 20, marks=pytest.mark.slow),
    pytest.param(80, 24, marks=pytest.mark.slow),
    pytest.param(120, 35, marks=pytest.mark.slow),
]
"""The smallest by default; the narrow/wide boundaries, a common terminal and the rest in the
slow run (CI runs both)."""


def buttons_in_view(pilot: Pilot[Any]) -> None:
    """Every button the screen shows lies wholly inside the terminal."""
    screen = pilot.app.screen
    whole = screen.region
    for button in screen.query(Button):
        if button.display and button.visible and button.region.area:
            assert whole.contains_region(button.region), (
                f"{type(screen).__name__}: {button.id} at {button.region} is outside {whole}"
            )


def tabs_whole(pilot: Pilot[Any]) -> None:
    """Every tab label fits: the tab strip is no wider than the space it has."""
    for tabs in pilot.app.screen.query(Tabs):
        strip = tabs.query_one("#tabs-list")
        assert strip.outer_size.width <= tabs.size.width, (
            f"tabs need {strip.outer_size.width} columns, have {tabs.size.width}"
        )


@pytest.mark.parametrize("language", ["en", pytest.param("sw", marks=pytest.mark.slow)])
@pytest.mark.parametrize(("width", "height"), SIZES)
async def test_the_app_flow_at_every_size(
    db_path: Path, language: str, width: int, height: int
) -> None:
    app = make_app(db_path, language)
    async with app.run_test(size=(width, height)) as pilot:
        await pilot.pause()
        assert not isinstance(app.screen, TooSmallScreen)
        await open_order_from_profile(pilot, "to_ship", PAID_ORDER)
        buttons_in_view(pilot)
        await pilot.press("escape")
        await pilot.pause()
        tabs_whole(pilot)
        await pilot.press("enter")
        await pilot.pause()
        for keys in (["c"], ["down", "enter", "ctrl+s"], ["enter"]):  # reason, confirm, result
            await pilot.press(*keys)
            await pilot.pause()
            buttons_in_view(pilot)


@pytest.mark.parametrize("language", ["en", pytest.param("sw", marks=pytest.mark.slow)])
@pytest.mark.parametrize(("width", "height"), SIZES)
async def test_the_website_at_every_size(
    db_path: Path, language: str, width: int, height: int
) -> None:
    app = make_web_app(db_path, language)
    async with app.run_test(size=(width, height)) as pilot:
        await pilot.pause()
        least_width, least_height = minimum_size("web")
        if width < least_width or height < least_height:
            assert isinstance(app.screen, TooSmallScreen)
            return
        assert not isinstance(app.screen, TooSmallScreen)
        tabs_whole(pilot)
        await open_web_tab(pilot, OrderTab.TO_SHIP)
        await highlight_order(pilot, PAID_ORDER)
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("enter")  # Cancel order request
        await pilot.pause()
        buttons_in_view(pilot)


async def test_a_live_resize_keeps_the_cancel_dialogs_buttons_in_view(db_path: Path) -> None:
    app = make_web_app(db_path, "en")
    async with app.run_test(size=(120, 35)) as pilot:
        await open_web_tab(pilot, OrderTab.TO_SHIP)
        await highlight_order(pilot, PAID_ORDER)
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        buttons_in_view(pilot)
        ok = app.screen.query_one("#web-ok", Button)
        assert ok.region.area and app.screen.region.contains_region(ok.region)


async def test_the_too_small_notice_names_the_size_needed(db_path: Path) -> None:
    app = make_web_app(db_path, "en")
    async with app.run_test(size=(50, 14)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        from tests.flows.helpers import screen_text

        assert "70×16" in screen_text(app.screen)
        await pilot.resize_terminal(80, 20)
        await pilot.pause()
        assert not isinstance(app.screen, TooSmallScreen)
