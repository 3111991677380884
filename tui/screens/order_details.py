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
from tui.domain.rules import DISPUTE_GROUNDS, CancelPath
from tui.screens.order_details_parts import compose_order_body
from tui.screens.phone_screen import PhoneScreen
from tui.widgets.phone import PageHeader


class OrderDetailsScreen(PhoneScreen[None]):
    CSS_PATH = "../styles/order_details.tcss"
    BINDINGS = [
        Binding("c", "cancel_order", "key.cancel_order", id="cancel-order"),
    ]

    def __init__(self, order_id: str) -> None:
        super().__init__()
        self.order_id = order_id

    def compose_page(self) -> ComposeResult:
        t = self.t
        order = self.service.order(self.order_id)
        path = self.service.cancel_path(self.order_id)
        yield PageHeader(t("details.title"))
        with VerticalScroll(id="details"):
            with Vertical(id="status-banner"):
                yield Static(Content(t(order.status.label_key)), id="status-label")
                yield Static(Content(t(order.status.meaning_key)), id="status-meaning")
                deadline = self.service.seller_deadline(self.order_id)
                if deadline is not None:
                    yield Static(
                        Content(t("details.seller_deadline", date=t.datetime(deadline))),
                        id="status-deadline",
                    )
            if path is not CancelPath.REQUEST and path is not CancelPath.INSTANT:
                with Vertical(id="cancel-explanation"):
                    yield Static(Content(t(path.explanation_key)))
                    if path is CancelPath.DISPUTE_ONLY:
                        for ground in DISPUTE_GROUNDS:
                            yield Static(Content(f"• {t('dispute.' + ground)}"), classes="ground")
                        yield Static(Content(t("dispute.later")), classes="muted")
            yield from compose_order_body(t, self.service, order)
        if path.can_start:
            with Horizontal(id="actions"):
                yield Button(Content(t("details.cancel_order")), id="cancel-order")

    def on_mount(self) -> None:
        super().on_mount()
        self.focus_default()

    def focus_default(self) -> None:
        buttons = self.query("#cancel-order")
        if buttons:
            buttons.first().focus()
        else:
            self.query_one("#details").focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel_order":
            return self.service.cancel_path(self.order_id).can_start
        return super().check_action(action, parameters)

    @on(Button.Pressed, "#cancel-order")
    def cancel_pressed(self) -> None:
        self.action_cancel_order()

    def action_cancel_order(self) -> None:
        self.cancel_flow()

    @work(exclusive=True, group="cancel-flow")
    async def cancel_flow(self) -> None:
        """Reason → confirm → submit → result; Back on the confirm returns to the reasons."""
        from tui.screens.cancel_confirm import CancelConfirmScreen
        from tui.screens.cancel_reason import CancelReasonScreen
        from tui.screens.cancel_result import CancelResultScreen

        path = self.service.cancel_path(self.order_id)
        if not path.can_start:
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
        except DomainError as error:
            self.notify(self.error_text(error), severity="error")
            await self.recompose()
            self.focus_default()
            return
        await self.app.push_screen_wait(CancelResultScreen(outcome))
        await self.recompose()
        self.focus_default()
