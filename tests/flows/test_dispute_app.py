"""Pilot walks of the app's dispute flow (issue 17): open a dispute on each ground group,
refund only in part, return and refund, accept the seller's offer, escalate, change the
request, cancel the dispute, send the return, confirm receipt, extend protection; each
checked afterwards in the data file with stock TinyDB. Bad input gets an inline message and
leaves the file as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static

from tests.conftest import SHIPPED_ORDER
from tests.flows.dispute_helpers import (
    AWAITING_RETURN,
    AWAITING_SELLER,
    DELIVERED,
    ESCALATED,
    FAKE_TRACKING,
    PLAIN_SHIPPED,
    SELLER_REJECTED,
    choose_option,
    click_option,
    file_state,
    page_text,
    settle,
    tiny_dispute,
    tiny_event_kinds,
    tiny_order,
    tiny_refund,
)
from tests.flows.helpers import make_app, open_order_from_profile
from tui.screens.dispute_form import (
    DisputeAmountSheet,
    DisputeDetailsSheet,
    DisputeGroundSheet,
    DisputeRequestSheet,
    DisputeReviewSheet,
)
from tui.screens.dispute_sheets import DisputeResultScreen, QuestionSheet, ReturnTrackingSheet
from tui.screens.order_details import OrderDetailsScreen
from tui.widgets.order_list import OrderList

SIZE = (100, 30)


def error_text(pilot) -> str:  # type: ignore[no-untyped-def]
    return str(pilot.app.screen.query_one("#form-error", Static).render())


async def type_into(pilot, selector: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Empty a field and type ``text`` into it, key by key."""
    field = pilot.app.screen.query_one(selector, Input)
    field.focus()
    field.value = ""
    await pilot.press(*text)
    await pilot.pause()


async def open_page(pilot, order_id: str) -> OrderDetailsScreen:  # type: ignore[no-untyped-def]
    pilot.app.push_screen(OrderDetailsScreen(order_id))
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, OrderDetailsScreen)
    return screen


async def test_open_dispute_item_not_received_by_keyboard_partial_refund(db_path: Path) -> None:
    """The article's first ground: a fake tracking number. Refund only, in part."""
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_order_from_profile(pilot, "shipped", FAKE_TRACKING)
        text = page_text(pilot)
        assert "Buyer protection: " in text and " days left" in text
        assert "Tracking No tracking information" in text  # never "fake": the buyer can't know
        assert [b.id for b in app.screen.query("#actions Button")] == [
            "open-dispute",
            "confirm-receipt",
            "extend-protection",
        ]
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, DisputeGroundSheet)
        headings = page_text(pilot)
        assert "Item not received" in headings and "Item not as described" in headings
        # The first ground is lit, not its heading: Enter at once chooses it.
        choices = app.screen.query_one("#choices", OptionList)
        assert choices.highlighted is not None
        assert choices.get_option_at_index(choices.highlighted).id == "fake_tracking"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DisputeRequestSheet)
        assert "Return and refund" not in page_text(pilot)  # never received: refund only
        await choose_option(pilot, "refund_only")
        assert isinstance(app.screen, DisputeAmountSheet)
        assert app.screen.query_one("#amount", Input).value == "12.45"  # all of it to start
        await pilot.press("escape")  # Escape on any step leaves the form
        await settle(pilot)
        assert isinstance(app.screen, OrderDetailsScreen)
        await pilot.press("d")
        await settle(pilot)
        await choose_option(pilot, "fake_tracking")
        await choose_option(pilot, "refund_only")
        await type_into(pilot, "#amount", "10.5")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DisputeDetailsSheet)
        await type_into(pilot, "#description", "Tracking says nothing since it shipped.")
        await type_into(pilot, "#evidence", "tracking.png, chat.png")
        await pilot.press("enter")
        await settle(pilot)
        review = app.screen
        assert isinstance(review, DisputeReviewSheet)
        text = page_text(pilot)
        assert "US $10.50" in text and "Fake tracking number, or someone else's" in text
        assert "tracking.png, chat.png" in text and "5 days" in text
        await pilot.press("enter")  # Submit has the focus
        await settle(pilot)
        assert isinstance(app.screen, DisputeResultScreen)
        assert "Dispute opened" in page_text(pilot)
        assert "The seller has until Nov 25, 2026, 10:00 to respond." in page_text(pilot)
        await pilot.press("enter")
        await settle(pilot)
        page = app.screen
        assert isinstance(page, OrderDetailsScreen)
        assert str(page.query_one("#status-label", Static).render()) == "Dispute in progress"
        text = page_text(pilot)
        assert "Waiting for the seller to respond" in text
        assert "The seller must act by Nov 25, 2026, 10:00" in text
        assert "You opened a dispute: US $10.50" in text  # the event, with its amount
        await pilot.press("escape")
        await settle(pilot)
        orders = app.screen.query_one(OrderList)
        assert "Dispute in progress" in orders.drawn_text(FAKE_TRACKING)
    dispute = tiny_dispute(db_path, FAKE_TRACKING)
    assert dispute is not None
    assert (dispute["state"], dispute["ground"], dispute["request_type"]) == (
        "awaiting_seller",
        "fake_tracking",
        "refund_only",
    )
    assert dispute["amount"] == {"minor": 1050, "currency": "USD"}
    assert dispute["description"] == "Tracking says nothing since it shipped."
    assert dispute["evidence"] == ["tracking.png", "chat.png"]
    assert tiny_order(db_path, FAKE_TRACKING)["status"] == "in_dispute"
    assert tiny_event_kinds(db_path, FAKE_TRACKING)[-1] == "dispute_opened"


