"""Base for the trainer's dialogs: centred, in the panel's colours, Escape to go back."""

from __future__ import annotations

from typing import TypeVar

from textual.binding import Binding
from textual.screen import ModalScreen

from tui.screens.base import AppContext, StyledOnce, localize_bindings

ResultT = TypeVar("ResultT")


class TrainerDialog(AppContext, StyledOnce, ModalScreen[ResultT]):
    """A dialog of the trainer panel; Escape dismisses it with `ESCAPE_RESULT`."""

    BINDINGS = [Binding("escape", "back", "key.back", id="back")]
    ESCAPE_RESULT: object = None

    def on_mount(self) -> None:
        localize_bindings(self, self.t)
        self.refresh_bindings()

    def action_back(self) -> None:
        self.dismiss(self.ESCAPE_RESULT)  # type: ignore[arg-type]

    async def refresh_data(self) -> None:
        await self.recompose()
