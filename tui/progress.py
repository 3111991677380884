"""Progress on the terminal while a large data file loads, before the first frame.

A file of a few megabytes loads in well under half a second and says nothing. A large one
(tens of megabytes: a few seconds) gets one line on stderr, rewritten in place, once loading
has taken longer than `DELAY`: "Loading orders.json: 45% …". Nothing is written when stderr
is not a terminal (a log or a pipe gets no carriage returns), and the line is erased before
the app draws.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from types import TracebackType
from typing import TextIO

DELAY = 0.5
"""Seconds of loading before the line appears."""
EVERY = 0.1
"""Seconds between two updates of the line."""


class TerminalProgress:
    """A `tui.store.load.Progress`: called with the share of the loading done (0 to 1)."""

    def __init__(
        self,
        name: str,
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.name = name
        self.stream = sys.stderr if stream is None else stream
        self.clock = clock
        self.start = clock()
        self.shown_at: float | None = None
        self.live = _is_terminal(self.stream)

    def __call__(self, fraction: float) -> None:
        if not self.live:
            return
        now = self.clock()
        if now - self.start < DELAY:
            return
        if self.shown_at is not None and now - self.shown_at < EVERY:
            return
        self.shown_at = now
        percent = min(100, max(0, int(fraction * 100)))
        self.stream.write(f"\r\x1b[KLoading {self.name}: {percent}% …")
        self.stream.flush()

    def finish(self) -> None:
        """Erase the line, if one was written."""
        if self.shown_at is not None:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown_at = None

    def __enter__(self) -> TerminalProgress:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.finish()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
