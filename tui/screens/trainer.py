"""The trainer panel: move the simulated clock, answer for sellers (cancellations here,
disputes, extensions and shipping in `trainer_disputes`), put the demo data back.

Deliberately not part of the mimicked app: full width, its own colours, a "Trainer" bar.
Writes (fsync) run off the event loop, as the cancel flow's do, so the panel never stalls.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import timedelta

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, ListView, Static

from tui.domain.errors import DomainError
from tui.i18n import Translator
from tui.screens.trainer_disputes import TrainerDisputes
from tui.screens.trainer_parts import compose_people, move_report, pending_item
from tui.widgets.key_footer import KeyFooter
from tui.widgets.trainer import PendingItem, TrainerBar

PRESETS = {
    "hour": timedelta(hours=1),
    "day": timedelta(days=1),
    "3days": timedelta(days=3),
}


class TrainerScreen(TrainerDisputes):
    """The panel; its after-shipping sections (disputes, extensions, shipping) are in
    `TrainerDisputes`."""

    BINDINGS = [
        Binding("escape", "back", "key.back", id="back"),
        Binding("h", "move('hour')", "key.move_hour", id="move-hour"),
        Binding("d", "move('day')", "key.move_day", id="move-day"),
        Binding("3", "move('3days')", "key.move_3days", id="move-3days"),
        Binding("m", "focus_move", "key.move_by", id="move-by", show=False),
        Binding("a", "agree", "key.agree", id="agree"),
        Binding("r", "refuse", "key.refuse", id="refuse"),
        Binding("R", "reset", "key.reset_demo", id="reset-demo", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.report: Callable[[Translator], list[str]] = lambda t: []
        """What the last action changed, written out in the current language on each redraw."""
        self.report_is_error = False

    def compose(self) -> ComposeResult:
        t, service = self.t, self.service
        yield TrainerBar(t("trainer.title"), t("trainer.subtitle"))
        with VerticalScroll(id="trainer-body"):
            with Vertical(id="clock-section", classes="trainer-section"):
                yield Static(Content(t("trainer.clock")), classes="trainer-heading")
                yield Static(
                    Content(t("trainer.now", now=t.datetime(service.now()))), id="clock-now"
                )
                with Horizontal(id="clock-buttons"):
                    for preset in PRESETS:
                        yield Button(
                            Content(t(f"trainer.preset_{preset}")),
                            id=f"move-{preset}",
                            compact=True,
                        )
                    yield Input(
                        placeholder=t("trainer.move_placeholder"), id="move-by", compact=True
                    )
                    yield Button(Content(t("trainer.move")), id="move-typed", compact=True)
                yield Static("", id="move-error")
                with Vertical(id="report", classes="-error" if self.report_is_error else ""):
                    for line in self.report(t):
                        yield Static(Content(line), classes="report-line")
            yield from self._compose_pending()
            yield from self.compose_after_shipping()
            yield from compose_people(t, service)
            with Horizontal(id="reset-row", classes="trainer-section"):
                yield Button(Content(t("trainer.reset")), id="reset", compact=True)
                yield Static(Content(t("trainer.reset_hint")), classes="hint")
        yield KeyFooter()

    def _compose_pending(self) -> ComposeResult:
        t, pending = self.t, self.service.pending_requests()
        with Vertical(id="pending-section", classes="trainer-section"):
            yield Static(
                Content(t("trainer.pending", count=len(pending))), classes="trainer-heading"
            )
            if not pending:
                yield Static(Content(t("trainer.no_pending")), classes="hint")
                return
            yield ListView(*(pending_item(t, self.service, o) for o in pending), id="pending")
            with Horizontal(id="answer-buttons"):
                yield Button(Content(t("trainer.agree")), id="agree", compact=True)
                yield Button(Content(t("trainer.refuse")), id="refuse", compact=True)
            yield Static(Content(t("trainer.unanswered_hint")), classes="hint")

    def on_mount(self) -> None:
        self.note_drawn()
        self.show_dispute_buttons()
        self._focus("pending", "move-hour")

    def _focus(self, *ids: str) -> None:
        for widget_id in ids:
            found = self.query(f"#{widget_id}")
            if found:
                found.first().focus()
                return

    async def _redraw(self, *focus: str) -> None:
        """Recompose from the service, keeping the highlighted pending order if it's still there."""
        keep = self._highlighted()
        self.keep_highlights()
        await self.recompose()
        self.restore_highlights()
        self.note_drawn()
        lists = self.query("#pending").results(ListView)
        for pending in lists:
            ids = [item.order_id for item in pending.query(PendingItem)]
            pending.index = ids.index(keep) if keep in ids else 0
        self.refresh_bindings()
        self._focus(*focus, "pending", "move-hour")

    def _highlighted(self) -> str | None:
        for pending in self.query("#pending").results(ListView):
            item = pending.highlighted_child
            if isinstance(item, PendingItem):
                return item.order_id
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("agree", "refuse"):
            return self._highlighted() is not None
        return True

    def action_back(self) -> None:
        self.dismiss()

    def action_focus_move(self) -> None:
        self.query_one("#move-by", Input).focus()

    # -- the clock ------------------------------------------------------------------------

    @on(Button.Pressed, "#clock-buttons Button")
    async def preset_pressed(self, event: Button.Pressed) -> None:
        button_id = str(event.button.id)
        if button_id == "move-typed":
            await self._move_typed()
        else:
            await self.action_move(button_id.removeprefix("move-"))

    @on(Input.Submitted, "#move-by")
    async def typed_submitted(self) -> None:
        await self._move_typed()

    async def _move_typed(self) -> None:
        """A typed span: a bad one is an inline error and the clock stays where it is."""
        field = self.query_one("#move-by", Input)
        try:
            span = self.service.parse_duration(field.value)
        except DomainError as error:
            message = self.query_one("#move-error", Static)
            message.update(Content(self.error_text(error)))
            message.add_class("-shown")
            field.focus()
            return
        await self._move(span, "move-by")

    async def action_move(self, preset: str) -> None:
        await self._move(PRESETS[preset], f"move-{preset}")

    async def _move(self, span: timedelta, focus: str) -> None:
        try:
            move = await asyncio.to_thread(self.service.advance_clock, span)
        except DomainError as error:
            self._set_error(error)
        else:
            self._set_report(lambda t: move_report(t, move))
        await self._redraw(focus)

    def _set_report(self, report: Callable[[Translator], list[str]]) -> None:
        self.report, self.report_is_error = report, False

    def _set_error(self, error: DomainError) -> None:
        """A refusal (e.g. another window changed the order): say so, inline and as a notice."""
        self.report, self.report_is_error = lambda t: [self.error_text(error)], True
        self.notify(self.error_text(error), severity="error", markup=False)

    # -- the seller's answers -----------------------------------------------------------

    @on(Button.Pressed, "#agree")
    async def agree_pressed(self) -> None:
        await self.action_agree()

    @on(Button.Pressed, "#refuse")
    def refuse_pressed(self) -> None:
        self.action_refuse()

    async def action_agree(self) -> None:
        order_id = self._highlighted()
        if order_id is None:
            return
        try:
            order = await asyncio.to_thread(self.service.seller_agree, order_id)
        except DomainError as error:
            self._set_error(error)
        else:
            refund = self.service.refund_of(order.id)
            if refund is None and order.paid_at is None:  # cash on delivery: nothing to refund
                self._set_report(lambda t: [t("trainer.agreed_nothing_paid", order=order.id)])
            else:
                paid = refund.amount if refund else order.total
                self._set_report(
                    lambda t: [t("trainer.agreed", order=order.id, amount=t.money(paid))]
                )
        await self._redraw("pending")

    def action_refuse(self) -> None:
        order_id = self._highlighted()
        if order_id is not None:
            self.refuse_flow(order_id)

    @work(exclusive=True, group="trainer")
    async def refuse_flow(self, order_id: str) -> None:
        """Ask for the seller's message, then refuse; Escape in the dialog changes nothing."""
        from tui.screens.trainer_refuse import TrainerRefuseScreen

        message = await self.app.push_screen_wait(TrainerRefuseScreen(order_id))
        if message is None:
            return
        try:
            await asyncio.to_thread(self.service.seller_refuse, order_id, message)
        except DomainError as error:
            self._set_error(error)
        else:
            self._set_report(lambda t: [t("trainer.refused", order=order_id)])
        await self._redraw("pending")

    # -- the demo data -------------------------------------------------------------------

    @on(Button.Pressed, "#reset")
    def reset_pressed(self) -> None:
        self.action_reset()

    def action_reset(self) -> None:
        self.reset_flow()

    @work(exclusive=True, group="trainer")
    async def reset_flow(self) -> None:
        from tui.screens.trainer_reset import TrainerResetScreen

        if not await self.app.push_screen_wait(TrainerResetScreen()):
            return
        try:
            kept = await asyncio.to_thread(self.service.reset_demo)
        except DomainError as error:
            self._set_error(error)
            await self._redraw("move-hour")
            return
        now = self.service.now()

        def report(t: Translator) -> list[str]:
            lines = [t("trainer.reset_done", now=t.datetime(now))]
            if kept is not None:
                lines.append(t("trainer.reset_kept", file=str(kept)))
            return lines

        self._set_report(report)
        await self._redraw("move-hour")  # the top, where the report is

    async def redraw(self) -> None:
        await self._redraw()
