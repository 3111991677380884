"""Putting the app back to its start: fresh demo data, the chosen view on its first page.

Done with the app's own pieces: the service's `reset_demo` (the trainer panel's Reset) and
Textual's modes, one per view (`CancelOrderApp.MODES`), as F4 does when it switches view:
a mode removed and added again starts afresh from its first page. A mode can't be removed
while it is shown, so for that moment the app shows a blank page of the demo's own (the
curtain) rather than the other view.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import TYPE_CHECKING

from textual.app import InvalidModeError
from textual.screen import Screen

from tui.flow import Flow

if TYPE_CHECKING:
    from tui.app import CancelOrderApp

CURTAIN = "demo-curtain"


class Curtain(Screen[None]):
    """A blank page, shown for a moment while the views are started afresh."""


async def fresh_start(app: CancelOrderApp, flow: Flow) -> None:
    """The demo data as shipped (its clock too) and `flow`'s view from its first page; the
    other view closed, so nothing of the last round is kept anywhere."""
    await asyncio.to_thread(app.service.reset_demo)
    with contextlib.suppress(InvalidModeError):  # added at the first fresh start
        app.add_mode(CURTAIN, Curtain)
    await app.switch_mode(CURTAIN)
    for view in (flow.other, flow):
        await app.remove_mode(view.value)
        app.add_mode(view.value, app.MODES[view.value])
    app.flow = flow
    app.service.remember_flow(flow.value)
    await app.switch_mode(flow.value)
    app.clear_notifications()
