"""Starting from the glance: Account is drawn before the models load, and looks the same."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.flows.helpers import make_app
from tests.flows.helpers import press_and_settle as go
from tui.app import CancelOrderApp
from tui.screens.orders import OrdersScreen
from tui.screens.profile import ProfileScreen
from tui.store.glance_file import FirstPage, first_page_of, with_glance, without_glance
from tui.widgets.section_entry import OrderSectionEntry

SIZE = (100, 30)


def counts(app: CancelOrderApp) -> dict[str, int | None]:
    return {entry.tab.value: entry.count for entry in app.screen.query(OrderSectionEntry)}


async def account_drawn(app: CancelOrderApp) -> list[str]:
    """Account as drawn: each cell's text and style."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        strips = app.screen._compositor.render_strips()
        return [repr([(seg.text, str(seg.style)) for seg in strip]) for strip in strips]


def rewrite_glance(path: Path, change: dict[str, object]) -> None:
    """Give ``path`` a glance saying something else, with a digest that matches."""
    data = path.read_bytes()
    first = first_page_of(data)
    assert first is not None
    account = {**first.account.to_json(), **change}
    changed = FirstPage(first.language, first.flow, type(first.account).from_json(account))
    path.write_bytes(with_glance(without_glance(data), changed))


async def test_the_demo_starts_from_its_glance_and_loads_after_the_first_frame(
    db_path: Path,
) -> None:
    app = make_app(db_path, "en")
    assert app._service is None  # nothing loaded yet
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app._service is not None  # loaded once Account was drawn
        assert counts(app) == {"all": None, "to_pay": 2, "to_ship": 7, "shipped": 3, "to_review": 2}
        await go(pilot, "enter")  # and the rest works as ever
        assert isinstance(app.screen, OrdersScreen)


async def test_account_looks_the_same_with_or_without_a_glance(
    db_path: Path, tmp_path: Path
) -> None:
    plain = tmp_path / "plain.json"
    plain.write_bytes(without_glance(db_path.read_bytes()))
    without = make_app(plain, "sw")
    assert without._service is not None  # no glance: loaded first, as always
    # Drawn from the glance, with only Account's styles read before it: the same cells,
    # the same colours, as with every page's styles and the file loaded first.
    assert await account_drawn(make_app(db_path, "sw")) == await account_drawn(without)


async def test_account_is_redrawn_when_the_rules_say_otherwise(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    every = {"all": 17, "to_pay": 2, "to_ship": 99, "shipped": 3, "to_review": 2}
    rewrite_glance(db_path, {"counts": every})
    load = CancelOrderApp._load_after_first_frame
    monkeypatch.setattr(CancelOrderApp, "_load_after_first_frame", lambda app: False)
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert counts(app)["to_ship"] == 99  # what the first frame showed: the glance
        assert app._service is None
        assert load(app)
        await pilot.pause()
        assert counts(app)["to_ship"] == 7  # what the rules say
        assert counts(app)["shipped"] == 3


async def test_the_other_pages_styles_are_read_after_the_first_frame(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(db_path, "en")
    at_start = {Path(path).name for path in app.css_path}
    assert "profile.tcss" in at_start and "orders.tcss" not in at_start
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        read = {str(path[0]).rsplit("/", 1)[-1] for path in app.stylesheet.source}
        assert {"orders.tcss", "order_details.tcss", "trainer.tcss"} <= read


async def test_a_page_opened_before_the_first_frame_is_styled(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A key pressed before `on_ready` (or a test pushing a page) still gets its styles."""
    monkeypatch.setattr(CancelOrderApp, "on_ready", lambda app: None)
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await go(pilot, "enter")  # My orders, its styles not read yet when pressed
        assert isinstance(app.screen, OrdersScreen)
        tabs = app.screen.query_one("Tabs")
        assert tabs.styles.height is not None and tabs.styles.height.value == 2  # orders.tcss


async def test_the_website_loads_before_its_first_page(db_path: Path) -> None:
    app = make_app(db_path, "en", "web")
    assert app._service is not None


def broken_with_glance(path: Path) -> None:
    """A file whose glance matches its bytes, but whose data the models refuse."""
    data = path.read_bytes()
    first = first_page_of(data)
    assert first is not None
    raw = json.loads(without_glance(data))
    raw["orders"]["1"]["status"] = "teleported"
    path.write_bytes(with_glance(json.dumps(raw, indent=1).encode(), first))
    assert first_page_of(path.read_bytes()) == first


async def test_a_file_refused_after_the_first_frame_closes_the_app(db_path: Path) -> None:
    broken_with_glance(db_path)
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
    assert app.load_error is not None
    assert str(db_path) in str(app.load_error) and "order 8197345062114523" in str(app.load_error)
    assert app._service is None


def test_the_command_line_says_why_in_one_line(db_path: Path, tmp_path: Path) -> None:
    broken_with_glance(db_path)
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "TEXTUAL_DRIVER": "textual.drivers.headless_driver:HeadlessDriver",
    }
    done = subprocess.run(
        [sys.executable, "-m", "tui", "--db", str(db_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"cancel-order: error: {db_path}")
    assert "order 8197345062114523" in lines[0]
