"""The phone look: a 48-column column centred on wide terminals, a page header, the tab bar."""

from __future__ import annotations

from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget

from tui.widgets.parts import part_style


class PhoneFrame(Vertical):
    """Holds one app page; as wide as a phone on a wide terminal, the whole width below 60
    (that rule is in styles/app.tcss: DEFAULT_CSS is scoped to the widget, so it can't
    look at the screen's breakpoint class)."""

    DEFAULT_CSS = """
    PhoneFrame {
        width: 48;
        height: 100%;
        background: $background;
    }
    """


class PageHeader(Widget):
    """A page title with the back arrow the app shows on pushed pages; a click on the
    arrow goes back, as Escape does."""

    DEFAULT_CSS = """
    PageHeader {
        height: 1;
        background: $surface;
        color: $foreground;
        text-style: bold;
        padding: 0 1;
    }
    """

    def __init__(self, title: str, *, back: bool = True) -> None:
        super().__init__()
        self.title = title
        self._back = back

    def render(self) -> Content:
        width = self.content_size.width
        arrow = Content("‹ " if self._back else "  ").stylize(part_style(self, "header-back"))
        title = Content(self.title).truncate(max(0, width - 4), ellipsis=True)
        left = (width - 4 - title.cell_length) // 2
        return Content.assemble(arrow, " " * left, title)


class BottomNav(Widget):
    """The app's bottom navigation; only Account belongs to this flow, the rest is greyed."""

    DEFAULT_CSS = """
    BottomNav {
        height: 1;
        background: $surface;
        dock: bottom;
    }
    """

    def __init__(self, home: str, cart: str, account: str) -> None:
        super().__init__()
        self._labels = (f"⌂ {home}", f"◫ {cart}", f"● {account}")

    def render(self) -> Content:
        """Three equal columns, each label centred in its own, as three labels of 1fr were."""
        width = self.content_size.width
        item, active = part_style(self, "nav-item"), part_style(self, "nav-active")
        parts: list[Content] = []
        for index, text in enumerate(self._labels):
            column = (width * (index + 1)) // 3 - (width * index) // 3
            label = Content(text).truncate(column, ellipsis=True)
            left = (column - label.cell_length) // 2
            right = column - label.cell_length - left
            style = active if index == len(self._labels) - 1 else item
            parts.append(Content.assemble(" " * left, label.stylize(style), " " * right))
        return Content.assemble(*parts)
