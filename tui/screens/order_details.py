"""Order details: what the status means, what was bought and paid, and what may be done now:
cancel or withdraw, and after shipping the dispute and its steps."""

from __future__ import annotations

import asyncio

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from tui.domain.errors import DomainError
from tui.domain.rules import BuyerAction
from tui.domain.wording import APP_LABELS
from tui.screens.action_keys import ACTION_BINDINGS
from tui.screens.base import shown_if
from tui.screens.cancel_confirm import CancelConfirmScreen
from tui.screens.cancel_reason import CancelReasonScreen
from tui.screens.cancel_result import CancelResultScreen
from tui.screens.dispute_draft import BACK, DisputeDraft
from tui.screens.dispute_form import FORM_STEPS
from tui.screens.dispute_questions import offer_shown, perform
from tui.screens.dispute_sheets import DisputeResultScreen, QuestionSheet, ReturnTrackingSheet
from tui.screens.order_details_parts import body_lines, notice_lines, status_lines
from tui.screens.phone_screen import PhoneScreen
from tui.screens.report_seller import ReportSellerScreen
from tui.screens.withdraw_confirm import WithdrawConfirmScreen
from tui.widgets.card import Card, SectionCard
from tui.widgets.phone import PageHeader

BUTTONS = {
    action: (button_id, APP_LABELS[action])
    for action, button_id in (
        (BuyerAction.CANCEL, "cancel-order"),
        (BuyerAction.WITHDRAW, "withdraw"),
        (BuyerAction.OPEN_DISPUTE, "open-dispute"),
        (BuyerAction.CONFIRM_RECEIPT, "confirm-receipt"),
        (BuyerAction.EXTEND_PROTECTION, "extend-protection"),
        (BuyerAction.ACCEPT_COUNTER, "accept-offer"),
        (BuyerAction.CHANGE_REQUEST, "change-request"),
        (BuyerAction.ESCALATE, "escalate"),
        (BuyerAction.CANCEL_DISPUTE, "cancel-dispute"),
        (BuyerAction.SHIP_RETURN, "ship-return"),
    )
}
"""Each action's button: its id and its label's catalog key."""


class OrderDetailsScreen(PhoneScreen[None]):
    """One order's page: the status and what it means, the order, and what may be done."""

    AUTO_FOCUS = "#actions Button"
    BINDINGS = [*ACTION_BINDINGS]

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
        after_shipping = not {BuyerAction.CANCEL, BuyerAction.WITHDRAW} & set(actions)
        with shown_if(
            Horizontal(id="actions", classes="-after" if after_shipping else ""), actions
        ):
            for action in actions:
                button_id, label = BUTTONS[action]
                yield Button(Content(t(label)), id=button_id, compact=after_shipping)

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
        chosen = BuyerAction(action)
        if chosen is BuyerAction.CANCEL:
            self.cancel_flow()
        elif chosen is BuyerAction.WITHDRAW:
            self.withdraw_flow()
        elif chosen in (BuyerAction.OPEN_DISPUTE, BuyerAction.CHANGE_REQUEST):
            self.dispute_flow(change=chosen is BuyerAction.CHANGE_REQUEST)
        elif chosen is BuyerAction.SHIP_RETURN:
            self.return_flow()
        else:
            self.question_flow(chosen)

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

    @work(exclusive=True, group="cancel-flow")
    async def dispute_flow(self, change: bool = False) -> None:
        """Problem → refund only or return → amount → description and evidence → review →
        send → what happens next. Back returns a step, Escape leaves; nothing is saved
        before Submit. Changing the request starts at the second step (the ground stays)."""
        action = BuyerAction.CHANGE_REQUEST if change else BuyerAction.OPEN_DISPUTE
        dispute = self.service.dispute_of(self.order_id)
        if action not in self.service.buyer_actions(self.order_id):
            return
        draft = DisputeDraft.of_dispute(dispute) if change and dispute else DisputeDraft()
        steps = FORM_STEPS[1:] if change else FORM_STEPS
        at = 0
        while at < len(steps):
            answer = await self.app.push_screen_wait(steps[at](self.order_id, draft, change=change))
            if answer is None:  # Escape: leave the form
                return
            if answer is BACK:
                at -= 1
                if at < 0:
                    return
                continue
            draft, at = answer, at + 1
        assert draft.ground is not None and draft.request is not None
        try:
            if change:
                await asyncio.to_thread(self.service.change_dispute, self.order_id, draft.request)
            else:
                await asyncio.to_thread(
                    self.service.open_dispute, self.order_id, draft.ground, draft.request
                )
        except DomainError as error:
            self.notify(self.error_text(error), severity="error", markup=False)
            await self.redraw_if_stale()
            return
        await self.app.push_screen_wait(DisputeResultScreen(self.order_id, changed=change))

    @work(exclusive=True, group="cancel-flow")
    async def question_flow(self, action: BuyerAction) -> None:
        """Confirm receipt, extend protection, accept the offer, escalate, cancel the
        dispute: ask, then do it and say so (`dispute_questions`)."""
        if action not in self.service.buyer_actions(self.order_id):
            return
        offer = offer_shown(self.service, self.order_id)
        if not await self.app.push_screen_wait(QuestionSheet(self.order_id, action)):
            return
        try:
            done = await asyncio.to_thread(perform, self.service, self.order_id, action, offer)
        except DomainError as error:
            self.notify(self.error_text(error), severity="error", markup=False)
        else:
            self.notify(self.t(done), timeout=3, markup=False)
        await self.redraw_if_stale()

    @work(exclusive=True, group="cancel-flow")
    async def return_flow(self) -> None:
        """The item is on its way back: its tracking number, checked in the sheet."""
        if BuyerAction.SHIP_RETURN not in self.service.buyer_actions(self.order_id):
            return
        number = await self.app.push_screen_wait(ReturnTrackingSheet(self.order_id))
        if number is None:
            return
        try:
            await asyncio.to_thread(self.service.ship_return, self.order_id, number)
        except DomainError as error:
            self.notify(self.error_text(error), severity="error", markup=False)
        else:
            self.notify(self.t("dispute_done.return_sent"), timeout=3, markup=False)
        await self.redraw_if_stale()
