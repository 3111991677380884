"""Every shipped scenario, worked through the real screens with real keys: a reference
solution that scores full marks, and a typical wrong run with the checks it must fail.

Buyer scenarios drive the app's or the website's own flows (the helpers of tests/flows);
desk scenarios are answered on the answer screen (F6); one of them (`refund-card-wallet`)
first finds its orders on the desk and picks by what the order pages say. The wrong runs
are those of tests/training/test_reference_runs.py, done by hand.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from textual.pilot import Pilot

from tests.flows.helpers import open_order_from_profile
from tests.flows.web_helpers import choose_web_reason, open_more
from tests.training.helpers import scenario
from tests.training.test_reference_runs import DESK_WRONG
from tests.training_ui.helpers import pick, wait_for
from tui.domain.reasons import CancelReason
from tui.domain.status import OrderTab
from tui.screens.cancel_result import CancelResultScreen
from tui.screens.desk.order import DeskOrderScreen
from tui.screens.desk.search import DeskSearchScreen
from tui.screens.order_details import OrderDetailsScreen
from tui.screens.report_seller import ReportSellerScreen
from tui.screens.trainer import TrainerScreen
from tui.screens.web.cancel_done import WebResultScreen
from tui.screens.web.cancel_request import WebCancelScreen
from tui.widgets.card import Card

CHARGER = "8197345062114523"  # unpaid
BUDS = "8197345062120046"  # payment being verified
HUB = "8197345062098812"  # paid, awaiting shipment
WATCH = "8197345062089940"  # paid, awaiting shipment
POWER_BANK = "8197345062076631"  # cancellation requested
USB_HUB = "8197345062079216"  # closed, refund to the card under way
CAR_HOLDER = "8197345062060417"  # closed, refunded to the wallet

Script = Callable[[Pilot[Any]], Awaitable[None]]


@dataclass(frozen=True)
class Solution:
    right: Script
    wrong: Script
    fails: set[str]
    """The checks the wrong run fails (and whose rules the result page shows)."""


async def app_cancel(pilot: Pilot[Any], tab: str, order: str, reason: CancelReason) -> None:
    """In the app: the order → Cancel order → the reason → Submit → Confirm."""
    await open_order_from_profile(pilot, tab, order)
    await pilot.press("c")
    await pilot.pause()
    options = pilot.app.screen.query_one("#reasons")
    target = list(CancelReason).index(reason)
    while options.highlighted != target:
        await pilot.press("down" if (options.highlighted or 0) < target else "up")
    await pilot.press("enter", "ctrl+s")
    await pilot.pause()
    await pilot.press("enter")  # Confirm has focus
    await pilot.pause()
    if isinstance(pilot.app.screen, ReportSellerScreen):
        await pilot.press("escape")  # not now
    await wait_for(pilot, CancelResultScreen)


async def web_cancel(pilot: Pilot[Any], order: str, reason: CancelReason) -> None:
    """On the website: To ship → the order → More → Cancel order request → reason → OK."""
    await open_more(pilot, OrderTab.TO_SHIP, order)
    await pilot.press("enter")
    await wait_for(pilot, WebCancelScreen)
    await choose_web_reason(pilot, reason)
    await pilot.press("ctrl+s")
    await wait_for(pilot, WebResultScreen)
    await pilot.press("enter")  # close the result box: back on the orders page
    await pilot.pause()


async def app_withdraw(pilot: Pilot[Any], order: str) -> None:
    await open_order_from_profile(pilot, "to_ship", order)
    await pilot.press("w")
    await pilot.pause()
    await pilot.click("#confirm")
    await wait_for(pilot, OrderDetailsScreen)


async def wait_days(pilot: Pilot[Any], days: int) -> None:
    """The trainer panel (F3): move the clock on by `days` days ("wait it out")."""
    await pilot.press("f3")
    await wait_for(pilot, TrainerScreen)
    await pilot.press("m", *f"{days}d", "enter")
    await pilot.pause()
    await pilot.press("escape")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()


def desk(scenario_id: str) -> Solution:
    right = {s.id for s in scenario(scenario_id).statements if s.correct}
    wrong, fails = DESK_WRONG[scenario_id]

    async def answer_right(pilot: Pilot[Any]) -> None:
        await pick(pilot, right)

    async def answer_wrong(pilot: Pilot[Any]) -> None:
        await pick(pilot, wrong)

    return Solution(answer_right, answer_wrong, fails)


async def desk_refund(pilot: Pilot[Any], digits: str) -> dict[str, str]:
    """On the desk's search (the box has the focus): type the order's last digits, Enter
    opens the one order found; read its Refund section (label → value); Escape back to
    the search, Escape again clears the box."""
    assert isinstance(pilot.app.screen, DeskSearchScreen)
    await pilot.press(*digits, "enter")
    page = await wait_for(pilot, DeskOrderScreen)
    assert page.order_id.endswith(digits)
    refund = {line.text: line.value for line in page.query_one("#desk-refund", Card).lines}
    await pilot.press("escape")
    await wait_for(pilot, DeskSearchScreen)
    await pilot.press("escape")
    await pilot.pause()
    return {label: value for label, value in refund.items() if value is not None}


def long_date(short: str) -> str:
    """The desk's "Dec 15" as the statements write it: "December 15"."""
    return f"{datetime.strptime(short, '%b %d'):%B} {int(short.split()[1])}"


