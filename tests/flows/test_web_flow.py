"""Pilot walks of the website flow (the article's Option 1), checked in the DB with stock TinyDB."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Label, OptionList, Select, Static
from tinydb import TinyDB

from tests.conftest import (
    CANCELLED_ORDER,
    PAID_ORDER,
    PENDING_ORDER,
    SHIPPED_ORDER,
    UNPAID_ORDER,
    VERIFYING_ORDER,
)
from tests.flows.helpers import make_app, open_order_from_profile, stored_events, stored_order
from tests.flows.web_helpers import (
    choose_web_reason,
    highlight_order,
    listed_orders,
    make_web_app,
    menu_offers_cancel,
    open_more,
    open_web_tab,
)
from tui.domain.reasons import CancelReason
from tui.domain.status import OrderTab
from tui.screens.profile import ProfileScreen
from tui.screens.web.cancel_done import WebResultScreen
from tui.screens.web.cancel_request import WebCancelScreen
from tui.screens.web.order_menu import OrderMenuScreen
from tui.screens.web.orders import WebOrdersScreen
from tui.widgets.card import Card
from tui.widgets.web_order_list import WebOrderList

SIZE = (120, 35)


def text(screen: object, selector: str) -> str:
    from textual.screen import Screen

    assert isinstance(screen, Screen)
    return str(screen.query_one(selector, Static).render())


def row_status(screen: object, order_id: str) -> str:
    """The status shown on the order's card, as drawn."""
    assert isinstance(screen, WebOrdersScreen)
    order_list = screen.query_one(WebOrderList)
    status = screen.card_text(screen.service.order(order_id)).status
    assert status in order_list.drawn_text(order_id)
    return status


async def test_request_cancellation_end_to_end(db_path: Path) -> None:
    app = make_web_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, WebOrdersScreen)
        menu = await open_more(pilot, OrderTab.TO_SHIP, PAID_ORDER)
        assert "Cancel order request" in str(menu.query_one(OptionList).get_option("cancel").prompt)
        assert menu_offers_cancel(menu)
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, WebCancelScreen)
        select = dialog.query_one("#web-reason", Select)
        assert select.is_blank() and app.focused is select
        assert "Select here" in str(select.query_one("#label", Static).render())
        await pilot.press("ctrl+s")  # OK with no reason yet
        await pilot.pause()
        assert "Choose a reason" in text(dialog, "#web-error")
        await choose_web_reason(pilot, CancelReason.NO_LONGER_NEEDED)
        assert not dialog.query_one("#web-warning").display
        assert "72 hours" in text(dialog, "#web-consequence")
        await pilot.click("#web-note")
        await pilot.press(*"Nimebadilisha mawazo [sorry]")
        await pilot.click("#web-ok")
        await pilot.pause()
        assert isinstance(app.screen, WebResultScreen)
        assert text(app.screen, "#web-done-title") == "✓ Cancellation request submitted"
        steps = [line.text for line in app.screen.query_one("#web-next-steps", Card).lines]
        steps = [step for step in steps if step.startswith("• ")]
        assert "72 hours" in steps[0] and "closes by itself" in steps[1]
        assert any("3–20 business days" in step for step in steps)
        await pilot.press("enter")
        await pilot.pause()
        page = app.screen
        assert isinstance(page, WebOrdersScreen)
        assert page.highlighted_order() == PAID_ORDER
        assert row_status(page, PAID_ORDER) == "Awaiting cancellation"
        menu = await open_more(pilot, OrderTab.TO_SHIP, PAID_ORDER)
        assert not menu_offers_cancel(menu)

    order = stored_order(db_path, PAID_ORDER)
    assert order["status"] == "cancellation_requested"
    assert order["cancellation"]["reason"] == "no_longer_needed"
    assert order["cancellation"]["note"] == "Nimebadilisha mawazo [sorry]"
    events = stored_events(db_path, PAID_ORDER)
    assert [(e["from_status"], e["to_status"], e["actor"]) for e in events] == [
        ("awaiting_shipment", "cancellation_requested", "buyer")
    ]


async def test_whole_flow_in_swahili_uses_the_articles_words(db_path: Path) -> None:
    app = make_web_app(db_path, "sw")
    async with app.run_test(size=SIZE) as pilot:
        page = await open_web_tab(pilot, OrderTab.TO_SHIP)
        assert "Kutuma" in str(page.query_one("#web-tab-to_ship").render())
        await highlight_order(pilot, PAID_ORDER)
        assert "Zaidi ▾" in page.query_one(WebOrderList).drawn_text(PAID_ORDER)
        await pilot.press("m")
        await pilot.pause()
        option = app.screen.query_one(OptionList).get_option("cancel")
        assert str(option.prompt) == "Ombi la kufuta amri"
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert "Chagua hapa" in str(dialog.query_one("#web-reason #label", Static).render())
        assert "OK" in str(dialog.query_one("#web-ok").render())
        await choose_web_reason(pilot, CancelReason.NO_LONGER_NEEDED)
        chosen = str(dialog.query_one("#web-reason #label", Static).render())
        assert "Mimi sihitaji tena utaratibu huu" in chosen
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert text(app.screen, "#web-done-title") == "✓ Ombi la kufuta amri limetumwa"
        await pilot.press("enter")
        await pilot.pause()
        assert row_status(app.screen, PAID_ORDER) == "Inasubiri kufutwa"
    order = stored_order(db_path, PAID_ORDER)
    assert order["status"] == "cancellation_requested"
    assert order["cancellation"]["reason"] == "no_longer_needed"


