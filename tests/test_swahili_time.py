"""Swahili times, durations and money read the way a Swahili reader reads them.

"saa 10:00" reads as *saa kumi*, four o'clock (Swahili counts the hours from 6 in the
morning), so a deadline shown that way is read six hours off; "siku 6 saa 2" reads as "day 6
at 8 o'clock". The trainer's examples of a clock move must be ones the parser accepts.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from tui.domain.clock import parse_duration
from tui.domain.money import Money
from tui.i18n import CATALOG_DIR, Language, Translator
from tui.i18n.catalog_files import parse_catalog

SAA_BEFORE_A_TIME = re.compile(r"(?<!\w)saa\s*(\{time\}|\d{1,2}\s*[:.]\s*\d{2})", re.IGNORECASE)
DAYS_THEN_HOURS = re.compile(r"(?<!\w)siku\s*\{\w+\}\s*saa(?!\w)", re.IGNORECASE)
EXAMPLES = {Language.ENGLISH: ("e.g. ", " or "), Language.SWAHILI: ("mf. ", " au ")}
"""Where a hint's examples start, and the word between two of them."""
TYPED_TIME_HINTS = ("trainer.move_placeholder", "error.duration_empty", "error.duration_format")


def catalog(language: Language) -> dict[str, str]:
    """Parsed afresh from the TOML files, not from the kept copy the app reads at start."""
    return parse_catalog(sorted((CATALOG_DIR / language.value).glob("*.toml")))


def holding(pattern: re.Pattern[str]) -> list[str]:
    """The Swahili strings `pattern` is found in, with their keys."""
    return [f"{k}: {v!r}" for k, v in catalog(Language.SWAHILI).items() if pattern.search(v)]


def test_no_swahili_string_puts_saa_before_a_clock_time() -> None:
    assert holding(SAA_BEFORE_A_TIME) == []


def test_a_swahili_date_and_time_has_no_saa() -> None:
    t = Translator(Language.SWAHILI)
    shown = t.datetime(datetime(2026, 11, 20, 10, 0, tzinfo=UTC))
    assert shown == "20 Nov 2026, 10:00"
    assert not SAA_BEFORE_A_TIME.search(t("trainer.now", now=shown))


@pytest.mark.parametrize(
    ("text", "caught"),
    [
        ("{date}, saa {time}", True),
        ("Sasa ni saa 10:00", True),
        ("Saa 9.30", True),
        ("{date}, {time}", False),
        ("Muuzaji ana saa {hours} kujibu", False),  # a number of hours, not a time of day
        ("Saa iko {now}", False),  # the clock, then a date and time
        ("Masaa 10:00", False),  # whole words only
    ],
)
def test_the_saa_check_catches_a_time_of_day_only(text: str, caught: bool) -> None:
    assert bool(SAA_BEFORE_A_TIME.search(text)) is caught


def test_swahili_durations_join_days_and_hours_with_na() -> None:
    assert holding(DAYS_THEN_HOURS) == []
    t = Translator(Language.SWAHILI)
    assert t.duration(timedelta(days=6, hours=2, minutes=59)) == "siku 6 na saa 2"
    assert t.duration(timedelta(hours=5, minutes=30)) == "saa 5 na dk 30"
    assert t.duration(timedelta(minutes=45)) == "dk 45"
    moved = t("trainer.moved", span=t.duration(timedelta(days=1)), now="")
    assert moved.startswith("Saa imesogezwa mbele kwa siku 1 na saa 0")


def advertised(language: Language) -> list[str]:
    """Every example of a typed clock move the trainer panel shows in `language`."""
    start, between = EXAMPLES[language]
    examples = []
    for key in TYPED_TIME_HINTS:
        text = catalog(language)[key]
        assert start in text, (key, text)
        examples += [e.strip(" .") for e in text.split(start, 1)[1].split(between)]
    return examples


@pytest.mark.parametrize("language", list(Language), ids=lambda lang: lang.value)
def test_the_trainer_is_shown_only_time_spans_the_parser_accepts(language: Language) -> None:
    examples = advertised(language)
    assert len(examples) >= len(TYPED_TIME_HINTS)
    for example in examples:
        assert parse_duration(example) > timedelta(0), example


def test_the_swahili_hints_show_swahili_units() -> None:
    examples = advertised(Language.SWAHILI)
    assert any("siku" in e and "saa" in e for e in examples), examples
    assert any(e.startswith("dk ") for e in examples), examples


def test_swahili_money_keeps_the_symbol_with_its_number() -> None:
    shown = Translator(Language.SWAHILI).money(Money(minor=123405, currency="USD"))
    assert shown == "US$\u00a01,234.05"
    assert " " not in shown
