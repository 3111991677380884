"""Bar charts a trainer can put on a slide: inline SVG for the HTML report, text for the
terminal. Values are percentages (0-100); labels are data, so they are escaped (SVG) or
made inert (text) here, once."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from html import escape

Bar = tuple[str, float]
"""A label and its value in percent."""

LABEL_MAX = 40
TEXT_BAR_WIDTH = 25
_ROW = 30
_LABEL_WIDTH = 300
_BAR_WIDTH = 400
_TOP = 44


def inert(text: str) -> str:
    """Data made safe to print: control and format characters become U+FFFD, whitespace
    runs a single space (a name can't move the cursor, retitle a terminal or break a row)."""
    shown = "".join("\ufffd" if unicodedata.category(c) in ("Cc", "Cf") else c for c in text)
    return " ".join(shown.split())


def shorten(text: str, limit: int = LABEL_MAX) -> str:
    text = inert(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _clamp(value: float) -> float:
    return min(100.0, max(0.0, value))


def text_bars(bars: Sequence[Bar], width: int = TEXT_BAR_WIDTH) -> list[str]:
    """One line per bar: the label, a bar of full blocks out of `width`, the percentage."""
    labels = [shorten(label) for label, _ in bars]
    column = max((len(label) for label in labels), default=0)
    lines = []
    for label, (_, value) in zip(labels, bars, strict=True):
        filled = round(_clamp(value) * width / 100)
        bar = "█" * filled + "░" * (width - filled)
        lines.append(f"{label.ljust(column)}  {bar} {round(_clamp(value)):>3}%")
    return lines


def svg_bars(bars: Sequence[Bar], title: str) -> str:
    """A horizontal bar chart as an inline `<svg>` element: no fonts, links or scripts from
    elsewhere, so the HTML file shows it anywhere, offline."""
    height = _TOP + _ROW * len(bars) + 16
    width = _LABEL_WIDTH + _BAR_WIDTH + 70
    parts = [
        f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="{escape(inert(title))}" font-family="system-ui, sans-serif">',
        f"<title>{escape(inert(title))}</title>",
        f'<text x="0" y="20" font-size="16" font-weight="bold">{escape(inert(title))}</text>',
    ]
    for tick in (0, 50, 100):
        x = _LABEL_WIDTH + _BAR_WIDTH * tick / 100
        parts.append(
            f'<line x1="{x:.1f}" y1="{_TOP - 6}" x2="{x:.1f}" y2="{height - 12}" '
            'stroke="#cccccc" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{x:.1f}" y="{height - 1}" font-size="11" text-anchor="middle" '
            f'fill="#555555">{tick}%</text>'
        )
    for row, (label, value) in enumerate(bars):
        y = _TOP + _ROW * row
        length = _BAR_WIDTH * _clamp(value) / 100
        parts.append(f"<g><title>{escape(inert(label))}: {round(_clamp(value))}%</title>")
        parts.append(
            f'<text x="{_LABEL_WIDTH - 8}" y="{y + 17}" font-size="13" '
            f'text-anchor="end">{escape(shorten(label))}</text>'
        )
        parts.append(
            f'<rect x="{_LABEL_WIDTH}" y="{y + 4}" width="{length:.1f}" height="{_ROW - 10}" '
            f'fill="{_colour(value)}"/>'
        )
        parts.append(
            f'<text x="{_LABEL_WIDTH + length + 6:.1f}" y="{y + 17}" font-size="13">'
            f"{round(_clamp(value))}%</text>"
        )
        parts.append("</g>")
    parts.append("</svg>")
    return "\n".join(parts)


def _colour(value: float) -> str:
    """Green from 80%, amber from 50%, red below: what a trainer looks for first."""
    if value >= 80:
        return "#2e7d32"
    if value >= 50:
        return "#f9a825"
    return "#c62828"
