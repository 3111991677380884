"""Pilot walks of the support desk: find an order by each key (keyboard and mouse), the
facts shown agree with the buyer's screens for every demo order, replies and notes are
recorded in the file (issue 18)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, TextArea

from tests.conftest import PAID_ORDER, PENDING_ORDER
from tests.flows.helpers import make_app, stored_events
from tui.flow import Flow
from tui.i18n import Language, Translator
from tui.screens.desk.order import DeskOrderScreen
from tui.screens.desk.search import DeskSearchScreen
from tui.screens.order_details_parts import status_lines
from tui.store.load import load_snapshot
from tui.widgets.card import Card

SIZE = (100, 30)


async def search(pilot: Pilot[Any], text: str, *, typed: bool = True) -> None:
    """Put ``text`` in the search box: typed key by key, or pasted at once."""
    field = pilot.app.screen.query_one("#desk-query", Input)
    field.focus()
    field.value = "" if typed else text
    if typed:
        await pilot.press(*text)
    await pilot.pause()


def shown_order(pilot: Pilot[Any]) -> str:
    screen = pilot.app.screen
    assert isinstance(screen, DeskOrderScreen)
    return screen.order_id


def results(pilot: Pilot[Any]) -> list[str]:
    table = pilot.app.screen.query_one("#desk-results", DataTable)
    return [
        str(table.coordinate_to_cell_key((row, 0)).row_key.value) for row in range(table.row_count)
    ]


async def test_find_by_each_key_with_the_keyboard(db_path: Path) -> None:
    app = make_app(db_path, "en", "desk")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DeskSearchScreen)
        assert len(results(pilot)) == 30
        await search(pilot, PAID_ORDER, typed=False)  # whole, pasted
        await pilot.press("enter")
        await pilot.pause()
        assert shown_order(pilot) == PAID_ORDER
        await pilot.press("escape")
        await pilot.pause()
        await search(pilot, PENDING_ORDER[-4:])  # its last digits
        assert results(pilot) == [PENDING_ORDER]
        await pilot.press("enter")
        await pilot.pause()
        assert shown_order(pilot) == PENDING_ORDER
        await pilot.press("escape")
        await pilot.pause()
        for query in ("amina", "0712345"):  # a name, a phone: every demo order
            await search(pilot, query)
            found = results(pilot)
            assert len(found) == 30
            await pilot.press("down", "down", "enter")  # into the table, one row down, open
            await pilot.pause()
            assert shown_order(pilot) == found[1]
            await pilot.press("escape")
            await pilot.pause()
        await search(pilot, "nobody")
        assert results(pilot) == []


async def test_find_and_sort_with_the_mouse(db_path: Path) -> None:
    app = make_app(db_path, "en", "desk")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DeskSearchScreen)
        before = results(pilot)
        await pilot.click("#desk-results", offset=(60, 0))  # the Status column's header
        await pilot.pause()
        assert screen.sort_column == "status" and results(pilot) != before
        await pilot.click("#desk-results", offset=(85, 0))  # Total
        await pilot.pause()
        totals = [load_snapshot(db_path).orders[i].total.minor for i in results(pilot)]
        assert totals == sorted(totals)
        await pilot.click("#desk-results", offset=(85, 0))  # again: the other way
        await pilot.pause()
        assert [load_snapshot(db_path).orders[i].total.minor for i in results(pilot)] == sorted(
            totals, reverse=True
        )
        await pilot.press("s")  # the key sorts too (by the next column)
        await pilot.pause()
        third = results(pilot)[2]
        await pilot.click("#desk-results", offset=(5, 3))  # a click moves to the row,
        await pilot.pause()
        await pilot.click("#desk-results", offset=(5, 3))  # a second one opens it
        await pilot.pause()
        assert shown_order(pilot) == third


async def test_every_demo_status_shows_what_the_buyer_sees(db_path: Path) -> None:
    """One demo order of each status (the customer's language alternating): the buyer's
    status banner as the app and website draw it, the status and every deadline."""
    app = make_app(db_path, "en", "desk")
    orders = load_snapshot(db_path).orders.values()
    one_each = {order.status: order.id for order in orders}
    assert len(one_each) == 8
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for index, order_id in enumerate(one_each.values()):
            language = Language.SWAHILI if index % 2 else Language.ENGLISH
            customer = Translator(language)
            order = app.service.order(order_id)
            page = DeskOrderScreen(order_id, language)
            await app.push_screen(page)
            await pilot.pause()
            sees = page.query_one("#desk-sees", Card).plain_text
            flat = " ".join(sees.split())
            for text, _ in status_lines(customer, app.service, order):
                assert f"“{' '.join(text.split())}”" in flat
            facts = " ".join(c.plain_text for c in page.query(Card))
            assert app.translator(order.status.label_key) in facts
            for due in app.service.pending_deadlines(order_id):
                assert app.translator(f"desk_due.{due.kind.value}") in facts
            await pilot.press("escape")
            await pilot.pause()


async def test_reply_and_note_are_recorded_by_keyboard(db_path: Path) -> None:
    app = make_app(db_path, "en", "desk")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await search(pilot, PENDING_ORDER)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("l")  # the customer writes in Swahili
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        text = app.screen.query_one("#desk-text", TextArea).text
        assert text.startswith("Habari Amina,")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Called")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        timeline = app.screen.query_one("#desk-timeline", Card).plain_text
        assert "Internal note" in timeline and "Called" in timeline
    events = stored_events(db_path, PENDING_ORDER)
    reply, note = events[-2], events[-1]
    assert (reply["kind"], reply["actor"], reply["note"]) == ("agent_reply", "agent", text.strip())
    assert (note["kind"], note["note"]) == ("agent_note", "Called")
    assert reply["from_status"] == reply["to_status"] == "cancellation_requested"


@pytest.mark.slow
async def test_reply_by_mouse_and_nothing_sent_when_closed(db_path: Path) -> None:
    app = make_app(db_path, "sw", "desk")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.push_screen(DeskOrderScreen(PAID_ORDER))
        await pilot.pause()
        await pilot.click("#desk-reply")
        await pilot.pause()
        await pilot.click("#desk-cancel")
        await pilot.pause()
        assert isinstance(app.screen, DeskOrderScreen)
        await pilot.click("#desk-reply")
        await pilot.pause()
        await pilot.click("#desk-send")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    kinds = [e["kind"] for e in stored_events(db_path, PAID_ORDER)]
    assert kinds.count("agent_reply") == 1
    assert stored_events(db_path, PAID_ORDER)[-1]["note"].startswith("Habari Amina,")


@pytest.mark.slow
async def test_f4_cycles_the_three_views_and_remembers_the_desk(db_path: Path) -> None:
    app = make_app(db_path, "en", "web")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for expected in (Flow.DESK, Flow.APP, Flow.WEB, Flow.DESK):
            await pilot.press("f4")
            await pilot.pause()
            assert app.flow is expected
        assert isinstance(app.screen, DeskSearchScreen)
    assert load_snapshot(db_path).meta.flow == "desk"
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DeskSearchScreen)
