"""The simulated clock only moves forward, and typed spans parse or are refused clearly."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.domain.clock import MAX_MOVE, SimulatedClock, parse_duration
from tui.domain.errors import InvalidDuration

START = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def test_clock_advances_and_never_goes_back() -> None:
    clock = SimulatedClock(START)
    assert clock.advance(timedelta(hours=1)) == START + timedelta(hours=1)
    for bad in (timedelta(0), timedelta(minutes=-1)):
        with pytest.raises(ValueError):
            clock.advance(bad)
    with pytest.raises(ValueError):
        clock.set(START)
    clock.set(START + timedelta(days=2))
    assert clock.now() == START + timedelta(days=2)


def test_clock_needs_a_timezone() -> None:
    with pytest.raises(ValueError):
        SimulatedClock(datetime(2026, 11, 20, 10, 0))


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("2d 4h", timedelta(days=2, hours=4)),
        ("2d4h", timedelta(days=2, hours=4)),
        ("  3 days  ", timedelta(days=3)),
        ("1 day 3 hours 15 min", timedelta(days=1, hours=3, minutes=15)),
        ("90m", timedelta(minutes=90)),
        ("73h", timedelta(hours=73)),
        ("1H", timedelta(hours=1)),
        ("siku 2 saa 4", timedelta(days=2, hours=4)),
        ("saa 5 dk 30", timedelta(hours=5, minutes=30)),
        ("366d", MAX_MOVE),
        ("siku 2 na saa 4", timedelta(days=2, hours=4)),
        ("saa 5 na dk 30", timedelta(hours=5, minutes=30)),
        ("2d and 4h", timedelta(days=2, hours=4)),
        ("2 d 4 h", timedelta(days=2, hours=4)),
        ("5 h 30 min", timedelta(hours=5, minutes=30)),
    ],
)
def test_spans_that_parse(text: str, span: timedelta) -> None:
    assert parse_duration(text) == span


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("", "error.duration_empty"),
        ("   ", "error.duration_empty"),
        ("soon", "error.duration_format"),
        ("1.5h", "error.duration_format"),
        ("2d 4h!", "error.duration_format"),
        ("h", "error.duration_format"),
        ("2", "error.duration_no_unit"),
        ("0", "error.duration_no_unit"),
        ("2d 4", "error.duration_no_unit"),
        ("2x", "error.duration_unit"),
        ("2 weeks", "error.duration_unit"),
        ("2d 4h later", "error.duration_unit"),
        ("0h", "error.duration_zero"),
        ("0d 0m", "error.duration_zero"),
        ("-2h", "error.duration_negative"),
        ("1d -2h", "error.duration_negative"),
        ("367d", "error.duration_too_long"),
        ("9999999d", "error.duration_too_long"),
        ("9999999999d", "error.duration_too_long"),
        ("9" * 5000 + "d", "error.duration_too_long"),
    ],
)
def test_spans_that_are_refused(text: str, key: str) -> None:
    with pytest.raises(InvalidDuration) as error:
        parse_duration(text)
    assert error.value.key == key


@given(days=st.integers(0, 300), hours=st.integers(0, 23), minutes=st.integers(0, 59))
def test_written_spans_round_trip(days: int, hours: int, minutes: int) -> None:
    span = timedelta(days=days, hours=hours, minutes=minutes)
    text = f"{days}d {hours}h {minutes}m"
    if span == timedelta(0):
        with pytest.raises(InvalidDuration):
            parse_duration(text)
    else:
        assert parse_duration(text) == span


@given(st.text(max_size=30))
def test_any_text_parses_to_a_positive_span_or_is_refused(text: str) -> None:
    try:
        span = parse_duration(text)
    except InvalidDuration as error:
        assert error.key.startswith("error.duration_")
    else:
        assert timedelta(0) < span <= MAX_MOVE
