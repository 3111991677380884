"""The orders list draws cards without a widget per order, and still works by keyboard."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from benchmarks.datasets import demo_raw, scale_orders
from tests.flows.helpers import make_app
from tui.screens.order_details import OrderDetailsScreen
from tui.screens.orders import OrdersScreen
from tui.widgets.order_list import OrderList


def long_list(folder: Path) -> Path:
    db_path = folder / "orders.json"
    db_path.write_text(json.dumps(scale_orders(demo_raw(), 2000)))
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
        assert app.screen is screen and order_list.highlighted_order_id == chosen
        for _ in range(5):  # round the tabs: the lit order stays lit where listed, else the first
            kept = order_list.highlighted_order_id
            await pilot.press("right")
            await pilot.pause()
            ids = order_list.order_ids
            assert order_list.highlighted_order_id == (kept if kept in ids else ids[0])


async def test_a_cancel_redraws_only_its_card_in_a_long_list(tmp_path: Path) -> None:
    """Back on All after a cancel: the same options, the cancelled order's card made anew."""
    from tui.domain.reasons import CancelReason
    from tui.domain.rules import CancelPath

    app = make_app(long_list(tmp_path), "en")
    async with app.run_test(size=(100, 30)) as pilot:
        screen, order_list = await open_all_orders(pilot)
        service = app.service
        chosen = next(
            i for i in order_list.order_ids if service.cancel_path(i) is CancelPath.REQUEST
        )
        options = list(order_list.options)
        before = order_list.drawn_text(chosen)
        service.cancel(chosen, CancelReason.NO_LONGER_NEEDED, "", expected=CancelPath.REQUEST)
        screen.reload()
        await pilot.pause()
        assert order_list.options == options and all(
            a is b for a, b in zip(order_list.options, options, strict=True)
        ), "the listed options are kept"
        after = order_list.drawn_text(chosen)
        assert after != before and "Awaiting cancellation" in after


async def test_end_then_a_click_opens_the_order_drawn_there(tmp_path: Path) -> None:
    """Line positions come from the cards' heights: End scrolls to the very bottom, and a
    click lands on the card that the heights put under the mouse."""
    from itertools import accumulate

    from textual.css.styles import RulesMap

    app = make_app(long_list(tmp_path), "en")
    async with app.run_test(size=(100, 30)) as pilot:
        _, order_list = await open_all_orders(pilot)
        await pilot.press("end")
        await pilot.pause()
        ids = order_list.order_ids
        assert order_list.highlighted_order_id == ids[-1]
        width = order_list.scrollable_content_region.width
        rules: RulesMap = order_list.styles  # type: ignore[assignment]
        heights = [option.prompt.get_height(rules, width) for option in order_list.options]  # type: ignore[union-attr]
        starts = [0, *accumulate(heights)]
        assert order_list.virtual_size.height == starts[-1]
        assert order_list.scroll_y == starts[-1] - order_list.scrollable_content_region.height
        row = 3
        line = int(order_list.scroll_y) + row
        clicked = max(index for index, start in enumerate(starts[:-1]) if start <= line)
        assert clicked < len(ids) - 1  # not the one already lit
        await pilot.click(order_list, offset=(5, row))
        await pilot.pause()
        assert isinstance(app.screen, OrderDetailsScreen) and app.screen.order_id == ids[clicked]


async def test_a_tab_shown_again_reuses_its_listing_and_is_measured_at_the_new_width(
    tmp_path: Path,
) -> None:
    """All → To ship → All: the second All shows the options built the first time (nothing
    filled again); after a resize a kept listing is measured again for the new width."""
    app = make_app(long_list(tmp_path), "en")
    async with app.run_test(size=(100, 30)) as pilot:
        screen, order_list = await open_all_orders(pilot)
        first_options, first_lines = order_list._options, order_list._line_cache
        height = order_list.virtual_size.height
        await pilot.press("right", "right")  # To pay, To ship
        await pilot.pause()
        assert order_list._options is not first_options
        await pilot.press("left", "left")  # All again
        await pilot.pause()
        assert order_list._options is first_options, "the kept listing, not a new one"
        assert order_list._line_cache is first_lines, "and its measured lines"
        assert order_list.order_ids == [o.id for o in app.service.orders_in(screen.tab)]
        assert order_list.highlighted_order_id == order_list.order_ids[0]
        assert order_list.virtual_size.height == height
        await pilot.press("right")
        await pilot.pause()
        await pilot.resize_terminal(44, 30)  # another width: kept lines are measured again
        await pilot.pause()
        await pilot.press("left")
        await pilot.pause()
        assert order_list._options is first_options
        assert order_list._line_cache is not first_lines
        assert order_list.virtual_size.height == height  # cards are two lines at either width


async def test_all_is_made_unseen_and_kept_through_a_cancel(tmp_path: Path) -> None:
    """All's cards are made after the first frame, unseen; after a cancel (every tab gets a
    new sequence) All shows the same options again, only the cancelled order's card new."""
    from tui.domain.reasons import CancelReason
    from tui.domain.rules import CancelPath
    from tui.domain.status import OrderTab
    from tui.screens.profile import ProfileScreen

    app = make_app(long_list(tmp_path), "en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        account = app.screen
        assert isinstance(account, ProfileScreen) and account._orders_page is not None
        unseen = account._orders_page.query_one(OrderList)
        service = app.service
        assert unseen._listings.holds(service.orders_in(OrderTab.ALL))
        prepared = unseen._listings._kept[-1].options
        _, order_list = await open_all_orders(pilot)
        assert order_list is unseen and order_list._options is prepared  # nothing made now
        options = order_list._options
        chosen = next(
            i for i in order_list.order_ids if service.cancel_path(i) is CancelPath.REQUEST
        )
        await pilot.press("right")  # To pay
        await pilot.pause()
        service.cancel(chosen, CancelReason.NO_LONGER_NEEDED, "", expected=CancelPath.REQUEST)
        await pilot.press("left")  # All: a new sequence, the same orders in the same places
        await pilot.pause()
        assert order_list._options is options
        assert "Awaiting cancellation" in order_list.drawn_text(chosen)
        assert order_list.order_ids == [o.id for o in service.orders_in(OrderTab.ALL)]


async def test_a_click_after_changing_tabs_opens_the_order_drawn_there(tmp_path: Path) -> None:
    """A card stands in All and in its tab, at different places: a click reads the place in
    the list shown, not in the list the card was last drawn in."""
    from tui.domain.status import OrderTab

    app = make_app(long_list(tmp_path), "en")
    async with app.run_test(size=(100, 30)) as pilot:
        _, order_list = await open_all_orders(pilot)
        to_ship = [order.id for order in app.service.orders_in(OrderTab.TO_SHIP)]
        in_all = order_list.index_of(to_ship[1])
        assert in_all is not None and in_all > 1  # drawn at another place in All
        order_list.highlighted = in_all - 1  # All at To ship's first cards: drawn there, the
        # second one as in To ship (not lit)
        await pilot.pause()
        await pilot.press("right", "right")  # To pay, To ship
        await pilot.pause()
        assert order_list.order_ids[:2] == to_ship[:2]
        first_height = order_list.options[0].prompt.get_height(  # type: ignore[union-attr]
            order_list.styles,  # type: ignore[arg-type]
            order_list.scrollable_content_region.width,
        )
        await pilot.click(order_list, offset=(5, first_height + 1))  # on the second card
        await pilot.pause()
        assert isinstance(app.screen, OrderDetailsScreen) and app.screen.order_id == to_ship[1]
