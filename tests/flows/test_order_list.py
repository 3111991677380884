"""The orders list draws cards without a widget per order, and still works by keyboard."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.datasets import demo_raw, scale_orders
from tests.flows.helpers import make_app
from tui.screens.order_details import OrderDetailsScreen
from tui.screens.orders import OrdersScreen
from tui.widgets.order_list import OrderList


async def test_a_long_list_mounts_few_widgets_and_keeps_keys_and_highlight(
    tmp_path: Path,
) -> None:
    db_path = tmp_path / "orders.json"
    db_path.write_text(json.dumps(scale_orders(demo_raw(), 2000)))
    app = make_app(db_path, "en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("o")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OrdersScreen)
        order_list = screen.query_one(OrderList)
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
        assert app.screen is screen and order_list.highlighted_order_id == chosen
        for _ in range(5):  # round the tabs: the lit order stays lit where listed, else the first
            kept = order_list.highlighted_order_id
            await pilot.press("right")
            await pilot.pause()
            ids = order_list.order_ids
            assert order_list.highlighted_order_id == (kept if kept in ids else ids[0])
