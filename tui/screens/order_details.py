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
from tui.domain.reputation import Standing
from tui.domain.rules import DISPUTE_GROUNDS, CancelPath
from tui.domain.timeline import DeadlineKind
from tui.screens.order_details_parts import compose_order_body
from tui.screens.phone_screen import PhoneScreen
from tui.widgets.phone import PageHeader


class OrderDetailsScreen(PhoneScreen[None]):
    AUTO_FOCUS = "#actions Button"  # else `focus_default` takes the page itself
    BINDINGS = [
        Binding("c", "cancel_order", "key.cancel_order", id="cancel-order"),
        Binding("w", "withdraw", "key.withdraw", id="withdraw"),
    ]

    def __init__(self, order_id: str) -> None:
        super().__init__()
        self.order_id = order_id

    def compose_page(self) -> ComposeResult:
        t, service = self.t, self.service
        order = service.order(self.order_id)
        path = service.cancel_path(self.order_id)
        yield PageHeader(t("details.title"))
        with VerticalScroll(id="details"):
            with Vertical(id="status-banner"):
                yield Static(Content(t(order.status.label_key)), id="status-label")
                yield Static(Content(t(order.status.meaning_key)), id="status-meaning")
                yield from self._countdown()
            if path is not CancelPath.REQUEST and path is not CancelPath.INSTANT:
                with Vertical(id="cancel-explanation"):
                    yield Static(Content(t(path.explanation_key)))
                    if path is CancelPath.DISPUTE_ONLY:
                        for ground in DISPUTE_GROUNDS:
                            yield Static(Content(f"• {t('dispute.' + ground)}"), classes="ground")
                        yield Static(Content(t("dispute.later")), classes="muted")
            elif not service.may_cancel(self.order_id):
                yield from self._blocked()
            yield from compose_order_body(t, service, order)
        if service.may_cancel(self.order_id) or service.can_withdraw(self.order_id):
            with Horizontal(id="actions"):
                if service.can_withdraw(self.order_id):
                    yield Button(Content(t("details.withdraw")), id="withdraw")
                else:
                    yield Button(Content(t("details.cancel_order")), id="cancel-order")

    def _countdown(self) -> ComposeResult:
        """Time left as the real app shows it: to pay, to verify, to ship, to respond."""
        t = self.t
        countdown = self.service.countdown(self.order_id)
        if countdown is None:
            return
        yield Static(
            Content(t(countdown.kind.label_key, left=t.duration(countdown.left))),
            id="status-countdown",
        )
        if countdown.kind is DeadlineKind.RESPOND:
            until = t("details.seller_deadline", date=t.datetime(countdown.at))
        else:
            until = t("countdown.until", date=t.datetime(countdown.at))
        yield Static(Content(until), id="status-deadline")

    def _blocked(self) -> ComposeResult:
        """Why a blocked buyer is offered no Cancel button, and until when."""
        t, found = self.t, self.service.reputation()
        if found.standing is not Standing.BLOCKED or found.lifts_at is None:
            return
        with Vertical(id="cancel-explanation", classes="-blocked"):
            yield Static(
                Content(t("standing.blocked_now", count=found.count, days=found.window_days))
            )
            yield Static(Content(t("standing.lifts_at", date=t.datetime(found.lifts_at))))

    def on_mount(self) -> None:
        super().on_mount()
        self.focus_default()

    def focus_default(self) -> None:
        buttons = self.query("#actions Button")
        if buttons:
            buttons.first().focus()
        else:
            self.query_one("#details").focus()

    async def refresh_data(self) -> None:
        await self.recompose()
        self.focus_default()

    async def orders_changed(self) -> None:
        await self.refresh_data()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel_order":
            return self.service.may_cancel(self.order_id)
        if action == "withdraw":
            return self.service.can_withdraw(self.order_id)
        return super().check_action(action, parameters)

    @on(Button.Pressed, "#cancel-order")
    def cancel_pressed(self) -> None:
        self.action_cancel_order()

    @on(Button.Pressed, "#withdraw")
    def withdraw_pressed(self) -> None:
        self.action_withdraw()

    def action_cancel_order(self) -> None:
        self.cancel_flow()

    def action_withdraw(self) -> None:
        self.withdraw_flow()

    @work(exclusive=True, group="cancel-flow")
    async def cancel_flow(self) -> None:
        """Reason → confirm → submit → (report the seller?) → result; Back returns a step."""
        from tui.screens.cancel_confirm import CancelConfirmScreen
        from tui.screens.cancel_reason import CancelReasonScreen
        from tui.screens.cancel_result import CancelResultScreen
        from tui.screens.report_seller import ReportSellerScreen

        path = self.service.cancel_path(self.order_id)
        if not self.service.may_cancel(self.order_id):
            return
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
            await self.refresh_data()
            return
        # The pages underneath (this one, My orders, Account) are redrawn while the buyer
        # reads the result, so going back to any of them is instant instead of a rebuild.
        result_screen = CancelResultScreen(outcome)
        result = self.app.push_screen(result_screen, wait_for_dismiss=True)
        await result_screen.wait_for_refresh()  # the result is drawn first
        await self.cancel_app.redraw_pages_below()
        await result

    @work(exclusive=True, group="cancel-flow")
    async def withdraw_flow(self) -> None:
        """Confirm, then take the request back; the order can't be asked to cancel again."""
        from tui.screens.withdraw_confirm import WithdrawConfirmScreen

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
        await self.refresh_data()
