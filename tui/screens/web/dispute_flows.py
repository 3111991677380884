"""The website's dispute flows, shared by My orders (More) and the order page like the
cancel flow: open or change a dispute (the form box, then a review box, then what happens
next), the one-question actions, and the return's tracking number."""

from __future__ import annotations

import asyncio
from typing import Any, cast

from textual.screen import Screen

from tui.domain.errors import DomainError
from tui.domain.rules import BuyerAction
from tui.host import AppContext
from tui.screens.dispute_draft import BACK, DisputeDraft
from tui.screens.dispute_questions import offer_shown, perform
from tui.screens.web.dispute_boxes import (
    WebActionQuestion,
    WebDisputeDone,
    WebDisputeReview,
    WebReturnScreen,
)
from tui.screens.web.dispute_dialog import WebDisputeScreen


class WebDisputeFlows(AppContext):
    """Mixin for the website's pages: what the buyer does after shipping."""

    async def dispute_flow(self, order_id: str, *, change: bool = False) -> None:
        """Open dispute (or Modify request) → the form → review → send → what happens next.
        Back on the review returns to the form as filled in; Cancel or Escape leaves."""
        page = self.dispute_page
        action = BuyerAction.CHANGE_REQUEST if change else BuyerAction.OPEN_DISPUTE
        if action not in self.service.buyer_actions(order_id):
            return
        dispute = self.service.dispute_of(order_id)
        draft = DisputeDraft.of_dispute(dispute) if change and dispute else DisputeDraft()
        while True:
            filled = await page.app.push_screen_wait(
                WebDisputeScreen(order_id, draft, change=change)
            )
            if filled is None:
                return
            draft = filled
            reviewed = await page.app.push_screen_wait(WebDisputeReview(order_id, draft))
            if reviewed is None:
                return
            if reviewed is not BACK:
                break
        assert draft.ground is not None and draft.request is not None
        try:
            if change:
                await asyncio.to_thread(self.service.change_dispute, order_id, draft.request)
            else:
                await asyncio.to_thread(
                    self.service.open_dispute, order_id, draft.ground, draft.request
                )
        except DomainError as error:
            page.notify(self.error_text(error), severity="error", markup=False)
            return
        await page.app.push_screen_wait(WebDisputeDone(order_id, changed=change))

    async def question_flow(self, order_id: str, action: BuyerAction) -> None:
        """Confirm received, extend protection, accept the offer, escalate, cancel the
        dispute: the site's box asks, then it is done and a notice says so."""
        page = self.dispute_page
        if action not in self.service.buyer_actions(order_id):
            return
        offer = offer_shown(self.service, order_id)
        if not await page.app.push_screen_wait(WebActionQuestion(order_id, action)):
            return
        try:
            done = await asyncio.to_thread(perform, self.service, order_id, action, offer)
        except DomainError as error:
            page.notify(self.error_text(error), severity="error", markup=False)
        else:
            page.notify(self.t(done), timeout=3, markup=False)

    async def return_flow(self, order_id: str) -> None:
        """Fill in the return's tracking number (checked in the box), then it is sent."""
        page = self.dispute_page
        if BuyerAction.SHIP_RETURN not in self.service.buyer_actions(order_id):
            return
        number = await page.app.push_screen_wait(WebReturnScreen(order_id))
        if number is None:
            return
        try:
            await asyncio.to_thread(self.service.ship_return, order_id, number)
        except DomainError as error:
            page.notify(self.error_text(error), severity="error", markup=False)
        else:
            page.notify(self.t("dispute_done.return_sent"), timeout=3, markup=False)

    @property
    def dispute_page(self) -> Screen[Any]:
        return cast("Screen[Any]", self)
