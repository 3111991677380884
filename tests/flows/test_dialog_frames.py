"""A dialog draws the page under it (dimmed) once when shown, and again only for changes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console, ConsoleOptions, RenderResult
from textual import events
from textual.geometry import Size
from textual.widgets import Static

from tests.conftest import PAID_ORDER
from tests.flows.web_helpers import make_web_app, open_more
from tui.domain.status import OrderTab
from tui.screens.web.order_menu import OrderMenuScreen
from tui.widgets.dimmed import DimmedScreen

SIZE = (100, 30)


@contextmanager
def dimmed_drawings(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The text of every drawing of a page under a dialog."""
    drawn: list[str] = []
    draw = DimmedScreen.__rich_console__

    def recording(self: DimmedScreen, console: Console, options: ConsoleOptions) -> RenderResult:
        segments = list(draw(self, console, options))
        drawn.append("".join(segment.text for segment in segments))
        return segments

    monkeypatch.setattr(DimmedScreen, "__rich_console__", recording)
    yield drawn


async def settle(pilot: Any) -> None:
    for _ in range(4):
        await pilot.pause()


async def test_a_dialog_shown_again_draws_the_page_under_it_once(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pushing a dialog marks the page under it to repaint; the dialog's first frame already
    drew that page, and drawing it again (the whole screen, dimmed) cost ~12 ms a step."""
    app = make_web_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_more(pilot, OrderTab.TO_SHIP, PAID_ORDER)
        await pilot.press("escape")  # the menu is kept; the next showings refill it
        await settle(pilot)
        with dimmed_drawings(monkeypatch) as drawn:
            await pilot.press("m")
            await settle(pilot)
            assert isinstance(app.screen, OrderMenuScreen)
            assert len(drawn) == 1


async def test_a_change_under_a_dialog_still_shows_through_it(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_web_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_more(pilot, OrderTab.TO_SHIP, PAID_ORDER)
        await settle(pilot)
        page = app.screen_stack[-2]
        shown = next(s for s in page.query(Static) if s.region.area and s.display)
        with dimmed_drawings(monkeypatch) as drawn:
            shown.update("MARK")
            await settle(pilot)
            assert drawn and "MARK" in drawn[-1]


async def test_the_websites_more_menu_is_built_unseen_once_the_list_is_drawn(
    db_path: Path,
) -> None:
    app = make_web_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.is_screen_installed("kept-OrderMenuScreen")
        menu = app.get_screen("kept-OrderMenuScreen")
        assert menu.is_mounted and menu not in app.screen_stack, "built, not shown"
        page = await open_more(pilot, OrderTab.TO_SHIP, PAID_ORDER)
        assert page is menu and menu.order_id == PAID_ORDER


async def test_a_drop_down_opened_again_keeps_its_drawn_options(db_path: Path) -> None:
    """Shown, the list is resized to the width it was just drawn at: Textual threw its drawn
    options away then (one more frame of the whole list). Only a new width redraws them."""
    from textual.widgets import Select

    from tui.widgets.dropdown import DropdownList

    app = make_web_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_more(pilot, OrderTab.TO_SHIP, PAID_ORDER)
        await pilot.press("enter")  # Cancel order request
        await settle(pilot)
        select = app.screen.query_one("#web-reason", Select)
        overlay = select.query_one(DropdownList)
        cleared: list[bool] = []
        clear = overlay._clear_caches
        for opening in range(2):
            if opening:  # the first opening draws the options: count from the second
                overlay._clear_caches = lambda: (cleared.append(True), clear())  # type: ignore[method-assign]
            select.focus()
            await pilot.press("enter")  # open the list
            await settle(pilot)
            assert select.expanded and overlay._option_render_cache
            await pilot.press("escape")
            await settle(pilot)
        assert cleared == [], "the second opening redrew nothing"
        width = overlay.size.width
        overlay.post_message(events.Resize(Size(width + 4, 10), Size(width + 4, 10)))
        await settle(pilot)
        assert cleared, "a new width draws the options again"