@pytest.mark.slow
async def test_open_dispute_not_as_described_return_by_mouse(db_path: Path) -> None:
    """Item damaged, return and refund (all that was paid), every step with the mouse;
    Back returns a step and keeps what was chosen."""
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_page(pilot, DELIVERED)
        assert "Delivered" in page_text(pilot)
        await pilot.click("#open-dispute")
        await settle(pilot)
        await click_option(pilot, "damaged")
        assert isinstance(app.screen, DisputeRequestSheet)
        await click_option(pilot, "return_and_refund")
        amount = app.screen
        assert isinstance(amount, DisputeAmountSheet)
        assert amount.query_one("#amount", Input).disabled  # a return is refunded in full
        assert "A return is refunded in full: US $23.99." in page_text(pilot)
        await pilot.click("#back")
        await settle(pilot)
        assert isinstance(app.screen, DisputeRequestSheet)
        assert "◉ Return and refund" in page_text(pilot)  # kept
        await pilot.click("#next")
        await settle(pilot)
        await pilot.click("#next")
        await settle(pilot)
        assert isinstance(app.screen, DisputeDetailsSheet)
        await pilot.click("#description")
        await pilot.press(*"Cracked stand")
        await pilot.click("#next")
        await settle(pilot)
        assert isinstance(app.screen, DisputeReviewSheet)
        assert "Return and refund" in page_text(pilot) and "No files attached" in page_text(pilot)
        await pilot.click("#next")
        await settle(pilot)
        assert isinstance(app.screen, DisputeResultScreen)
        await pilot.click("#view-order")
        await settle(pilot)
        assert isinstance(app.screen, OrderDetailsScreen)
    dispute = tiny_dispute(db_path, DELIVERED)
    assert dispute is not None
    assert (dispute["ground"], dispute["request_type"], dispute["amount"]["minor"]) == (
        "damaged",
        "return_and_refund",
        2399,
    )
    assert dispute["evidence"] == [] and dispute["description"] == "Cracked stand"


