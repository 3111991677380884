"""What people type refuses control characters (issue 16, item 6): a note, a seller's
message, a dispute's description. An escape sequence typed into a note would otherwise be
saved and reach the terminal of whoever reads it (the trainer, the desk)."""

from __future__ import annotations

import pytest

from tui.domain.dispute_input import clean_description
from tui.domain.errors import DomainError
from tui.domain.reasons import CancelReason, clean_message
from tui.domain.rules import clean_note
from tui.i18n import Language, Translator

HOSTILE = [
    "\x1b]2;pwned\x07",  # retitles the terminal
    "ok\x1b[2J",  # clears the screen
    "bell\x07",
    "del\x7f",
    "c1\x9b31m",  # the one-byte CSI
    "evil\u202etxt.exe",  # a right-to-left override: hides what is shown
    "zero\u200bwidth",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_typed_text_with_control_characters_is_refused(text: str) -> None:
    checks = [
        (lambda: clean_note(CancelReason.OTHER, text), "error.note_control"),
        (lambda: clean_note(CancelReason.WRONG_ITEM, text), "error.note_control"),
        (lambda: clean_message(text), "error.message_control"),
        (lambda: clean_description(text), "error.dispute_description_control"),
    ]
    for check, key in checks:
        with pytest.raises(DomainError) as refused:
            check()
        assert refused.value.key == key
        for language in Language:
            assert Translator(language)(key) != key  # said in words, in both languages


def test_line_breaks_and_plain_text_are_fine() -> None:
    assert clean_note(CancelReason.OTHER, " Found it\ncheaper\tlocally ") == (
        "Found it\ncheaper\tlocally"
    )
    assert clean_message("Habari: tutatuma kesho [leo].") == "Habari: tutatuma kesho [leo]."
