"""A resize to the size a page is laid out at changes nothing; a real one lays it out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.geometry import Size

from tests.flows.helpers import make_app


async def test_a_resize_lays_the_page_out_for_its_new_width(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        page: Any = app.screen
        assert "-wide" in page.classes
        await pilot.resize_terminal(50, 24)
        await pilot.pause()
        assert page.size == Size(50, 24)
        assert "-narrow" in page.classes and "-wide" not in page.classes
