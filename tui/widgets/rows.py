"""Small layout pieces for detail pages: a label and a value on one line, a section box."""

from __future__ import annotations

from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from tui.text import inert

VALUE_SHARE = 0.7
"""A value takes at most this share of the width; the key wraps in what is left."""


def two_columns(key: Content, value: Content, width: int) -> list[tuple[Content, Content, int]]:
    """Key and value lines side by side in ``width`` cells, and the value column's width;
    the value is right-aligned in at most `VALUE_SHARE` of the width, each column wraps."""
    value_width = max(1, min(value.cell_length, int(width * VALUE_SHARE)))
    keys = key.wrap(max(1, width - value_width)) or [Content("")]
    values = value.wrap(value_width) or [Content("")]
    blank = Content("")
    return [
        (keys[i] if i < len(keys) else blank, values[i] if i < len(values) else blank, value_width)
        for i in range(max(len(keys), len(values)))
    ]


class InfoRow(Widget):
    """`Label ............ value` — the app's summary line; data is never parsed as markup.

    One widget drawing both columns (the value right-aligned, at most 70% of the width, each
    column wrapping in its own width): a details page holds a dozen of these, and as a row of
    two labels in a horizontal layout each cost three widgets and a layout pass.
    """

    COMPONENT_CLASSES = {"info-row--key", "info-row--value"}
    DEFAULT_CSS = """
    InfoRow { height: auto; }
    InfoRow > .info-row--key { color: $text-muted; }
    InfoRow.-strong > .info-row--key, InfoRow.-strong > .info-row--value {
        color: $foreground;
        text-style: bold;
    }
    InfoRow.-accent > .info-row--value { color: $primary; }
    """

    def __init__(self, key: str, value: str, *, classes: str = "") -> None:
        super().__init__(classes=classes)
        self.key = key
        self.value = value

    def _columns(self, width: int) -> list[tuple[Content, Content, int]]:
        return two_columns(Content(inert(self.key)), Content(inert(self.value)), width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._columns(width))

    def render(self) -> Content:
        width = self.content_size.width
        key_style = self.get_visual_style("info-row--key", partial=True)
        value_style = self.get_visual_style("info-row--value", partial=True)
        lines = [
            Content.assemble(
                key.pad_right(width - value_width - key.cell_length).stylize(key_style),
                value.pad_left(value_width - value.cell_length).stylize(value_style),
            )
            for key, value, value_width in self._columns(width)
        ]
        return Content("\n").join(lines)


class Section(Vertical):
    """A white card on the grey page, as the app groups order information."""

    DEFAULT_CSS = """
    Section {
        height: auto;
        background: $surface;
        padding: 0 1;
        margin: 1 0 0 0;
    }
    Section > .section-title { text-style: bold; }
    """
