"""The moves a keyboard user makes, each checked, that the screenshot steps are built from.

Every move says where it expected to arrive; when a screen changes so that the walk no longer
fits, the command stops with that message instead of saving a picture of the wrong thing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar, cast

from textual.pilot import Pilot
from textual.screen import Screen
from textual.worker import WorkerCancelled

from tui.domain.models import PaymentMethod
from tui.domain.rules import CancelPath
from tui.domain.status import OrderTab
from tui.flow import Flow
from tui.i18n import Language
from tui.widgets.card_list import CardList

if TYPE_CHECKING:
    from tui.app import CancelOrderApp

ScreenT = TypeVar("ScreenT", bound=Screen[Any])
Action = Callable[[Pilot[Any]], Awaitable[None]]

WAIT_ROUNDS = 250
"""Pauses (of 20 ms) to wait for a screen that a worker pushes: 5 s, far more than needed."""


class WalkError(RuntimeError):
    """The app is not where a step expected it: a screen changed and the walk must follow."""


@dataclass(frozen=True)
class Step:
    """One picture: which flow, its number in that flow, and the keys that lead to it."""

    flow: Flow
    number: int
    slug: str
    action: Action

    @property
    def name(self) -> str:
        return f"{self.flow.value}-{self.number:02d}-{self.slug}"

    def file_name(self, language: Language) -> str:
        """E.g. `app-04-cancel-button.en.svg`: flow, step number, step and language."""
        return f"{self.name}.{language.value}.svg"


def the_app(pilot: Pilot[Any]) -> CancelOrderApp:
    from tui.app import CancelOrderApp

    return cast(CancelOrderApp, pilot.app)


async def settle(pilot: Pilot[Any]) -> None:
    """Let pending messages, refreshes and (disabled) animations finish."""
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


async def finish_work(pilot: Pilot[Any]) -> None:
    """Let the pages' workers end: after a dialog closes, its page redraws in one. A worker
    cancelled on the way (a flow whose page closed) has ended too."""
    for worker in list(pilot.app.workers):
        with contextlib.suppress(WorkerCancelled):
            await worker.wait()
    await settle(pilot)


async def wait_for_screen(pilot: Pilot[Any], kind: type[ScreenT], what: str) -> ScreenT:
    """The screen once it is on top; workers push some screens a moment after the key."""
    for _ in range(WAIT_ROUNDS):
        screen = pilot.app.screen
        if isinstance(screen, kind):
            await settle(pilot)
            return screen
        await pilot.pause(0.02)
    raise WalkError(f"expected {what}, but {type(pilot.app.screen).__name__} is showing")


async def press_until(
    pilot: Pilot[Any], key: str, done: Callable[[], bool], what: str, limit: int = 12
) -> None:
    """Press `key` until `done()`, at most `limit` times."""
    for _ in range(limit):
        if done():
            return
        await pilot.press(key)
        await pilot.pause()
    if not done():
        raise WalkError(f"pressing {key} {limit} times did not reach {what}")


async def highlight_in_list(pilot: Pilot[Any], orders: CardList, order_id: str) -> None:
    """Move ↓ / ↑ to the order's card, as a keyboard user does (the app's or the website's
    list)."""
    ids = orders.order_ids
    if order_id not in ids:
        raise WalkError(f"order {order_id} is not in the list ({', '.join(ids)})")
    target = ids.index(order_id)

    def position() -> int:
        return orders.highlighted or 0

    def there() -> bool:
        return position() == target

    key = "down" if position() < target else "up"
    await press_until(pilot, key, there, f"order {order_id}", limit=len(ids) + 1)


def order_to_cancel(pilot: Pilot[Any]) -> str:
    """The first order under To ship that can be cancelled by request: paid, not shipped.

    One paid by card when there is one, as in the article (and its refund takes days).
    """
    orders = _orders(pilot, OrderTab.TO_SHIP, CancelPath.REQUEST)
    by_card = [order_id for order_id, method in orders if method is PaymentMethod.CARD]
    return (by_card or [order_id for order_id, _ in orders])[0]


def shipped_order(pilot: Pilot[Any]) -> str:
    """The first shipped order: it can't be cancelled, only disputed."""
    return _orders(pilot, OrderTab.SHIPPED, CancelPath.DISPUTE_ONLY)[0][0]


def _orders(pilot: Pilot[Any], tab: OrderTab, path: CancelPath) -> list[tuple[str, PaymentMethod]]:
    service = the_app(pilot).service
    found = [
        (order.id, order.payment_method)
        for order in service.orders_in(tab)
        if service.cancel_path(order.id) is path
    ]
    if not found:
        raise WalkError(f"the demo data has no order under {tab.value} with the {path.value} path")
    return found