async def refund_card_wallet_right(pilot: Pilot[Any]) -> None:
    """Find both orders on the desk; for each, pick the statements that say what its
    page says: the refund's amount (and, for the card, its last expected day)."""
    questions = {q.id: q for q in scenario("refund-card-wallet").questions}
    hub = await desk_refund(pilot, USB_HUB[-4:])
    assert hub["To"] == "Card"
    last_day = long_date(hub["Expected"].split(" – ")[1])
    wallet = await desk_refund(pilot, CAR_HOLDER[-4:])
    assert wallet["To"] == "AliExpress wallet"
    said = {"card": (hub["Amount"], last_day), "wallet": (wallet["Amount"],)}
    picks = {
        statement.id
        for check, facts in said.items()
        for statement in questions[check].statements
        if any(fact in statement.en for fact in facts)
    }
    assert pilot.app.screen.query_one("#desk-query").has_focus  # F6, F9 from the box
    await pick(pilot, picks)


async def paid_app_right(pilot: Pilot[Any]) -> None:
    await app_cancel(pilot, "to_ship", HUB, CancelReason.NO_LONGER_NEEDED)


async def paid_app_wrong(pilot: Pilot[Any]) -> None:
    await app_cancel(pilot, "to_ship", HUB, CancelReason.SHIPPING_TOO_LONG)


async def paid_web_right(pilot: Pilot[Any]) -> None:
    await web_cancel(pilot, WATCH, CancelReason.NO_LONGER_NEEDED)


async def paid_web_wrong(pilot: Pilot[Any]) -> None:
    await web_cancel(pilot, HUB, CancelReason.NO_LONGER_NEEDED)  # the other paid order


async def unpaid_right(pilot: Pilot[Any]) -> None:
    await app_cancel(pilot, "to_pay", CHARGER, CancelReason.NO_LONGER_NEEDED)


async def verifying_right(pilot: Pilot[Any]) -> None:
    await app_cancel(pilot, "to_ship", BUDS, CancelReason.NO_LONGER_NEEDED)


async def wait_a_day(pilot: Pilot[Any]) -> None:
    await wait_days(pilot, 1)  # "don't pay, it closes by itself"


async def withdraw_right(pilot: Pilot[Any]) -> None:
    await app_withdraw(pilot, POWER_BANK)


async def wait_three_days(pilot: Pilot[Any]) -> None:
    await wait_days(pilot, 3)  # "wait for the seller to refuse"


SOLUTIONS: dict[str, Solution] = {
    "paid-unshipped-app": Solution(paid_app_right, paid_app_wrong, {"buyer-reason"}),
    "paid-unshipped-web": Solution(
        paid_web_right, paid_web_wrong, {"requested", "buyer-reason", "right-order"}
    ),
    "unpaid-order": Solution(unpaid_right, wait_a_day, {"cancelled-at-once", "no-waiting"}),
    "payment-verifying": Solution(
        verifying_right, wait_a_day, {"cancelled-at-once", "closed", "no-waiting"}
    ),
    "withdraw-request": Solution(
        withdraw_right, wait_three_days, {"withdrawn", "back-to-shipment", "no-waiting"}
    ),
    **{scenario_id: desk(scenario_id) for scenario_id in sorted(DESK_WRONG)},
}
SOLUTIONS["refund-card-wallet"] = Solution(
    refund_card_wallet_right,
    SOLUTIONS["refund-card-wallet"].wrong,
    SOLUTIONS["refund-card-wallet"].fails,
)
