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
    parts += [
        order_list.drawn_text(order_id)
        for order_list in screen.query(OrderList)
        for order_id in order_list.order_ids
    ]
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


SIZES = [
    (40, 12),
    pytest.param(48, 14, marks=pytest.mark.slow),
    pytest.param(59, 20, marks=pytest.mark.slow),
    pytest.param(60, 20, marks=pytest.mark.slow),
    pytest.param(80, 24, marks=pytest.mark.slow),
    pytest.param(100, 30, marks=pytest.mark.slow),
    pytest.param(250, 70, marks=pytest.mark.slow),
]


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


@pytest.mark.slow
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


CONTROLS = [
    "\x1b]2;pwned\x07Title",  # retitles the terminal
    "\x1b[2JBlank",  # clears the screen
    "Bell\x07\x08\x7f",
    "C1\x9b31m red",
]


def control_db(db_path: Path) -> Path:
    """Control characters in every kind of text the data holds."""
    data = json.loads(db_path.read_text())
    data["buyer"]["1"]["name"] = "Amina \x1b]2;x\x07Juma"
    for number, store in data["stores"].items():
        store["name"] = CONTROLS[int(number) % len(CONTROLS)] + " Store"
    for number, order in data["orders"].items():
        for item in order["items"]:
            item["title"] = CONTROLS[int(number) % len(CONTROLS)]
            item["variant"] = "\x1b[31mred\x1b[0m"
        order["address"]["recipient"] = "\x1b[2JAmina"
        if order.get("cancellation"):
            order["cancellation"]["note"] = "note\x1b]2;t\x07"
            order["cancellation"]["seller_message"] = "msg\x1b[2J"
    db_path.write_text(json.dumps(data, ensure_ascii=False))
    return db_path


@pytest.mark.parametrize("every", [pytest.param(False), pytest.param(True, marks=pytest.mark.slow)])
async def test_control_characters_from_the_data_never_reach_the_terminal(
    db_path: Path, every: bool
) -> None:
    """Every screen that draws data, in the three views: what is drawn holds no control
    character, and shows each one as a visible symbol instead (␛ for ESC). The default run
    opens every sixth order's page in the app and the desk (each control string still
    shows); `-m slow` opens all, in the website too."""
    from tests.flows.helpers import screen_text
    from tests.flows.web_helpers import make_web_app
    from tui.app import CancelOrderApp
    from tui.flow import Flow
    from tui.i18n import Language
    from tui.screens.desk.order import DeskOrderScreen
    from tui.screens.trainer import TrainerScreen
    from tui.text import has_control

    path = control_db(db_path)
    desk = CancelOrderApp(path, Language.ENGLISH, Flow.DESK)
    apps = (
        (make_app(path, "en"), make_web_app(path, "en"), desk)
        if every
        else (make_app(path, "en"), desk)
    )
    for app in apps:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            seen = [screen_text(app.screen)]
            if app.flow is Flow.APP:
                await pilot.press("o")
                await pilot.pause()
                seen.append(visible_text(pilot))
            orders = sorted(app.service.repository.orders)
            for order_id in orders if every else orders[::6]:
                page = DeskOrderScreen(order_id) if app is desk else OrderDetailsScreen(order_id)
                app.push_screen(page)
                await pilot.pause()
                seen.append(screen_text(app.screen))
                app.pop_screen()
            app.push_screen(TrainerScreen())
            await pilot.pause()
            seen.append(screen_text(app.screen))
            shown = "\n".join(seen)
            assert not has_control(shown.replace("\n", ""))
            assert "␛" in shown and "Title" in shown and "Blank" in shown
