"""Styles of the parts a one-widget drawing is made of, read from its component classes."""

from __future__ import annotations

from textual.style import Style
from textual.widget import Widget


def part_style(widget: Widget, component: str, *, keep_background: bool = False) -> Style:
    """A component class's colour and text style (bold, italic), to draw a part over the
    widget's own background (highlighted or not); with ``keep_background`` a background the
    class sets is kept as written."""
    styles = widget.get_component_styles(component)
    full = widget.get_visual_style(component)
    coloured = styles.has_rule("color")
    background = styles.background if keep_background and styles.has_rule("background") else None
    return Style(
        background=background,
        foreground=full.foreground if coloured else None,
        bold=full.bold,
        italic=full.italic,
    )
