"""The walks the step measure times: one list of steps per flow.

A step is a key press and the screen that must be showing once the app has settled; its
``before`` hook (not timed) puts the app where the press makes sense. Adding a flow is one
entry in ``FLOWS``. The website flow is included when ``tui.screens.web`` exists (issue 4);
its step list follows that branch and is the one entry to fix if its keys change.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Textual is first imported by the app, as `cancel-order` imports it
    from textual.pilot import Pilot

Hook = Callable[["Pilot[Any]"], Awaitable[None]]
Press = Callable[["Pilot[Any]", str], Awaitable[None]]


@dataclass(frozen=True)
class Step:
    name: str
    key: str
    screen: str
    """Class name of the screen that must be current once the press has been handled."""
    before: Hook | None = None


@dataclass(frozen=True)
class Flow:
    name: str
    start: str
    """Class name of the first screen."""
    steps: tuple[Step, ...]
    app_options: Callable[[], dict[str, Any]] = dict
    """Extra keyword arguments for ``CancelOrderApp``, imported only when the flow runs."""


def list_position(pilot: Pilot[Any]) -> int | None:
    """Highlighted row of the focused list (ListView ``index``, OptionList ``highlighted``)."""
    focused = pilot.app.focused
    for attribute in ("index", "highlighted"):
        value = getattr(focused, attribute, None)
        if isinstance(value, int):
            return value
    return None


async def settle_press(pilot: Pilot[Any], key: str) -> None:
    await pilot.press(key)
    await pilot.pause()


async def highlight_first(pilot: Pilot[Any], wanted: Callable[[Any, str], bool]) -> None:
    """Move the list's highlight to the first order of the tab for which ``wanted(service,
    order_id)`` holds."""
    app: Any = pilot.app
    service, tab = app.service, app.screen.tab
    ids = [order.id for order in service.orders_in(tab)]
    target = next(i for i, oid in enumerate(ids) if wanted(service, oid))
    for _ in range(200 + len(ids)):  # bounded: a list that ignores the keys fails loudly
        position = list_position(pilot)
        if position == target:
            return
        await settle_press(pilot, "down" if (position or 0) < target else "up")
    raise RuntimeError(f"could not highlight row {target} (at {list_position(pilot)})")


async def highlight_first_cancellable(pilot: Pilot[Any]) -> None:
    await highlight_first(pilot, lambda service, oid: service.cancel_path(oid).can_start)


async def highlight_first_disputable(pilot: Pilot[Any]) -> None:
    await highlight_first(pilot, lambda service, oid: "open_dispute" in service.buyer_actions(oid))


async def highlight_first_option(pilot: Pilot[Any]) -> None:
    if list_position(pilot) is None:
        await settle_press(pilot, "down")


async def past_the_prompt(pilot: Pilot[Any]) -> None:
    """In an open drop-down the blank prompt is lit first: move to the first real choice."""
    await settle_press(pilot, "down")


def focus(selector: str) -> Hook:
    async def hook(pilot: Pilot[Any]) -> None:
        pilot.app.screen.query_one(selector).focus()
        await pilot.pause()

    return hook


MOBILE = Flow(
    "mobile",
    start="ProfileScreen",
    steps=(
        Step("Account → To ship", "enter", "OrdersScreen", focus("#section-to_ship")),
        Step("next order (↓)", "down", "OrdersScreen"),
        Step("open order", "enter", "OrderDetailsScreen", highlight_first_cancellable),
        Step("cancel order (c)", "c", "CancelReasonScreen"),
        Step("choose reason", "enter", "CancelReasonScreen", highlight_first_option),
        Step("reason → confirm", "ctrl+s", "CancelConfirmScreen"),
        Step("confirm (saves)", "enter", "CancelResultScreen"),
        Step("result → order", "enter", "OrderDetailsScreen"),
        Step("back to list", "escape", "OrdersScreen"),
        Step("next tab (→)", "right", "OrdersScreen"),
        Step("back to account", "escape", "ProfileScreen"),
        Step("Account → All orders", "o", "OrdersScreen"),
        Step("All: back to account", "escape", "ProfileScreen"),
        Step("Account → Shipped", "enter", "OrdersScreen", focus("#section-shipped")),
        Step("open shipped order", "enter", "OrderDetailsScreen", highlight_first_disputable),
        Step("open dispute (d)", "d", "DisputeGroundSheet"),
        Step("choose ground", "enter", "DisputeRequestSheet", highlight_first_option),
        Step("leave the form", "escape", "OrderDetailsScreen"),
        Step("shipped: back to list", "escape", "OrdersScreen"),
        Step("shipped: back to account", "escape", "ProfileScreen"),
    ),
)

LIST_STEP = "Account → All orders"
"""The step the "lists" measure reports: opening the All tab."""

WEB = Flow(
    "web",
    start="WebOrdersScreen",
    app_options=lambda: {"flow": importlib.import_module("tui.flow").Flow("web")},
    steps=(
        Step("next tab (→)", "right", "WebOrdersScreen"),
        Step("previous tab (←)", "left", "WebOrdersScreen"),
        Step("next order (↓)", "down", "WebOrdersScreen"),
        Step("More (m)", "m", "OrderMenuScreen", highlight_first_cancellable),
        Step("menu → cancel request", "enter", "WebCancelScreen"),
        Step("open reasons", "enter", "WebCancelScreen"),
        Step("choose reason", "enter", "WebCancelScreen", past_the_prompt),
        Step("submit (saves)", "ctrl+s", "WebResultScreen"),
        Step("result → list", "enter", "WebOrdersScreen"),
    ),
)


def available_flows() -> list[Flow]:
    flows = [MOBILE]
    if importlib.util.find_spec("tui.screens.web") is not None:
        flows.append(WEB)
    return flows


FLOWS = {flow.name: flow for flow in (MOBILE, WEB)}
