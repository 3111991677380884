"""The styles of the parts one-widget drawings are made of: a card's title, a muted line, a
list card's status… each written once, in Textual's style syntax with the theme's
variables (``"bold $primary"``), and resolved against the app's current theme.

Why not component classes (``Card > .card--muted``)? Textual styles every component class
of a widget each time it styles the widget — as it mounts, as its screen is shown, as a
class changes — so a page of eight cards with fourteen parts each cost ~450 part stylings
to open (most of the time to open an order). Parts written here cost one parse per theme.
"""

from __future__ import annotations

from textual.dom import DOMNode
from textual.style import Style

PARTS: dict[str, str] = {
    # Lines of a `Card` (and the rows of an `InfoRow`).
    "text": "",
    "title": "bold",
    "muted": "$text-muted",
    "key": "$text-muted",
    "value": "",
    "strong": "bold $foreground",
    "accent": "$primary",
    "lead": "bold $primary",
    "done": "$success",
    "note": "italic $text-muted",
    "callout": "on $warning 15%",
    "alert": "$warning on $warning 15%",
    "warning": "bold $warning",
    "error": "bold $error",
    # The order lists' cards (`OrderList`, `WebOrderList`).
    "card": "$foreground on $surface",
    "card-lit": "$foreground on $primary 12%",
    "card-store": "bold",
    "card-status": "$primary",
    "card-total": "bold",
    "card-head": "on $panel 60%",
    "card-deadline": "$warning",
    "card-more": "$foreground on $panel",
    "card-more-lit": "white on $primary",
    "card-gap": "on $background",
    # The phone frame's bars.
    "nav-item": "$text-disabled",
    "nav-active": "bold $primary",
    "header-back": "$text-muted",
}

_RESOLVED: dict[tuple[str, str], dict[str, Style]] = {}


def part_styles(node: DOMNode) -> dict[str, Style]:
    """Every part's style in the app's current theme (worked out once per theme)."""
    app = node.app
    key = (app.theme, app.current_theme.name)
    found = _RESOLVED.get(key)
    if found is None:
        variables = app.get_css_variables()
        found = {name: Style.parse(text, variables) for name, text in PARTS.items()}
        _RESOLVED[key] = found
    return found


def part_style(node: DOMNode, name: str) -> Style:
    return part_styles(node)[name]
