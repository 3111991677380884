"""Pilot walks of the website's dispute flow (issue 17), from More and from the order page:
open a dispute on each ground group (refund only in part; return and refund), accept the
seller's offer, escalate, modify the request, cancel the dispute, fill in the return's
tracking number, confirm received, extend protection; each checked afterwards with stock
TinyDB. Bad input gets an inline message and leaves the file as it was."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Select, Static

from tests.conftest import SHIPPED_ORDER
from tests.flows.dispute_helpers import (
    AWAITING_RETURN,
    AWAITING_SELLER,
    DELIVERED,
    ESCALATED,
    FAKE_TRACKING,
    PLAIN_SHIPPED,
    SELLER_REJECTED,
    file_state,
    page_text,
    settle,
    tiny_dispute,
    tiny_event_kinds,
    tiny_order,
    tiny_refund,
)
from tests.flows.web_helpers import make_web_app, open_more
from tui.domain.dispute_models import DisputeGround, RequestType
from tui.domain.status import OrderTab
from tui.screens.web.dispute_boxes import (
    WebActionQuestion,
    WebDisputeDone,
    WebDisputeReview,
    WebReturnScreen,
)
from tui.screens.web.dispute_dialog import WebDisputeScreen
from tui.screens.web.order_menu import OrderMenuScreen
from tui.screens.web.order_page import WebOrderPage
from tui.screens.web.orders import WebOrdersScreen
from tui.widgets.web_order_list import WebOrderList

SIZE = (120, 35)


async def menu_entry(pilot: Pilot[Any], tab: OrderTab, order_id: str, entry: str) -> None:
    """My orders → the order's card → More → ↓ to the entry → Enter."""
    menu = await open_more(pilot, tab, order_id)
    options = menu.query_one(OptionList)
    ids = [str(options.get_option_at_index(i).id) for i in range(options.option_count)]
    assert entry in ids, ids
    for _ in ids:
        if options.highlighted == ids.index(entry):
            break
        await pilot.press("down")
    await pilot.press("enter")
    await settle(pilot)


async def choose_ground(pilot: Pilot[Any], ground: DisputeGround) -> None:
    await choose_in_select(pilot, "#web-dispute-ground", list(DisputeGround).index(ground))


async def choose_in_select(pilot: Pilot[Any], selector: str, index: int) -> None:
    """Open the drop-down with Enter, ↓ to the entry (line 0 is "Select here"), Enter."""
    select = pilot.app.screen.query_one(selector, Select)
    select.focus()
    await pilot.press("enter")
    await pilot.pause()
    overlay = select.query_one(OptionList)
    for _ in range(overlay.option_count + 1):
        if overlay.highlighted == index + 1:
            break
        await pilot.press("down" if (overlay.highlighted or 0) < index + 1 else "up")
    await pilot.press("enter")
    await settle(pilot)


async def scroll_to(pilot: Pilot[Any], selector: str) -> None:
    pilot.app.screen.query_one(selector).scroll_visible(animate=False)
    await settle(pilot)


def ground_index(ground: DisputeGround) -> int:
    return list(DisputeGround).index(ground)


def web_error(pilot: Pilot[Any], selector: str = "#web-dispute-error") -> str:
    return str(pilot.app.screen.query_one(selector, Static).render())


def fill(pilot: Pilot[Any], selector: str, text: str) -> None:
    pilot.app.screen.query_one(selector, Input).value = text


async def test_open_dispute_from_more_by_keyboard_partial_refund(db_path: Path) -> None:
    """The article's first ground, refund only in part; Back on the review keeps the form."""
    app = make_web_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        menu = await open_more(pilot, OrderTab.SHIPPED, FAKE_TRACKING)
        entries = [str(o.id) for o in menu.query_one(OptionList).options if not o.disabled]
        assert entries == ["open_dispute", "confirm_receipt", "extend_protection", "details"]
        await pilot.press("enter")  # Open dispute is lit first
        await settle(pilot)
        box = app.screen
        assert isinstance(box, WebDisputeScreen)
        await choose_ground(pilot, DisputeGround.FAKE_TRACKING)
        kinds = box.query_one("#web-dispute-type", Select)
        assert kinds.value is RequestType.REFUND_ONLY  # nothing else for an item not received
        assert box.query_one("#web-dispute-amount", Input).value == "12.45"
        box.query_one("#web-dispute-amount", Input).focus()
        box.query_one("#web-dispute-amount", Input).value = ""
        await pilot.press(*"9.99", "tab")
        await pilot.press(*"No tracking updates at all", "tab")
        await pilot.press(*"tracking.png")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, WebDisputeReview)
        assert "US $9.99" in page_text(pilot) and "tracking.png" in page_text(pilot)
        await pilot.press("shift+tab", "enter")  # Back: the form as filled in
        await settle(pilot)
        box = app.screen
        assert isinstance(box, WebDisputeScreen)
        assert box.query_one("#web-dispute-amount", Input).value == "9.99"
        assert box.query_one("#web-dispute-evidence", Input).value == "tracking.png"
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("enter")  # Submit is lit
        await settle(pilot)
        assert isinstance(app.screen, WebDisputeDone)
        assert "✓ Dispute opened" in page_text(pilot)
        await pilot.press("enter")
        await settle(pilot)
        page = app.screen
        assert isinstance(page, WebOrdersScreen)
        assert "Dispute in progress" in page.query_one(WebOrderList).drawn_text(FAKE_TRACKING)
    dispute = tiny_dispute(db_path, FAKE_TRACKING)
    assert dispute is not None
    assert (dispute["ground"], dispute["request_type"], dispute["amount"]["minor"]) == (
        "fake_tracking",
        "refund_only",
        999,
    )
    assert dispute["evidence"] == ["tracking.png"] and dispute["state"] == "awaiting_seller"
    assert tiny_order(db_path, FAKE_TRACKING)["status"] == "in_dispute"


