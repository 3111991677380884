"""The website's left "Account" menu, with the current page highlighted."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label


class AccountSidebar(Vertical):
    """Decoration that places the trainee on the site; only the active entry is in this demo."""

    DEFAULT_CSS = """
    AccountSidebar {
        width: 24;
        height: 100%;
        background: $surface;
        padding: 1 0;
        margin: 0 1 0 0;
    }
    AccountSidebar > .heading { text-style: bold; padding: 0 2 1 2; }
    AccountSidebar > .entry { width: 100%; padding: 0 2; color: $text-disabled; }
    AccountSidebar > .entry.-active {
        color: $primary;
        text-style: bold;
        background: $primary 10%;
        border-left: outer $primary;
        padding: 0 2 0 1;
    }
    """

    def __init__(self, heading: str, entries: list[str], active: int) -> None:
        super().__init__()
        self._heading = heading
        self._entries = entries
        self._active = active

    def compose(self) -> ComposeResult:
        yield Label(Content(self._heading), classes="heading")
        for index, entry in enumerate(self._entries):
            classes = "entry -active" if index == self._active else "entry"
            yield Label(Content(entry), classes=classes)
