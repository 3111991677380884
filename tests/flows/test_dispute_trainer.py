"""Pilot walks of the trainer panel's after-shipping sections (issue 17): the seller accepts,
rejects with an offer, or stays silent (the clock moves); the platform decides for the
buyer in full or in part, or for the seller; the return arrives; an order is shipped with a
fake tracking number, another shows delivered; an extension is granted or refused. Each is
checked afterwards with stock TinyDB; a refused answer is asked again, nothing saved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Input, ListView, Static

from tests.conftest import PAID_ORDER, SHIPPED_ORDER
from tests.flows.dispute_helpers import (
    AWAITING_SELLER,
    ESCALATED,
    EXTENSION_ASKED,
    RETURN_SHIPPED,
    file_state,
    settle,
    tiny_dispute,
    tiny_event_kinds,
    tiny_order,
    tiny_refund,
)
from tests.flows.helpers import make_app
from tui.screens.trainer import TrainerScreen
from tui.screens.trainer_ask import TrainerAskScreen
from tui.screens.trainer_dispute_parts import OrderItem

SIZE = (100, 40)


async def open_panel(pilot: Pilot[Any]) -> TrainerScreen:
    await pilot.press("f3")
    await settle(pilot)
    panel = pilot.app.screen
    assert isinstance(panel, TrainerScreen)
    return panel


async def highlight(pilot: Pilot[Any], list_id: str, order_id: str) -> None:
    """Focus one of the section's lists and move ↓/↑ to the order (the keyboard way)."""
    found = pilot.app.screen.query_one(f"#{list_id}", ListView)
    found.focus()
    ids = [item.order_id for item in found.query(OrderItem)]
    target = ids.index(order_id)
    for _ in ids:
        if found.index == target:
            break
        await pilot.press("down" if (found.index or 0) < target else "up")
    await settle(pilot)
    assert found.index == target


def report(pilot: Pilot[Any]) -> list[str]:
    return [str(s.render()) for s in pilot.app.screen.query(".report-line").results(Static)]


def shown_buttons(pilot: Pilot[Any]) -> list[str]:
    buttons = pilot.app.screen.query("#dispute-buttons Button").results(Button)
    return [str(b.id) for b in buttons if b.display]


async def answer(pilot: Pilot[Any], *values: str) -> None:
    """Type the dialog's fields (replacing what they hold) and confirm with Enter."""
    dialog = pilot.app.screen
    assert isinstance(dialog, TrainerAskScreen)
    for index, value in enumerate(values):
        dialog.query_one(f"#ask-{index}", Input).value = value
    dialog.query_one("#ask-0", Input).focus()
    await pilot.press("enter")
    await settle(pilot)


def dialog_error(pilot: Pilot[Any]) -> str:
    assert isinstance(pilot.app.screen, TrainerAskScreen)
    return str(pilot.app.screen.query_one("#message-error", Static).render())