@pytest.mark.slow
async def test_unpaid_order_is_cancelled_at_once(db_path: Path) -> None:
    app = make_web_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        menu = await open_more(pilot, OrderTab.TO_PAY, UNPAID_ORDER)
        assert str(menu.query_one(OptionList).get_option("cancel").prompt) == "Cancel order"
        await pilot.press("enter")
        await pilot.pause()
        assert text(app.screen, "#web-consequence") == "The order will be cancelled at once."
        await choose_web_reason(pilot, CancelReason.WRONG_ITEM)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert text(app.screen, "#web-done-title") == "✓ Order cancelled"
        await pilot.press("enter")
        await pilot.pause()
        page = app.screen
        assert isinstance(page, WebOrdersScreen)
        assert UNPAID_ORDER not in listed_orders(page)  # a closed order leaves To pay
        assert "To pay (1)" in str(page.query_one("#web-tab-to_pay").render())
    order = stored_order(db_path, UNPAID_ORDER)
    assert order["status"] == "cancelled"
    assert order["cancellation"]["reason"] == "wrong_item"
    assert order["closed_at"] is not None


@pytest.mark.slow
async def test_payment_verifying_order_is_cancelled_at_once(db_path: Path) -> None:
    app = make_web_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_more(pilot, OrderTab.TO_SHIP, VERIFYING_ORDER)
        await pilot.press("enter")
        await pilot.pause()
        await choose_web_reason(pilot, CancelReason.DUPLICATE_ORDER)
        await pilot.press("ctrl+s", "enter")
        await pilot.pause()
    assert stored_order(db_path, VERIFYING_ORDER)["status"] == "cancelled"


@pytest.mark.slow
async def test_shipped_order_menu_is_disabled_and_explains_dispute(db_path: Path) -> None:
    app = make_web_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        menu = await open_more(pilot, OrderTab.SHIPPED, SHIPPED_ORDER)
        assert not menu_offers_cancel(menu)
        why = menu.query_one("#web-menu-why", Card).lines
        grounds = [line.text for line in why if line.text.startswith("• ")]
        assert len(grounds) == 3 and any("tracking number" in g for g in grounds)
        options = menu.query_one(OptionList)
        lit = options.highlighted
        assert lit is not None and options.get_option_at_index(lit).id == "open_dispute"
        await pilot.press("up")  # the greyed Cancel entry (the first) can't be lit
        await pilot.pause()
        assert options.highlighted not in (None, 0) and app.screen is menu
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WebOrdersScreen)
    assert stored_order(db_path, SHIPPED_ORDER)["status"] == "shipped"


@pytest.mark.slow
async def test_closed_and_pending_orders_offer_no_cancel(db_path: Path) -> None:
    app = make_web_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        for order_id in (CANCELLED_ORDER, PENDING_ORDER):
            menu = await open_more(pilot, OrderTab.ALL, order_id)
            assert not menu_offers_cancel(menu)
            await pilot.press("escape")
            await pilot.pause()


@pytest.mark.slow
async def test_seller_fault_reason_warns_and_other_needs_a_note(db_path: Path) -> None:
    app = make_web_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_more(pilot, OrderTab.TO_SHIP, PAID_ORDER)
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        await choose_web_reason(pilot, CancelReason.OUT_OF_STOCK)
        warning = dialog.query_one("#web-warning", Static)
        assert warning.display and "seller's rating" in str(warning.render())
        note = dialog.query_one("#web-note", Input)
        assert note.placeholder == "Add a note (optional)"
        await choose_web_reason(pilot, CancelReason.OTHER)
        assert not warning.display
        assert app.focused is note and note.placeholder == "Write your reason (required)"
        await pilot.press("enter")  # submit with an empty note
        await pilot.pause()
        assert app.screen is dialog
        assert "write your reason" in text(dialog, "#web-error")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WebOrdersScreen)
    assert stored_order(db_path, PAID_ORDER)["status"] == "awaiting_shipment"


@pytest.mark.slow
async def test_escape_goes_back_one_step_at_a_time(db_path: Path) -> None:
    app = make_web_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_more(pilot, OrderTab.TO_SHIP, PAID_ORDER)
        await pilot.press("enter")
        await pilot.pause()
        select = app.screen.query_one("#web-reason", Select)
        await pilot.press("enter")  # opens the drop-down
        await pilot.pause()
        assert select.expanded
        await pilot.press("escape")  # closes only the list
        await pilot.pause()
        assert not select.expanded and isinstance(app.screen, WebCancelScreen)
        await pilot.click("#web-cancel")
        await pilot.pause()
        assert isinstance(app.screen, WebOrdersScreen)
        assert app.screen.check_action("back", ()) is False  # the first page: nowhere back
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WebOrdersScreen)
    assert stored_order(db_path, PAID_ORDER)["status"] == "awaiting_shipment"


