"""Base for the flow's dialogs: a bottom sheet the width of the phone, Escape to go back."""

from __future__ import annotations

from typing import TypeVar

from textual.binding import Binding
from textual.screen import ModalScreen

from tui.screens.base import AppContext, localize_bindings, recompose_keeping_focus

ResultT = TypeVar("ResultT")


class SheetScreen(AppContext, ModalScreen[ResultT]):
    """A dialog of the mimicked app; Escape dismisses it with `None` (or `False`)."""

    BINDINGS = [Binding("escape", "back", "key.back", id="back")]
    ESCAPE_RESULT: object = None

    def on_mount(self) -> None:
        localize_bindings(self, self.t)
        self.refresh_bindings()

    def action_back(self) -> None:
        self.dismiss(self.ESCAPE_RESULT)  # type: ignore[arg-type]

    async def refresh_data(self) -> None:
        """Redraw from the service after the data changed underneath (the trainer panel)."""
        await recompose_keeping_focus(self)
