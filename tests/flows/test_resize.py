"""A resize to the size a page is laid out at changes nothing; a real one lays it out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import events
from textual.geometry import Size

from tests.flows.helpers import make_app


async def test_a_resize_to_the_same_size_lays_nothing_out(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        page: Any = app.screen
        layouts: list[Size | None] = []
        lay_out = page._refresh_layout
        page._refresh_layout = lambda size=None, scroll=False: (
            layouts.append(size),
            lay_out(size, scroll),
        )
        page.post_message(events.Resize(Size(100, 30), Size(100, 30)))
        await pilot.pause()
        assert layouts == []
        await pilot.resize_terminal(50, 24)
        await pilot.pause()
        assert Size(50, 24) in layouts
        assert page._compositor.size == Size(50, 24)
        assert "-narrow" in page.classes and "-wide" not in page.classes
