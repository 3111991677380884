"""One order on the website's My orders page, drawn by `WebOrderList` as a `Visual`.

Laid out as the site's wide card: date and number across the top (a band), then store,
title and details at the left with total, status and a "More ▾" control at the right, and
the seller's deadline under it when there is one. On a narrow list (below `NARROW_WIDTH`
columns) it stacks: items above, total and status beside More below.

Its height is known from the title, the details and whether there is a deadline, all cheap
to get; the rest of its text is only formatted when it first comes into view.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from rich.cells import cell_len
from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Region
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions

from tui.widgets.card_text import LazyCard, card_line, first_line, wrapped, wrapped_lines

NARROW_WIDTH = 60
"""Below this many columns a card stacks (the page's own narrow breakpoint, as the list
fills the page below 100 columns)."""
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
    """What the card shows besides its title and details, translated by the screen."""

    placed: str
    number: str
    store: str
    total: str
    status: str
    deadline: str = ""


class CardHost(Protocol):
    """What a card asks of the list that draws it."""

    @property
    def narrow(self) -> bool: ...

    @property
    def more_label(self) -> str: ...

    def part(self, name: str) -> Style:
        """A part's style: head, store, muted, total, status, deadline, more, more-lit, gap."""
        ...

    def is_lit(self, order_id: str) -> bool:
        """Whether this card's More control shows as the keyboard's (highlighted, focused)."""
        ...


@dataclass(frozen=True)
class Shape:
    """Where things go at one width: the height and the More control follow from it."""

    narrow: bool
    items_width: int
    more_width: int
    title_lines: int
    details_lines: int
    deadline: bool

    @property
    def head_lines(self) -> int:
        return 2 if self.narrow else 1

    @property
    def items_lines(self) -> int:
        return 1 + self.title_lines + self.details_lines

    @property
    def height(self) -> int:
        money = 2 if self.narrow else 0  # the total and status rows under the items
        return self.head_lines + self.items_lines + money + self.deadline + 1


class WebOrderCard(LazyCard[WebOrderText]):
    def __init__(
        self,
        order_id: str,
        title: str,
        details: str,
        text: Callable[[], WebOrderText],
        host: CardHost,
        *,
        deadline: bool = False,
    ) -> None:
        super().__init__(order_id, title, text)
        self._details = details
        self._host = host
        self._deadline = deadline
        self._shapes: dict[tuple[int, bool], Shape] = {}
        self._height: tuple[tuple[int, bool], int] | None = None

    def shape(self, width: int) -> Shape:
        narrow = self._host.narrow
        found = self._shapes.get((width, narrow))
        if found is None:
            inner = width - 2 * PADDING
            more = max(MORE_MIN_WIDTH, cell_len(self._host.more_label) + 2)
            items = inner if narrow else inner - MONEY_WIDTH - more
            found = Shape(
                narrow,
                items,
                more,
                wrapped_lines(self._title, items),
                wrapped_lines(self._details, items),
                self._deadline,
            )
            self._shapes[(width, narrow)] = found
        return found

    def more_region(self, width: int) -> Region:
        """Where the More control is drawn, relative to the card's top left."""
        shape = self.shape(width)
        y = shape.head_lines + (shape.items_lines if shape.narrow else 0)
        return Region(width - PADDING - shape.more_width, y, shape.more_width, 1)

    def get_height(self, rules: RulesMap, width: int) -> int:
        """Asked of every card at each reload: the last answer is kept for the common case."""
        key = (width, self._host.narrow)
        if self._height is None or self._height[0] != key:
            self._height = (key, self.shape(width).height)
        return self._height[1]

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        shape, text, part = self.shape(width), self.text, self._host.part
        inner = width - 2 * PADDING
        head_style = style + part("head")

        def line(*pieces: Content, base: Style = style) -> Strip:
            return card_line(pieces, width, base, padding=PADDING)

        muted = head_style + part("muted")
        if shape.narrow:
            head = [
                line(first_line(text.placed, inner, muted), base=head_style),
                line(first_line(text.number, inner, muted), base=head_style),
            ]
        else:
            placed = Content.styled(text.placed + " " * HEAD_GAP, muted)
            number = first_line(text.number, inner - placed.cell_length, muted)
            head = [line(placed, number, base=head_style)]
        items = [
            first_line(f"{text.store} ›", shape.items_width, style + part("store")),
            *wrapped(self._title, shape.items_width, style),
            *wrapped(self._details, shape.items_width, style + part("muted")),
        ]
        more_part = "more-lit" if self._host.is_lit(self.order_id) else "more"
        label = f" {self._host.more_label}"
        label += " " * max(0, shape.more_width - cell_len(label))  # its background spans it
        more = Content.styled(label, style + part(more_part))
        money_width = inner - shape.more_width if shape.narrow else MONEY_WIDTH - 1
        margin = Content("" if shape.narrow else " " * MONEY_MARGIN)
        total = first_line(text.total, money_width - margin.cell_length, style + part("total"))
        status = first_line(text.status, money_width - margin.cell_length, style + part("status"))
        blank = Content(" " * shape.more_width)
        if shape.narrow:
            body = [*map(line, items), line(total, more), line(status)]
        else:
            side = [Content("").join([margin, total, Content(" "), more])]
            side.append(Content("").join([margin, status, Content(" "), blank]))
            body = [
                line(item, side[row] if row < len(side) else Content(""))
                for row, item in enumerate(items)
            ]
        deadline = [line(first_line(text.deadline, inner, style + part("deadline")))]
        gap = Strip.blank(width, part("gap").rich_style)
        return [*head, *body, *(deadline if shape.deadline else []), gap]
