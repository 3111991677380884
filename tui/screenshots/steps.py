"""The steps of each flow that get a picture, in the order of the source article, then the
steps of opening a dispute on a shipped order (`dispute_steps`).

Each step continues from the one before it in the same run of the app, with the keys a
trainer would press; its picture is taken once the step's action has returned.
"""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import OptionList, Select

from tui.domain.reasons import RECOMMENDED_REASON, CancelReason
from tui.domain.status import OrderTab
from tui.flow import Flow
from tui.screens.cancel_confirm import CancelConfirmScreen
from tui.screens.cancel_reason import CancelReasonScreen
from tui.screens.cancel_result import CancelResultScreen
from tui.screens.order_details import OrderDetailsScreen
from tui.screens.orders import OrdersScreen
from tui.screens.profile import ProfileScreen
from tui.screens.web.cancel_done import WebResultScreen
from tui.screens.web.cancel_request import WebCancelScreen
from tui.screens.web.order_menu import OrderMenuScreen
from tui.screens.web.orders import WebOrdersScreen
from tui.screenshots.dispute_steps import (
    app_dispute_details,
    app_dispute_grounds,
    app_dispute_order,
    app_dispute_result,
    app_dispute_review,
    web_dispute_form,
    web_dispute_more,
    web_dispute_result,
    web_dispute_review,
)
from tui.screenshots.walk import (
    Action,
    Step,
    WalkError,
    finish_work,
    highlight_in_list,
    order_to_cancel,
    press_until,
    shipped_order,
    wait_for_screen,
)
from tui.widgets.order_list import OrderList
from tui.widgets.web_order_list import WebOrderList


def focused_id(pilot: Pilot[Any]) -> str | None:
    focused = pilot.app.focused
    return focused.id if focused is not None else None


# -- the mobile app (the article's Option 2) -------------------------------------------


async def app_profile(pilot: Pilot[Any]) -> None:
    await wait_for_screen(pilot, ProfileScreen, "the profile")


async def app_order_section(pilot: Pilot[Any]) -> None:
    """The To ship tile, Enter: the orders under To ship, the one to cancel highlighted."""
    await press_until(pilot, "right", lambda: focused_id(pilot) == "section-to_ship", "To ship")
    await pilot.press("enter")
    screen = await wait_for_screen(pilot, OrdersScreen, "My orders")
    if screen.tab is not OrderTab.TO_SHIP:
        raise WalkError(f"the To ship tile opened the {screen.tab.value} tab")
    await highlight_in_list(pilot, screen.query_one(OrderList), order_to_cancel(pilot))


async def app_details(pilot: Pilot[Any]) -> None:
    """Enter on the order; the page itself in focus, so the next step can show the button."""
    order_id = order_to_cancel(pilot)
    await pilot.press("enter")
    screen = await wait_for_screen(pilot, OrderDetailsScreen, "the order details")
    if screen.order_id != order_id:
        raise WalkError(f"order {screen.order_id} opened instead of {order_id}")
    await press_until(pilot, "shift+tab", lambda: focused_id(pilot) == "details", "the page")


async def app_cancel_button(pilot: Pilot[Any]) -> None:
    await press_until(pilot, "tab", lambda: focused_id(pilot) == "cancel-order", "Cancel order")


async def app_reasons(pilot: Pilot[Any]) -> None:
    """The reason list, the first (recommended) reason chosen."""
    await pilot.press("enter")
    screen = await wait_for_screen(pilot, CancelReasonScreen, "the reason list")
    reasons = screen.query_one("#reasons", OptionList)
    await press_until(pilot, "down", lambda: reasons.highlighted == 0, "the first reason")
    await pilot.press("enter")
    await pilot.pause()
    if screen.selected is not RECOMMENDED_REASON:
        raise WalkError(f"Enter chose {screen.selected}, not {RECOMMENDED_REASON.value}")


async def app_confirm(pilot: Pilot[Any]) -> None:
    await pilot.press("ctrl+s")
    await wait_for_screen(pilot, CancelConfirmScreen, "the confirmation")


async def app_result(pilot: Pilot[Any]) -> None:
    await pilot.press("enter")
    await wait_for_screen(pilot, CancelResultScreen, "the result")


async def app_shipped(pilot: Pilot[Any]) -> None:
    """Back to My orders, the Shipped tab, a shipped order's details: no Cancel button."""
    await pilot.press("escape")
    await wait_for_screen(pilot, OrderDetailsScreen, "the order details again")
    await finish_work(pilot)  # the page redraws with the order's new status
    await pilot.press("escape")
    screen = await wait_for_screen(pilot, OrdersScreen, "My orders again")
    await finish_work(pilot)  # the list reloads
    await press_until(pilot, "right", lambda: screen.tab is OrderTab.SHIPPED, "Shipped")
    order_id = shipped_order(pilot)
    await highlight_in_list(pilot, screen.query_one(OrderList), order_id)
    await pilot.press("enter")
    details = await wait_for_screen(pilot, OrderDetailsScreen, "the shipped order")
    if details.order_id != order_id:
        raise WalkError(f"order {details.order_id} opened instead of {order_id}")


