"""Trainee names, as typed on the first page, and the file name each one maps to.

A name becomes a file in the class folder, so it is checked before anything touches the disk:
letters (any script), digits, spaces and ``- _ . '`` only, 1 to 40 characters, at least one
letter or digit. No slash, no control character, nothing that can climb out of the folder.
The file name is the name folded to lower case with every run of other characters turned into
one ``-``: "Amina Juma" and "amina-juma" are the same trainee, on purpose (the same person
typing their name twice). Pure: no Textual, no I/O.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

MAX_NAME_LENGTH = 40
MAX_SLUG_BYTES = 160
"""A file name may have 255 bytes; the lock and journal beside it add their suffixes."""
PUNCTUATION = frozenset(" -_.'")
FILE_SUFFIX = ".json"


class BadName(ValueError):
    """A typed name the class folder can't take; `key` is its catalog message."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class Trainee:
    """A checked name: as typed (trimmed) and as its file is called, without the suffix."""

    name: str
    slug: str

    @property
    def file_name(self) -> str:
        return self.slug + FILE_SUFFIX


def _is_word_character(char: str) -> bool:
    return unicodedata.category(char)[0] in "LNM"  # letters, digits, combining marks


def slug_of(name: str) -> str:
    """The file-name form: NFC, case-folded, other characters runs of one ``-``."""
    folded = unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())
    # (case folding can undo the composition: "İ" folds to "i" and a combining dot)
    parts: list[str] = []
    word: list[str] = []
    for char in folded:
        if _is_word_character(char):
            word.append(char)
        elif word:
            parts.append("".join(word))
            word = []
    if word:
        parts.append("".join(word))
    return "-".join(parts)


def check_name(typed: str) -> Trainee:
    """The trainee for a typed name, or `BadName` saying what is wrong with it."""
    name = " ".join(typed.split())  # trims, and folds runs of spaces into one
    if not name:
        raise BadName("serve.name_empty")
    if len(name) > MAX_NAME_LENGTH:
        raise BadName("serve.name_too_long", limit=MAX_NAME_LENGTH)
    for char in name:
        if not (_is_word_character(char) or char in PUNCTUATION):
            shown = char if char.isprintable() else f"U+{ord(char):04X}"
            raise BadName("serve.name_bad_character", character=shown)
    slug = slug_of(name)
    if not any(unicodedata.category(char)[0] in "LN" for char in slug):
        raise BadName("serve.name_no_letters")
    if len(slug.encode()) > MAX_SLUG_BYTES:  # folding can lengthen a name ("ß" is "ss")
        raise BadName("serve.name_too_long", limit=MAX_NAME_LENGTH)
    return Trainee(name, slug)


def is_slug(text: str) -> bool:
    """Whether `text` is a file-name form as `check_name` makes it (checked again where a
    slug comes back from a browser, in a websocket's address)."""
    try:
        return check_name(text).slug == text
    except BadName:
        return False
