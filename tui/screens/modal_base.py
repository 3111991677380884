"""Base for the flow's dialogs: a bottom sheet the width of the phone, Escape to go back."""

from __future__ import annotations

from typing import TypeVar

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button

from tui.screens.base import DialogScreen, YesNoDialog
from tui.widgets.key_footer import KeyFooter

ResultT = TypeVar("ResultT")


class SheetScreen(DialogScreen[ResultT]):
    """A dialog of the mimicked app, a sheet from the bottom of the phone; Escape dismisses
    it with `None` (or `False`)."""


class YesNoSheet(SheetScreen[bool], YesNoDialog):
    """A sheet that asks one question: its body, then a Back and a Confirm button.

    Returns True for Confirm, False for Back or Escape (`YesNoDialog`). Subclasses give the
    body and the button labels' catalog keys, and which button has focus first.
    """

    BACK_KEY = "confirm.back"
    CONFIRM_KEY = "confirm.confirm"

    def compose(self) -> ComposeResult:
        with Vertical(id="sheet"):
            yield from self.compose_body()
            with Horizontal(classes="sheet-buttons"):
                yield Button(Content(self.t(self.BACK_KEY)), id="back", compact=True)
                yield Button(
                    Content(self.t(self.CONFIRM_KEY)), id="confirm", variant="primary", compact=True
                )
        yield KeyFooter()

    def compose_body(self) -> ComposeResult:
        raise NotImplementedError
        yield
