"""The website's My orders list draws cards without a widget per order, and reloads in place."""

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
from tui.widgets.web_order_card import WebOrderCard
from tui.widgets.web_order_list import WebOrderList

ORDERS = 2000


def card(order_list: WebOrderList, order_id: str) -> WebOrderCard:
    found = order_list.get_option(order_id).prompt
    assert isinstance(found, WebOrderCard)
    return found


async def test_a_long_list_mounts_few_widgets_and_a_cancel_updates_it_in_place(
    tmp_path: Path,
) -> None:
    db_path = tmp_path / "orders.json"
    db_path.write_text(json.dumps(scale_orders(demo_raw(), ORDERS)))
    app = make_web_app(db_path, "en")
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await open_web_tab(pilot, OrderTab.ALL)
        order_list = screen.query_one(WebOrderList)
        assert len(order_list.order_ids) == ORDERS
        widgets = len(list(screen.walk_children()))
        assert widgets < 100  # as many as with 17 orders: no widget per order
        formatted = [i for i in order_list.order_ids if card(order_list, i)._cached is not None]
        assert 0 < len(formatted) < 10  # only the cards in view were formatted

        await pilot.press("end")  # the last card; narrower, the cards grow: it stays in view
        last = order_list.order_ids[-1]
        await pilot.resize_terminal(50, 24)
        await pilot.pause()
        assert order_list.narrow and screen.highlighted_order() == last
        assert order_list.more_region(last) is not None
        await pilot.resize_terminal(120, 35)
        await pilot.pause()

        await open_web_tab(pilot, OrderTab.TO_SHIP)
        assert screen.query_one(WebOrderList) is order_list
        kept = {oid: card(order_list, oid) for oid in order_list.order_ids}
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

        assert app.screen is screen and isinstance(screen, WebOrdersScreen)
        assert screen.query_one(WebOrderList) is order_list  # reloaded, not recomposed
        assert len(list(screen.walk_children())) == widgets
        assert screen.highlighted_order() == PAID_ORDER
        assert card(order_list, PAID_ORDER).text.status == "Awaiting cancellation"
        assert "Awaiting cancellation" in order_list.drawn_text(PAID_ORDER)
        assert all(
            card(order_list, oid) is kept[oid] for oid in order_list.order_ids if oid != PAID_ORDER
        )  # unchanged orders keep their cards
        to_ship = str(screen.query_one("#web-tab-to_ship").render())
        assert to_ship.endswith(f"({len(order_list.order_ids)})")
    assert stored_order(db_path, PAID_ORDER)["status"] == "cancellation_requested"