@pytest.mark.slow
async def test_bad_input_is_an_inline_message_and_saves_nothing(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_page(pilot, SHIPPED_ORDER)
        before = file_state(db_path)
        await pilot.press("d")
        await settle(pilot)
        await choose_option(pilot, "poor_quality")
        await choose_option(pilot, "refund_only")
        for typed, message in [
            ("999", "The amount can't be more than you paid for this order."),
            ("0", "Enter an amount more than zero."),
            ("ten", "That is not an amount (for example 12.50)."),
        ]:
            await type_into(pilot, "#amount", typed)
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, DisputeAmountSheet)
            assert error_text(pilot) == message
        await type_into(pilot, "#amount", "5")
        await pilot.press("enter")
        await settle(pilot)
        details = app.screen
        assert isinstance(details, DisputeDetailsSheet)
        await pilot.press("ctrl+s")  # nothing described
        await settle(pilot)
        assert error_text(pilot) == "Please describe the problem."
        description = details.query_one("#description", Input)
        description.value = "x" * 1001
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert error_text(pilot) == "The description is too long (at most 1000 characters)."
        description.value = "Colour \x1b[31mred\x1b[0m is wrong"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert error_text(pilot) == "The description contains characters that can't be shown."
        description.value = "Colour is wrong"
        await type_into(pilot, "#evidence", "../photo.jpg")
        await pilot.press("enter")
        await settle(pilot)
        assert error_text(pilot) == "“../photo.jpg” is a path, not a file name."
        assert app.focused is details.query_one("#evidence")
        assert isinstance(app.screen, DisputeDetailsSheet)
        assert file_state(db_path) == before  # nothing saved
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, OrderDetailsScreen)
        assert file_state(db_path) == before
    assert tiny_dispute(db_path, SHIPPED_ORDER) is None
    assert tiny_order(db_path, SHIPPED_ORDER)["status"] == "shipped"


@pytest.mark.slow
async def test_accept_the_sellers_offer(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_order_from_profile(pilot, "shipped", SELLER_REJECTED)
        text = page_text(pilot)
        assert "Seller's offer: US $4.00" in text and "goodwill refund" in text
        assert [b.id for b in app.screen.query("#actions Button")] == [
            "accept-offer",
            "change-request",
            "escalate",
            "cancel-dispute",
        ]
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, QuestionSheet)
        assert "You get US $4.00 back and keep the item" in page_text(pilot)
        await pilot.press("enter")  # Accept offer is lit
        await settle(pilot)
        assert isinstance(app.screen, OrderDetailsScreen)
        assert "Dispute closed: refunded" in page_text(pilot)
        assert not app.screen.query("#actions Button")
    dispute = tiny_dispute(db_path, SELLER_REJECTED)
    assert dispute is not None and dispute["state"] == "refunded"
    assert dispute["outcome"]["kind"] == "counter_accepted"
    refund = tiny_refund(db_path, SELLER_REJECTED)
    assert refund is not None and refund["amount"] == {"minor": 400, "currency": "USD"}
    assert tiny_order(db_path, SELLER_REJECTED)["status"] == "completed"  # refunded in part


@pytest.mark.slow
async def test_escalate_by_mouse(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_page(pilot, SELLER_REJECTED)
        await pilot.click("#escalate")
        await settle(pilot)
        assert isinstance(app.screen, QuestionSheet)
        assert "decides within 7 days" in page_text(pilot)
        await pilot.click("#confirm")
        await settle(pilot)
        assert "AliExpress is reviewing the dispute" in page_text(pilot)
        assert [b.id for b in app.screen.query("#actions Button")] == ["cancel-dispute"]
    dispute = tiny_dispute(db_path, SELLER_REJECTED)
    assert dispute is not None and dispute["state"] == "escalated"
    assert tiny_event_kinds(db_path, SELLER_REJECTED)[-1] == "dispute_escalated"


@pytest.mark.slow
async def test_change_the_request(db_path: Path) -> None:
    """The ground stays; a new amount and description; the seller's time starts again."""
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_page(pilot, AWAITING_SELLER)
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, DisputeRequestSheet)  # no ground step
        assert "Change request" in page_text(pilot)
        await choose_option(pilot, "refund_only")
        assert app.screen.query_one("#amount", Input).value == "18.65"  # as it stands
        await type_into(pilot, "#amount", "15")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one("#description", Input).value  # the description as it was
        await type_into(pilot, "#description", "Still not here after 40 days.")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DisputeResultScreen)
        assert "Request changed" in page_text(pilot)
    dispute = tiny_dispute(db_path, AWAITING_SELLER)
    assert dispute is not None and dispute["state"] == "awaiting_seller"
    assert dispute["amount"]["minor"] == 1500 and dispute["ground"] == "not_delivered_on_time"
    assert dispute["description"] == "Still not here after 40 days."
    assert tiny_event_kinds(db_path, AWAITING_SELLER)[-1] == "dispute_changed"


