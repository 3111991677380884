"""Small layout pieces for detail pages: a label and a value on one line, a section box."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Label


class InfoRow(Horizontal):
    """`Label ............ value` — the app's summary line; data is never parsed as markup."""

    DEFAULT_CSS = """
    InfoRow { height: auto; }
    InfoRow > .key { width: 1fr; color: $text-muted; }
    InfoRow > .value { width: auto; max-width: 70%; text-align: right; }
    InfoRow.-strong > .key, InfoRow.-strong > .value { color: $foreground; text-style: bold; }
    InfoRow.-accent > .value { color: $primary; }
    """

    def __init__(self, key: str, value: str, *, classes: str = "") -> None:
        super().__init__(classes=classes)
        self._key = key
        self._value = value

    def compose(self) -> ComposeResult:
        yield Label(Content(self._key), classes="key")
        yield Label(Content(self._value), classes="value")


class Section(Vertical):
    """A white card on the grey page, as the app groups order information."""

    DEFAULT_CSS = """
    Section {
        height: auto;
        background: $surface;
        padding: 0 1;
        margin: 1 0 0 0;
    }
    Section > .section-title { text-style: bold; }
    """
