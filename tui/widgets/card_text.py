"""Helpers to lay out the lines of the order cards `OrderList` and `WebOrderList` draw.

Every card of a list is as tall as the others, so a wrapped field (an item's title) always
takes `WRAP_LINES` lines: padded with a blank line when it fits on one, cut with an ellipsis
when it needs more.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.style import Style

from tui.text import inert

WRAP_LINES = 2
"""A wrapped field (an item's title, its details) takes at most this many lines."""


def wrapped(text: str, width: int, style: Style) -> list[Content]:
    """The text wrapped at ``width`` into exactly `WRAP_LINES` lines, each padded to
    ``width``; an ellipsis ends the last one when text was left out."""
    if width <= 0:
        return [Content("")] * WRAP_LINES
    lines = Content(inert(text)).wrap(width) or [Content("")]
    shown = lines[:WRAP_LINES]
    shown += [Content("")] * (WRAP_LINES - len(shown))
    if len(lines) > len(shown):
        last = shown[-1].plain.rstrip()
        shown[-1] = Content(last + "…").truncate(width, ellipsis=True)
    return [Content.styled(line.plain, style).pad_right(width - line.cell_length) for line in shown]


def first_line(text: str, width: int, style: Style) -> Content:
    """The text's first wrapped line at ``width``, padded: as a one-line label shows it."""
    if width <= 0:
        return Content("")
    lines = Content(inert(text)).wrap(width)
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
