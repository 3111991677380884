"""The translation catalogs and the language-aware formatting of money, dates and time left.

Each language is a folder of TOML files (`en/*.toml`, `sw/*.toml`), one per feature, of
`key = "text {placeholder}"` in tables; the files are merged, and a key defined twice is an
error. Both languages must hold exactly the same keys (a test checks).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Protocol

from tui.i18n.catalog_files import read_catalog
from tui.text import inert

CATALOG_DIR = Path(__file__).parent
CACHE_DIR = CATALOG_DIR / "__pycache__"
"""Where the parsed catalogs are kept between starts (`tui.i18n.catalog_files`)."""


class Amount(Protocol):
    """What `Translator.money` reads: `Money` or anything with the same two fields. (Importing
    `Money` here would load pydantic before the first page, which needs none.)"""

    @property
    def minor(self) -> int: ...

    @property
    def currency(self) -> str: ...


class Language(StrEnum):
    ENGLISH = "en"
    SWAHILI = "sw"

    @property
    def other(self) -> Language:
        return Language.SWAHILI if self is Language.ENGLISH else Language.ENGLISH


LANGUAGE_CODES = tuple(language.value for language in Language)


@cache
def load_catalog(language: Language) -> dict[str, str]:
    """The catalog flattened to dotted keys: `[status] shipped = ...` becomes `status.shipped`."""
    return read_catalog(CATALOG_DIR / language.value, CACHE_DIR / f"catalog-{language.value}.json")


class Translator:
    """Looks up catalog text in the current language and formats values for it."""

    def __init__(self, language: Language) -> None:
        self.language = language

    def __call__(self, key: str, **params: object) -> str:
        """The entry in the current language, filled in; text filled in from the data file
        is made inert (`tui.text.inert`) on the way."""
        text = load_catalog(self.language).get(key)
        if text is None:
            raise KeyError(f"no catalog entry {key!r} in {self.language.value}")
        if not params:
            return text
        return text.format(
            **{name: inert(v) if isinstance(v, str) else v for name, v in params.items()}
        )

    def has(self, key: str) -> bool:
        return key in load_catalog(self.language)

    def key_name(self, description: str, action: str) -> str | None:
        """A key's name as the key bar shows it: our bindings give a catalog key as their
        description; Textual's own widgets' keys are named by action in ``textual_key``.
        None for a key with no name in the catalogs (it is not shown)."""
        if description.startswith("key."):
            return self(description)
        builtin = f"textual_key.{action}"
        return self(builtin) if self.has(builtin) else None

    def plural(self, key: str, count: int, **params: object) -> str:
        """`key.one` for exactly one, `key.other` otherwise; both languages need only these two."""
        form = "one" if count == 1 else "other"
        return self(f"{key}.{form}", count=count, **params)

    def money(self, amount: Amount) -> str:
        """Prices the way shoppers see them: "US $1,234.56" (en), "US$ 1,234.56" (sw, CLDR,
        with a no-break space so the symbol stays with its number)."""
        units, cents = divmod(amount.minor, 100)
        number = f"{units:,}.{cents:02d}"
        symbol = self("format.currency_" + amount.currency.lower())
        return self("format.money", symbol=symbol, number=number)

    def date(self, moment: datetime) -> str:
        month = self(f"month.{moment.month}")
        return self("format.date", day=moment.day, month=month, year=moment.year)

    def short_date(self, moment: datetime) -> str:
        """A date within the year, for ranges: "Nov 23" (en), "23 Nov" (sw)."""
        return self("format.short_date", day=moment.day, month=self(f"month.{moment.month}"))

    def datetime(self, moment: datetime) -> str:
        return self("format.datetime", date=self.date(moment), time=f"{moment:%H:%M}")

    def duration(self, span: timedelta) -> str:
        """Time left as the app shows it: "2 d 5 h", "5 h 30 min", "0 min"; in Swahili
        "siku 2 na saa 5", "saa 5 na dk 30", "dk 0" (without the *na*, "siku 2 saa 5" reads
        as "day 2 at 11 o'clock")."""
        minutes = max(0, int(span.total_seconds()) // 60)
        days, rest = divmod(minutes, 24 * 60)
        hours, mins = divmod(rest, 60)
        if days:
            return self("format.days_hours", days=days, hours=hours)
        if hours:
            return self("format.hours_minutes", hours=hours, minutes=mins)
        return self("format.minutes", minutes=mins)

    def percent_permille(self, permille: int) -> str:
        return self("format.percent", value=f"{permille // 10}.{permille % 10}")
