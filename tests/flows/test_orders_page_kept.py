"""The Account page keeps its My orders page between visits; what changed meanwhile shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.flows.helpers import make_app, stored_order
from tests.flows.helpers import press_and_settle as go
from tui.app import CancelOrderApp
from tui.domain.status import OrderTab
from tui.screens.orders import OrdersScreen
from tui.screens.profile import ProfileScreen
from tui.widgets.card import Card
from tui.widgets.order_list import OrderList
from tui.widgets.phone import PageHeader

SIZE = (100, 30)


async def test_the_same_page_opens_on_the_tab_asked_for(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await go(pilot, "enter")  # the To ship tile
        page = app.screen
        assert isinstance(page, OrdersScreen) and page.tab is OrderTab.TO_SHIP
        await go(pilot, "down", "escape", "o")  # back, then All orders: a new visit, from the top
        assert app.screen is page and page.tab is OrderTab.ALL
        order_list = page.query_one(OrderList)
        assert len(order_list.order_ids) == len(app.service.orders_in(OrderTab.ALL))
        assert order_list.highlighted_order_id == order_list.order_ids[0]
        assert app.focused is order_list


async def test_a_kept_page_follows_a_language_switch(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await go(pilot, "o", "escape", "f2", "o")
        page = app.screen
        assert isinstance(page, OrdersScreen)
        assert page.query_one(PageHeader).title == "Amri zangu"


async def test_a_kept_page_shows_the_moved_clock(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await go(pilot, "enter")
        assert "Seller ships within 6 d 2 h" in app.screen.query_one(OrderList).drawn_text()
        await go(pilot, "escape", "f3", "d", "escape", "enter")
        cards = app.screen.query_one(OrderList).drawn_text()
        assert "Seller ships within 5 d 2 h" in cards and "6 d 2 h" not in cards


async def test_switching_flows_and_back_gives_a_working_page(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await go(pilot, "o", "escape", "f4", "f4")
        assert isinstance(app.screen, ProfileScreen)
        await go(pilot, "o")
        assert isinstance(app.screen, OrdersScreen) and app.screen.tab is OrderTab.ALL
        await go(pilot, "f4", "f4")  # with the page open
        await go(pilot, "enter")
        assert isinstance(app.screen, OrdersScreen) and app.screen.tab is OrderTab.TO_SHIP


async def test_pages_under_a_cancel_result_show_the_change_before_going_back(
    db_path: Path,
) -> None:
    """Account, My orders and the order page are redrawn while the result is read."""
    from tests.conftest import PAID_ORDER
    from tests.flows.helpers import open_order_from_profile
    from tui.screens.cancel_result import CancelResultScreen
    from tui.screens.order_details import OrderDetailsScreen

    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        cancelled_before = app.service.reputation().count
        await open_order_from_profile(pilot, "to_ship", PAID_ORDER)
        await pilot.press("enter", "enter", "ctrl+s", "enter")  # reason, confirm
        for _ in range(50):  # the cancel flow's worker lives until the result is closed
            await pilot.pause()
            if isinstance(app.screen, CancelResultScreen) and not app.screen_stack[-2].query(
                "#cancel-order"
            ):
                break  # the order page underneath was redrawn, and the others before it
        assert isinstance(app.screen, CancelResultScreen)
        profile, orders, details = app.screen_stack[-4:-1]
        assert isinstance(profile, ProfileScreen) and isinstance(orders, OrdersScreen)
        assert isinstance(details, OrderDetailsScreen)
        found = app.service.reputation()
        counted = app.translator("profile.cancellations", count=found.count, days=found.window_days)
        standing = profile.query_one("#standing", Card).plain_text
        assert found.count == cancelled_before + 1 and counted in standing
        card = orders.query_one(OrderList).drawn_text(PAID_ORDER)
        assert app.translator("status.cancellation_requested") in card
        assert not details.query("#cancel-order"), "the order page shows the request already"
        assert stored_order(db_path, PAID_ORDER)["status"] == "cancellation_requested"


async def test_my_orders_is_built_unseen_while_account_is_read(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        page = app.screen._orders_page  # type: ignore[attr-defined]
        assert isinstance(page, OrdersScreen) and page.is_mounted
        assert page not in app.screen_stack, "built, not shown"
        await go(pilot, "o")
        assert app.screen is page and page.tab is OrderTab.ALL
        order_list = page.query_one(OrderList)
        assert order_list.order_ids == [o.id for o in app.service.orders_in(OrderTab.ALL)]
        assert app.focused is order_list


def shown_order_number(page: object) -> str | None:
    from textual.screen import Screen

    assert isinstance(page, Screen)
    (number,) = [line.value for line in page.query_one("#order-info", Card).lines[:1]]
    return number


async def test_my_orders_keeps_one_order_page_built_unseen_and_refilled(db_path: Path) -> None:
    from tui.screens.order_details import OrderDetailsScreen

    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await go(pilot, "o")  # All orders: an order page is built for the first order, unseen
        orders = app.screen
        assert isinstance(orders, OrdersScreen)
        kept = orders._details_page
        assert isinstance(kept, OrderDetailsScreen) and kept.is_mounted
        assert kept not in app.screen_stack, "built, not shown"
        listed = orders.query_one(OrderList).order_ids
        seen = []
        for position in (0, 1, 5):  # each order opens on the same page, refilled
            await go(pilot, *["down"] * position, "enter")
            assert app.screen is kept
            seen.append(shown_order_number(kept))
            assert str(kept.query_one("#status-label").render()) == app.translator(
                app.service.order(listed[position]).status.label_key
            )
            await go(pilot, "escape", "home")
        assert seen == [listed[0], listed[1], listed[5]]


async def test_the_kept_order_page_follows_a_language_switch(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await go(pilot, "o", "enter", "escape", "escape", "f2", "o", "enter")
        assert app.screen.query_one(PageHeader).title == "Maelezo ya amri"
        assert str(app.screen.query_one("#status-label").render()) == app.translator(
            app.service.order(shown_order_number(app.screen) or "").status.label_key
        )


@pytest.mark.parametrize("flow", ["app", "web"])
async def test_quitting_as_the_first_page_is_drawn_leaves_no_error(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, flow: str
) -> None:
    """My orders, built unseen after the first frame, may still be mounting when the app
    closes: its own preparation must not then look for its list (which is gone)."""
    prepare = CancelOrderApp.on_ready

    def quit_at_once(app: CancelOrderApp) -> None:
        prepare(app)
        app.exit()

    monkeypatch.setattr(CancelOrderApp, "on_ready", quit_at_once)
    app = make_app(db_path, "en", flow)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
    assert app.return_code == 0 and app._exception is None


async def test_my_orders_is_laid_out_and_measured_unseen(db_path: Path) -> None:
    """Built off the stack, My orders is also laid out at the screen's size and its list
    measured: shown, nothing in it changes size (which would lay it out again)."""
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        account = app.screen
        assert isinstance(account, ProfileScreen) and account._orders_page is not None
        order_list = account._orders_page.query_one(OrderList)
        unseen = (order_list.size, order_list.virtual_size, order_list.show_vertical_scrollbar)
        assert unseen[0].width > 0 and unseen[1].height > 0
        await go(pilot, "enter")
        assert app.screen is account._orders_page
        shown = (order_list.size, order_list.virtual_size, order_list.show_vertical_scrollbar)
        assert shown == unseen