async def test_more_opens_with_the_mouse_next_to_the_button(db_path: Path) -> None:
    app = make_web_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        page = await open_web_tab(pilot, OrderTab.TO_SHIP)
        button = page.query_one(WebOrderList).more_region(PAID_ORDER)
        assert button is not None
        await pilot.click(offset=(button.x + 1, button.y))
        await pilot.pause()
        menu = app.screen
        assert isinstance(menu, OrderMenuScreen) and menu.order_id == PAID_ORDER
        box = menu.query_one("#web-menu").region
        assert box.y == button.bottom and box.right == button.right
        assert page.highlighted_order() == PAID_ORDER
        await pilot.click(offset=(2, 2))  # beside the menu: closes it
        await pilot.pause()
        assert app.screen is page


async def test_cancel_in_one_flow_shows_in_the_other(db_path: Path) -> None:
    app = make_web_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_more(pilot, OrderTab.TO_SHIP, PAID_ORDER)
        await pilot.press("enter")
        await pilot.pause()
        await choose_web_reason(pilot, CancelReason.CHANGE_ADDRESS)
        await pilot.press("ctrl+s", "enter")
        await pilot.pause()
        await pilot.press("f4")  # website → support desk
        await pilot.pause()
        await pilot.press("f4")  # → app
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen) and len(app.screen_stack) == 1
        await open_order_from_profile(pilot, "to_ship", PAID_ORDER)
        assert text(app.screen, "#status-label") == "Awaiting cancellation"
        await pilot.press("escape", "escape")
        await pilot.pause()
        # and the other way: cancel the unpaid order in the app, see it closed on the website
        await open_order_from_profile(pilot, "to_pay", UNPAID_ORDER)
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("enter", "ctrl+s", "enter")
        await pilot.pause()
        assert stored_order(db_path, UNPAID_ORDER)["status"] == "cancelled"
        await pilot.press("enter")  # leave the result page
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        page = app.screen
        assert isinstance(page, WebOrdersScreen) and len(app.screen_stack) == 1
        assert row_status(page, UNPAID_ORDER) == "Closed"
    with TinyDB(db_path) as db:
        (meta,) = db.table("meta").all()
    assert meta["flow"] == "web"


@pytest.mark.slow
async def test_flow_is_remembered_and_switch_closes_open_dialogs(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, ProfileScreen)
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, WebOrdersScreen)
        await open_more(pilot, OrderTab.TO_SHIP, PAID_ORDER)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WebCancelScreen)
        await pilot.press("ctrl+p")  # the palette works over dialogs, F4 does not
        await pilot.pause()
        await pilot.press(*"mobile app")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert [type(s) for s in app.screen_stack] == [ProfileScreen]
        assert not [w for w in app.workers if w.is_running]
    assert stored_order(db_path, PAID_ORDER)["status"] == "awaiting_shipment"
    again = make_app(db_path)
    async with again.run_test(size=SIZE) as pilot:
        assert isinstance(again.screen, ProfileScreen)
        await pilot.press("f4")
        await pilot.pause()
    third = make_app(db_path)
    async with third.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(third.screen, WebOrdersScreen)


@pytest.mark.slow
async def test_language_switch_keeps_tab_and_order(db_path: Path) -> None:
    app = make_web_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        page = await open_web_tab(pilot, OrderTab.TO_SHIP)
        await highlight_order(pilot, PAID_ORDER)
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen is page and page.tab is OrderTab.TO_SHIP
        assert page.highlighted_order() == PAID_ORDER
        assert str(page.query_one("#web-title", Static).render()) == "Amri zangu"
        name = app.translator.key_name
        footer_keys = {
            name(b.binding.description, b.binding.action) for b in page.active_bindings.values()
        }
        assert {"Zaidi", "Badili mwonekano"} <= footer_keys
        empty = str(page.query_one("#web-empty", Label).render())
        assert empty == "Hakuna amri hapa"


@pytest.mark.slow
async def test_tab_keys_while_no_tab_is_shown_do_not_crash(db_path: Path) -> None:
    """Found by the benchmark at 1,000 orders: ← → arriving while the page redraws (no tab
    active yet) raised ValueError. The step is then taken from the page's own tab."""
    from textual.widgets import Tabs

    app = make_app(db_path, "en", "web")
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WebOrdersScreen)
        start = screen.tab
        screen.query_one("#web-tabs", Tabs).active = ""
        screen.action_switch_tab(1)
        await pilot.pause()
        tabs = list(OrderTab)
        assert screen.tab is tabs[(tabs.index(start) + 1) % len(tabs)]
