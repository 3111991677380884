"""What people type (notes, messages, descriptions, file names) may not hold: control and
format characters. An ESC could retitle or clear the terminal that shows it; a format
character (a right-to-left override, a zero-width space) hides or reorders what is shown.
"""

from __future__ import annotations

import unicodedata


def has_control(text: str, *, allow_newlines: bool = True) -> bool:
    """Control or format characters (Unicode Cc, Cf), line breaks and tabs aside unless
    ``allow_newlines`` is False."""
    for char in text:
        if allow_newlines and char in "\n\t":
            continue
        if unicodedata.category(char) in ("Cc", "Cf"):
            return True
    return False