@pytest.mark.slow
async def test_cancel_the_dispute_keep_first_then_cancel(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_page(pilot, ESCALATED)
        before = file_state(db_path)
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, QuestionSheet)
        assert app.focused is not None and app.focused.id == "back"  # Keep dispute, lit first
        assert "can't be opened again" in page_text(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert file_state(db_path) == before
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("tab", "enter")
        await settle(pilot)
        assert str(app.screen.query_one("#status-label", Static).render()) == "Awaiting delivery"
        assert "You cancelled the dispute for this order" in page_text(pilot)
        assert not app.screen.query("#open-dispute")  # never again
    dispute = tiny_dispute(db_path, ESCALATED)
    assert dispute is not None and dispute["state"] == "cancelled"
    assert tiny_order(db_path, ESCALATED)["status"] == "shipped"


@pytest.mark.slow
async def test_send_the_return_with_a_bad_then_a_good_tracking_number(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_page(pilot, AWAITING_RETURN)
        assert "Send the item back to the seller and enter its tracking number." in page_text(pilot)
        before = file_state(db_path)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, ReturnTrackingSheet)
        await pilot.press(*"ABC123", "enter")
        await settle(pilot)
        assert error_text(pilot).startswith("That is not a tracking number: 8–30 letters")
        assert file_state(db_path) == before
        await type_into(pilot, "#return-tracking", "rb 1234-5678-9cn")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, OrderDetailsScreen)
        assert "Return on its way to the seller" in page_text(pilot)
        assert "RB123456789CN" in page_text(pilot)
    dispute = tiny_dispute(db_path, AWAITING_RETURN)
    assert dispute is not None and dispute["state"] == "return_shipped"
    assert dispute["return_tracking"] == "RB123456789CN"


@pytest.mark.slow
async def test_confirm_receipt_and_extend_protection(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_page(pilot, SHIPPED_ORDER)
        await pilot.click("#confirm-receipt")
        await settle(pilot)
        assert isinstance(app.screen, QuestionSheet)
        assert "Buyer protection then lasts 15 more days" in page_text(pilot)
        await pilot.click("#confirm")
        await settle(pilot)
        assert "Receipt confirmed on Nov 20, 2026, 10:00" in page_text(pilot)
        assert [b.id for b in app.screen.query("#actions Button")] == ["open-dispute"]
        await pilot.press("escape")
        await settle(pilot)
        await open_page(pilot, PLAIN_SHIPPED)
        await pilot.press("e")
        await settle(pilot)
        assert "The seller can add up to 30 days" in page_text(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "they answer by Nov 25, 2026, 10:00" in page_text(pilot)
        assert "extend-protection" not in [b.id for b in app.screen.query("#actions Button")]
    assert tiny_order(db_path, SHIPPED_ORDER)["receipt_confirmed_at"] == "2026-11-20T10:00:00+03:00"
    extension = tiny_order(db_path, PLAIN_SHIPPED)["extension"]
    assert extension["requested_at"] == "2026-11-20T10:00:00+03:00"
    assert extension["outcome"] is None


@pytest.mark.slow
async def test_a_dispute_in_swahili(db_path: Path) -> None:
    app = make_app(db_path, "sw")
    async with app.run_test(size=SIZE) as pilot:
        await open_page(pilot, FAKE_TRACKING)
        assert "Ulinzi wa mnunuzi: zimebaki siku" in page_text(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert "Namba ya kufuatilia ya uongo au ya mtu mwingine" in page_text(pilot)
        await choose_option(pilot, "not_delivered_on_time")
        await choose_option(pilot, "refund_only")
        await type_into(pilot, "#amount", "100")
        await pilot.press("enter")
        await settle(pilot)
        assert error_text(pilot) == "Kiasi hakiwezi kuzidi ulicholipa kwa amri hii."
