"""The one clock the app owns. Rules take `now` as an argument; only this object knows it."""

from __future__ import annotations

from datetime import datetime


class SimulatedClock:
    """Time that stands still until the trainer moves it, so a class sees the same thing."""

    def __init__(self, now: datetime) -> None:
        if now.tzinfo is None:
            raise ValueError("the clock needs a timezone-aware time")
        self._now = now

    def now(self) -> datetime:
        return self._now
