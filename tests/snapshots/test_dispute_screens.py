"""Snapshots of the dispute screens (issue 17) in English and Kiswahili at 100×30: the app's
order pages after shipping and in a dispute, each step of its dispute form, its questions
and return sheet; the website's More menu, dispute boxes and order page; the trainer
panel's dispute, shipping and extension sections and its dialog. And the app's shipped
order and the form at 40×12, the smallest size the app runs at.

Update after a deliberate visual change with
`pytest -n 0 tests/snapshots/test_dispute_screens.py --snapshot-update`, then look at the
pictures (snapshot_report.html) before committing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select

from tests.flows.dispute_helpers import (
    AWAITING_RETURN,
    DELIVERED,
    ESCALATED,
    FAKE_TRACKING,
    SELLER_REJECTED,
    choose_option,
    settle,
)
from tests.flows.helpers import make_app
from tests.flows.web_helpers import open_more
from tests.snapshots.languages import ENGLISH_FIRST
from tests.snapshots.test_screens import SIZE, Steps, freeze
from tui.domain.dispute_models import DisputeGround
from tui.domain.status import OrderTab
from tui.screens.order_details import OrderDetailsScreen
from tui.screens.web.order_page import WebOrderPage

LANGUAGES = ENGLISH_FIRST


async def page(pilot: Pilot[Any], order_id: str) -> None:
    pilot.app.push_screen(OrderDetailsScreen(order_id))
    await settle(pilot)


async def shipped_page(pilot: Pilot[Any]) -> None:
    """Protection, tracking, the article's grounds, and the three buttons."""
    await page(pilot, FAKE_TRACKING)
    await freeze(pilot)


async def offer_page(pilot: Pilot[Any]) -> None:
    """A rejected request: the seller's offer and message, and the four buttons."""
    await page(pilot, SELLER_REJECTED)
    pilot.app.screen.query_one("#dispute").scroll_visible(animate=False)
    await freeze(pilot)


async def ground_sheet(pilot: Pilot[Any]) -> None:
    await page(pilot, FAKE_TRACKING)
    await pilot.press("d")
    await settle(pilot)
    await freeze(pilot)


async def request_sheet(pilot: Pilot[Any]) -> None:
    await page(pilot, DELIVERED)
    await pilot.press("d")
    await settle(pilot)
    await choose_option(pilot, "damaged")
    await freeze(pilot)


async def to_amount(pilot: Pilot[Any]) -> None:
    await page(pilot, FAKE_TRACKING)
    await pilot.press("d")
    await settle(pilot)
    await choose_option(pilot, "fake_tracking")
    await choose_option(pilot, "refund_only")


async def amount_error(pilot: Pilot[Any]) -> None:
    """More than was paid: the message under the question."""
    await to_amount(pilot)
    pilot.app.screen.query_one("#amount", Input).value = "99"
    await pilot.press("enter")
    await settle(pilot)
    await freeze(pilot)


async def to_details(pilot: Pilot[Any]) -> None:
    await to_amount(pilot)
    pilot.app.screen.query_one("#amount", Input).value = "10"
    await pilot.press("enter")
    await settle(pilot)


async def details_sheet(pilot: Pilot[Any]) -> None:
    await to_details(pilot)
    await freeze(pilot)


async def to_review(pilot: Pilot[Any]) -> None:
    await to_details(pilot)
    screen = pilot.app.screen
    screen.query_one("#description", Input).value = "No tracking updates since it shipped."
    screen.query_one("#evidence", Input).value = "tracking.png, chat.png"
    await pilot.press("enter")
    await settle(pilot)


async def review_sheet(pilot: Pilot[Any]) -> None:
    await to_review(pilot)
    await freeze(pilot)


async def result_page(pilot: Pilot[Any]) -> None:
    await to_review(pilot)
    await pilot.press("enter")
    await settle(pilot)
    await freeze(pilot)


async def cancel_question(pilot: Pilot[Any]) -> None:
    await page(pilot, ESCALATED)
    await pilot.press("x")
    await settle(pilot)
    await freeze(pilot)


async def accept_question(pilot: Pilot[Any]) -> None:
    await page(pilot, SELLER_REJECTED)
    await pilot.press("a")
    await settle(pilot)
    await freeze(pilot)


async def return_sheet(pilot: Pilot[Any]) -> None:
    """A tracking number that is not one: the message under the title."""
    await page(pilot, AWAITING_RETURN)
    await pilot.press("t")
    await settle(pilot)
    await pilot.press(*"12AB", "enter")
    await settle(pilot)
    await freeze(pilot)


