"""What the demo plays: the screenshot steps of each flow, then, in the app, the trainer's.

The steps up to "what happens next" are the screenshot command's own (`tui.screenshots.steps`,
each move checked), with the handout's sentences (`tui.screenshots.sentences`): one script in
one place. The picture of a shipped order and the steps of opening a dispute after it are
left out (they are not steps of cancelling). The
app then goes on as the source article does: the seller has 72 hours; the trainer opens the
panel and moves the clock past them; the order closes itself and its refund shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.pilot import Pilot

from tui.domain.status import OrderStatus
from tui.flow import Flow
from tui.screens.cancel_result import CancelResultScreen
from tui.screens.order_details import OrderDetailsScreen
from tui.screens.trainer import TrainerScreen
from tui.screenshots.sentences import DISPUTE, SENTENCES, SHIPPED, Sentence
from tui.screenshots.steps import STEPS, focused_id
from tui.screenshots.walk import (
    Action,
    WalkError,
    finish_work,
    press_until,
    settle,
    the_app,
    wait_for_screen,
)

TRAINER_KEY = "f3"
MOVE_KEY = "3"
"""The trainer panel's "+3 days": the seller's 72 hours in one press."""
HOUR_KEY = "h"


@dataclass(frozen=True)
class DemoStep:
    """One caption and the moves that play it."""

    flow: Flow
    slug: str
    sentence: Sentence
    action: Action


@dataclass(frozen=True)
class Segment:
    """One flow's steps, played from a fresh copy of the demo data and that flow's first page."""

    flow: Flow
    steps: tuple[DemoStep, ...]


def requested_order(pilot: Pilot[Any]) -> str:
    """The order the demo asked to cancel: the order page under the result (and panel)."""
    for screen in reversed(pilot.app.screen_stack):
        if isinstance(screen, OrderDetailsScreen):
            return screen.order_id
    raise WalkError("no order page under the result: the request was not made from one")


async def trainer_open(pilot: Pilot[Any]) -> None:
    """F3 over the result: the panel lists the request among those awaiting the seller."""
    order_id = requested_order(pilot)
    await pilot.press(TRAINER_KEY)
    screen = await wait_for_screen(pilot, TrainerScreen, "the trainer panel")
    if not screen.query(f"#pending-{order_id}"):
        raise WalkError(f"order {order_id} is not among the requests awaiting the seller")


async def trainer_clock(pilot: Pilot[Any]) -> None:
    """+3 days, then an hour at a time until the seller's time has run out and the order
    closed itself (at once with the usual 72 hours; a longer setting takes more presses)."""
    order_id = requested_order(pilot)
    service = the_app(pilot).service

    def closed() -> bool:
        return service.order(order_id).status is not OrderStatus.CANCELLATION_REQUESTED

    await pilot.press(MOVE_KEY)
    await settle(pilot)  # not `finish_work`: the cancel flow's worker waits for the result
    await press_until(pilot, HOUR_KEY, closed, "the order closing itself", limit=48)
    await settle(pilot)


async def closed_order(pilot: Pilot[Any]) -> None:
    """Escape twice: the panel closes, then the result; the order page shows it closed."""
    order_id = requested_order(pilot)
    await pilot.press("escape")
    await wait_for_screen(pilot, CancelResultScreen, "the result again")
    await pilot.press("escape")
    screen = await wait_for_screen(pilot, OrderDetailsScreen, "the order page again")
    await finish_work(pilot)  # the page redraws with the order's new status
    if screen.order_id != order_id:
        raise WalkError(f"order {screen.order_id} is showing instead of {order_id}")


async def refund_shown(pilot: Pilot[Any]) -> None:
    """The page in focus, End: the refund and the order's history at the bottom."""
    await press_until(pilot, "shift+tab", lambda: focused_id(pilot) == "details", "the page")
    await pilot.press("end")
    await finish_work(pilot)


TRAINER_STEPS = (
    ("trainer", Sentence("demo.trainer_open", {"panel": "command.trainer"}), trainer_open),
    ("clock", Sentence("demo.trainer_clock", {"move": "key.move_3days"}), trainer_clock),
    ("closed", Sentence("demo.closed", {"status": OrderStatus.CANCELLED.label_key}), closed_order),
    ("refund", Sentence("demo.refund"), refund_shown),
)


def segment(flow: Flow) -> Segment:
    steps = [
        DemoStep(flow, step.slug, SENTENCES[flow][step.slug], step.action)
        for step in STEPS[flow]
        if step.slug != SHIPPED and not step.slug.startswith(DISPUTE)
    ]
    if flow is Flow.APP:
        steps += [DemoStep(flow, slug, said, act) for slug, said, act in TRAINER_STEPS]
    return Segment(flow, tuple(steps))


def script(flows: tuple[Flow, ...]) -> tuple[Segment, ...]:
    return tuple(segment(flow) for flow in flows)
