"""One order as the agent sees it: the facts and deadlines at the left, what the buyer sees
(in the customer's language) and the whole timeline at the right; reply or add a note.
The desk never acts for the buyer."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button

from tui.domain.errors import DomainError
from tui.i18n import Language, Translator
from tui.screens.base import DataPage
from tui.screens.desk.note import DeskNoteDialog
from tui.screens.desk.order_parts import (
    buyer_lines,
    buyer_view_lines,
    deadline_lines,
    order_lines,
    refund_lines,
    store_lines,
    timeline_lines,
)
from tui.screens.desk.reply import DeskReplyDialog
from tui.widgets.card import Card
from tui.widgets.desk_strip import DeskStrip
from tui.widgets.key_footer import KeyFooter


class DeskOrderScreen(DataPage, Screen[None]):
    """The desk's order page; Escape goes back to the search."""

    AUTO_FOCUS = "#desk-reply"
    BINDINGS = [
        Binding("escape", "back", "key.back", id="back"),
        Binding("r", "reply", "key.desk_reply", id="desk-reply-key"),
        Binding("n", "note", "key.desk_note", id="desk-note-key"),
        Binding("l", "customer_language", "key.desk_language", id="desk-language-key"),
        # The page scrolls from the keys wherever the focus is (the buttons take no arrows).
        *(
            Binding(key, f"move_page('{where}')", show=False, id=f"desk-page-{where}")
            for key, where in (
                ("down", "down"),
                ("up", "up"),
                ("pagedown", "page_down"),
                ("pageup", "page_up"),
                ("home", "home"),
                ("end", "end"),
            )
        ),
    ]

    def __init__(self, order_id: str, customer: Language | None = None) -> None:
        super().__init__(classes="desk")
        self.order_id = order_id
        self.customer = customer

    @property
    def customer_language(self) -> Language:
        """The customer's language: chosen here, else the app's."""
        return self.customer or self.t.language

    def compose(self) -> ComposeResult:
        t, service = self.t, self.service
        order = service.order(self.order_id)
        customer = Translator(self.customer_language)
        language = t(f"desk.language_{self.customer_language.value}")
        yield DeskStrip(
            t("desk.strip"),
            t("desk.order_title", number=order.id),
            t("desk.now", date=t.datetime(service.now())),
        )
        with Horizontal(id="desk-actions"):
            yield Button(Content(t("desk.reply_button")), id="desk-reply", compact=True)
            yield Button(Content(t("desk.note_button")), id="desk-note", compact=True)
            yield Button(
                Content(t("desk.language_button", language=language)),
                id="desk-language",
                compact=True,
            )
        with VerticalScroll(id="desk-page"), Horizontal(id="desk-columns"):
            with Vertical(classes="desk-column"):
                for name, lines in (
                    ("order", order_lines(t, service, order)),
                    ("deadlines", deadline_lines(t, service, order)),
                    ("refund", refund_lines(t, service, order)),
                    ("buyer", buyer_lines(t, service, order)),
                    ("store", store_lines(t, service, order)),
                ):
                    yield Card(list(lines), id=f"desk-{name}", classes="desk-card")
            with Vertical(classes="desk-column"):
                sees = buyer_view_lines(t, customer, service, order)
                yield Card(list(sees), id="desk-sees", classes="desk-card")
                timeline = timeline_lines(t, service, order)
                yield Card(list(timeline), id="desk-timeline", classes="desk-card")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.note_drawn()

    def action_back(self) -> None:
        self.dismiss()

    def action_move_page(self, where: str) -> None:
        """↑ ↓, Page Up/Down, Home and End scroll the page's facts."""
        page = self.query_one("#desk-page", VerticalScroll)
        moves: dict[str, Callable[[], object]] = {
            "down": page.scroll_down,
            "up": page.scroll_up,
            "page_down": page.scroll_page_down,
            "page_up": page.scroll_page_up,
            "home": page.scroll_home,
            "end": page.scroll_end,
        }
        moves[where]()

    async def action_customer_language(self) -> None:
        self.customer = self.customer_language.other
        await self.redraw()

    @on(Button.Pressed, "#desk-language")
    async def language_pressed(self) -> None:
        await self.action_customer_language()

    @on(Button.Pressed, "#desk-reply")
    def reply_pressed(self) -> None:
        self.action_reply()

    @on(Button.Pressed, "#desk-note")
    def note_pressed(self) -> None:
        self.action_note()

    @work(exclusive=True, group="desk")
    async def action_reply(self) -> None:
        """Pick a template, edit it, send: recorded on the order as the agent's reply."""
        dialog = DeskReplyDialog(self.order_id, self.customer_language)
        text = await self.app.push_screen_wait(dialog)
        if text is None:
            return
        await self.record(self.service.send_reply, text, "desk.reply_sent")

    @work(exclusive=True, group="desk")
    async def action_note(self) -> None:
        text = await self.app.push_screen_wait(DeskNoteDialog(self.order_id))
        if text is None:
            return
        await self.record(self.service.add_note, text, "desk.note_saved")

    async def record(self, write: Callable[[str, str], None], text: str, done: str) -> None:
        """Save off the event loop; say so, or say why not (nothing saved)."""
        try:
            await asyncio.to_thread(write, self.order_id, text)
        except DomainError as error:
            self.notify(self.error_text(error), severity="error", markup=False)
            return
        self.notify(self.t(done), timeout=3, markup=False)
        await self.redraw_if_stale()
