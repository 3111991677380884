"""The pages' shortcuts (`tui.screens.base.SHORTCUTS`) change how often Textual styles and
lays a page out, never what it shows: every screen of the cancel flow, in both views, draws
the same with them on and off."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import tui.screens.base as base
from tests.conftest import PAID_ORDER
from tests.flows.helpers import make_app, open_order_from_profile
from tests.flows.web_helpers import highlight_order, make_web_app, open_web_tab
from tui.domain.status import OrderTab

RICH_ID = re.compile(r"terminal-\d+-")


def drawn(app: Any) -> str:
    return RICH_ID.sub("terminal-", app.export_screenshot(title="x"))


async def app_walk(db_path: Path) -> list[str]:
    app = make_app(db_path, "en")
    pictures = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pictures.append(drawn(app))
        await open_order_from_profile(pilot, "to_ship", PAID_ORDER)
        pictures.append(drawn(app))
        for keys in (["c"], ["enter", "ctrl+s"]):
            await pilot.press(*keys)
            await pilot.pause()
            pictures.append(drawn(app))
        await pilot.resize_terminal(60, 24)
        await pilot.pause()
        pictures.append(drawn(app))
    return pictures


async def web_walk(db_path: Path) -> list[str]:
    app = make_web_app(db_path, "en")
    pictures = []
    async with app.run_test(size=(120, 35)) as pilot:
        await open_web_tab(pilot, OrderTab.TO_SHIP)
        await highlight_order(pilot, PAID_ORDER)
        pictures.append(drawn(app))
        for keys in (["m"], ["enter"]):
            await pilot.press(*keys)
            await pilot.pause()
            pictures.append(drawn(app))
    return pictures


@pytest.mark.parametrize("walk", [app_walk, web_walk], ids=["app", "web"])
async def test_the_screens_draw_the_same_without_the_shortcuts(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, walk: Any
) -> None:
    plain = tmp_path / "plain.json"
    plain.write_bytes(db_path.read_bytes())
    with_shortcuts = await walk(db_path)
    monkeypatch.setattr(base, "SHORTCUTS", False)
    without = await walk(plain)
    assert len(with_shortcuts) == len(without)
    for number, (one, other) in enumerate(zip(with_shortcuts, without, strict=True)):
        assert one == other, f"picture {number} differs"
