"""The website's order details page: status and countdown, items and amounts, the timeline,
and the same actions as the More menu, as buttons."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Static

from tui.domain.rules import BuyerAction
from tui.domain.wording import web_label
from tui.screens.action_keys import ACTION_BINDINGS
from tui.screens.base import DataPage, shown_if
from tui.screens.order_details_parts import body_lines, status_lines
from tui.screens.web.dialog_base import WEB_BREAKPOINTS
from tui.screens.web.flows import WebFlows
from tui.widgets.card import SectionCard
from tui.widgets.key_footer import KeyFooter
from tui.widgets.web_header import WebHeader


class WebOrderPage(WebFlows, DataPage, Screen[None]):
    """One order on the website; Escape (or "‹ My orders") goes back to the list."""

    HORIZONTAL_BREAKPOINTS = WEB_BREAKPOINTS
    AUTO_FOCUS = "#web-page-actions Button"
    BINDINGS = [
        Binding("escape", "back", "key.back", id="back"),
        *ACTION_BINDINGS,
    ]

    def __init__(self, order_id: str) -> None:
        super().__init__()
        self.order_id = order_id

    def compose(self) -> ComposeResult:
        t, service = self.t, self.service
        order = service.order(self.order_id)
        yield WebHeader(
            self.app.title,
            t("web.search"),
            t("web.search_button"),
            t("web.hello", name=service.buyer.name),
        )
        actions = service.buyer_actions(self.order_id)
        # Cancel or withdraw sit beside the title; the longer after-shipping actions get a
        # row of their own under it (styles/dispute.tcss), as many as they are.
        beside = bool({BuyerAction.CANCEL, BuyerAction.WITHDRAW} & set(actions))
        with Horizontal(id="web-page-top"):
            yield Button(Content(t("web.back_to_orders")), id="web-page-back", compact=True)
            yield Static(Content(t("details.title")), id="web-page-title")
            if beside:
                yield from self.compose_actions(actions)
        if actions and not beside:
            yield from self.compose_actions(actions, classes="-row")
        with VerticalScroll(id="web-page-body"):
            with Vertical(id="web-page-status"):
                for text, part in status_lines(t, service, order):
                    yield Static(Content(text), classes=f"web-status-{part}")
            for section, lines in body_lines(t, service, order).items():
                yield shown_if(SectionCard(lines, id=f"web-page-{section}"), lines)
        yield KeyFooter()

    def compose_actions(self, actions: list[BuyerAction], classes: str = "") -> ComposeResult:
        """The buyer's actions as the site's buttons, the first one lit."""
        t, path = self.t, self.service.cancel_path(self.order_id)
        with Horizontal(id="web-page-actions", classes=classes):
            for index, action in enumerate(actions):
                yield Button(
                    Content(t(web_label(action, path))),
                    id=f"web-page-{action.value}",
                    variant="primary" if index == 0 else "default",
                    compact=True,
                )

    def on_mount(self) -> None:
        self.note_drawn()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "act":
            return BuyerAction(str(parameters[0])) in self.service.buyer_actions(self.order_id)
        return True

    def action_back(self) -> None:
        self.dismiss()

    @on(Button.Pressed, "#web-page-back")
    def back_pressed(self) -> None:
        self.dismiss()

    @on(Button.Pressed, "#web-page-actions Button")
    def action_pressed(self, event: Button.Pressed) -> None:
        self.action_act(str(event.button.id).removeprefix("web-page-"))

    def action_act(self, action: str) -> None:
        self.run_action_flow(BuyerAction(action))

    @work(exclusive=True, group="web-flow")
    async def run_action_flow(self, action: BuyerAction) -> None:
        await self.action_flow(self.order_id, action)
        await self.redraw_if_stale()
