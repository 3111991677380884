"""Data that looks like markup, very long, right-to-left or emoji renders literally and does
nothing; any terminal size from 40×12 to 250×70, and resizing mid-flow, never crashes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Label, Static

from tests.conftest import PAID_ORDER, SHIPPED_ORDER
from tests.flows.helpers import make_app, open_order_from_profile, stored_order
from tui.screens.cancel_result import CancelResultScreen
from tui.screens.order_details import OrderDetailsScreen
from tui.screens.too_small import TooSmallScreen
from tui.widgets.card import Card
from tui.widgets.order_list import OrderList

HOSTILE = [
    "[bold]not bold[/]",
    "[/]",
    "[@click=app.quit]x[/]",
    "[link=https://example.com]link[/link]",
    "مرحبا بالعالم — عربي",
    "🛒📦✨ emoji 👩🏾‍💻",
    "W" * 400,
]


def hostile_db(db_path: Path) -> Path:
    data = json.loads(db_path.read_text())
    data["buyer"]["1"]["name"] = "[b]Amina[/b] 👩🏾 مرحبا"
    for number, store in data["stores"].items():
        store["name"] = HOSTILE[int(number) % len(HOSTILE)] + " Store"
    for number, order in data["orders"].items():
        for index, item in enumerate(order["items"]):
            item["title"] = HOSTILE[(int(number) + index) % len(HOSTILE)]
            item["variant"] = "[red]Colour[/red]: 🟥"
        order["address"]["street"] = "[i]Mtaa[/i] " + "x" * 200
    db_path.write_text(json.dumps(data, ensure_ascii=False))
    return db_path


def visible_text(pilot: Pilot[Any]) -> str:
    screen = pilot.app.screen
    parts = [str(w.render()) for w in screen.query(Static)]
    parts += [str(w.render()) for w in screen.query(Label)]
    parts += [str(card.render()) for card in screen.query(Card)]
    parts += [order_list.drawn_text() for order_list in screen.query(OrderList)]
    return "\n".join(parts)


async def test_markup_like_data_renders_literally(db_path: Path) -> None:
    app = make_app(hostile_db(db_path), "en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "[b]Amina[/b]" in visible_text(pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("left", "left")  # To ship → To pay → All
        await pilot.pause()
        shown = visible_text(pilot)
        for text in HOSTILE[:6]:
            assert text in shown, text
        for order_id in (PAID_ORDER, SHIPPED_ORDER):
            app.push_screen(OrderDetailsScreen(order_id))
            await pilot.pause()
            shown = visible_text(pilot)
            assert "[red]Colour[/red]: 🟥" in shown
            assert "[i]Mtaa[/i]" in shown
            await pilot.click(Static)  # clicking text never runs an action hidden in data
            await pilot.press("escape")
            await pilot.pause()
        assert app.is_running


async def test_hostile_note_is_saved_and_shown_literally(db_path: Path) -> None:
    note = "[@click=app.quit]quit[/] 🚫 لا"
    app = make_app(db_path, "en")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_order_from_profile(pilot, "to_ship", PAID_ORDER)
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.click("#note")
        await pilot.press(*"[@click=app.quit]quit[/]")  # typed: markup characters are keys
        app.screen.query_one("#note", Input).insert_text_at_cursor(" 🚫 لا")  # pasted
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert note in visible_text(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CancelResultScreen)
    assert stored_order(db_path, PAID_ORDER)["cancellation"]["note"] == note


SIZES = [(40, 12), (48, 14), (59, 20), (60, 20), (80, 24), (100, 30), (250, 70)]


@pytest.mark.parametrize(("width", "height"), SIZES)
async def test_whole_flow_at_every_size(db_path: Path, width: int, height: int) -> None:
    app = make_app(hostile_db(db_path), "sw")
    async with app.run_test(size=(width, height)) as pilot:
        assert not isinstance(app.screen, TooSmallScreen)
        await open_order_from_profile(pilot, "to_ship", PAID_ORDER)
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CancelResultScreen)
    assert stored_order(db_path, PAID_ORDER)["status"] == "cancellation_requested"


async def test_resizing_mid_flow(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_order_from_profile(pilot, "to_ship", PAID_ORDER)
        await pilot.press("c")
        await pilot.pause()
        for size in [(250, 70), (30, 8), (39, 30), (100, 11), (45, 13), (52, 24)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            small = size[0] < 40 or size[1] < 12
            assert isinstance(app.screen, TooSmallScreen) == small, size
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CancelResultScreen)
    assert stored_order(db_path, PAID_ORDER)["status"] == "cancellation_requested"