@pytest.mark.slow
async def test_seller_accepts_by_mouse(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_panel(pilot)
        await pilot.click(f"#disputes-{AWAITING_SELLER}")
        await settle(pilot)
        assert shown_buttons(pilot) == ["seller-accept", "seller-reject"]
        await pilot.click("#seller-accept")
        await settle(pilot)
        assert report(pilot) == [
            f"Order {AWAITING_SELLER}: Accept the request. Now: Dispute closed: refunded."
        ]
    dispute = tiny_dispute(db_path, AWAITING_SELLER)
    assert dispute is not None and dispute["outcome"]["kind"] == "seller_accepted"
    refund = tiny_refund(db_path, AWAITING_SELLER)
    assert refund is not None and refund["amount"]["minor"] == 1865
    assert tiny_order(db_path, AWAITING_SELLER)["status"] == "cancelled"  # all of it back


@pytest.mark.slow
async def test_seller_rejects_with_an_offer_by_keyboard(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_panel(pilot)
        await highlight(pilot, "disputes", AWAITING_SELLER)
        await pilot.press("tab", "tab", "enter")  # Accept, Reject with an offer
        await settle(pilot)
        assert isinstance(app.screen, TrainerAskScreen)
        before = file_state(db_path)
        await answer(pilot, "99")
        assert dialog_error(pilot) == "An offer must be less than the buyer asked."
        await answer(pilot, "five")
        assert dialog_error(pilot).startswith("That is not an amount")
        assert file_state(db_path) == before
        await answer(pilot, "5", "Arrives next week; we offer part of it now.")
        assert isinstance(app.screen, TrainerScreen)
        assert "Now: Seller rejected your request." in report(pilot)[0]
    dispute = tiny_dispute(db_path, AWAITING_SELLER)
    assert dispute is not None and dispute["state"] == "seller_rejected"
    assert dispute["counter"]["amount"]["minor"] == 500
    assert dispute["counter"]["message"] == "Arrives next week; we offer part of it now."


@pytest.mark.slow
async def test_seller_stays_silent_and_the_clock_accepts(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_panel(pilot)
        await pilot.press("m", *"4d", "enter")
        await settle(pilot)
        lines = report(pilot)
        assert "disputes moved on" in lines[1]
        assert any(AWAITING_SELLER in line and "didn't respond in time" in line for line in lines)
    dispute = tiny_dispute(db_path, AWAITING_SELLER)
    assert dispute is not None and dispute["outcome"]["kind"] == "seller_silent"
    assert "dispute_seller_silent" in tiny_event_kinds(db_path, AWAITING_SELLER)


@pytest.mark.slow
async def test_platform_decides_for_the_buyer_in_full(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_panel(pilot)
        await highlight(pilot, "disputes", ESCALATED)
        assert shown_buttons(pilot) == ["decide-buyer", "decide-partly", "decide-seller"]
        text = str(app.screen.query_one(f"#disputes-{ESCALATED}").query(Static).last().render())
        assert text == "Buyer's record when opening: Good standing"
        await pilot.click("#decide-buyer")
        await settle(pilot)
    dispute = tiny_dispute(db_path, ESCALATED)
    assert dispute is not None and dispute["outcome"]["kind"] == "for_buyer"
    assert dispute["outcome"]["by"] == "platform"
    refund = tiny_refund(db_path, ESCALATED)
    assert refund is not None and refund["amount"]["minor"] == 1898


@pytest.mark.slow
async def test_platform_decides_for_the_buyer_in_part(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_panel(pilot)
        await highlight(pilot, "disputes", ESCALATED)
        await pilot.click("#decide-partly")
        await settle(pilot)
        before = file_state(db_path)
        await answer(pilot, "0")
        assert dialog_error(pilot).startswith("A partial refund is more than zero")
        assert file_state(db_path) == before
        await answer(pilot, "10")
        assert isinstance(app.screen, TrainerScreen)
    dispute = tiny_dispute(db_path, ESCALATED)
    assert dispute is not None and dispute["outcome"]["kind"] == "for_buyer_partly"
    refund = tiny_refund(db_path, ESCALATED)
    assert refund is not None and refund["amount"]["minor"] == 1000
    assert tiny_order(db_path, ESCALATED)["status"] == "completed"


@pytest.mark.slow
async def test_platform_decides_for_the_seller(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_panel(pilot)
        await highlight(pilot, "disputes", ESCALATED)
        await pilot.click("#decide-seller")
        await settle(pilot)
        assert "Dispute closed: no refund" in report(pilot)[0]
    dispute = tiny_dispute(db_path, ESCALATED)
    assert dispute is not None and dispute["state"] == "closed_for_seller"
    assert tiny_refund(db_path, ESCALATED) is None


@pytest.mark.slow
async def test_seller_confirms_the_return(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_panel(pilot)
        await highlight(pilot, "disputes", RETURN_SHIPPED)
        assert shown_buttons(pilot) == ["confirm-return"]
        await pilot.press("tab", "enter")
        await settle(pilot)
        assert not app.screen.query(f"#disputes-{RETURN_SHIPPED}")  # no longer open
    dispute = tiny_dispute(db_path, RETURN_SHIPPED)
    assert dispute is not None and dispute["state"] == "refunded"
    assert "return_received" in tiny_event_kinds(db_path, RETURN_SHIPPED)


@pytest.mark.slow
async def test_ship_with_a_fake_tracking_number(db_path: Path) -> None:
    """The article's first ground, set up by the trainer: a bad number is asked again."""
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_panel(pilot)
        await highlight(pilot, "to-ship", PAID_ORDER)
        await pilot.click("#ship-fake")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, TrainerAskScreen)
        assert dialog.query_one("#ask-1", Input).value == "30"  # the usual delivery time
        before = file_state(db_path)
        await answer(pilot, "FAKE")
        assert dialog_error(pilot).startswith("That is not a tracking number")
        await answer(pilot, "YT2410220088123", "0")
        assert dialog_error(pilot) == "The delivery time is between 1 and 120 days."
        assert file_state(db_path) == before
        await answer(pilot, "YT2410220088123", "20")
        assert report(pilot) == [
            f"Order {PAID_ORDER} shipped with a fake tracking number, YT2410220088123."
        ]
    order = tiny_order(db_path, PAID_ORDER)
    assert (order["status"], order["tracking_number"], order["tracking_fake"]) == (
        "shipped",
        "YT2410220088123",
        True,
    )
    assert order["delivery_days"] == 20


@pytest.mark.slow
async def test_mark_delivered(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_panel(pilot)
        await highlight(pilot, "to-deliver", SHIPPED_ORDER)
        await pilot.click("#deliver")
        await settle(pilot)
        assert report(pilot) == [f"Order {SHIPPED_ORDER}: tracking shows the parcel delivered."]
    assert tiny_order(db_path, SHIPPED_ORDER)["delivered_at"] == "2026-11-20T10:00:00+03:00"


@pytest.mark.slow
async def test_grant_an_extension(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_panel(pilot)
        await highlight(pilot, "extensions", EXTENSION_ASKED)
        await pilot.press("tab", "enter")  # Grant extra days
        await settle(pilot)
        before = file_state(db_path)
        await answer(pilot, "ten")
        assert dialog_error(pilot) == "Type a whole number of days."
        await answer(pilot, "99")
        assert dialog_error(pilot) == "Grant between 1 and 30 extra days."
        assert file_state(db_path) == before
        await answer(pilot, "12")
        assert report(pilot) == [f"Order {EXTENSION_ASKED}: buyer protection extended by 12 days."]
    extension = tiny_order(db_path, EXTENSION_ASKED)["extension"]
    assert (extension["outcome"], extension["granted_days"]) == ("granted", 12)


@pytest.mark.slow
async def test_refuse_an_extension(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_panel(pilot)
        await highlight(pilot, "extensions", EXTENSION_ASKED)
        await pilot.click("#refuse-extension")
        await settle(pilot)
        assert "No request to extend protection." in [
            str(s.render()) for s in app.screen.query("#extensions-section .hint").results(Static)
        ]
    assert tiny_order(db_path, EXTENSION_ASKED)["extension"]["outcome"] == "refused"
