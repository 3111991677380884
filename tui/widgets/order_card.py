"""One order in a list: store, first item (+N more), quantity, total, status, date.

A card is a Textual `Visual` drawn by `OrderList`, not a tree of widgets: a list of 10,000
orders then mounts no widget per order (mounting and styling them took seconds), and a
card's text is only formatted when it first comes into view.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions

from tui.widgets.card_text import LazyCard, card_line, first_line, wrapped, wrapped_lines

PADDING = 1
"""Blank cells at each side of a card."""


@dataclass(frozen=True)
class OrderCardText:
    """Everything the card shows, already translated and formatted by the screen."""

    order_id: str
    store: str
    title: str
    more: str
    quantity: str
    total: str
    status: str
    date: str
    countdown: str = ""
    """Time left to pay, to ship or to respond, where the real app shows it."""


class OrderCard(LazyCard[OrderCardText]):
    """Draws as: store ›  status / title (1–2 lines) / +N more · Qty / [countdown] /
    date  total / gap.

    ``part(name)`` gives the style of a part (``store``, ``status``, ``muted``, ``total``:
    colour and text style only, drawn over the card) or of the ``gap`` line under the card.
    """

    def __init__(
        self,
        order_id: str,
        title: str,
        text: Callable[[], OrderCardText],
        part: Callable[[str], Style],
        *,
        countdown: bool = False,
    ) -> None:
        """`countdown` says up front whether the card has a countdown line, so its height is
        known without formatting its text."""
        super().__init__(order_id, title, text)
        self._part = part
        self._countdown = countdown

    def title_lines(self, width: int) -> int:
        """1 if the title fits on one line, else 2: no wrapping needed to know the height."""
        return wrapped_lines(self._title, width - 2 * PADDING)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return 3 + self.title_lines(width) + self._countdown + 1

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        text, inner = self.text, width - 2 * PADDING

        def part(name: str) -> Style:
            return style + self._part(name)

        def line(*pieces: Content) -> Strip:
            return card_line(pieces, width, style, padding=PADDING)

        status = Content.styled(text.status, part("status"))
        store = first_line(f"{text.store} ›", inner - status.cell_length, part("store"))
        meta = f"{text.more} · {text.quantity}" if text.more else text.quantity
        total = Content.styled(text.total, part("total"))
        date = first_line(text.date, inner - total.cell_length, part("muted"))
        titles = wrapped(self._title, inner, Style(), ellipsis=False)
        gap = self._part("gap")
        return [
            line(store, status),
            *(line(title) for title in titles),
            line(first_line(meta, inner, part("muted"))),
            *([line(first_line(text.countdown, inner, part("status")))] if self._countdown else []),
            line(date, total),
            Strip.blank(width, gap.rich_style),
        ]
