"""Shown over everything while the terminal is smaller than the view can be used at."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui import stylesheets
from tui.host import AppContext

DEFAULT_MINIMUM = (40, 12)
"""Columns and rows every view needs at least: the app's phone pages fit from here."""
MINIMUM = {"web": (70, 16), "desk": (80, 20)}
"""Views that need more: the website's cards, tabs with counts and dialogs don't fit in 40
columns with their words whole (nor in 60, in Kiswahili); the desk's table of orders and
its order page's facts need 80 columns."""


def minimum_size(view: str) -> tuple[int, int]:
    return MINIMUM.get(view, DEFAULT_MINIMUM)


def too_small(width: int, height: int, view: str) -> bool:
    least_width, least_height = minimum_size(view)
    return width < least_width or height < least_height


class TooSmallScreen(AppContext, ModalScreen[None]):
    """Asks for a larger window, naming the size needed; the app removes it as soon as the
    terminal is big enough."""

    CSS_PATH = stylesheets.ALL

    def __init__(self, view: str) -> None:
        super().__init__()
        self.view = view

    def compose(self) -> ComposeResult:
        width, height = minimum_size(self.view)
        yield Static(Content(self.t("app.too_small", width=width, height=height)), id="too-small")
