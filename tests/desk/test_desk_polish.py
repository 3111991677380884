"""The desk as an agent works it: the dialogs in the middle of the screen with their buttons
in sight down to the desk's smallest size, the table redrawn across 100 columns, the page
scrolled from the keys, and the focus back where it was after a dialog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import Button, DataTable

from tests.conftest import PAID_ORDER
from tests.desk.test_desk_flow import results, search, shown_order
from tests.flows.helpers import make_app, stored_events
from tui.screens.desk.note import DeskNoteDialog
from tui.screens.desk.reply import DeskReplyDialog
from tui.screens.desk.search import DeskSearchScreen


def columns(pilot: Pilot[Any]) -> list[str]:
    table = pilot.app.screen.query_one("#desk-results", DataTable)
    return [str(column.value) for column in table.columns]


async def open_paid_order(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await search(pilot, PAID_ORDER[-5:])
    await pilot.press("enter")
    await pilot.pause()
    assert shown_order(pilot) == PAID_ORDER


def assert_centred_and_whole(pilot: Pilot[Any]) -> None:
    """The dialog's box is in the middle of the screen (above the key bar), and all of it
    shows: its buttons are inside the terminal."""
    screen = pilot.app.screen
    box = screen.query_one("#desk-dialog").region
    width, height = pilot.app.size
    assert abs(box.x - (width - box.right)) <= 1
    assert abs(box.y - (height - 1 - box.bottom)) <= 1
    for button in screen.query(Button):
        assert button.region.bottom <= height - 1 and button.region.height == 1


@pytest.mark.slow
async def test_dialogs_are_centred_and_whole_down_to_80_by_20(db_path: Path) -> None:
    app = make_app(db_path, "sw", "desk")
    for size in ((100, 30), (80, 20)):
        async with app.run_test(size=size) as pilot:
            await open_paid_order(pilot)
            for key, dialog in (("r", DeskReplyDialog), ("n", DeskNoteDialog)):
                await pilot.press(key)
                await pilot.pause()
                assert isinstance(app.screen, dialog)
                assert_centred_and_whole(pilot)
                await pilot.press("escape")
                await pilot.pause()
        app = make_app(db_path, "sw", "desk")


async def test_the_table_follows_the_terminal_across_100_columns(db_path: Path) -> None:
    app = make_app(db_path, "en", "desk")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "phone" in columns(pilot)
        await pilot.press("down", "down", "down")  # the cursor on the third order
        chosen = results(pilot)[2]
        await pilot.resize_terminal(90, 30)
        await pilot.pause()
        assert "phone" not in columns(pilot)
        assert len(results(pilot)) == 30
        table = app.screen.query_one("#desk-results", DataTable)
        assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == chosen
        await pilot.press("enter")  # the order the cursor stayed on
        await pilot.pause()
        assert shown_order(pilot) == chosen
        await pilot.resize_terminal(100, 30)  # while the search is underneath
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DeskSearchScreen)
        assert "phone" in columns(pilot)


@pytest.mark.slow
async def test_the_page_scrolls_from_the_keys_and_the_focus_comes_back(db_path: Path) -> None:
    app = make_app(db_path, "en", "desk")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_paid_order(pilot)
        page = app.screen.query_one("#desk-page", VerticalScroll)
        assert app.screen.focused is app.screen.query_one("#desk-reply")
        await pilot.press("pagedown")
        await pilot.pause(0.3)
        assert page.scroll_y > 0
        await pilot.press("home")
        await pilot.pause(0.3)
        assert page.scroll_y == 0
        await pilot.press("down")
        await pilot.pause(0.3)
        assert page.scroll_y > 0
        await pilot.press("n", *"Rang", "ctrl+s")  # a note, saved: the page is redrawn
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.focused is app.screen.query_one("#desk-reply")
        await pilot.click("#desk-note")  # by mouse, closed without saving
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.focused is app.screen.query_one("#desk-note")
    assert [e["note"] for e in stored_events(db_path, PAID_ORDER) if e["kind"] == "agent_note"] == [
        "Rang"
    ]


async def test_a_search_finding_thousands_shows_the_first_rows_and_says_so(
    tmp_path: Path,
) -> None:
    """3,000 orders all match a name: the table holds the first `SHOWN` of them in the order
    chosen (built in a blink, not seconds), and the count line says there are more."""
    from benchmarks.datasets import write_dataset
    from tui.screens.desk.search import SHOWN
    from tui.service import open_service

    path = write_dataset(tmp_path, 3000)
    app = make_app(path, "en", "desk")
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await search(pilot, "amina")
        table = pilot.app.screen.query_one("#desk-results", DataTable)
        assert table.row_count == SHOWN
        count = str(pilot.app.screen.query_one("#desk-count").render())
        assert count.startswith("3000 orders") and f"the first {SHOWN} shown" in count
        service = open_service(path)
        newest = max(f.order.placed_at for f in service.find_orders("amina"))
        first = str(table.coordinate_to_cell_key((0, 0)).row_key.value)
        assert service.order(first).placed_at == newest  # sorted first, then cut
        service.close()
