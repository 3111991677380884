"""Child process for the start-up measure: start an app headless and press its first key.

``python -m benchmarks.startup OUT`` runs a bare Textual app that shows one Label and
pushes a one-Label screen on ``o``; ``python -m benchmarks.startup OUT DB`` runs
``cancel-order --db DB --lang en --flow app`` exactly as the command line does (its entry
point, `tui.__main__.main`), whose ``o`` opens All orders. Either way, when Textual posts
``Ready`` (the first screen laid out and drawn) the key ``o`` is pressed, and the child
waits until the screen it opens is current and drawn and the app is idle. Written to OUT,
as ``time.monotonic()`` (one clock for every process on Linux, so the parent can subtract
the moment it started this process):

- ``ready``: the first frame;
- ``answered``: the last frame drawn for the key, i.e. the first key answered: what a
  person waits for before the app does what they asked.

The parent sets ``TEXTUAL_DRIVER`` to Textual's headless driver and ``COLUMNS``/``LINES``.
Only the standard library is imported before the app's own imports, so the measure counts
them. This file reaches into two of Textual's private names (``_display``, to time frames,
and ``_wait.wait_for_idle``); the app itself uses none.
"""

from __future__ import annotations

import asyncio
import json
import resource
import sys
import time
from typing import Any

TARGET = {"bare": "Second", "app": "OrdersScreen"}
LIMIT_S = 120.0


def _instrument(out: str, target: str) -> None:
    """Time every frame; at Ready press ``o``, then wait for ``target`` and write the times."""
    from textual import events
    from textual._context import active_app, message_hook
    from textual._wait import wait_for_idle

    frames: list[float] = []
    state: dict[str, Any] = {}

    async def settle(app: Any) -> None:
        deadline = time.monotonic() + LIMIT_S
        while time.monotonic() < deadline:
            seen = len(frames)
            await wait_for_idle(0)
            if len(frames) == seen and type(app.screen).__name__ == target:
                break
        result = {
            "ready": state["ready"],
            "answered": frames[-1],
            "screen": type(app.screen).__name__,
            "max_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        }
        with open(out, "w") as handle:
            json.dump(result, handle)
        app.exit()

    def hook(message: object) -> None:
        app = active_app.get()
        if "display" not in state:
            state["display"] = draw = app._display

            def display(screen: Any, renderable: Any) -> None:
                draw(screen, renderable)
                if renderable is not None:
                    frames.append(time.monotonic())

            app._display = display  # type: ignore[method-assign]
        if isinstance(message, events.Ready) and "ready" not in state:
            state["ready"] = time.monotonic()
            app.simulate_key("o")
            state["task"] = asyncio.get_running_loop().create_task(settle(app))

    message_hook.set(hook)


def run_bare(out: str) -> None:
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.screen import Screen
    from textual.widgets import Label

    class Second(Screen[None]):
        def compose(self) -> ComposeResult:
            yield Label("All orders")

    class Bare(App[None]):
        BINDINGS = [Binding("o", "open", "Open")]

        def compose(self) -> ComposeResult:
            yield Label("Hello")

        def action_open(self) -> None:
            self.push_screen(Second())

    _instrument(out, TARGET["bare"])
    Bare().run()


def run_app(out: str, db: str) -> None:
    # First, as `cancel-order` imports it (its entry point): the app's package before Textual.
    from tui.__main__ import main  # isort: skip

    _instrument(out, TARGET["app"])
    main(["--db", db, "--lang", "en", "--flow", "app"])


if __name__ == "__main__":
    if len(sys.argv) == 2:
        run_bare(sys.argv[1])
    else:
        run_app(sys.argv[1], sys.argv[2])
