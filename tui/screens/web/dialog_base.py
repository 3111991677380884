"""Base for the website's dialogs and the breakpoints every website screen shares."""

from __future__ import annotations

from typing import TypeVar

from tui.screens.base import DialogScreen

ResultT = TypeVar("ResultT")

WEB_BREAKPOINTS = [(0, "-web-narrow"), (60, "-web-medium"), (100, "-web-wide")]
"""Own class names, so the phone flow's `-narrow`/`-wide` rules never reach these screens."""


class WebDialog(DialogScreen[ResultT]):
    """A dialog over the website page; Escape dismisses it with `ESCAPE_RESULT`."""

    HORIZONTAL_BREAKPOINTS = WEB_BREAKPOINTS
    VERTICAL_BREAKPOINTS = [(0, "-web-short"), (32, "-web-tall")]
    """Below this height the box fills the screen and its body scrolls (web_dialogs.tcss)."""
