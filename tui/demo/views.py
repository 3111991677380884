"""Putting the app back to its start: fresh demo data, the chosen view on its first page.

Done with the app's own pieces: the service's `reset_demo` (the trainer panel's Reset) and
Textual's modes, one per view (`CancelOrderApp.MODES`), as F4 does when it switches view:
a mode removed and added again starts afresh from its first page.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from tui.flow import Flow

if TYPE_CHECKING:
    from tui.app import CancelOrderApp


async def fresh_start(app: CancelOrderApp, flow: Flow) -> None:
    """The demo data as shipped (its clock too) and `flow`'s view from its first page; the
    other view closed, so nothing of the last round is kept anywhere."""
    await asyncio.to_thread(app.service.reset_demo)
    other = flow.other.value
    if app.current_mode == flow.value:
        await app.switch_mode(other)
    await app.remove_mode(flow.value)
    app.add_mode(flow.value, app.MODES[flow.value])
    app.flow = flow
    app.service.remember_flow(flow.value)
    await app.switch_mode(flow.value)
    await app.remove_mode(other)
    app.add_mode(other, app.MODES[other])
    app.clear_notifications()
