"""The one clock the app owns, and the trainer's typed time spans ("2d 4h").

Rules take `now` as an argument; only this object knows it. It never goes backward: a
class sees the same thing every time the trainer replays the same moves.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from tui.domain.bounds import LATEST
from tui.domain.errors import InvalidDuration

MAX_MOVE = timedelta(days=366)
"""The longest single move; a year is more than any rule needs and keeps dates sane."""
CLOCK_LATEST = LATEST - MAX_MOVE
"""The clock never moves past this: see `moved`."""


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
_CONNECTORS = frozenset({"na", "and"})
"""Words that may join two parts, as the screens print them: "siku 2 na saa 4"."""
_TOKEN = re.compile(r"[+-]?\d+|[^\W\d_]+|\S")
_DIGITS_MAX = 9
"""A number this long is far past `MAX_MOVE` in any unit (and cheap to read)."""


def parse_duration(text: str) -> timedelta:
    """A forward time span typed by the trainer: "2d 4h", "90m", "1 day 3 h", and the
    Swahili forms the screens print, "siku 2 na saa 4", "saa 5 na dk 30".

    Raises `InvalidDuration` with one catalog key per kind of mistake: nothing typed
    (`duration_empty`), a number without a unit (`duration_no_unit`), a word that is not a
    unit (`duration_unit`), anything else that is not a time (`duration_format`), a minus
    sign (`duration_negative`), nothing but zeros (`duration_zero`), more than `MAX_MOVE`
    (`duration_too_long`). Each message states the limit.
    """
    days = str(MAX_MOVE.days)
    cleaned = text.strip().lower().replace(",", " ")
    if not cleaned:
        raise InvalidDuration("error.duration_empty", days=days)
    tokens = [t for t in _TOKEN.findall(cleaned) if t not in _CONNECTORS]
    numbers = [t for t in tokens if t.lstrip("+-").isdigit()]
    words = [t for t in tokens if t.isalpha()]
    shown = text.strip()[:40]
    if not tokens or len(numbers) + len(words) != len(tokens) or not numbers:
        raise InvalidDuration("error.duration_format", text=shown, days=days)
    unknown = [w for w in words if w not in _UNITS]
    if unknown:
        raise InvalidDuration("error.duration_unit", unit=unknown[0][:20], days=days)
    if len(words) < len(numbers):
        raise InvalidDuration("error.duration_no_unit", number=numbers[-1][:12], days=days)
    parts = _pairs(tokens)
    if parts is None:
        raise InvalidDuration("error.duration_format", text=shown, days=days)
    if any(number.startswith("-") for number, _ in parts):
        raise InvalidDuration("error.duration_negative", days=days)
    if any(len(number.lstrip("+")) > _DIGITS_MAX for number, _ in parts):
        raise InvalidDuration("error.duration_too_long", days=days)
    amounts = {"days": 0, "hours": 0, "minutes": 0}
    for number, unit in parts:
        amounts[_UNITS[unit]] += int(number)
    span = timedelta(**amounts)
    if span == timedelta(0):
        raise InvalidDuration("error.duration_zero", days=days)
    if span > MAX_MOVE:
        raise InvalidDuration("error.duration_too_long", days=days)
    return span


def _pairs(tokens: list[str]) -> list[tuple[str, str]] | None:
    """(number, unit) pairs from tokens that alternate, numbers first ("2 d 4 h") or units
    first ("siku 2 saa 4"); None if they don't alternate."""
    if len(tokens) % 2:
        return None
    number_first = not tokens[0].isalpha()
    pairs = []
    for at in range(0, len(tokens), 2):
        first, second = tokens[at], tokens[at + 1]
        number, unit = (first, second) if number_first else (second, first)
        if not unit.isalpha() or unit.isdigit() or not number.lstrip("+-").isdigit():
            return None
        pairs.append((number, unit))
    return pairs


def moved(now: datetime, span: timedelta) -> datetime:
    """The clock after moving ``span`` on from ``now``; raises `InvalidDuration` for a span
    of nothing or less, and for one that would pass `CLOCK_LATEST` (the clock's last date,
    a year before the last time a file may hold, so that no time the rules store then —
    a refund's expected dates — is out of bounds)."""
    if span <= timedelta(0):
        raise InvalidDuration("error.duration_zero", days=str(MAX_MOVE.days))
    if span > CLOCK_LATEST - now:
        raise InvalidDuration("error.clock_at_end", year=str(CLOCK_LATEST.year))
    return now + span