@pytest.mark.slow
async def test_open_dispute_from_the_order_page_by_mouse_return_and_refund(db_path: Path) -> None:
    app = make_web_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await menu_entry(pilot, OrderTab.SHIPPED, DELIVERED, "details")
        assert isinstance(app.screen, WebOrderPage)
        assert "Buyer protection: " in page_text(pilot)
        await pilot.click("#web-page-open_dispute")
        await settle(pilot)
        box = app.screen
        assert isinstance(box, WebDisputeScreen)
        await pilot.click("#web-dispute-ground")
        await pilot.pause()
        overlay = box.query_one("#web-dispute-ground", Select).query_one(OptionList)
        # Under the overlay's edge: "Select here", then the grounds, one line each but the
        # second, which wraps at this width (the value is checked below).
        await pilot.click(overlay, offset=(4, 3 + ground_index(DisputeGround.WRONG_ITEM)))
        await settle(pilot)
        await pilot.click("#web-dispute-type")
        await pilot.pause()
        overlay = box.query_one("#web-dispute-type", Select).query_one(OptionList)
        await pilot.click(overlay, offset=(4, 3))  # under the edge and "Select here": the 2nd
        await settle(pilot)
        assert box.query_one("#web-dispute-ground", Select).value is DisputeGround.WRONG_ITEM
        amount = box.query_one("#web-dispute-amount", Input)
        assert amount.disabled and amount.value == "23.99"
        await scroll_to(pilot, "#web-dispute-description")  # the wheel, as a mouse user would
        await pilot.click("#web-dispute-description")
        await pilot.press(*"A tablet stand, not a laptop stand")
        await scroll_to(pilot, "#web-dispute-ok")
        await pilot.click("#web-dispute-ok")
        await settle(pilot)
        assert isinstance(app.screen, WebDisputeReview)
        await pilot.click("#web-review-submit")
        await settle(pilot)
        assert isinstance(app.screen, WebDisputeDone)
        await pilot.click("#web-dispute-done-ok")
        await settle(pilot)
        assert isinstance(app.screen, WebOrderPage)
        assert "Waiting for the seller to respond" in page_text(pilot)
        assert [b.id for b in app.screen.query("#web-page-actions Button")] == [
            "web-page-change_request",
            "web-page-cancel_dispute",
        ]
    dispute = tiny_dispute(db_path, DELIVERED)
    assert dispute is not None
    assert (dispute["ground"], dispute["request_type"], dispute["amount"]["minor"]) == (
        "wrong_item",
        "return_and_refund",
        2399,
    )


@pytest.mark.slow
async def test_bad_input_is_an_inline_message_and_saves_nothing(db_path: Path) -> None:
    app = make_web_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        before = file_state(db_path)
        await menu_entry(pilot, OrderTab.SHIPPED, SHIPPED_ORDER, "open_dispute")
        box = app.screen
        assert isinstance(box, WebDisputeScreen)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert web_error(pilot) == "Choose one first."
        await choose_ground(pilot, DisputeGround.MISSING_PARTS)
        await choose_in_select(pilot, "#web-dispute-type", 0)
        for typed, description, message in [
            ("40", "ok", "The amount can't be more than you paid for this order."),
            ("5", "", "Please describe the problem."),
            ("5", "y" * 1001, "The description is too long (at most 1000 characters)."),
            ("5", "bell\x07", "The description contains characters that can't be shown."),
        ]:
            fill(pilot, "#web-dispute-amount", typed)
            fill(pilot, "#web-dispute-description", description)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, WebDisputeScreen)
            assert web_error(pilot) == message
        assert file_state(db_path) == before
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, WebOrdersScreen)
        assert file_state(db_path) == before
    assert tiny_dispute(db_path, SHIPPED_ORDER) is None


