"""My orders gets its kept order page ready, unseen, for the order the highlight rests on."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.flows.helpers import make_app
from tests.flows.helpers import press_and_settle as go
from tests.flows.test_orders_page_kept import shown_order_number
from tui.screens import orders as orders_module
from tui.screens.order_details import OrderDetailsScreen
from tui.screens.orders import OrdersScreen
from tui.widgets.order_list import OrderList

SIZE = (100, 30)


def kept_page(app: object) -> tuple[OrderDetailsScreen, list[str]]:
    from textual.app import App

    assert isinstance(app, App)
    orders = app.screen
    assert isinstance(orders, OrdersScreen)
    page = orders._details_page
    assert isinstance(page, OrderDetailsScreen)
    return page, orders.query_one(OrderList).order_ids


def banner(page: OrderDetailsScreen) -> list[str]:
    return [str(label.render()) for label in page.query("#status-banner Static")]


async def test_resting_on_an_order_readies_the_page_unseen(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await go(pilot, "o", "down", "down")
        page, listed = kept_page(app)
        assert page.order_id == listed[2] and shown_order_number(page) == listed[2]
        assert page not in app.screen_stack, "readied, not shown"
        details = page.query_one("#details")
        unseen = (details.size, details.virtual_size)
        assert unseen[0].width > 0, "laid out at the screen's size"
        await go(pilot, "enter")
        assert app.screen is page and shown_order_number(page) == listed[2]
        assert (details.size, details.virtual_size) == unseen, "nothing to lay out again"
        status = app.translator(app.service.order(listed[2]).status.label_key)
        assert banner(page)[0] == status


async def test_waiting_keys_skip_it_and_enter_still_shows_the_right_order(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(orders_module, "input_waiting", lambda app: True)
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await go(pilot, "o", "down")
        page, listed = kept_page(app)
        assert page.order_id == listed[0], "a held key: nothing readied"
        await go(pilot, "enter")
        assert app.screen is page and shown_order_number(page) == listed[1]
        status = app.translator(app.service.order(listed[1]).status.label_key)
        assert banner(page)[0] == status


async def test_what_changed_after_readying_shows_when_opened(db_path: Path) -> None:
    """Readied, then the clock moved a day (trainer panel): Enter shows today's countdown."""
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await go(pilot, "enter")  # To ship: the first order has a countdown to ship
        page, listed = kept_page(app)
        await go(pilot, "down", "up")  # readied for the first order (left, then back)
        before = banner(page)
        assert page.order_id == listed[0] and before == page._banner()
        await go(pilot, "f3", "d", "escape", "enter")
        assert app.screen is page and shown_order_number(page) == listed[0]
        assert banner(page) == page._banner() != before


async def test_a_refilled_list_readies_nothing_until_the_buyer_moves(db_path: Path) -> None:
    """A tab switch places the highlight itself: the page waits for the buyer's move."""
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await go(pilot, "o")
        page, listed = kept_page(app)
        built_for = page.order_id
        await go(pilot, "right", "right")  # To pay, then To ship
        page, listed = kept_page(app)
        assert listed[0] != built_for and page.order_id == built_for
        await go(pilot, "down")
        assert page.order_id == listed[1]
