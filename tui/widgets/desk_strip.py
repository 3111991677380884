"""The support desk's header strip: says it is an internal tool, what is shown, and the
simulated time (every "time left" on the desk counts from it)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static


class DeskStrip(Horizontal):
    """``Support desk — internal · <title>`` at the left, the clock at the right."""

    def __init__(self, strip: str, title: str, now: str) -> None:
        super().__init__(classes="desk-strip")
        self.strip, self.title, self.now = strip, title, now

    def compose(self) -> ComposeResult:
        yield Static(Content(self.strip), classes="desk-strip-name")
        yield Static(Content(self.title), classes="desk-strip-title")
        yield Static(Content(self.now), classes="desk-strip-now")
