"""Base for the flow's dialogs: a bottom sheet the width of the phone, Escape to go back."""

from __future__ import annotations

from typing import TypeVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button

from tui.screens.base import DialogScreen
from tui.widgets.key_footer import KeyFooter

ResultT = TypeVar("ResultT")


class SheetScreen(DialogScreen[ResultT]):
    """A dialog of the mimicked app; Escape dismisses it with `None` (or `False`)."""


class YesNoSheet(SheetScreen[bool]):
    """A sheet that asks one question: its body, then a Back and a Confirm button.

    Returns True for Confirm, False for Back or Escape. Subclasses give the body and the
    button labels' catalog keys, and which button has focus first.
    """

    ESCAPE_RESULT = False
    BACK_KEY = "confirm.back"
    CONFIRM_KEY = "confirm.confirm"
    FIRST_FOCUS = "#confirm"

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

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(self.FIRST_FOCUS).focus()

    @on(Button.Pressed, "#confirm")
    def confirmed(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#back")
    def back_pressed(self) -> None:
        self.dismiss(False)
