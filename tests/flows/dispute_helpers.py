"""Pilot helpers for the dispute walks: the demo orders in each state, the data file read
with stock TinyDB once the app has closed it, and the file's bytes to show nothing was saved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import OptionList
from tinydb import TinyDB

from tui.store.files import journal_path

AWAITING_SELLER = "8197345062031164"  # not delivered on time, refund only; buyer warned
SELLER_REJECTED = "8197345062133407"  # quality; the seller offers US $4.00
ESCALATED = "8197345062024418"  # fake tracking; the platform decides
AWAITING_RETURN = "8197345062035591"  # damaged; return agreed
RETURN_SHIPPED = "8197345062042276"  # wrong item; the return is on its way
CANCELLED_DISPUTE = "8197345062039904"  # the buyer cancelled: never again
DELIVERED = "8197345062128853"  # delivered, no dispute (ugreen, US $23.99)
EXTENSION_ASKED = "8197345062036615"  # the seller has to answer an extension request
FAKE_TRACKING = "8197345062055510"  # a fake tracking number, no dispute yet (card, US $12.45)
TOO_EARLY = "8197345062129981"  # shipped yesterday
PLAIN_SHIPPED = "8197345062047725"  # shipped, nothing else


def table(db_path: Path, name: str) -> list[dict[str, Any]]:
    """A table as stock TinyDB reads the file (call once the app has closed it)."""
    with TinyDB(db_path) as db:
        return list(db.table(name).all())


def tiny_dispute(db_path: Path, order_id: str) -> dict[str, Any] | None:
    found = [d for d in table(db_path, "disputes") if d["order_id"] == order_id]
    assert len(found) <= 1
    return found[0] if found else None


def tiny_order(db_path: Path, order_id: str) -> dict[str, Any]:
    (order,) = [o for o in table(db_path, "orders") if o["id"] == order_id]
    return order


def tiny_refund(db_path: Path, order_id: str) -> dict[str, Any] | None:
    found = [r for r in table(db_path, "refunds") if r["order_id"] == order_id]
    return found[0] if found else None


def tiny_event_kinds(db_path: Path, order_id: str) -> list[str]:
    return [e["kind"] for e in table(db_path, "events") if e["order_id"] == order_id]


def file_state(db_path: Path) -> tuple[bytes, bytes | None]:
    """The data file and its journal as they are on disk now: equal before and after a
    step means the step saved nothing."""
    journal = journal_path(db_path)
    return db_path.read_bytes(), journal.read_bytes() if journal.exists() else None


async def settle(pilot: Pilot[Any]) -> None:
    """Let a key's effects finish: messages, a flow's next dialog, the redraws after. (Not
    `workers.wait_for_complete`: a flow's worker waits for its dialog while one is open.)"""
    for _ in range(4):
        await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


async def choose_option(pilot: Pilot[Any], option_id: str, selector: str = "#choices") -> None:
    """↓/↑ to an entry of a sheet's list, then Enter (the keyboard way)."""
    options = pilot.app.screen.query_one(selector, OptionList)
    ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
    target = ids.index(option_id)
    for _ in range(len(ids) + 1):
        if options.highlighted == target:
            break
        key = "down" if options.highlighted is None or options.highlighted < target else "up"
        await pilot.press(key)
    assert options.highlighted == target
    await pilot.press("enter")
    await settle(pilot)


async def click_option(pilot: Pilot[Any], option_id: str, selector: str = "#choices") -> None:
    """Click an entry of a sheet's list (the mouse way): each entry is one line."""
    options = pilot.app.screen.query_one(selector, OptionList)
    ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
    await pilot.click(selector, offset=(3, ids.index(option_id)))
    await settle(pilot)


def page_text(pilot: Pilot[Any]) -> str:
    from tests.flows.helpers import screen_text

    return screen_text(pilot.app.screen)
