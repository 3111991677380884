"""Pilot helpers for the website flow: walk it the way a keyboard user does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import OptionList, Select

from tui.app import CancelOrderApp
from tui.domain.reasons import CancelReason
from tui.domain.status import OrderTab
from tui.flow import Flow
from tui.i18n import Language
from tui.screens.web.order_menu import OrderMenuScreen
from tui.screens.web.orders import WebOrdersScreen
from tui.widgets.web_order_list import WebOrderList


def make_web_app(db_path: Path, language: str | None = None) -> CancelOrderApp:
    return CancelOrderApp(db_path, Language(language) if language else None, Flow.WEB)


async def open_web_tab(pilot: Pilot[Any], tab: OrderTab) -> WebOrdersScreen:
    """Press → until the tab is active (the article's step 2: click "To ship")."""
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, WebOrdersScreen)
    for _ in OrderTab:
        if screen.tab is tab:
            break
        await pilot.press("right")
        await pilot.pause()
    assert screen.tab is tab
    return screen


def listed_orders(screen: WebOrdersScreen) -> list[str]:
    return screen.query_one(WebOrderList).order_ids


async def highlight_order(pilot: Pilot[Any], order_id: str) -> None:
    """Move ↑/↓ to the order's card."""
    screen = pilot.app.screen
    assert isinstance(screen, WebOrdersScreen)
    ids = listed_orders(screen)
    assert order_id in ids, f"{order_id} not listed under {screen.tab}: {ids}"
    order_list = screen.query_one(WebOrderList)
    for _ in ids:
        current = order_list.highlighted or 0
        if ids[current] == order_id:
            break
        await pilot.press("down" if current < ids.index(order_id) else "up")
    await pilot.pause()
    assert screen.highlighted_order() == order_id


async def open_more(pilot: Pilot[Any], tab: OrderTab, order_id: str) -> OrderMenuScreen:
    """Tab → the order's card → More (the article's step 3)."""
    await open_web_tab(pilot, tab)
    await highlight_order(pilot, order_id)
    await pilot.press("m")
    await pilot.pause()
    menu = pilot.app.screen
    assert isinstance(menu, OrderMenuScreen)
    return menu


def menu_offers_cancel(menu: OrderMenuScreen) -> bool:
    return not menu.query_one(OptionList).get_option("cancel").disabled


def menu_entries(menu: OrderMenuScreen) -> list[str]:
    """The ids of the menu's entries that may be chosen, in order."""
    options = menu.query_one(OptionList).options
    return [str(option.id) for option in options if not option.disabled]


def select_reasons(select: Select[CancelReason]) -> list[CancelReason]:
    """The reasons the drop-down lists, in order (its blank "Select here" line left out),
    read from the labels its list shows."""
    app: Any = select.app
    by_label = {app.translator(reason.label_key): reason for reason in CancelReason}
    overlay = select.query_one(OptionList)
    found = []
    for index in range(overlay.option_count):
        label = str(overlay.get_option_at_index(index).prompt).split("  (")[0]
        if label in by_label:
            found.append(by_label[label])
    return found


async def choose_web_reason(pilot: Pilot[Any], reason: CancelReason) -> None:
    """Open "Select here" with Enter, move to the reason, Enter."""
    select = pilot.app.screen.query_one("#web-reason", Select)
    if not select.expanded:
        select.focus()
        await pilot.press("enter")
        await pilot.pause()
    overlay = select.query_one(OptionList)
    target = 1 + select_reasons(select).index(reason)  # line 0 is the blank "Select here"
    for _ in range(len(select_reasons(select)) + 1):
        if overlay.highlighted == target:
            break
        await pilot.press("down" if (overlay.highlighted or 0) < target else "up")
    await pilot.press("enter")
    await pilot.pause()
    assert select.value is reason
