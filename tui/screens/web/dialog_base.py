"""Base for the website's dialogs and the breakpoints every website screen shares."""

from __future__ import annotations

from typing import TypeVar

from textual.binding import Binding
from textual.screen import ModalScreen

from tui.screens.base import AppContext, StyledOnce, localize_bindings

ResultT = TypeVar("ResultT")

WEB_BREAKPOINTS = [(0, "-web-narrow"), (60, "-web-medium"), (100, "-web-wide")]
"""Own class names, so the phone flow's `-narrow`/`-wide` rules never reach these screens."""


class WebDialog(AppContext, StyledOnce, ModalScreen[ResultT]):
    """A dialog over the website page; Escape dismisses it with `ESCAPE_RESULT`."""

    HORIZONTAL_BREAKPOINTS = WEB_BREAKPOINTS
    VERTICAL_BREAKPOINTS = [(0, "-web-short"), (32, "-web-tall")]
    """Below this height the box fills the screen and its body scrolls (web_dialogs.tcss)."""
    BINDINGS = [Binding("escape", "back", "key.back", id="back")]
    ESCAPE_RESULT: object = None

    def on_mount(self) -> None:
        localize_bindings(self, self.t)
        self.refresh_bindings()

    def action_back(self) -> None:
        self.dismiss(self.ESCAPE_RESULT)  # type: ignore[arg-type]
