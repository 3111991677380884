"""Base for the trainer's dialogs: centred, in the panel's colours, Escape to go back."""

from __future__ import annotations

from typing import TypeVar

from tui.screens.base import DialogScreen

ResultT = TypeVar("ResultT")


class TrainerDialog(DialogScreen[ResultT]):
    """A dialog of the trainer panel; Escape dismisses it with `ESCAPE_RESULT`."""
