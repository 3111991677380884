"""The app's order list: a card per order, drawn by `CardList` (only what is in view).

A card reads, top to bottom: the store and the status; the first item's title on two lines;
the quantity and how many more items; the countdown where the real app shows one; the date
and the total; then a gap. The page gives each card's words (`OrderCardText`), already in
the current language; nothing here is parsed as markup, and control characters are inert.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.content import Content
from textual.strip import Strip

from tui.domain.models import Order
from tui.widgets.card_list import CardList
from tui.widgets.card_text import WRAP_LINES, card_line, first_line, wrapped

PADDING = 1
"""Blank cells at each side of a card."""
HEIGHT = 1 + WRAP_LINES + 1 + 1 + 1 + 1
"""Store, title, quantity, countdown, date and total, gap."""


@dataclass(frozen=True)
class OrderCardText:
    """Everything the card shows, already translated and formatted by the page."""

    store: str
    title: str
    quantity: str
    total: str
    status: str
    date: str
    countdown: str = ""
    """Time left to pay, to ship or to respond, where the real app shows it."""


CardText = Callable[[Order], OrderCardText]


class OrderList(CardList):
    """The app's order cards; ``card_text`` gives each card's words."""

    DEFAULT_CSS = """
    OrderList { background: $background; }
    """

    def __init__(self, card_text: CardText, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._card_text = card_text

    def card_height(self, width: int) -> int:
        return HEIGHT

    def paint(self, order: Order, width: int, lit: bool) -> list[Strip]:
        text = self._card_text(order)
        base = self.part("card-lit" if lit else "card")
        inner = width - 2 * PADDING

        def line(*pieces: Content) -> Strip:
            return card_line(pieces, width, base, padding=PADDING)

        status = Content.styled(text.status, base + self.part("card-status"))
        store_width = inner - status.cell_length - 1
        store = first_line(f"{text.store} ›", store_width, base + self.part("card-store"))
        total = Content.styled(text.total, base + self.part("card-total"))
        date = first_line(text.date, inner - total.cell_length, base + self.part("muted"))
        muted = base + self.part("muted")
        return [
            line(store, Content(" "), status),
            *(line(title) for title in wrapped(text.title, inner, base)),
            line(first_line(text.quantity, inner, muted)),
            line(first_line(text.countdown, inner, base + self.part("card-status"))),
            line(date, total),
            Strip.blank(width, self.part("card-gap").rich_style),
        ]
