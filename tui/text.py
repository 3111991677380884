"""Text from the data file made inert before it is drawn: no control character reaches the
terminal (an ESC in a product title could retitle it or clear the screen).

Markup is never parsed from data (widgets get `Content`, not markup strings); this covers the
other half: every C0 and C1 control character and DEL is shown as a visible symbol instead.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_SHOWN = {"\t": " ", "\n": " "}


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    if char in _SHOWN:
        return _SHOWN[char]
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟, the Unicode pictures of the C0 controls
    return "␡" if code == 0x7F else "�"


def inert(text: str) -> str:
    """``text`` with each control character replaced by a visible symbol (tabs and line
    breaks by a space)."""
    return _CONTROL.sub(_visible, text) if _CONTROL.search(text) else text


def has_control(text: str) -> bool:
    """Whether typed text holds a control character (notes and messages refuse them)."""
    return _CONTROL.search(text) is not None
