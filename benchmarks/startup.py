"""Child process for the start-up measure: run an app headless until its first frame.

``python -m benchmarks.startup OUT`` runs a bare Textual app showing one Label;
``python -m benchmarks.startup OUT DB`` runs ``cancel-order --db DB --lang en`` exactly as
the command line does (``tui.__main__.main``, the ``cancel-order`` entry point). Either way
the moment Textual posts ``Ready`` — sent once the first screen has been laid out and its
first frame drawn — is written to OUT as
``time.monotonic()``, which on Linux is one clock for every process, so the parent can
subtract the moment it started this process. The app then exits at once.

The parent sets ``TEXTUAL_DRIVER`` to Textual's headless driver, so nothing is drawn on a
terminal, and ``COLUMNS``/``LINES`` for the screen size. Only the standard library is
imported before the app's own imports, so the measure counts them.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from typing import Any


def _on_ready(out: str) -> Any:
    from textual import events
    from textual._context import active_app

    def hook(message: object) -> None:
        if isinstance(message, events.Ready):
            ready = time.monotonic()
            app = active_app.get()
            result = {
                "ready": ready,
                "screen": type(app.screen).__name__,
                "max_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            }
            with open(out, "w") as handle:
                json.dump(result, handle)
            app.exit()

    return hook


def run_bare(out: str) -> None:
    from textual._context import message_hook
    from textual.app import App, ComposeResult
    from textual.widgets import Label

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Label("Hello")

    message_hook.set(_on_ready(out))
    Bare().run()


def run_app(out: str, db: str) -> None:
    # First, as `cancel-order` imports it (its entry point): the app's package before Textual.
    from tui.__main__ import main  # isort: skip
    from textual._context import message_hook

    message_hook.set(_on_ready(out))
    main(["--db", db, "--lang", "en"])


if __name__ == "__main__":
    if len(sys.argv) == 2:
        run_bare(sys.argv[1])
    else:
        run_app(sys.argv[1], sys.argv[2])
