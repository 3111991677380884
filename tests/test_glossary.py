"""The Swahili catalog keeps one word per idea: the glossary's words, never the ones it refuses.

The rules live in one place, the tables of `docs/glossary.md`, which a person reads and this
test parses (see that file for how its columns are read).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from tui.i18n import CATALOG_DIR, Language
from tui.i18n.catalog_files import parse_catalog

GLOSSARY = Path(__file__).resolve().parent.parent / "docs" / "glossary.md"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
SET_ASIDE = "\u2063"
"""What a set-aside word is replaced by: not a letter, so the words beside it stay apart."""


@dataclass(frozen=True)
class Rule:
    idea: str
    use: tuple[str, ...]
    avoid: tuple[str, ...]
    only_in: tuple[str, ...]

    def applies_to(self, key: str) -> bool:
        return not self.only_in or any(key.startswith(prefix) for prefix in self.only_in)


@dataclass(frozen=True)
class Kept:
    """Text set aside before the rules are applied: everywhere, or in the keys listed."""

    text: str
    keys: tuple[str, ...]

    def applies_to(self, key: str) -> bool:
        return not self.keys or key in self.keys


def table(markdown: str, heading: str) -> list[list[str]]:
    """The rows (cells stripped) of the first table after `heading`, header row left out."""
    lines = markdown.splitlines()
    start = lines.index(heading)
    rows: list[list[str]] = []
    for line in lines[start + 1 :]:
        if line.startswith("#"):
            break
        if line.startswith("|"):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
        elif rows:
            break
    return [row for row in rows[1:] if not set("".join(row)) <= set("-: ")]


def ticked(cell: str) -> tuple[str, ...]:
    return tuple(re.findall(r"`([^`]+)`", cell))


def rules(markdown: str) -> list[Rule]:
    return [
        Rule(idea, ticked(use), ticked(avoid), ticked(only_in))
        for idea, use, avoid, only_in, _why in table(markdown, "## Words")
    ]


def exceptions(markdown: str) -> list[Kept]:
    rows = table(markdown, "## Exceptions")
    return [Kept(ticked(text)[0], ticked(keys)) for text, keys, _why in rows]


def word(entry: str) -> re.Pattern[str]:
    """A glossary entry as a whole-word pattern: `*` is any letters, a space any spaces."""
    body = r"\w*".join(r"\s+".join(map(re.escape, part.split())) for part in entry.split("*"))
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def set_aside(text: str, entries: tuple[str, ...]) -> str:
    for entry in entries:
        text = word(entry).sub(SET_ASIDE, text)
    return text


def refused_words(catalog: dict[str, str], held: list[Rule], kept: list[Kept]) -> list[str]:
    """One line per refused word found: key, idea, the entry, and the string."""
    found = []
    for key, text in sorted(catalog.items()):
        shown = PLACEHOLDER.sub(" ", text)
        shown = set_aside(shown, tuple(e.text for e in kept if e.applies_to(key)))
        for rule in (rule for rule in held if rule.applies_to(key)):
            checked = set_aside(shown, rule.use)
            found += [
                f"{key}: {rule.idea} is {'/'.join(rule.use)}, not {entry!r}: {text!r}"
                for entry in rule.avoid
                if word(entry).search(checked)
            ]
    return found


@pytest.fixture(scope="module")
def glossary() -> str:
    return GLOSSARY.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def swahili() -> dict[str, str]:
    """Parsed afresh from the TOML files, not from the kept copy the app reads at start."""
    return parse_catalog(sorted((CATALOG_DIR / Language.SWAHILI.value).glob("*.toml")))


def test_no_swahili_string_uses_a_word_the_glossary_refuses(
    glossary: str, swahili: dict[str, str]
) -> None:
    assert refused_words(swahili, rules(glossary), exceptions(glossary)) == []


def test_the_glossary_has_the_ideas_the_issue_fixed(glossary: str) -> None:
    by_idea = {rule.idea: rule for rule in rules(glossary)}
    assert {"order", "cancel (an order)", "refund", "button", "command palette"} <= set(by_idea)
    assert by_idea["order"].use == ("amri",)
    assert all(rule.use and rule.avoid for rule in by_idea.values())


def test_every_exception_is_still_needed(glossary: str, swahili: dict[str, str]) -> None:
    """An exception no string uses any more is a hole waiting for a refused word."""
    for exception in exceptions(glossary):
        holders = [k for k, text in swahili.items() if exception.applies_to(k)]
        assert any(word(exception.text).search(swahili[k]) for k in holders), exception


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("Ghairi", True),
        ("Funga", False),
        ("Mpangilio: tovuti", True),
        ("Mipangilio", False),  # Settings: a different word, whole-word matching
        ("Marejesho yamekamilika", True),
        ("Marejesho ya pesa yamekamilika", False),
        ("Marejesho  YA  pesa", False),
        ("Akaunti imezuiliwa", True),
        ("Niliagiza bidhaa", True),
        ("Amri {order}: muuzaji amekubali.", False),  # a placeholder is not a word shown
        ("Bofya Futa Order", False),  # the article's label
        ("Futa oda yako", True),
        ("Chagua Mimi sihitaji tena utaratibu huu.", False),
        ("Fuata utaratibu huu", True),
        ("Imelipwa.", True),
        ("Jumla iliyolipwa", False),
    ],
)
def test_the_rules_match_whole_words(glossary: str, text: str, refused: bool) -> None:
    found = refused_words({"any.key": text}, rules(glossary), exceptions(glossary))
    assert bool(found) is refused, found


def test_a_rule_limited_to_some_keys_holds_only_there(glossary: str) -> None:
    catalog = {"key.palette": "Amri za programu", "key.all_orders": "Amri zote"}
    found = refused_words(catalog, rules(glossary), exceptions(glossary))
    assert [line.split(":")[0] for line in found] == ["key.palette"]


def test_an_exception_for_one_key_does_not_hold_elsewhere(glossary: str) -> None:
    catalog = {"guide.intro": "Wateja husema “oda”.", "guide.title": "Wateja husema “oda”."}
    found = refused_words(catalog, rules(glossary), exceptions(glossary))
    assert [line.split(":")[0] for line in found] == ["guide.title"]
