"""Small layout pieces for detail pages: a label and a value on one line, a section box."""

from __future__ import annotations

from itertools import zip_longest

from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from tui.widgets.parts import RememberedParts, part_style


class InfoRow(RememberedParts, Widget):
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
    VALUE_SHARE = 0.7

    def __init__(self, key: str, value: str, *, classes: str = "") -> None:
        super().__init__(classes=classes)
        self.key = key
        self.value = value

    def _columns(self, width: int) -> tuple[list[Content], list[Content], int]:
        """Key lines, value lines and the value column's width, for ``width`` cells."""
        value = Content(self.value)
        value_width = max(1, min(value.cell_length, int(width * self.VALUE_SHARE)))
        key_width = max(1, width - value_width)
        values = value.wrap(value_width)
        return Content(self.key).wrap(key_width), values, value_width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        keys, values, _ = self._columns(width)
        return max(len(keys), len(values), 1)

    def render(self) -> Content:
        width = self.content_size.width
        keys, values, value_width = self._columns(width)
        key_style = part_style(self, "info-row--key")
        value_style = part_style(self, "info-row--value")
        blank = Content("")
        lines = [
            Content.assemble(
                key.pad_right(width - value_width - key.cell_length).stylize(key_style),
                value.pad_left(value_width - value.cell_length).stylize(value_style),
            )
            for key, value in zip_longest(keys, values, fillvalue=blank)
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
