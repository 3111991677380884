"""What the order cards that `OrderList` and `WebOrderList` draw share: text formatted
only when first drawn (`LazyCard`), and helpers to lay it out.

A card's height must be known without wrapping its text (a list asks every card for its
height), so wrapped fields are capped at `WRAP_LINES` and their line count comes from the
text's width alone: `wrapped_lines` and `wrapped` always agree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from rich.cells import cell_len
from rich.segment import Segment
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual

TextT = TypeVar("TextT")

WRAP_LINES = 2
"""A wrapped field (an item's title, its details) takes at most this many lines."""


def wrapped_lines(text: str, width: int) -> int:
    """How many lines `wrapped` gives: 1 if the text fits on one line, else `WRAP_LINES`."""
    return 1 if cell_len(text) <= width else WRAP_LINES


def wrapped(text: str, width: int, style: Style, *, ellipsis: bool = True) -> list[Content]:
    """The text wrapped at ``width`` into `wrapped_lines` lines, each padded to ``width``;
    an ellipsis ends the last one when text was left out (unless ``ellipsis`` is off)."""
    if width <= 0:
        return [Content("")] * wrapped_lines(text, width)
    lines = Content(text).wrap(width) or [Content("")]
    shown = lines[: wrapped_lines(text, width)]
    if ellipsis and len(lines) > len(shown):
        last = shown[-1].plain.rstrip()
        shown[-1] = Content(last + "…").truncate(width, ellipsis=True)
    return [Content.styled(line.plain, style).pad_right(width - line.cell_length) for line in shown]


def first_line(text: str, width: int, style: Style) -> Content:
    """The text's first wrapped line at ``width``, padded: as a one-line label shows it."""
    if width <= 0:
        return Content("")
    lines = Content(text).wrap(width)
    first = lines[0] if lines else Content("")
    return Content.styled(first.plain, style).pad_right(max(0, width - first.cell_length))


def card_line(pieces: Sequence[Content], width: int, style: Style, *, padding: int = 1) -> Strip:
    """One line of a card: ``pieces`` side by side between ``padding`` blank cells, filled
    with the card's style to ``width``."""
    inner = width - 2 * padding
    content = Content("").join(pieces)
    content = content.pad_right(max(0, inner - content.cell_length))
    side = Segment(" " * padding, style.rich_style)
    return Strip([side, *content.render_segments(style), side], width).crop(0, width)


class LazyCard(Visual, Generic[TextT]):
    """A card as wide as its list, whose text (``TextT``) is made on first use: a list asks
    every card for its height, but draws only the cards in view."""

    def __init__(self, order_id: str, title: str, text: Callable[[], TextT]) -> None:
        self.order_id = order_id
        self._title = title
        self._text = text
        self._cached: TextT | None = None

    @property
    def text(self) -> TextT:
        if self._cached is None:
            self._cached = self._text()
        return self._cached

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width
