"""The screenshot steps of opening a dispute, in each flow, after the shipped order: on the
order with a fake tracking number (the article's first ground), the form with the article's
three grounds, the review, and what happens next."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Select

from tui.domain.dispute_models import DisputeGround
from tui.domain.rules import BuyerAction
from tui.domain.status import OrderTab
from tui.screens.dispute_form import (
    DisputeAmountSheet,
    DisputeDetailsSheet,
    DisputeGroundSheet,
    DisputeRequestSheet,
    DisputeReviewSheet,
)
from tui.screens.dispute_sheets import DisputeResultScreen
from tui.screens.order_details import OrderDetailsScreen
from tui.screens.orders import OrdersScreen
from tui.screens.web.dispute_boxes import WebDisputeDone, WebDisputeReview
from tui.screens.web.dispute_dialog import WebDisputeScreen
from tui.screens.web.order_menu import OrderMenuScreen
from tui.screens.web.orders import WebOrdersScreen
from tui.screenshots.walk import (
    WalkError,
    finish_work,
    highlight_in_list,
    press_until,
    the_app,
    wait_for_screen,
)
from tui.widgets.order_list import OrderList
from tui.widgets.web_order_list import WebOrderList

GROUND = DisputeGround.FAKE_TRACKING
"""The article's first ground: the seller gave a fake tracking number, or someone else's."""


def dispute_order(pilot: Pilot[Any]) -> str:
    """The first shipped order a dispute can be opened on whose tracking shows nothing (a
    fake number, as the buyer sees it: "No tracking information")."""
    service = the_app(pilot).service
    for order in service.orders_in(OrderTab.SHIPPED):
        after = service.after_shipping(order.id)
        if after.may_open_dispute and after.tracking_key == "tracking.no_info":
            return order.id
    raise WalkError("the demo data has no shipped order with a fake tracking number to dispute")


def focused_id(pilot: Pilot[Any]) -> str | None:
    focused = pilot.app.focused
    return focused.id if focused is not None else None


async def typed(pilot: Pilot[Any], selector: str, text: str) -> None:
    """Click into a field is what a user would do; the walk gives it the focus and types."""
    field = pilot.app.screen.query_one(selector, Input)
    field.focus()
    await pilot.press(*text)


def sentence_words(pilot: Pilot[Any]) -> tuple[str, str]:
    t = the_app(pilot).translator
    return t("guide.dispute_description"), t("guide.dispute_evidence")


# -- the app -------------------------------------------------------------------------------


async def app_dispute_order(pilot: Pilot[Any]) -> None:
    """Back to the Shipped tab, the order with a fake tracking number: Open dispute lit."""
    await pilot.press("escape")
    screen = await wait_for_screen(pilot, OrdersScreen, "My orders again")
    await finish_work(pilot)
    order_id = dispute_order(pilot)
    await highlight_in_list(pilot, screen.query_one(OrderList), order_id)
    await pilot.press("enter")
    page = await wait_for_screen(pilot, OrderDetailsScreen, "the order to dispute")
    if BuyerAction.OPEN_DISPUTE not in page.service.buyer_actions(page.order_id):
        raise WalkError(f"order {page.order_id} offers no dispute")
    await press_until(pilot, "tab", lambda: focused_id(pilot) == "open-dispute", "Open dispute")


async def app_dispute_grounds(pilot: Pilot[Any]) -> None:
    """The problem to choose: the article's first ground lit."""
    await pilot.press("enter")
    sheet = await wait_for_screen(pilot, DisputeGroundSheet, "the grounds")
    options = sheet.query_one("#choices", OptionList)
    ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
    target = ids.index(GROUND.value)
    await press_until(pilot, "down", lambda: options.highlighted == target, "the ground")


async def app_dispute_details(pilot: Pilot[Any]) -> None:
    """Refund only, all of it; then the description and the photos' names, typed."""
    await pilot.press("enter")
    await wait_for_screen(pilot, DisputeRequestSheet, "refund only or a return")
    await pilot.press("enter")
    await wait_for_screen(pilot, DisputeAmountSheet, "the amount")
    await pilot.press("enter")
    await wait_for_screen(pilot, DisputeDetailsSheet, "the description")
    description, evidence = sentence_words(pilot)
    await typed(pilot, "#description", description)
    await typed(pilot, "#evidence", evidence)


async def app_dispute_review(pilot: Pilot[Any]) -> None:
    await pilot.press("enter")
    await wait_for_screen(pilot, DisputeReviewSheet, "the review")


async def app_dispute_result(pilot: Pilot[Any]) -> None:
    await pilot.press("enter")
    await wait_for_screen(pilot, DisputeResultScreen, "what happens next")


# -- the website ---------------------------------------------------------------------------


async def web_dispute_more(pilot: Pilot[Any]) -> None:
    """Close the menu, the order with a fake tracking number, More: Open dispute lit."""
    await pilot.press("escape")
    screen = await wait_for_screen(pilot, WebOrdersScreen, "My orders again")
    await highlight_in_list(pilot, screen.query_one(WebOrderList), dispute_order(pilot))
    await pilot.press("m")
    menu = await wait_for_screen(pilot, OrderMenuScreen, "the More menu")
    options = menu.query_one(OptionList)
    lit = options.highlighted
    if lit is None or options.get_option_at_index(lit).id != BuyerAction.OPEN_DISPUTE.value:
        raise WalkError("More does not light Open dispute first")


async def web_dispute_form(pilot: Pilot[Any]) -> None:
    """The dispute box: the article's first ground chosen from its list, refund only, the
    full amount, a description and the photos' names."""
    await pilot.press("enter")
    box = await wait_for_screen(pilot, WebDisputeScreen, "the dispute box")
    grounds: Select[DisputeGround] = box.query_one("#web-dispute-ground", Select)
    await press_until(pilot, "enter", lambda: grounds.expanded, "the open list of problems", 2)
    overlay = grounds.query_one(OptionList)
    target = 1 + list(DisputeGround).index(GROUND)  # line 0: "Select here"
    await press_until(pilot, "down", lambda: overlay.highlighted == target, "the ground")
    await pilot.press("enter")
    await pilot.pause()
    if grounds.value is not GROUND:
        raise WalkError(f"the list chose {grounds.value}, not {GROUND.value}")
    description, evidence = sentence_words(pilot)
    await typed(pilot, "#web-dispute-description", description)
    await typed(pilot, "#web-dispute-evidence", evidence)
    grounds.focus(scroll_visible=False)  # the form from its top: the problem chosen
    box.query_one("#web-dispute").scroll_home(animate=False)
    await pilot.pause()


async def web_dispute_review(pilot: Pilot[Any]) -> None:
    await pilot.press("ctrl+s")
    await wait_for_screen(pilot, WebDisputeReview, "the review box")


async def web_dispute_result(pilot: Pilot[Any]) -> None:
    await pilot.press("enter")
    await wait_for_screen(pilot, WebDisputeDone, "what happens next")
