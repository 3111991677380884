"""Pilot walks of the days after a request: the trainer moves time and answers for sellers;
afterwards the DB file is read with stock TinyDB."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static
from tinydb import TinyDB

from tests.conftest import PAID_ORDER, PENDING_ORDER
from tests.flows.helpers import (
    make_app,
    open_order_from_profile,
    press_and_settle,
    stored_events,
    stored_order,
)
from tests.flows.test_mobile_flow import choose_reason
from tui.domain.clock import SimulatedClock
from tui.domain.reasons import CancelReason
from tui.screens.cancel_reason import CancelReasonScreen
from tui.screens.cancel_result import CancelResultScreen
from tui.screens.order_details import OrderDetailsScreen
from tui.screens.profile import ProfileScreen
from tui.screens.report_seller import ReportSellerScreen
from tui.screens.trainer import TrainerScreen
from tui.screens.trainer_refuse import TrainerRefuseScreen
from tui.screens.trainer_reset import TrainerResetScreen
from tui.screens.withdraw_confirm import WithdrawConfirmScreen
from tui.service import OrderService
from tui.store.demo import demo_path
from tui.store.files import journal_path
from tui.store.load import load_snapshot
from tui.store.repository import Repository
from tui.widgets.card import Card

SIZE = (100, 30)


def text(pilot: Pilot[Any], selector: str) -> str:
    return str(pilot.app.screen.query_one(selector, Static).render())


def stored_clock(db_path: Path) -> str:
    """The clock as saved on disk (the file and its journal), not as the app remembers it."""
    return load_snapshot(db_path).meta.clock.isoformat()


async def request_cancellation(pilot: Pilot[Any], reason: CancelReason) -> None:
    """Profile → To ship → the paid order → Cancel → reason → confirm → the result page."""
    await open_order_from_profile(pilot, "to_ship", PAID_ORDER)
    await pilot.press("c")
    await pilot.pause()
    await choose_reason(pilot, reason)
    await pilot.press("ctrl+s", "enter")
    await pilot.pause()


async def move_clock(pilot: Pilot[Any], typed: str) -> None:
    await pilot.press("f3")
    await pilot.pause()
    assert isinstance(pilot.app.screen, TrainerScreen)
    await pilot.press("m", *typed, "enter")
    await pilot.pause()


async def close_panel(pilot: Pilot[Any]) -> None:
    """Escape, then wait until the pages below are redrawn (a worker does it)."""
    await press_and_settle(pilot, "escape")


async def test_request_then_73_hours_closes_the_order_and_shows_the_refund(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await request_cancellation(pilot, CancelReason.NO_LONGER_NEEDED)
        assert isinstance(app.screen, CancelResultScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert text(pilot, "#status-countdown") == "Seller has 3 d 0 h to respond"
        await move_clock(pilot, "73h")
        report = [str(s.render()) for s in app.screen.query(".report-line").results(Static)]
        assert report[0] == "Clock moved 3 d 1 h: now Nov 23, 2026, 11:00."
        assert "orders closed automatically" in report[1]
        assert any(PAID_ORDER in line and "didn't answer in time" in line for line in report)
        await close_panel(pilot)
        screen = app.screen
        assert isinstance(screen, OrderDetailsScreen)
        assert text(pilot, "#status-label") == "Closed"
        refund = screen.query_one("#refund", Card).lines
        assert [line.mark for line in refund if line.mark] == ["✓", "●", "○"]
        assert [line.value for line in refund if line.value_part == "accent"] == ["Processing"]
        assert not screen.query("#cancel-order") and not screen.query("#withdraw")
    order = stored_order(db_path, PAID_ORDER)
    assert order["status"] == "cancelled"
    assert order["cancellation"]["outcome"] == "no_answer"
    assert order["closed_at"] == "2026-11-23T10:00:00+03:00"
    with TinyDB(db_path) as db:
        (refund,) = [r for r in db.table("refunds").all() if r["order_id"] == PAID_ORDER]
    assert refund["amount"] == {"minor": 2359, "currency": "USD"}
    assert refund["method"] == "card" and refund["status"] == "processing"
    assert [(e["kind"], e["actor"]) for e in stored_events(db_path, PAID_ORDER)] == [
        ("requested", "buyer"),
        ("no_answer", "system"),
    ]
    assert stored_clock(db_path) == "2026-11-23T11:00:00+03:00"


@pytest.mark.slow
async def test_seller_refuses_with_a_message_shown_on_the_order(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await request_cancellation(pilot, CancelReason.WRONG_ITEM)
        await pilot.press("enter")  # back to the order
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        ids = [item.order_id for item in app.screen.query("PendingItem")]  # type: ignore[attr-defined]
        assert PAID_ORDER in ids
        while app.screen.query_one("#pending").highlighted_child.order_id != PAID_ORDER:  # type: ignore[attr-defined]
            await pilot.press("down")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, TrainerRefuseScreen)
        field = app.screen.query_one("#message", Input)
        field.value = ""
        await pilot.press("enter")  # an empty message is refused inline
        await pilot.pause()
        assert "Write the seller's message" in text(pilot, "#message-error")
        await pilot.press(*"Packed already [ships today]", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TrainerScreen)
        await close_panel(pilot)
        assert isinstance(app.screen, OrderDetailsScreen)
        assert text(pilot, "#status-label") == "Awaiting shipment"
        cancellation = app.screen.query_one("#cancellation", Card).lines
        reply = [line.text for line in cancellation if line.part == "callout"]
        assert reply == ["Packed already [ships today]"]
        assert not app.screen.query("#cancel-order")  # one request per order
    order = stored_order(db_path, PAID_ORDER)
    assert order["status"] == "awaiting_shipment"
    assert order["cancellation"]["outcome"] == "refused"
    assert order["cancellation"]["seller_message"] == "Packed already [ships today]"
    events = stored_events(db_path, PAID_ORDER)
    assert [(e["kind"], e["actor"]) for e in events][-1] == ("seller_refused", "seller")


@pytest.mark.slow
async def test_trainer_agrees_for_the_seller(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert "the seller agreed" in text(pilot, ".report-line")
        assert not app.screen.query("PendingItem")
    assert stored_order(db_path, PENDING_ORDER)["status"] == "cancelled"
    assert stored_events(db_path, PENDING_ORDER)[-1]["kind"] == "seller_agreed"


async def test_withdraw_a_pending_request(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_order_from_profile(pilot, "to_ship", PENDING_ORDER)
        assert app.focused is not None and app.focused.id == "withdraw"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WithdrawConfirmScreen)
        assert app.focused is not None and app.focused.id == "back"  # the safe choice first
        await pilot.press("escape")  # changes nothing
        await pilot.pause()
        assert stored_order(db_path, PENDING_ORDER)["status"] == "cancellation_requested"
        await pilot.press("w")
        await pilot.pause()
        await pilot.click("#confirm")
        await pilot.pause()
        assert isinstance(app.screen, OrderDetailsScreen)
        assert text(pilot, "#status-label") == "Awaiting shipment"
        assert not app.screen.query("#cancel-order") and not app.screen.query("#withdraw")
        explanation = app.screen.query_one("#cancel-explanation", Card).plain_text
        assert "only one cancellation request" in explanation
    order = stored_order(db_path, PENDING_ORDER)
    assert order["status"] == "awaiting_shipment"
    assert order["cancellation"]["outcome"] == "withdrawn"
    assert [e["kind"] for e in stored_events(db_path, PENDING_ORDER)] == ["requested", "withdrawn"]


def block_after(db_path: Path, count: int) -> None:
    data = json.loads(db_path.read_text())
    data["meta"]["1"]["settings"].update(
        reputation_warn_at=1, reputation_restrict_at=count, reputation_block_at=count
    )
    db_path.write_text(json.dumps(data))


@pytest.mark.slow
async def test_a_blocked_buyer_is_told_why_and_cannot_cancel(db_path: Path) -> None:
    block_after(db_path, 2)  # the demo buyer has cancelled twice in the last 30 days
    before = db_path.read_bytes()
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        standing = app.screen.query_one("#standing", Card).lines[0]
        assert standing.value is not None and "Blocked from cancelling" in standing.value
        assert standing.value_part == "error"
        await open_order_from_profile(pilot, "to_ship", PAID_ORDER)
        screen = app.screen
        assert not screen.query("#cancel-order")
        assert "act('cancel')" not in {b.binding.action for b in screen.active_bindings.values()}
        lines = screen.query_one("#cancel-explanation", Card).plain_text.splitlines()
        assert lines[0] == (
            "You can't cancel orders right now: 2 cancellation requests in the last 30 days."
        )
        assert lines[1] == "You can cancel again from Dec 10, 2026, 09:25."
        await pilot.press("c")
        await pilot.pause()
        assert app.screen is screen
    assert db_path.read_bytes() == before


@pytest.mark.slow
async def test_reason_screen_warns_before_crossing_a_threshold(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_order_from_profile(pilot, "to_ship", PAID_ORDER)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CancelReasonScreen)
        warning = text(pilot, "#reputation-warning")
        assert "3 cancellation requests in 30 days" in warning


@pytest.mark.slow
async def test_seller_fault_reason_asks_to_report_the_seller(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await request_cancellation(pilot, CancelReason.CANNOT_CONTACT_SELLER)
        assert isinstance(app.screen, ReportSellerScreen)
        assert "UGREEN Official Store" in text(pilot, "#report-question")
        assert app.focused is not None and app.focused.id == "back"  # Not now: the safe one
        await pilot.click("#confirm")  # Report
        await pilot.pause()
        assert isinstance(app.screen, CancelResultScreen)
        await pilot.press("enter")
        await pilot.pause()
        store_line = app.screen.query_one("#store", Card).lines[0]
        # a request the seller has not answered changes nothing yet: it counts against the
        # store only once the order is cancelled (the seller agrees, or time runs out)
        assert store_line.value == "98.4% positive"
    with TinyDB(db_path) as db:
        (store,) = [s for s in db.table("stores").all() if s["id"] == "ugreen"]
    assert (store["fault_cancellations"], store["reports"]) == (0, 1)
    assert [e["kind"] for e in stored_events(db_path, PAID_ORDER)] == [
        "requested",
        "seller_reported",
    ]


@pytest.mark.slow
async def test_bad_typed_times_are_inline_errors_and_the_clock_stays(db_path: Path) -> None:
    before = stored_clock(db_path)
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        field = app.screen.query_one("#move-by", Input)
        await pilot.press("m")  # focuses the field; from then on letters are typed into it
        for typed, message in [
            ("soon", "is not a time"),
            ("0h", "more than zero"),
            ("-2h", "only moves forward"),
            ("3 weeks", "is not a unit of time"),
            ("0", "Add a unit"),
            ("9999999d", "at most 366 days"),
        ]:
            field.value = ""
            await pilot.press(*typed, "enter")
            await pilot.pause()
            assert message in text(pilot, "#move-error"), typed
            assert app.screen.query_one("#move-error").display
        await pilot.press("h")  # typed into the field, not a clock move
        await pilot.pause()
        assert field.value.endswith("h")
        assert text(pilot, "#clock-now") == "Now: Nov 20, 2026, 10:00"
    assert stored_clock(db_path) == before


@pytest.mark.slow
async def test_stale_action_from_another_window_is_refused_without_change(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_order_from_profile(pilot, "to_ship", PENDING_ORDER)
        other = Repository.open(db_path)  # a second window on the same file
        OrderService(other, SimulatedClock(other.meta.clock)).seller_agree(PENDING_ORDER)
        after_other = db_path.read_bytes(), journal_path(db_path).read_bytes()
        await pilot.press("w")
        await pilot.pause()
        await pilot.click("#confirm")
        await pilot.pause()
        assert isinstance(app.screen, OrderDetailsScreen)
        assert text(pilot, "#status-label") == "Closed"
        notices = [n.message for n in app._notifications]
        assert any("no longer awaiting cancellation" in n for n in notices)
        assert (db_path.read_bytes(), journal_path(db_path).read_bytes()) == after_other
    # Closing folded the other window's change into the file; nothing else changed.
    assert load_snapshot(db_path) == other._snapshot


@pytest.mark.slow
async def test_reset_puts_the_demo_back_after_a_confirmation(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2", "f3", "3")  # Kiswahili, remembered; then three days later
        await pilot.pause()
        assert stored_clock(db_path) == "2026-11-23T10:00:00+03:00"
        await pilot.press("R")
        await pilot.pause()
        assert isinstance(app.screen, TrainerResetScreen)
        await pilot.press("enter")  # Back has focus: nothing happens
        await pilot.pause()
        assert stored_clock(db_path) == "2026-11-23T10:00:00+03:00"
        await pilot.press("R")
        await pilot.pause()
        await pilot.click("#confirm")
        await pilot.pause()
        assert isinstance(app.screen, TrainerScreen)
        assert text(pilot, "#clock-now") == "Sasa: 20 Nov 2026, 10:00"
        await pilot.press("f3")  # F3 closes the panel too
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
    demo = json.loads(demo_path().read_text())
    with TinyDB(db_path) as db:
        assert db.table("meta").all()[0]["language"] == "sw"
        assert db.table("orders").all() == list(demo["orders"].values())
        assert len(db.table("events")) == len(demo["events"])


@pytest.mark.slow
async def test_trainer_panel_is_in_the_command_palette_in_both_languages(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Trainer panel" in titles
        await pilot.press("f2")
        await pilot.pause()
        assert "Paneli ya mkufunzi" in [c.title for c in app.get_system_commands(app.screen)]
        await pilot.press("f3")
        await pilot.pause()
        assert text(pilot, "TrainerBar .title") == "■ PANELI YA MKUFUNZI"


@pytest.mark.slow
async def test_the_report_follows_a_language_switch(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3", "d")
        await pilot.pause()
        assert text(pilot, ".report-line").startswith("Clock moved 1 d 0 h")
        await pilot.press("f2")
        await pilot.pause()
        assert text(pilot, ".report-line").startswith("Saa imesogezwa mbele kwa siku 1 na saa 0")


@pytest.mark.slow
async def test_the_panel_opens_and_closes_again_and_again(db_path: Path) -> None:
    """Redrawing the pages after the panel closes must not hold up the keys pressed next."""
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(3):
            await pilot.press("f3")
            await pilot.pause()
            assert isinstance(app.screen, TrainerScreen)
            await close_panel(pilot)
            assert isinstance(app.screen, ProfileScreen)
            assert app.focused is not None and app.focused.id == "section-to_ship"  # kept
        await pilot.press("f3", "r")
        await pilot.pause()
        assert isinstance(app.screen, TrainerRefuseScreen)
        await pilot.press("f3")  # a trainer dialog is open: no second panel
        await pilot.pause()
        assert [type(s) for s in app.screen_stack].count(TrainerScreen) == 1


@pytest.mark.slow
async def test_the_account_page_updates_standing_and_refunds_after_a_cancel(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_order_from_profile(pilot, "to_ship", "8197345062120046")  # being verified
        await pilot.press("c")
        await pilot.pause()
        await choose_reason(pilot, CancelReason.NO_LONGER_NEEDED)
        await pilot.press("ctrl+s", "enter")  # cancelled at once; the card payment goes back
        await pilot.pause()
        await pilot.press("enter", "escape", "escape")  # result → order → list → account
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        standing = app.screen.query_one("#standing", Card).lines[0]
        assert (standing.value, standing.value_part) == ("Warned", "warning")
        refunds = [line.text for line in app.screen.query_one("#refunds", Card).lines if line.value]
        assert refunds[0] == "Order …120046 · Card"


@pytest.mark.slow
async def test_order_cards_count_down_when_the_clock_moves(db_path: Path) -> None:
    """Cards of unchanged orders are kept between reloads, but their countdowns still move."""
    from tui.widgets.order_list import OrderList

    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # To ship
        await pilot.pause()
        cards = app.screen.query_one(OrderList)
        assert "Seller ships within 6 d 2 h" in all_cards(cards)
        await pilot.press("f3", "d")
        await pilot.pause()
        await close_panel(pilot)
        cards = app.screen.query_one(OrderList)
        assert "Seller ships within 5 d 2 h" in all_cards(cards)
        assert "Seller ships within 6 d 2 h" not in all_cards(cards)


def all_cards(cards: Any) -> str:
    return "\n".join(cards.drawn_text(order_id) for order_id in cards.order_ids)
