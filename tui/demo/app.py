"""The app as the demo runs it: the presenter's keys go to the player before the app sees
them, and leaving the app (by any way) ends the play first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import events
from textual.screen import Screen

from tui import stylesheets
from tui.app import CancelOrderApp
from tui.demo.options import DemoOptions
from tui.demo.pacing import Pacing
from tui.demo.player import Player
from tui.demo.script import script
from tui.host import AppContext
from tui.screens.too_small import TooSmallScreen


def captioned(screen: Screen[Any]) -> bool:
    """Every screen of ours gets the caption, except the too-small notice."""
    return isinstance(screen, AppContext) and not isinstance(screen, TooSmallScreen)


class DemoApp(CancelOrderApp):
    """`CancelOrderApp` with a `Player` in front of its keys."""

    CSS_PATH = stylesheets.ALL
    """Every sheet at once: the curtain lists none of its own."""

    def __init__(self, db_path: Path, options: DemoOptions, pacing: Pacing) -> None:
        super().__init__(db_path, options.language, options.flows[0])
        segments = script(options.flows)
        self.player = Player(
            self, segments, pacing.at_speed(options.speed), options.loop, captioned
        )

    async def on_event(self, event: events.Event) -> None:
        if self.player.takes(event):
            return
        await super().on_event(event)

    def exit(self, result: None = None, return_code: int = 0, message: Any | None = None) -> None:
        self.player.abandon()
        super().exit(result, return_code, message)
