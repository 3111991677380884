"""The page under a dialog, dimmed: Textual's `BackgroundScreen` with each style tinted once.

Textual redraws the whole page under a dialog through a tint for every frame of the
dialog, working out each segment's colours again (~0.1 ms per segment: a third of the
website's submit step at 10,000 orders). A page uses a few dozen styles, so each style's
tinted version is worked out once and remembered; what is drawn is the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.renderables.background_screen import BackgroundScreen

NULL_STYLE = Style()


@lru_cache(maxsize=4096)
def tinted(style: Style | None, color: Color) -> Style:
    """``style`` without links or meta, its colours tinted with ``color`` (as Textual does)."""
    plain = NULL_STYLE if style is None else style.clear_meta_and_links()
    if color.a == 0:
        return plain
    foreground = (
        (Color.from_rich_color(plain.color) + color).rich_color if plain.color is not None else None
    )
    background = (
        (Color.from_rich_color(plain.bgcolor) + color).rich_color
        if plain.bgcolor is not None
        else None
    )
    return plain + Style.from_color(foreground, background)


class DimmedScreen(BackgroundScreen):
    """`BackgroundScreen` drawing the same segments, each style tinted once (`tinted`)."""

    @classmethod
    def process_segments(cls, segments: Iterable[Segment], color: Color) -> Iterable[Segment]:
        for segment in segments:
            text, style, control = segment
            yield segment if control else Segment(text, tinted(style, color), control)
