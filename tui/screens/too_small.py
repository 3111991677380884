"""Shown over everything while the terminal is smaller than the app can be used at."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.host import AppContext

MIN_WIDTH = 40
MIN_HEIGHT = 12


def too_small(width: int, height: int) -> bool:
    return width < MIN_WIDTH or height < MIN_HEIGHT


class TooSmallScreen(AppContext, ModalScreen[None]):
    """Asks for a larger window; the app removes it as soon as the terminal is big enough."""

    def compose(self) -> ComposeResult:
        text = self.t("app.too_small", width=MIN_WIDTH, height=MIN_HEIGHT)
        yield Static(Content(text), id="too-small")
