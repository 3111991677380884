"""A card of text lines drawn by one widget: a page's section without a widget per line.

A `Card` takes a list of `Line`s (a text, or a key with its value on the right, each with
the part of the card that styles it) and draws them all, wrapped at its width: a details
page holds a dozen widgets rather than ninety. Data is never parsed as markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from tui.text import inert
from tui.widgets.parts import part_styles
from tui.widgets.rows import two_columns

PARTS = (
    "title",
    "text",
    "muted",
    "key",
    "value",
    "strong",
    "accent",
    "lead",
    "done",
    "note",
    "callout",
    "alert",
    "warning",
    "error",
)
"""The parts a line may be styled as (their styles: `tui.widgets.parts.PARTS`)."""


class Line(NamedTuple):
    """One entry of a card: ``text`` alone, or ``text`` as a key with ``value`` on the right.

    ``mark`` (``✓``, ``●``…) is drawn in the first two cells, ``indent`` cells are left
    blank before the text instead, and ``before`` blank lines come above it. A ``fill`` line
    is drawn with its part's background across the card, one cell in from each side.
    """

    text: str
    value: str | None = None
    part: str = "text"
    value_part: str = "value"
    mark: str = ""
    mark_part: str = "text"
    indent: int = 0
    before: int = 0
    fill: bool = False


def row(key: str, value: str, *, part: str = "key", value_part: str = "value") -> Line:
    """`key ........ value`, as the app's summary lines are drawn."""
    return Line(key, value, part=part, value_part=value_part)


Piece = tuple[Content, str]
"""A run of text and the part that styles it."""


def layout(line: Line, width: int) -> list[list[Piece]]:
    """The drawn lines of one `Line` at ``width`` cells, as runs of text and their parts."""
    drawn: list[list[Piece]] = [[] for _ in range(line.before)]
    lead = 2 if line.mark else line.indent
    inner = max(1, width - lead - (2 if line.fill else 0))
    first_lead = Content(line.mark.ljust(lead)) if line.mark else Content(" " * lead)
    blank_lead = Content(" " * lead)
    side = [(Content(" "), line.part)] if line.fill else []
    if line.value is None:
        texts = Content(inert(line.text)).wrap(inner) or [Content("")]
        for index, text in enumerate(texts):
            head = first_lead if index == 0 else blank_lead
            body = text.pad_right(inner - text.cell_length)
            drawn.append([(head, line.mark_part), *side, (body, line.part), *side])
        return drawn
    columns = two_columns(Content(inert(line.text)), Content(inert(line.value)), inner)
    for index, (key, value, value_width) in enumerate(columns):
        head = first_lead if index == 0 else blank_lead
        drawn.append(
            [
                (head, line.mark_part),
                *side,
                (key.pad_right(inner - value_width - key.cell_length), line.part),
                (value.pad_left(value_width - value.cell_length), line.value_part),
                *side,
            ]
        )
    return drawn


class Card(Widget):
    """Lines of text and key-value rows, drawn by one widget; see `Line` for what a line
    can be. `set_lines` redraws it with new lines."""

    DEFAULT_CSS = """
    Card { height: auto; }
    """

    def __init__(
        self, lines: Iterable[Line] = (), *, id: str | None = None, classes: str = ""
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._lines = tuple(lines)
        self._layout: tuple[int, list[list[Piece]]] | None = None

    @property
    def lines(self) -> tuple[Line, ...]:
        return self._lines

    @property
    def plain_text(self) -> str:
        """What the card says, a line per line given (for tests and screen readers)."""
        return "\n".join(
            inert(line.text if line.value is None else f"{line.text} {line.value}")
            for line in self._lines
        )

    def set_lines(self, lines: Iterable[Line]) -> None:
        """Show ``lines``; the same lines again change nothing (no layout, no redraw)."""
        kept = tuple(lines)
        if kept == self._lines:
            return
        self._lines = kept
        self._layout = None
        self.refresh(layout=True)

    def _drawn(self, width: int) -> list[list[Piece]]:
        if self._layout is None or self._layout[0] != width:
            drawn = [piece for line in self._lines for piece in layout(line, width)]
            self._layout = (width, drawn)
        return self._layout[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._drawn(width))

    def render(self) -> Content:
        styles = part_styles(self)
        return Content("\n").join(
            Content.assemble(*(text.stylize(styles[part]) for text, part in pieces))
            for pieces in self._drawn(self.content_size.width)
        )


class SectionCard(Card):
    """A `Card` drawn as a white section on the grey page, as the app groups order details."""

    DEFAULT_CSS = """
    SectionCard {
        background: $surface;
        padding: 0 1;
        margin: 1 0 0 0;
    }
    """