# -- the website (the article's Option 1) -------------------------------------------------


async def web_orders(pilot: Pilot[Any]) -> None:
    screen = await wait_for_screen(pilot, WebOrdersScreen, "the website's My orders")
    if screen.tab is not OrderTab.ALL:
        raise WalkError(f"My orders opened on {screen.tab.value}, not all")


async def web_to_ship(pilot: Pilot[Any]) -> None:
    screen = await wait_for_screen(pilot, WebOrdersScreen, "My orders")
    await press_until(pilot, "right", lambda: screen.tab is OrderTab.TO_SHIP, "To ship")
    await highlight_in_list(pilot, screen.query_one(WebOrderList), order_to_cancel(pilot))


async def web_more(pilot: Pilot[Any]) -> None:
    await pilot.press("m")
    await wait_for_screen(pilot, OrderMenuScreen, "the More menu")


async def web_cancel_request(pilot: Pilot[Any]) -> None:
    await pilot.press("enter")
    await wait_for_screen(pilot, WebCancelScreen, "the Cancel order request dialog")


async def web_select_here(pilot: Pilot[Any]) -> None:
    select = pilot.app.screen.query_one("#web-reason", Select)
    await press_until(pilot, "enter", lambda: select.expanded, "the open Select here list", 2)


async def web_reason(pilot: Pilot[Any]) -> None:
    """↓ to the recommended reason, Enter: the list closes with it chosen."""
    select: Select[CancelReason] = pilot.app.screen.query_one("#web-reason", Select)
    overlay = select.query_one(OptionList)
    target = 1 + list(CancelReason).index(RECOMMENDED_REASON)  # line 0: the "Select here" line
    await press_until(pilot, "down", lambda: overlay.highlighted == target, "the reason")
    await pilot.press("enter")
    await pilot.pause()
    if select.value is not RECOMMENDED_REASON:
        raise WalkError(f"the drop-down chose {select.value}, not {RECOMMENDED_REASON.value}")


async def web_ok(pilot: Pilot[Any]) -> None:
    await press_until(pilot, "tab", lambda: focused_id(pilot) == "web-ok", "the OK button")


async def web_result(pilot: Pilot[Any]) -> None:
    await pilot.press("enter")
    await wait_for_screen(pilot, WebResultScreen, "what happens next")


async def web_shipped(pilot: Pilot[Any]) -> None:
    """Close the result, the Shipped tab, More on a shipped order: the entry greyed, and why."""
    await pilot.press("escape")
    screen = await wait_for_screen(pilot, WebOrdersScreen, "My orders again")
    await finish_work(pilot)  # the page redraws with the order's new status
    await press_until(pilot, "right", lambda: screen.tab is OrderTab.SHIPPED, "Shipped")
    await highlight_in_list(pilot, screen.query_one(WebOrderList), shipped_order(pilot))
    await pilot.press("m")
    await wait_for_screen(pilot, OrderMenuScreen, "the shipped order's More menu")


def _numbered(flow: Flow, actions: list[tuple[str, Action]]) -> tuple[Step, ...]:
    return tuple(Step(flow, n, slug, act) for n, (slug, act) in enumerate(actions, start=1))


APP_STEPS = _numbered(
    Flow.APP,
    [
        ("profile", app_profile),
        ("order-section", app_order_section),
        ("order-details", app_details),
        ("cancel-button", app_cancel_button),
        ("reasons", app_reasons),
        ("confirm", app_confirm),
        ("result", app_result),
        ("shipped", app_shipped),
        ("dispute-order", app_dispute_order),
        ("dispute-grounds", app_dispute_grounds),
        ("dispute-details", app_dispute_details),
        ("dispute-review", app_dispute_review),
        ("dispute-result", app_dispute_result),
    ],
)
WEB_STEPS = _numbered(
    Flow.WEB,
    [
        ("orders", web_orders),
        ("to-ship", web_to_ship),
        ("more", web_more),
        ("cancel-request", web_cancel_request),
        ("select-here", web_select_here),
        ("reason", web_reason),
        ("ok", web_ok),
        ("result", web_result),
        ("shipped", web_shipped),
        ("dispute-more", web_dispute_more),
        ("dispute-form", web_dispute_form),
        ("dispute-review", web_dispute_review),
        ("dispute-result", web_dispute_result),
    ],
)
STEPS: dict[Flow, tuple[Step, ...]] = {Flow.WEB: WEB_STEPS, Flow.APP: APP_STEPS}
"""Website first, as in the article (Option 1)."""
