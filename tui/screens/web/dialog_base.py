"""Base for the website's dialogs and the breakpoints every website screen shares."""

from __future__ import annotations

from typing import TypeVar

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from tui.screens.base import DialogScreen, YesNoDialog
from tui.widgets.key_footer import KeyFooter

ResultT = TypeVar("ResultT")

WEB_BREAKPOINTS = [(0, "-web-narrow"), (60, "-web-medium"), (100, "-web-wide")]
"""Own class names, so the phone flow's `-narrow`/`-wide` rules never reach these screens."""


class WebDialog(DialogScreen[ResultT]):
    """A dialog over the website page; Escape dismisses it with `ESCAPE_RESULT`."""

    HORIZONTAL_BREAKPOINTS = WEB_BREAKPOINTS


class WebQuestion(WebDialog[bool], YesNoDialog):
    """A website box that asks one question: a title, a body, Back and Confirm (True).

    Subclasses give the title, the body and the buttons' catalog keys; the buttons sit at
    the bottom of the box, in view at any height, and the body scrolls above them."""

    TITLE_KEY = ""
    BACK_KEY = "web.cancel"
    CONFIRM_KEY = "web.ok"

    def compose(self) -> ComposeResult:
        t = self.t
        with Vertical(classes="web-box"):
            yield Static(Content(self.title_text()), classes="web-box-title")
            with Horizontal(classes="web-box-buttons"):
                yield Button(Content(t(self.BACK_KEY)), id="back")
                yield Button(Content(t(self.CONFIRM_KEY)), id="confirm", variant="primary")
            with VerticalScroll(classes="web-box-body"):
                yield from self.compose_body()
        yield KeyFooter()

    def title_text(self) -> str:
        return self.t(self.TITLE_KEY)

    def compose_body(self) -> ComposeResult:
        raise NotImplementedError
        yield
