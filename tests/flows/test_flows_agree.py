"""Both flows offer the same thing for every demo order: Cancel or not, the same reasons, and
the same list of the buyer's actions (after shipping and in a dispute too).

Read from the widgets each flow actually shows: the app's order details (its buttons and
keys) and reason list, the website's More menu, its order page and "Select here" drop-down.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList, Select

from tests.flows.helpers import make_app
from tests.flows.web_helpers import (
    highlight_order,
    make_web_app,
    menu_offers_cancel,
    open_web_tab,
    select_reasons,
)
from tui.domain.reasons import CancelReason
from tui.domain.rules import BuyerAction
from tui.domain.status import OrderTab
from tui.screens.cancel_reason import CancelReasonScreen
from tui.screens.order_details import BUTTONS, OrderDetailsScreen
from tui.screens.web.cancel_request import WebCancelScreen
from tui.screens.web.order_menu import OrderMenuScreen
from tui.screens.web.order_page import WebOrderPage
from tui.service import open_service

SIZE = (120, 35)
Offer = dict[str, list[CancelReason] | None]
"""Per order: None if no cancel is offered, else the reasons listed, in order."""


def demo_orders(db_path: Path, scope: str = "all") -> list[str]:
    """Every demo order, or (scope "sample", the default run) a few that still show every
    status and every buyer's action: the first of each, by order number."""
    service = open_service(db_path)
    try:
        every = sorted(order.id for order in service.orders_in(OrderTab.ALL))
        if scope == "all":
            return every
        chosen: dict[object, str] = {}
        for order_id in every:
            chosen.setdefault(service.order(order_id).status, order_id)
            chosen.setdefault(service.may_cancel(order_id), order_id)
            for action in service.buyer_actions(order_id):
                chosen.setdefault(action, order_id)
        return sorted(set(chosen.values()))
    finally:
        service.close()


SCOPES = [pytest.param("sample"), pytest.param("all", marks=pytest.mark.slow)]


async def app_offers(db_path: Path, scope: str) -> Offer:
    offers: Offer = {}
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        for order_id in demo_orders(db_path, scope):
            app.push_screen(OrderDetailsScreen(order_id))
            await pilot.pause()
            if not app.screen.query("#cancel-order"):
                offers[order_id] = None
            else:
                await pilot.press("c")
                await pilot.pause()
                assert isinstance(app.screen, CancelReasonScreen)
                options = app.screen.query_one("#reasons", OptionList)
                ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
                offers[order_id] = [CancelReason(str(i)) for i in ids]
                await pilot.press("escape")
                await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
    return offers


async def web_offers(db_path: Path, scope: str) -> Offer:
    offers: Offer = {}
    app = make_web_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_web_tab(pilot, OrderTab.ALL)
        for order_id in demo_orders(db_path, scope):
            await highlight_order(pilot, order_id)
            await pilot.press("m")
            await pilot.pause()
            menu = app.screen
            assert isinstance(menu, OrderMenuScreen)
            if not menu_offers_cancel(menu):
                offers[order_id] = None
                await pilot.press("escape")
            else:
                await pilot.press("enter")
                await pilot.pause()
                assert isinstance(app.screen, WebCancelScreen)
                offers[order_id] = select_reasons(app.screen.query_one("#web-reason", Select))
                await pilot.press("escape")
            await pilot.pause()
    return offers


@pytest.mark.slow  # the sample below covers the same pages; this one every reason list too
@pytest.mark.parametrize("scope", SCOPES)
async def test_both_flows_offer_the_same_actions_and_reasons(db_path: Path, scope: str) -> None:
    app, web = await app_offers(db_path, scope), await web_offers(db_path, scope)
    assert len(app) == len(demo_orders(db_path, scope)) >= 8  # every order chosen was looked at
    assert web == app
    offered = [reasons for reasons in app.values() if reasons is not None]
    refused = [order for order, reasons in app.items() if reasons is None]
    assert offered and refused  # the demo data has both kinds, so the comparison means something
    assert all(reasons == list(CancelReason) for reasons in offered)


Actions = dict[str, list[BuyerAction]]
"""Per order: the buyer's actions a flow offers, in the order it shows them."""

APP_BUTTON_ACTIONS = {button_id: action for action, (button_id, _) in BUTTONS.items()}


async def app_actions(db_path: Path, scope: str) -> Actions:
    """The buttons under each order's page in the app, and the keys that do the same."""
    found: Actions = {}
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        for order_id in demo_orders(db_path, scope):
            app.push_screen(OrderDetailsScreen(order_id))
            await pilot.pause()
            page = app.screen
            buttons = [str(b.id) for b in page.query("#actions Button") if b.display]
            found[order_id] = [APP_BUTTON_ACTIONS[b] for b in buttons]
            keyed = [a for a in BuyerAction if page.check_action("act", (a.value,))]
            assert keyed == found[order_id], order_id  # a key for each button, none more
            await pilot.press("escape")
            await pilot.pause()
    return found


async def web_actions(db_path: Path, scope: str) -> tuple[Actions, Actions]:
    """The entries of each order's More menu that may be chosen (not its page), and the
    buttons of the website's order page."""
    menus: Actions = {}
    pages: Actions = {}
    app = make_web_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_web_tab(pilot, OrderTab.ALL)
        for order_id in demo_orders(db_path, scope):
            await highlight_order(pilot, order_id)
            await pilot.press("m")
            await pilot.pause()
            menu = app.screen
            assert isinstance(menu, OrderMenuScreen)
            options = menu.query_one(OptionList).options
            chosen = [str(o.id) for o in options if not o.disabled and o.id != "details"]
            menus[order_id] = [BuyerAction(entry) for entry in chosen]
            await pilot.press("escape")
            await pilot.pause()
            app.push_screen(WebOrderPage(order_id))
            await pilot.pause()
            buttons = app.screen.query("#web-page-actions Button")
            pages[order_id] = [BuyerAction(str(b.id).removeprefix("web-page-")) for b in buttons]
            await pilot.press("escape")
            await pilot.pause()
    return menus, pages


@pytest.mark.parametrize("scope", SCOPES)
@pytest.mark.slow
async def test_both_flows_offer_the_same_buyer_actions_for_every_order(
    db_path: Path, scope: str
) -> None:
    """Cancel, withdraw, and after shipping: open a dispute, confirm receipt, extend
    protection, and the open dispute's steps — the same list in the app's buttons, the
    website's More menu and the website's order page, for every demo order."""
    app, (menus, pages) = await app_actions(db_path, scope), await web_actions(db_path, scope)
    assert len(app) == len(demo_orders(db_path, scope))
    assert menus == app
    assert pages == app
    offered = {action for actions in app.values() for action in actions}
    assert offered == set(BuyerAction)  # the demo data shows every action somewhere
