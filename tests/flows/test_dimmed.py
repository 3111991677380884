"""`DimmedScreen` tints the page under a dialog exactly as Textual's `BackgroundScreen`."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.segment import ControlType, Segment
from rich.style import Style
from textual.color import Color
from textual.renderables.background_screen import BackgroundScreen

from tui.widgets.dimmed import DimmedScreen

COLOURS = st.sampled_from([None, "#191919", "#FFFFFF", "#E62E2E", "red", "color(240)", "default"])
STYLES = st.one_of(
    st.none(),
    st.builds(
        Style,
        color=COLOURS,
        bgcolor=COLOURS,
        bold=st.sampled_from([None, True, False]),
        italic=st.sampled_from([None, True]),
        link=st.sampled_from([None, "https://example.com"]),
        meta=st.sampled_from([None, {"@click": "app.bell"}]),
    ),
)
SEGMENTS = st.lists(
    st.one_of(
        st.builds(Segment, st.sampled_from(["", " ", "Order", "[b]x[/b]"]), STYLES),
        st.just(Segment("", None, [(ControlType.HOME,)])),
    ),
    max_size=12,
)
TINTS = st.builds(
    Color,
    st.integers(0, 255),
    st.integers(0, 255),
    st.integers(0, 255),
    st.sampled_from([0.0, 0.4, 0.5, 1.0]),
)


@given(SEGMENTS, TINTS)
def test_the_same_segments_as_textual_draws(segments: list[Segment], tint: Color) -> None:
    ours = list(DimmedScreen.process_segments(iter(segments), tint))
    textual = list(BackgroundScreen.process_segments(iter(segments), tint))
    assert ours == textual
    assert [s.style for s in ours] == [s.style for s in textual]  # Style == ignores nothing
