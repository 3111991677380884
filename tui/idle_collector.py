"""Full garbage collections while the user pauses, not in the middle of a key press.

Python runs a full (generation 2) collection every tenth generation-1 collection, wherever
the program happens to be. Here that was in the middle of a key press, every few steps:
each full collection scans every live object the app made since start-up and took 40–100 ms
(1,000–10,000 orders), the slowest moment of the step it landed in.

`IdleCollector` turns Python's own full collections off and runs them itself, when they are
due (as often as Python would have) and nobody has touched a key or the mouse for a moment.
Collections of the young generations are left as they are (a millisecond or two each). A
full collection that is long overdue (input never paused) runs anyway, so memory stays
bounded. Only for a process that runs one app, as the command line does; tests don't use it.
"""

from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

DUE_AFTER = 10
"""Generation-1 collections since the last full one that make a full one due: Python's
default third threshold."""
OVERDUE_AFTER = 400
"""...and that make it overdue: run even while keys keep coming. That is ~2.8 million
allocations, i.e. minutes of keys held down; two fast walks of the whole flow at 10,000
orders leave ~4 MB of garbage for ~90 generation-1 collections."""
QUIET_S = 0.5
"""Seconds without input that count as a pause."""
CHECK_EVERY_S = 0.25
"""How often the app asks `IdleCollector.tick` whether to collect."""
_NEVER = 1_000_000_000


@dataclass
class IdleCollector:
    """Decides when the app runs a full collection; the app calls `input_seen` and `tick`."""

    clock: Callable[[], float] = time.monotonic
    pending: Callable[[], int] = field(default=lambda: gc.get_count()[2])
    """Generation-1 collections since the last full collection (Python's own count)."""
    collect: Callable[[], object] = gc.collect
    _last_input: float = field(default=float("-inf"), init=False)
    _saved_thresholds: tuple[int, ...] | None = field(default=None, init=False)

    def start(self) -> None:
        """Take full collections over from Python. Start-up's garbage is collected now, before
        any key is pressed; what remains (the data, the first page, Textual's own objects)
        lives as long as the app: it is frozen out of every later collection's scan. The
        collector is turned on if start-up had it off (`tui.__main__`)."""
        gc.enable()
        if self._saved_thresholds is None:
            self._saved_thresholds = gc.get_threshold()
            young, middle = self._saved_thresholds[:2]
            gc.set_threshold(young, middle, _NEVER)
        self.collect()
        gc.freeze()

    def stop(self) -> None:
        """Give full collections back to Python."""
        if self._saved_thresholds is not None:
            gc.set_threshold(*self._saved_thresholds)
            self._saved_thresholds = None

    def input_seen(self) -> None:
        self._last_input = self.clock()

    def should_collect(self) -> bool:
        pending = self.pending()
        if pending >= OVERDUE_AFTER:
            return True
        return pending >= DUE_AFTER and self.clock() - self._last_input >= QUIET_S

    def tick(self) -> bool:
        """Collect if a full collection is due and input has paused (or it is overdue)."""
        if not self.should_collect():
            return False
        self.collect()
        return True


@contextlib.contextmanager
def kept_for_good() -> Iterator[None]:
    """For a process that loads its data once and keeps it: build it (the app and the data)
    with the cyclic collector off, then freeze what was built out of its sight (`gc.freeze`).

    Otherwise the first collections after loading scan the ~0.7 million loaded objects at
    10,000 orders again, generation by generation (~0.4 s of start-up). Replaced data is
    still freed as usual: models hold no reference cycles. Not for tests, which build many
    apps: whatever cyclic garbage exists when freezing would never be collected.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
