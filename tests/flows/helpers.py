"""Pilot helpers: walk the app the way a keyboard user does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tui.app import CancelOrderApp
from tui.store.load import load_snapshot
from tui.widgets.order_list import OrderList


async def open_order_from_profile(pilot: Pilot[Any], section: str, order_id: str) -> None:
    """Profile → order section tile → move down the list to the order → Enter."""
    app = pilot.app
    await pilot.pause()
    tile = app.screen.query_one(f"#section-{section}")
    tile.focus()
    await pilot.press("enter")
    await pilot.pause()
    order_list = app.screen.query_one(OrderList)
    ids = order_list.order_ids
    assert order_id in ids, f"{order_id} not listed under {section}: {ids}"
    assert order_list.highlighted_order_id == ids[0]
    for _ in range(ids.index(order_id)):
        await pilot.press("down")
    await pilot.pause()
    assert order_list.highlighted_order_id == order_id
    await pilot.press("enter")
    await pilot.pause()


async def press_and_settle(pilot: Pilot[Any], *keys: str) -> None:
    """Press keys, then wait until every page the keys changed is redrawn (workers too)."""
    await pilot.press(*keys)
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def stored_order(db_path: Path, order_id: str) -> dict[str, Any]:
    """The order as saved on disk (the file and its journal, read afresh), not as the app
    remembers it. (Tests of the store check that stock TinyDB reads the file once folded.)"""
    return load_snapshot(db_path).orders[order_id].model_dump(mode="json")


def stored_events(db_path: Path, order_id: str) -> list[dict[str, Any]]:
    events = load_snapshot(db_path).events
    return [e.model_dump(mode="json") for e in events if e.order_id == order_id]


def make_app(db_path: Path, language: str | None = None, flow: str | None = None) -> CancelOrderApp:
    from tui.flow import Flow
    from tui.i18n import Language

    return CancelOrderApp(
        db_path, Language(language) if language else None, Flow(flow) if flow else None
    )


def screen_text(screen: Any) -> str:
    """What a screen says, widget by widget (statics, cards, buttons, lists), one per line:
    for tests that check words, not where they are drawn."""
    from textual.widgets import Button, OptionList, Static

    from tui.widgets.card import Card

    parts: list[str] = []
    for widget in screen.walk_children(with_self=False):
        if not widget.display:
            continue
        if isinstance(widget, Card):
            parts.append(widget.plain_text)
        elif isinstance(widget, Button):
            parts.append(str(widget.label))
        elif isinstance(widget, Static):
            parts.append(str(widget.render()))
        elif isinstance(widget, OptionList):
            parts += [str(option.prompt) for option in widget.options]
    return "\n".join(parts)
