"""Order details: what the status means, what was bought and paid, and what may be done now."""

from __future__ import annotations

import asyncio
from itertools import zip_longest

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Static

from tui.domain.errors import DomainError
from tui.domain.glance import Reputation
from tui.domain.kinds import Standing
from tui.domain.rules import DISPUTE_GROUNDS, CancelPath
from tui.domain.timeline import DeadlineKind
from tui.screens.base import follow_language, shown_if
from tui.screens.order_details_parts import body_lines
from tui.screens.phone_screen import PhoneScreen
from tui.widgets.card import Card, SectionCard
from tui.widgets.phone import PageHeader

BANNER = ("label", "meaning", "countdown", "deadline")
"""The status banner's lines: the status, what it means, time left and until when."""


class OrderDetailsScreen(PhoneScreen[None]):
    """One order's page. My orders keeps one and shows each order on it (`show_order`):
    refilling a page's widgets costs a fraction of building a new page."""

    AUTO_FOCUS = "#actions Button"  # else `focus_default` takes the page itself
    BINDINGS = [
        Binding("c", "cancel_order", "key.cancel_order", id="cancel-order"),
        Binding("w", "withdraw", "key.withdraw", id="withdraw"),
    ]

    def __init__(self, order_id: str) -> None:
        super().__init__()
        self.order_id = order_id
        self._shown: tuple[object, str | None] | None = None
        """What the notice and the actions show now (rebuilt only when that changes)."""

    def compose_page(self) -> ComposeResult:
        t, service = self.t, self.service
        order = service.order(self.order_id)
        notice, action = self._shown = self._wanted()
        yield PageHeader(t("details.title"))
        with VerticalScroll(id="details"):
            with Vertical(id="status-banner"):
                for part, text in zip_longest(BANNER, self._banner()):
                    yield shown_if(Static(Content(text or ""), id=f"status-{part}"), text)
            why_not = self._notice(notice[0], notice[1])
            yield shown_if(Vertical(*why_not, id="notice"), why_not)
            for section, lines in body_lines(t, service, order).items():
                yield shown_if(SectionCard(lines, id=section), lines)
        yield shown_if(Horizontal(*self._buttons(action), id="actions"), action)

    def on_mount(self) -> None:
        super().on_mount()
        self.focus_default()

    async def show_order(self, order_id: str) -> None:
        """Get this page ready to be shown again, for ``order_id`` and with today's data."""
        self.order_id = order_id
        if not await follow_language(self):
            await self._fill()
        self.query_one("#details").scroll_home(animate=False)
        self.focus_default()
        self.refresh_bindings()

    def _banner(self) -> list[str]:
        order = self.service.order(self.order_id)
        return [
            self.t(order.status.label_key),
            self.t(order.status.meaning_key),
            *self._countdown(),
        ]

    def _wanted(self) -> tuple[tuple[CancelPath, Reputation | None, object], str | None]:
        """What the notice and the actions should say: the way to cancel (or why not), and
        which button (withdraw, cancel, or none)."""
        service, order_id = self.service, self.order_id
        path = service.cancel_path(order_id)
        blocked = self._blocked() if path.can_start and not service.may_cancel(order_id) else None
        if service.can_withdraw(order_id):
            action: str | None = "withdraw"
        else:
            action = "cancel-order" if service.may_cancel(order_id) else None
        return (path, blocked, self.t.language), action

    def _buttons(self, action: str | None) -> list[Widget]:
        if action is None:
            return []
        key = "details.withdraw" if action == "withdraw" else "details.cancel_order"
        return [Button(Content(self.t(key)), id=action)]

    async def _fill(self) -> None:
        """Put the order's status, notice, sections and actions into the page's widgets."""
        t, service = self.t, self.service
        order = service.order(self.order_id)
        for part, text in zip_longest(BANNER, self._banner()):
            label, shown = self.query_one(f"#status-{part}", Static), Content(text or "")
            if label.content != shown:  # an update lays the page out again
                label.update(shown)
            label.display = text is not None
        for section, lines in body_lines(t, service, order).items():
            card = self.query_one(f"#{section}", Card)
            card.set_lines(lines)
            card.display = bool(lines)
        wanted = self._wanted()
        if wanted == self._shown:
            return
        self._shown = (path, blocked, _), action = wanted
        box = self.query_one("#notice", Vertical)
        await box.remove_children()
        await box.mount_all(self._notice(path, blocked))
        box.display = bool(box.children)
        actions = self.query_one("#actions", Horizontal)
        await actions.remove_children()
        await actions.mount_all(self._buttons(action))
        actions.display = action is not None

    def _notice(self, path: CancelPath, blocked: Reputation | None) -> list[Widget]:
        """Why this order can't be cancelled by request, or why this buyer can't now."""
        t = self.t
        if path is CancelPath.REQUEST or path is CancelPath.INSTANT:
            if blocked is None or blocked.lifts_at is None:
                return []
            return [
                Vertical(
                    Static(
                        Content(
                            t("standing.blocked_now", count=blocked.count, days=blocked.window_days)
                        )
                    ),
                    Static(Content(t("standing.lifts_at", date=t.datetime(blocked.lifts_at)))),
                    id="cancel-explanation",
                    classes="-blocked",
                )
            ]
        lines: list[Widget] = [Static(Content(t(path.explanation_key)))]
        if path is CancelPath.DISPUTE_ONLY:
            for ground in DISPUTE_GROUNDS:
                lines.append(Static(Content(f"• {t('dispute.' + ground)}"), classes="ground"))
            lines.append(Static(Content(t("dispute.later")), classes="muted"))
        return [Vertical(*lines, id="cancel-explanation")]

    def _countdown(self) -> list[str]:
        """Time left as the real app shows it: to pay, to verify, to ship, to respond."""
        t = self.t
        countdown = self.service.countdown(self.order_id)
        if countdown is None:
            return []
        left = t(countdown.kind.label_key, left=t.duration(countdown.left))
        if countdown.kind is DeadlineKind.RESPOND:
            return [left, t("details.seller_deadline", date=t.datetime(countdown.at))]
        return [left, t("countdown.until", date=t.datetime(countdown.at))]

    def _blocked(self) -> Reputation | None:
        """The buyer's reputation when it blocks cancelling (no Cancel button, and why)."""
        found = self.service.reputation()
        return found if found.standing is Standing.BLOCKED else None

    def on_screen_resume(self) -> None:
        """Once this page is drawn, build the reason sheet unseen if the order may be
        cancelled: pressing Cancel then only refills it."""
        from tui.screens.cancel_reason import CancelReasonScreen

        if self.service.may_cancel(self.order_id):
            CancelReasonScreen.build_when_drawn(self, self.order_id)

    def focus_default(self) -> None:
        buttons = self.query("#actions Button")
        if buttons:
            buttons.first().focus()
        else:
            self.query_one("#details").focus()

    async def refresh_data(self) -> None:
        await self._fill()
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
            reasons = await CancelReasonScreen.shown_for(self.app, self.order_id, choice)
            choice = await self.app.push_screen_wait(reasons)
            if choice is None:
                return
            confirm = await CancelConfirmScreen.shown_for(self.app, self.order_id, choice)
            if await self.app.push_screen_wait(confirm):
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
        result_screen = await CancelResultScreen.shown_for(self.app, outcome)
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
