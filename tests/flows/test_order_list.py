"""The orders list draws only the cards in view, at any size, and works by keys and mouse."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from benchmarks.datasets import demo_raw, scale_orders
from tests.flows.helpers import make_app
from tui.domain.reasons import CancelReason
from tui.domain.rules import CancelPath
from tui.domain.status import OrderTab
from tui.screens.order_details import OrderDetailsScreen
from tui.screens.orders import OrdersScreen
from tui.widgets.order_list import HEIGHT, OrderList


def long_list(folder: Path, orders: int = 2000) -> Path:
    db_path = folder / "orders.json"
    db_path.write_text(json.dumps(scale_orders(demo_raw(), orders)))
    return db_path


async def open_all_orders(pilot: Pilot[Any]) -> tuple[OrdersScreen, OrderList]:
    await pilot.press("o")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, OrdersScreen)
    return screen, screen.query_one(OrderList)


async def test_a_long_list_mounts_few_widgets_and_keeps_keys_and_highlight(
    tmp_path: Path,
) -> None:
    app = make_app(long_list(tmp_path), "en")
    async with app.run_test(size=(100, 30)) as pilot:
        screen, order_list = await open_all_orders(pilot)
        assert len(order_list.order_ids) == 2000
        assert len(list(screen.walk_children())) < 100
        await pilot.press("down", "down")
        chosen = order_list.order_ids[2]
        assert order_list.highlighted_order_id == chosen
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OrderDetailsScreen) and app.screen.order_id == chosen
        await pilot.press("escape")
        await pilot.pause()
        order_list = screen.query_one(OrderList)
        assert app.screen is screen and order_list.highlighted_order_id == chosen
        for _ in range(5):  # round the tabs: the lit order stays lit where listed, else the first
            kept = order_list.highlighted_order_id
            await pilot.press("right")
            await pilot.pause()
            ids = order_list.order_ids
            if ids:
                assert order_list.highlighted_order_id == (kept if kept in ids else ids[0])


async def test_only_the_cards_in_view_are_painted(tmp_path: Path) -> None:
    app = make_app(long_list(tmp_path), "en")
    async with app.run_test(size=(100, 30)) as pilot:
        _, order_list = await open_all_orders(pilot)
        painted: list[str] = []
        paint = order_list.paint

        def counting(order, width, lit):  # type: ignore[no-untyped-def]
            painted.append(order.id)
            return paint(order, width, lit)

        order_list.paint = counting  # type: ignore[method-assign]
        order_list.forget_painted()
        await pilot.pause()
        in_view = order_list.scrollable_content_region.height // HEIGHT + 1
        assert 0 < len(set(painted)) <= in_view
        painted.clear()
        await pilot.press("end")
        await pilot.pause()
        assert order_list.highlighted_order_id == order_list.order_ids[-1]
        assert order_list.order_ids[-1] in painted and len(set(painted)) <= in_view + 1


async def test_end_then_a_click_opens_the_order_drawn_there(tmp_path: Path) -> None:
    """End scrolls to the very bottom; a click lands on the card under the mouse."""
    app = make_app(long_list(tmp_path), "en")
    async with app.run_test(size=(100, 30)) as pilot:
        _, order_list = await open_all_orders(pilot)
        await pilot.press("end")
        await pilot.pause()
        ids = order_list.order_ids
        assert order_list.virtual_size.height == len(ids) * HEIGHT
        view = order_list.scrollable_content_region.height
        assert order_list.scroll_y == len(ids) * HEIGHT - view
        row = 3
        clicked = (int(order_list.scroll_y) + row) // HEIGHT
        assert clicked < len(ids) - 1  # not the one already lit
        await pilot.click(order_list, offset=(5, row))
        await pilot.pause()
        assert isinstance(app.screen, OrderDetailsScreen) and app.screen.order_id == ids[clicked]


async def test_a_click_after_changing_tabs_opens_the_order_drawn_there(tmp_path: Path) -> None:
    app = make_app(long_list(tmp_path), "en")
    async with app.run_test(size=(100, 30)) as pilot:
        _, order_list = await open_all_orders(pilot)
        to_ship = [order.id for order in app.service.orders_in(OrderTab.TO_SHIP)]
        await pilot.press("right", "right")  # To pay, To ship
        await pilot.pause()
        assert order_list.order_ids[:2] == to_ship[:2]
        await pilot.click(order_list, offset=(5, HEIGHT + 1))  # on the second card
        await pilot.pause()
        assert isinstance(app.screen, OrderDetailsScreen) and app.screen.order_id == to_ship[1]


async def test_a_cancel_shows_on_its_card_when_back_on_the_list(tmp_path: Path) -> None:
    app = make_app(long_list(tmp_path), "en")
    async with app.run_test(size=(100, 30)) as pilot:
        screen, order_list = await open_all_orders(pilot)
        service = app.service
        chosen = next(
            i for i in order_list.order_ids if service.cancel_path(i) is CancelPath.REQUEST
        )
        before = order_list.drawn_text(chosen)
        app.push_screen(OrderDetailsScreen(chosen))
        await pilot.pause()
        service.cancel(chosen, CancelReason.NO_LONGER_NEEDED, "", expected=CancelPath.REQUEST)
        await pilot.press("escape")
        await pilot.pause()
        order_list = screen.query_one(OrderList)
        after = order_list.drawn_text(chosen)
        assert after != before and "Awaiting cancellation" in after