APP_STEPS: dict[str, Steps] = {
    "shipped_page": shipped_page,
    "offer_page": offer_page,
    "ground_sheet": ground_sheet,
    "request_sheet": request_sheet,
    "amount_error": amount_error,
    "details_sheet": details_sheet,
    "review_sheet": review_sheet,
    "result_page": result_page,
    "cancel_question": cancel_question,
    "accept_question": accept_question,
    "return_sheet": return_sheet,
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("step", APP_STEPS)
def test_app_screen(snap_compare: Any, db_path: Path, step: str, language: str) -> None:
    app = make_app(db_path, language)
    assert snap_compare(app, terminal_size=SIZE, run_before=APP_STEPS[step])


@pytest.mark.parametrize("step", ["shipped_page", "details_sheet"])
def test_app_screen_at_40_by_12(snap_compare: Any, db_path: Path, step: str) -> None:
    app = make_app(db_path, "en")
    assert snap_compare(app, terminal_size=(40, 12), run_before=APP_STEPS[step])


# -- the website ---------------------------------------------------------------------------


async def web_menu(pilot: Pilot[Any]) -> None:
    await open_more(pilot, OrderTab.SHIPPED, FAKE_TRACKING)
    await freeze(pilot)


async def web_dispute_box(pilot: Pilot[Any]) -> None:
    await open_more(pilot, OrderTab.SHIPPED, FAKE_TRACKING)
    await pilot.press("enter")
    await settle(pilot)
    await freeze(pilot)


async def web_to_review(pilot: Pilot[Any]) -> None:
    await web_dispute_box(pilot)
    screen = pilot.app.screen
    screen.query_one("#web-dispute-ground", Select).value = DisputeGround.FAKE_TRACKING
    await settle(pilot)
    screen.query_one("#web-dispute-amount", Input).value = "10"
    screen.query_one("#web-dispute-description", Input).value = "No tracking updates."
    await pilot.press("ctrl+s")
    await settle(pilot)


async def web_review_box(pilot: Pilot[Any]) -> None:
    await web_to_review(pilot)
    await freeze(pilot)


async def web_done_box(pilot: Pilot[Any]) -> None:
    await web_to_review(pilot)
    await pilot.press("enter")
    await settle(pilot)
    await freeze(pilot)


async def web_dispute_error(pilot: Pilot[Any]) -> None:
    """Continue with nothing chosen: the message, scrolled into view."""
    await web_dispute_box(pilot)
    await pilot.press("ctrl+s")
    await settle(pilot)
    await freeze(pilot)


async def web_question(pilot: Pilot[Any]) -> None:
    await open_more(pilot, OrderTab.SHIPPED, SELLER_REJECTED)
    await pilot.press("enter")  # Accept the seller's offer, the first entry lit
    await settle(pilot)
    await freeze(pilot)


async def web_return_box(pilot: Pilot[Any]) -> None:
    await open_more(pilot, OrderTab.SHIPPED, AWAITING_RETURN)
    await pilot.press("enter")
    await settle(pilot)
    await freeze(pilot)


async def web_order_page(pilot: Pilot[Any]) -> None:
    pilot.app.push_screen(WebOrderPage(SELLER_REJECTED))
    await settle(pilot)
    await freeze(pilot)


WEB_STEPS: dict[str, Steps] = {
    "web_menu": web_menu,
    "web_dispute_box": web_dispute_box,
    "web_dispute_error": web_dispute_error,
    "web_review_box": web_review_box,
    "web_done_box": web_done_box,
    "web_question": web_question,
    "web_return_box": web_return_box,
    "web_order_page": web_order_page,
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("step", WEB_STEPS)
def test_web_screen(snap_compare: Any, db_path: Path, step: str, language: str) -> None:
    app = make_app(db_path, language, "web")
    assert snap_compare(app, terminal_size=SIZE, run_before=WEB_STEPS[step])


# -- the trainer panel ---------------------------------------------------------------------


async def trainer_list(pilot: Pilot[Any], list_id: str) -> None:
    await pilot.press("f3")
    await settle(pilot)
    pilot.app.screen.query_one(f"#{list_id}").focus()
    await settle(pilot)


async def trainer_disputes(pilot: Pilot[Any]) -> None:
    await trainer_list(pilot, "disputes")
    await freeze(pilot)


async def trainer_escalated(pilot: Pilot[Any]) -> None:
    """An escalated dispute lit: the platform's three decisions."""
    await trainer_list(pilot, "disputes")
    await pilot.press("down")
    await settle(pilot)
    await freeze(pilot)


async def trainer_offer_dialog(pilot: Pilot[Any]) -> None:
    await trainer_list(pilot, "disputes")
    await pilot.press("tab", "tab", "enter")
    await settle(pilot)
    await freeze(pilot)


async def trainer_shipping(pilot: Pilot[Any]) -> None:
    await trainer_list(pilot, "to-ship")
    await freeze(pilot)


async def trainer_extensions(pilot: Pilot[Any]) -> None:
    await trainer_list(pilot, "extensions")
    await freeze(pilot)


TRAINER_STEPS: dict[str, Steps] = {
    "trainer_disputes": trainer_disputes,
    "trainer_escalated": trainer_escalated,
    "trainer_offer_dialog": trainer_offer_dialog,
    "trainer_shipping": trainer_shipping,
    "trainer_extensions": trainer_extensions,
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("step", TRAINER_STEPS)
def test_trainer_screen(snap_compare: Any, db_path: Path, step: str, language: str) -> None:
    app = make_app(db_path, language)
    assert snap_compare(app, terminal_size=SIZE, run_before=TRAINER_STEPS[step])
