"""`cancel-order demo`: the options checked, a temporary copy of the demo data, the play.

The data file is made for this run alone in a temporary folder and removed with it when the
app closes: the user's own file (and the per-user default) is never opened, read or written.
"""

from __future__ import annotations

import asyncio
import contextlib
import tempfile
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tui.demo.options import DemoOptions, parse_options
from tui.demo.pacing import Pacing
from tui.store.demo import install_demo

Presenter = Callable[[Pilot[Any]], Awaitable[None]]
"""Keys pressed alongside the play, as a presenter would (the tests' way in)."""


def demo_command(argv: list[str]) -> None:
    """Check the options, then play until the presenter quits."""
    options = parse_options(argv)
    run_demo(options)


@contextlib.contextmanager
def demo_data() -> Iterator[Path]:
    """A fresh copy of the bundled demo data, removed (folder and all) afterwards."""
    with tempfile.TemporaryDirectory(prefix="cancel-order-demo-") as folder:
        path = Path(folder) / "orders.json"
        install_demo(path)
        yield path


def run_demo(
    options: DemoOptions,
    *,
    pacing: Pacing | None = None,
    headless: bool = False,
    size: tuple[int, int] | None = None,
    presenter: Presenter | None = None,
) -> None:
    """Run the app with the player as its auto-pilot, on a temporary copy of the data."""
    from tui.demo.app import DemoApp  # Textual and the screens: only once the options are good

    with demo_data() as db_path:
        app = DemoApp(db_path, options, pacing or Pacing())

        async def auto_pilot(pilot: Pilot[Any]) -> None:
            if presenter is None:
                await app.player.play(pilot)
                return
            await asyncio.gather(app.player.play(pilot), presenter(pilot))

        app.run(headless=headless, size=size, auto_pilot=auto_pilot)
