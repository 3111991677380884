"""The one clock the app owns, and the trainer's typed time spans ("2d 4h").

Rules take `now` as an argument; only this object knows it. It never goes backward: a
class sees the same thing every time the trainer replays the same moves.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from tui.domain.errors import InvalidDuration

MAX_MOVE = timedelta(days=366)
"""The longest single move; a year is more than any rule needs and keeps dates sane."""


class SimulatedClock:
    """Time that stands still until the trainer moves it, so a class sees the same thing."""

    def __init__(self, now: datetime) -> None:
        if now.tzinfo is None:
            raise ValueError("the clock needs a timezone-aware time")
        self._now = now

    def now(self) -> datetime:
        return self._now

    def advance(self, span: timedelta) -> datetime:
        """Move forward by `span` (more than zero) and return the new time."""
        if span <= timedelta(0):
            raise ValueError("the clock only moves forward")
        self._now = self._now + span
        return self._now

    def set(self, moment: datetime) -> None:
        """Jump to `moment`, which must not be earlier than now (e.g. another window's move)."""
        if moment.tzinfo is None:
            raise ValueError("the clock needs a timezone-aware time")
        if moment < self._now:
            raise ValueError("the clock never goes backward")
        self._now = moment


_UNITS = {
    "d": "days",
    "day": "days",
    "days": "days",
    "siku": "days",
    "h": "hours",
    "hr": "hours",
    "hrs": "hours",
    "hour": "hours",
    "hours": "hours",
    "saa": "hours",
    "m": "minutes",
    "min": "minutes",
    "mins": "minutes",
    "minute": "minutes",
    "minutes": "minutes",
    "dk": "minutes",
    "dakika": "minutes",
}
_NUMBER_FIRST = re.compile(r"([+-]?\d+)\s*([a-z]+)")
_UNIT_FIRST = re.compile(r"([a-z]+)\s*([+-]?\d+)")


def parse_duration(text: str) -> timedelta:
    """A forward time span typed by the trainer: "2d 4h", "90m", "1 day 3 h", "siku 2 saa 4".

    Raises `InvalidDuration` (with a catalog key) for anything else, zero, a negative span or
    a span longer than `MAX_MOVE`.
    """
    cleaned = text.strip().lower().replace(",", " ")
    if not cleaned:
        raise InvalidDuration("error.duration_empty")
    parts = _parts(cleaned, _NUMBER_FIRST, number_first=True)
    if parts is None:
        parts = _parts(cleaned, _UNIT_FIRST, number_first=False)
    if parts is None:
        raise InvalidDuration("error.duration_format", text=text.strip())
    amounts = {"days": 0, "hours": 0, "minutes": 0}
    for number, unit in parts:
        amounts[_UNITS[unit]] += number
    span = timedelta(**amounts)
    if span < timedelta(0) or any(number < 0 for number, _ in parts):
        raise InvalidDuration("error.duration_negative")
    if span == timedelta(0):
        raise InvalidDuration("error.duration_zero")
    if span > MAX_MOVE:
        raise InvalidDuration("error.duration_too_long", days=str(MAX_MOVE.days))
    return span


def _parts(
    text: str, pattern: re.Pattern[str], *, number_first: bool
) -> list[tuple[int, str]] | None:
    """The (number, unit) pairs if `text` is made of nothing else, or None."""
    found: list[tuple[int, str]] = []
    position = 0
    for match in pattern.finditer(text):
        if text[position : match.start()].strip():
            return None
        first, second = match.groups()
        number, unit = (first, second) if number_first else (second, first)
        if unit not in _UNITS or len(number.lstrip("+-")) > 6:
            return None
        found.append((int(number), unit))
        position = match.end()
    if not found or text[position:].strip():
        return None
    return found
