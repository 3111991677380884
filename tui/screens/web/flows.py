"""The website's multi-step actions, shared by My orders and the order page: each reads top
to bottom, one dialog awaited after another, and runs as a worker of the page it starts on.
"""

from __future__ import annotations

import asyncio
from typing import Any, cast

from textual.screen import Screen

from tui.domain.errors import DomainError
from tui.domain.rules import BuyerAction
from tui.screens.web.cancel_done import WebResultScreen
from tui.screens.web.cancel_request import WebCancelScreen
from tui.screens.web.dispute_flows import WebDisputeFlows
from tui.screens.web.report_seller import WebReportSellerScreen
from tui.screens.web.withdraw_confirm import WebWithdrawScreen


class WebFlows(WebDisputeFlows):
    """Mixin for the website's pages: the cancel and withdraw flows, and (from
    `WebDisputeFlows`) what the buyer does after shipping."""

    async def action_flow(self, order_id: str, action: BuyerAction) -> None:
        """The flow of one of the buyer's actions, as More and the order page start it."""
        if action is BuyerAction.CANCEL:
            await self.cancel_flow(order_id)
        elif action is BuyerAction.WITHDRAW:
            await self.withdraw_flow(order_id)
        elif action in (BuyerAction.OPEN_DISPUTE, BuyerAction.CHANGE_REQUEST):
            await self.dispute_flow(order_id, change=action is BuyerAction.CHANGE_REQUEST)
        elif action is BuyerAction.SHIP_RETURN:
            await self.return_flow(order_id)
        else:
            await self.question_flow(order_id, action)

    async def cancel_flow(self, order_id: str) -> None:
        """Cancel order request → reason and OK → (report the seller?) → what happens next."""
        page = self._page
        path = self.service.cancel_path(order_id)
        if not path.can_start:
            return
        choice = await page.app.push_screen_wait(WebCancelScreen(order_id))
        if choice is None:
            return
        try:
            # The durable write (fsync) runs off the event loop.
            outcome = await asyncio.to_thread(
                self.service.cancel, order_id, choice.reason, choice.note, expected=path
            )
            if self.service.may_report_seller(order_id) and await page.app.push_screen_wait(
                WebReportSellerScreen(order_id)
            ):
                await asyncio.to_thread(self.service.report_seller, order_id)
                page.notify(self.t("report.done"), timeout=3, markup=False)
        except DomainError as error:
            page.notify(self.error_text(error), severity="error", markup=False)
            return
        await page.app.push_screen_wait(WebResultScreen(outcome))

    async def withdraw_flow(self, order_id: str) -> None:
        """Withdraw cancellation request → confirm → the order awaits shipment again."""
        page = self._page
        if not self.service.can_withdraw(order_id):
            return
        if not await page.app.push_screen_wait(WebWithdrawScreen(order_id)):
            return
        try:
            await asyncio.to_thread(self.service.withdraw, order_id)
        except DomainError as error:
            page.notify(self.error_text(error), severity="error", markup=False)
        else:
            page.notify(self.t("withdraw.done"), timeout=3, markup=False)

    @property
    def _page(self) -> Screen[Any]:
        return cast("Screen[Any]", self)
