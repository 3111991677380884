"""The website's My orders list: a wide card per order, drawn by `CardList`.

Laid out as the site's card: date and number across the top (a band), then store, title
and details at the left with total, status and a "More ▾" control at the right, and the
seller's deadline under them. On a narrow list (below `NARROW_WIDTH` columns) it stacks:
the items above, total and More, then status, below. Enter (or a click anywhere on a card)
selects it; the page opens the order's More menu under the card's More control.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.cells import cell_len
from textual.content import Content
from textual.geometry import Region
from textual.strip import Strip

from tui.domain.models import Order
from tui.widgets.card_list import CardList
from tui.widgets.card_text import WRAP_LINES, card_line, first_line, wrapped

NARROW_WIDTH = 60
"""Below this many columns a card stacks."""
PADDING = 1
"""Blank cells at each side of a card."""
MONEY_WIDTH = 26
"""The total and status column of a wide card, its left margin included."""
MONEY_MARGIN = 2
MORE_MIN_WIDTH = 9
"""The More control is its label and a blank cell each side, at least this wide."""
HEAD_GAP = 4
"""Blank cells between the order date and the order number."""


@dataclass(frozen=True)
class WebOrderText:
    """What a card shows, translated and formatted by the page."""

    placed: str
    number: str
    store: str
    title: str
    details: str
    total: str
    status: str
    deadline: str = ""


CardText = Callable[[Order], WebOrderText]


class WebOrderList(CardList):
    """Website order cards; ``card_text`` gives each card's words, ``more_label`` the
    control's."""

    DEFAULT_CSS = """
    WebOrderList { background: $background; }
    """

    def __init__(self, card_text: CardText, more_label: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._card_text = card_text
        self._more_label = f"{more_label} ▾"

    @property
    def _more_width(self) -> int:
        return max(MORE_MIN_WIDTH, cell_len(self._more_label) + 2)

    def card_height(self, width: int) -> int:
        if width < NARROW_WIDTH:  # two head lines, total and status under the items
            return 2 + 1 + WRAP_LINES + 1 + 2 + 1 + 1
        return 1 + 1 + WRAP_LINES + 1 + 1 + 1

    def _more_row(self, width: int) -> int:
        """The card line that holds the More control."""
        return 2 + 1 + WRAP_LINES + 1 if width < NARROW_WIDTH else 1

    def more_region(self, order_id: str) -> Region | None:
        """The order's More control on screen, if its card is listed and the control shows."""
        index = self.index_of(order_id)
        if index is None:
            return None
        content = self.scrollable_content_region
        width = content.width
        top = index * self.card_height(width) + self._more_row(width) - self.scroll_offset.y
        more = Region(
            content.x + width - PADDING - self._more_width, content.y + top, self._more_width, 1
        )
        return more if content.contains_region(more) else None

    def paint(self, order: Order, width: int, lit: bool) -> list[Strip]:
        text = self._card_text(order)
        narrow = width < NARROW_WIDTH
        inner = width - 2 * PADDING
        more_width = self._more_width
        base = self.part("card")
        head_style = base + self.part("card-head")
        muted_head = head_style + self.part("muted")

        def line(*pieces: Content) -> Strip:
            return card_line(pieces, width, base, padding=PADDING)

        if narrow:
            head = [
                card_line([first_line(text.placed, inner, muted_head)], width, head_style),
                card_line([first_line(text.number, inner, muted_head)], width, head_style),
            ]
        else:
            placed = first_line(text.placed, inner, muted_head).truncate(
                min(inner, cell_len(text.placed) + HEAD_GAP)
            )
            number = first_line(text.number, inner - placed.cell_length, muted_head)
            head = [card_line([placed, number], width, head_style)]
        items_width = inner if narrow else inner - MONEY_WIDTH - more_width
        items = [
            first_line(f"{text.store} ›", items_width, base + self.part("card-store")),
            *wrapped(text.title, items_width, base),
            first_line(text.details, items_width, base + self.part("muted")),
        ]
        label = f" {self._more_label}"
        label += " " * max(0, more_width - cell_len(label))
        more = Content.styled(label, base + self.part("card-more-lit" if lit else "card-more"))
        money_width = (inner - more_width if narrow else MONEY_WIDTH - 1) - (
            0 if narrow else MONEY_MARGIN
        )
        margin = Content("" if narrow else " " * MONEY_MARGIN)
        total = first_line(text.total, money_width, base + self.part("card-total"))
        status = first_line(text.status, money_width, base + self.part("card-status"))
        if narrow:
            body = [*(line(item) for item in items), line(total, more), line(status)]
        else:
            side = [
                Content("").join([margin, total, Content(" "), more]),
                Content("").join([margin, status, Content(" "), Content(" " * more_width)]),
            ]
            body = [
                line(item, side[row] if row < len(side) else Content(""))
                for row, item in enumerate(items)
            ]
        deadline = line(first_line(text.deadline, inner, base + self.part("card-deadline")))
        gap = Strip.blank(width, self.part("card-gap").rich_style)
        return [*head, *body, deadline, gap]
