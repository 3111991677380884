"""Pieces of the trainer panel, styled to look nothing like the mimicked app."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Label, ListItem, Static

from tui.text import inert


class TrainerBar(Horizontal):
    """The panel's title bar: says plainly that this is the trainer's tool, not the app."""

    DEFAULT_CSS = """
    TrainerBar {
        height: 1;
        background: #F2B705;
        color: #111111;
        padding: 0 1;
        dock: top;
    }
    TrainerBar > .title { width: auto; text-style: bold; }
    TrainerBar > .subtitle { width: 1fr; text-align: right; }
    """

    def __init__(self, title: str, subtitle: str = "") -> None:
        super().__init__()
        self._title = title
        self._subtitle = subtitle

    def compose(self) -> ComposeResult:
        yield Label(Content(f"■ {self._title}"), classes="title")
        yield Label(Content(self._subtitle), classes="subtitle")


class PendingItem(ListItem):
    """An order awaiting the seller's answer: what, why, and how long the seller has left."""

    DEFAULT_CSS = """
    PendingItem { height: auto; padding: 0 1; }
    PendingItem > .what { text-style: bold; }
    PendingItem > .why { padding: 0 0 0 2; }
    PendingItem > .when { padding: 0 0 0 2; color: #F2B705; }
    """

    def __init__(self, order_id: str, what: str, why: str, when: str) -> None:
        super().__init__(id=f"pending-{order_id}")
        self.order_id = order_id
        self._lines = (what, why, when)

    def compose(self) -> ComposeResult:
        what, why, when = self._lines
        yield Static(Content(inert(what)), classes="what")
        yield Static(Content(inert(why)), classes="why")
        yield Static(Content(inert(when)), classes="when")