@pytest.mark.slow
async def test_accept_the_sellers_offer_from_more(db_path: Path) -> None:
    app = make_web_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await menu_entry(pilot, OrderTab.SHIPPED, SELLER_REJECTED, "accept_counter")
        assert isinstance(app.screen, WebActionQuestion)
        assert "Accept the seller's offer?" in page_text(pilot)
        assert "US $4.00" in page_text(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, WebOrdersScreen)
    dispute = tiny_dispute(db_path, SELLER_REJECTED)
    assert dispute is not None and dispute["outcome"]["kind"] == "counter_accepted"
    refund = tiny_refund(db_path, SELLER_REJECTED)
    assert refund is not None and refund["amount"]["minor"] == 400


@pytest.mark.slow
async def test_escalate_from_the_order_page_by_mouse(db_path: Path) -> None:
    app = make_web_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await menu_entry(pilot, OrderTab.SHIPPED, SELLER_REJECTED, "details")
        await pilot.click("#web-page-escalate")
        await settle(pilot)
        assert isinstance(app.screen, WebActionQuestion)
        await pilot.click("#confirm")
        await settle(pilot)
        assert isinstance(app.screen, WebOrderPage)
        assert "AliExpress is reviewing the dispute" in page_text(pilot)
    dispute = tiny_dispute(db_path, SELLER_REJECTED)
    assert dispute is not None and dispute["state"] == "escalated"


@pytest.mark.slow
async def test_modify_the_request(db_path: Path) -> None:
    app = make_web_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await menu_entry(pilot, OrderTab.SHIPPED, AWAITING_SELLER, "change_request")
        box = app.screen
        assert isinstance(box, WebDisputeScreen)
        assert not box.query("#web-dispute-ground")  # the problem stays, shown as text
        assert "Not delivered on time / still in transit" in page_text(pilot)
        fill(pilot, "#web-dispute-amount", "12")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, WebDisputeDone)
        assert "✓ Request changed" in page_text(pilot)
        await pilot.press("enter")
        await settle(pilot)
    dispute = tiny_dispute(db_path, AWAITING_SELLER)
    assert dispute is not None and dispute["amount"]["minor"] == 1200
    assert tiny_event_kinds(db_path, AWAITING_SELLER)[-1] == "dispute_changed"


@pytest.mark.slow
async def test_cancel_the_dispute(db_path: Path) -> None:
    app = make_web_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await menu_entry(pilot, OrderTab.SHIPPED, ESCALATED, "cancel_dispute")
        assert isinstance(app.screen, WebActionQuestion)
        assert app.focused is not None and app.focused.id == "back"
        await pilot.click("#confirm")
        await settle(pilot)
        menu = await open_more(pilot, OrderTab.SHIPPED, ESCALATED)
        entries = [str(o.id) for o in menu.query_one(OptionList).options if not o.disabled]
        assert "open_dispute" not in entries
        assert "can't be opened again" in page_text(pilot)
    dispute = tiny_dispute(db_path, ESCALATED)
    assert dispute is not None and dispute["state"] == "cancelled"
    assert tiny_order(db_path, ESCALATED)["status"] == "shipped"


@pytest.mark.slow
async def test_return_tracking_bad_then_good(db_path: Path) -> None:
    app = make_web_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await menu_entry(pilot, OrderTab.SHIPPED, AWAITING_RETURN, "ship_return")
        assert isinstance(app.screen, WebReturnScreen)
        before = file_state(db_path)
        await pilot.press(*"1234", "enter")
        await settle(pilot)
        assert web_error(pilot, "#web-return-error").startswith("That is not a tracking number")
        assert file_state(db_path) == before
        fill(pilot, "#web-return-tracking", "LP00712345678901")
        await pilot.click("#web-return-ok")
        await settle(pilot)
        assert isinstance(app.screen, WebOrdersScreen)
    dispute = tiny_dispute(db_path, AWAITING_RETURN)
    assert dispute is not None and dispute["return_tracking"] == "LP00712345678901"
    assert dispute["state"] == "return_shipped"


@pytest.mark.slow
async def test_confirm_received_and_extend_protection(db_path: Path) -> None:
    app = make_web_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await menu_entry(pilot, OrderTab.SHIPPED, SHIPPED_ORDER, "confirm_receipt")
        assert isinstance(app.screen, WebActionQuestion)
        await pilot.press("enter")
        await settle(pilot)
        await menu_entry(pilot, OrderTab.SHIPPED, PLAIN_SHIPPED, "extend_protection")
        assert isinstance(app.screen, WebActionQuestion)
        assert "Ask the seller to extend buyer protection?" in page_text(pilot)
        await pilot.press("enter")
        await settle(pilot)
        menu = await open_more(pilot, OrderTab.SHIPPED, PLAIN_SHIPPED)
        assert isinstance(menu, OrderMenuScreen)
        entries = [str(o.id) for o in menu.query_one(OptionList).options if not o.disabled]
        assert "extend_protection" not in entries
    assert tiny_order(db_path, SHIPPED_ORDER)["receipt_confirmed_at"] is not None
    assert tiny_order(db_path, PLAIN_SHIPPED)["extension"]["requested_at"] is not None
