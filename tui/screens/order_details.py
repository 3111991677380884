"""Order details: what the status means, what was bought and paid, and what may be done now."""

from __future__ import annotations

import asyncio

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from tui.domain.errors import DomainError
from tui.domain.rules import BuyerAction
from tui.screens.base import shown_if
from tui.screens.cancel_confirm import CancelConfirmScreen
from tui.screens.cancel_reason import CancelReasonScreen
from tui.screens.cancel_result import CancelResultScreen
from tui.screens.order_details_parts import body_lines, notice_lines, status_lines
from tui.screens.phone_screen import PhoneScreen
from tui.screens.report_seller import ReportSellerScreen
from tui.screens.withdraw_confirm import WithdrawConfirmScreen
from tui.widgets.card import Card, SectionCard
from tui.widgets.phone import PageHeader

BUTTONS = {
    BuyerAction.CANCEL: ("cancel-order", "details.cancel_order"),
    BuyerAction.WITHDRAW: ("withdraw", "details.withdraw"),
}
"""Each action's button: its id and its label's catalog key."""


class OrderDetailsScreen(PhoneScreen[None]):
    """One order's page: the status and what it means, the order, and what may be done."""

    AUTO_FOCUS = "#actions Button"
    BINDINGS = [
        Binding("c", "act('cancel')", "key.cancel_order", id="cancel-order"),
        Binding("w", "act('withdraw')", "key.withdraw", id="withdraw"),
    ]

    def __init__(self, order_id: str) -> None:
        super().__init__()
        self.order_id = order_id

    def compose_page(self) -> ComposeResult:
        t, service = self.t, self.service
        order = service.order(self.order_id)
        yield PageHeader(t("details.title"))
        with VerticalScroll(id="details"):
            with Vertical(id="status-banner"):
                for text, part in status_lines(t, service, order):
                    yield Static(Content(text), id=f"status-{part}")
            notice = notice_lines(t, service, order)
            yield shown_if(Card(notice, id="cancel-explanation"), notice)
            for section, lines in body_lines(t, service, order).items():
                yield shown_if(SectionCard(lines, id=section), lines)
        actions = service.buyer_actions(self.order_id)
        with shown_if(Horizontal(id="actions"), actions):
            for action in actions:
                button_id, label = BUTTONS[action]
                yield Button(Content(t(label)), id=button_id)

    def on_mount(self) -> None:
        super().on_mount()
        if not self.query("#actions Button"):
            self.query_one("#details").focus()  # nothing to press: the page, to scroll it

    def focus_default(self) -> None:
        buttons = self.query("#actions Button")
        if buttons:
            buttons.first().focus()
        else:
            self.query_one("#details").focus()

    async def redraw(self) -> None:
        await self.recompose()
        self.focus_default()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "act":
            return BuyerAction(str(parameters[0])) in self.service.buyer_actions(self.order_id)
        return super().check_action(action, parameters)

    @on(Button.Pressed, "#actions Button")
    def button_pressed(self, event: Button.Pressed) -> None:
        for action, (button_id, _) in BUTTONS.items():
            if event.button.id == button_id:
                self.action_act(action.value)

    def action_act(self, action: str) -> None:
        if BuyerAction(action) is BuyerAction.CANCEL:
            self.cancel_flow()
        else:
            self.withdraw_flow()

    @work(exclusive=True, group="cancel-flow")
    async def cancel_flow(self) -> None:
        """Reason → confirm → submit → (report the seller?) → result; Back returns a step."""
        if BuyerAction.CANCEL not in self.service.buyer_actions(self.order_id):
            return
        path = self.service.cancel_path(self.order_id)
        choice = None
        while True:
            choice = await self.app.push_screen_wait(CancelReasonScreen(self.order_id, choice))
            if choice is None:
                return
            if await self.app.push_screen_wait(CancelConfirmScreen(self.order_id, choice)):
                break
        try:
            # The durable write (fsync) runs off the event loop, so the UI never stalls on disk.
            outcome = await asyncio.to_thread(
                self.service.cancel, self.order_id, choice.reason, choice.note, expected=path
            )
            if self.service.may_report_seller(self.order_id) and await self.app.push_screen_wait(
                ReportSellerScreen(self.order_id)
            ):
                await asyncio.to_thread(self.service.report_seller, self.order_id)
                self.notify(self.t("report.done"), timeout=3, markup=False)
        except DomainError as error:
            self.notify(self.error_text(error), severity="error", markup=False)
            await self.redraw_if_stale()
            return
        await self.app.push_screen_wait(CancelResultScreen(outcome))

    @work(exclusive=True, group="cancel-flow")
    async def withdraw_flow(self) -> None:
        """Confirm, then take the request back; the order can't be asked to cancel again."""
        if not self.service.can_withdraw(self.order_id):
            return
        if not await self.app.push_screen_wait(WithdrawConfirmScreen(self.order_id)):
            return
        try:
            await asyncio.to_thread(self.service.withdraw, self.order_id)
        except DomainError as error:
            self.notify(self.error_text(error), severity="error", markup=False)
        else:
            self.notify(self.t("withdraw.done"), timeout=3, markup=False)
        await self.redraw_if_stale()
