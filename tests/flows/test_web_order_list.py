"""The website's My orders list draws only the cards in view, at any size, by keys and mouse."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.datasets import demo_raw, scale_orders
from tests.conftest import PAID_ORDER
from tests.flows.helpers import stored_order
from tests.flows.web_helpers import choose_web_reason, make_web_app, open_web_tab
from tui.domain.reasons import CancelReason
from tui.domain.status import OrderTab
from tui.screens.web.cancel_done import WebResultScreen
from tui.screens.web.order_menu import OrderMenuScreen
from tui.screens.web.orders import WebOrdersScreen
from tui.widgets.web_order_list import NARROW_WIDTH, WebOrderList

ORDERS = 2000


async def test_a_long_list_paints_only_what_is_in_view_and_a_cancel_shows_in_it(
    tmp_path: Path,
) -> None:
    db_path = tmp_path / "orders.json"
    db_path.write_text(json.dumps(scale_orders(demo_raw(), ORDERS)))
    app = make_web_app(db_path, "en")
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await open_web_tab(pilot, OrderTab.ALL)
        order_list = screen.query_one(WebOrderList)
        assert len(order_list.order_ids) == ORDERS
        assert len(list(screen.walk_children())) < 100  # no widget per order
        painted: list[str] = []
        paint = order_list.paint

        def counting(order, width, lit):  # type: ignore[no-untyped-def]
            painted.append(order.id)
            return paint(order, width, lit)

        order_list.paint = counting  # type: ignore[method-assign]
        order_list.forget_painted()
        await pilot.pause()
        assert 0 < len(set(painted)) < 10  # only the cards in view

        await pilot.press("end")  # the last card; narrower, the cards grow: it stays in view
        last = order_list.order_ids[-1]
        await pilot.resize_terminal(50, 24)
        await pilot.pause()
        assert order_list.size.width < NARROW_WIDTH and screen.highlighted_order() == last
        assert order_list.more_region(last) is not None
        await pilot.resize_terminal(120, 35)
        await pilot.pause()

        await open_web_tab(pilot, OrderTab.TO_SHIP)
        order_list = screen.query_one(WebOrderList)
        order_list.highlighted = order_list.order_ids.index(PAID_ORDER)
        await pilot.press("down", "up")  # ↑ ↓ still move the highlight
        assert screen.highlighted_order() == PAID_ORDER
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, OrderMenuScreen) and app.screen.order_id == PAID_ORDER
        await pilot.press("enter")
        await pilot.pause()
        await choose_web_reason(pilot, CancelReason.NO_LONGER_NEEDED)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WebResultScreen)
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()

        assert app.screen is screen and isinstance(screen, WebOrdersScreen)
        order_list = screen.query_one(WebOrderList)
        assert screen.highlighted_order() == PAID_ORDER
        assert "Awaiting cancellation" in order_list.drawn_text(PAID_ORDER)
        to_ship = str(screen.query_one("#web-tab-to_ship").render())
        assert to_ship.endswith(f"({len(order_list.order_ids)})")
    assert stored_order(db_path, PAID_ORDER)["status"] == "cancellation_requested"


async def test_a_click_on_a_card_opens_its_menu_under_its_more_control(db_path: Path) -> None:
    app = make_web_app(db_path, "en")
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await open_web_tab(pilot, OrderTab.TO_SHIP)
        order_list = screen.query_one(WebOrderList)
        index = order_list.order_ids.index(PAID_ORDER)
        height = order_list.card_height(order_list.scrollable_content_region.width)
        order_list.scroll_to(y=index * height, animate=False, immediate=True)
        await pilot.pause()
        more = order_list.more_region(PAID_ORDER)
        assert more is not None
        await pilot.click(offset=(more.x + 1, more.y))
        await pilot.pause()
        menu = app.screen
        assert isinstance(menu, OrderMenuScreen) and menu.order_id == PAID_ORDER
        box = menu.query_one("#web-menu").region
        assert box.y >= more.bottom or box.bottom <= more.y  # beside the control, not over it
