"""Both catalogs are complete, agree on placeholders, and cover every key the code uses."""

from __future__ import annotations

import re
import string
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tui.domain.kinds import MemberLevel
from tui.domain.models import PaymentMethod
from tui.domain.money import Money
from tui.domain.reasons import CancelReason
from tui.domain.rules import DISPUTE_GROUNDS, CancelPath
from tui.domain.status import OrderStatus, OrderTab
from tui.i18n import Language, Translator, load_catalog

SOURCE = Path(__file__).resolve().parent.parent / "tui"
SAME_IN_BOTH = {"key.ok", "web.ok"}
"""The source article's Swahili website keeps the English "OK" on its button."""


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_catalogs_have_the_same_keys() -> None:
    english, swahili = load_catalog(Language.ENGLISH), load_catalog(Language.SWAHILI)
    assert sorted(set(english) - set(swahili)) == []
    assert sorted(set(swahili) - set(english)) == []


def test_catalogs_agree_on_placeholders() -> None:
    english, swahili = load_catalog(Language.ENGLISH), load_catalog(Language.SWAHILI)
    for key, text in english.items():
        assert placeholders(text) == placeholders(swahili[key]), key


def test_swahili_is_translated_not_copied() -> None:
    english, swahili = load_catalog(Language.ENGLISH), load_catalog(Language.SWAHILI)

    def has_words(text: str) -> bool:
        return any(c.isalpha() for c in re.sub(r"\{[^}]*\}", "", text))

    same = [k for k in english if english[k] == swahili[k] and has_words(english[k])]
    same = [k for k in same if not k.startswith("month.")]  # Jan, Feb... are the same words
    same = [k for k in same if k not in SAME_IN_BOTH]
    assert same == []


def test_every_domain_label_has_text() -> None:
    keys = [s.label_key for s in OrderStatus] + [s.meaning_key for s in OrderStatus]
    keys += [t.label_key for t in OrderTab] + [r.label_key for r in CancelReason]
    keys += [p.label_key for p in PaymentMethod] + [m.label_key for m in MemberLevel]
    keys += [p.explanation_key for p in CancelPath] + [f"dispute.{g}" for g in DISPUTE_GROUNDS]
    keys += [f"refund.to_{p.value}" for p in PaymentMethod]
    keys += [f"refund.time_{p.value}" for p in PaymentMethod]
    for language in Language:
        catalog = load_catalog(language)
        assert [k for k in keys if k not in catalog] == []


def test_every_literal_key_in_the_code_exists() -> None:
    pattern = re.compile(r"""\bt\(\s*["']([a-z_]+\.[a-z_0-9.]+)["']|["'](key\.[a-z_]+)["']""")
    used = set()
    for path in SOURCE.rglob("*.py"):
        for match in pattern.finditer(path.read_text()):
            used.add(match.group(1) or match.group(2))
    assert len(used) > 50
    for language in Language:
        missing = sorted(used - set(load_catalog(language)))
        assert missing == [], f"{language.value}: {missing}"


@pytest.mark.parametrize(
    ("language", "money", "date", "left"),
    [
        (Language.ENGLISH, "US $1,234.05", "Nov 3, 2026, 09:05", "2 d 5 h"),
        (Language.SWAHILI, "US$\u00a01,234.05", "3 Nov 2026, 09:05", "siku 2 na saa 5"),
    ],
)
def test_formatting_follows_the_language(
    language: Language, money: str, date: str, left: str
) -> None:
    t = Translator(language)
    assert t.money(Money(minor=123405, currency="USD")) == money
    assert t.datetime(datetime(2026, 11, 3, 9, 5, tzinfo=UTC)) == date
    assert t.duration(timedelta(days=2, hours=5, minutes=10)) == left


def test_missing_key_is_an_error() -> None:
    with pytest.raises(KeyError):
        Translator(Language.ENGLISH)("no.such.key")
