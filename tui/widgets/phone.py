"""The phone look: a 48-column column centred on wide terminals, a page header, the tab bar."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Label


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


class PageHeader(Horizontal):
    """A page title with the back arrow the app shows on pushed pages."""

    DEFAULT_CSS = """
    PageHeader {
        height: 1;
        background: $surface;
        color: $foreground;
        text-style: bold;
        padding: 0 1;
    }
    PageHeader > .back { width: 2; color: $text-muted; }
    PageHeader > .title { width: 1fr; content-align: center middle; }
    """

    def __init__(self, title: str, *, back: bool = True) -> None:
        super().__init__()
        self._title = title
        self._back = back

    def compose(self) -> ComposeResult:
        yield Label(Content("‹" if self._back else " "), classes="back")
        yield Label(Content(self._title), classes="title")
        yield Label(Content(" "), classes="back")


class BottomNav(Horizontal):
    """The app's bottom navigation; only Account belongs to this flow, the rest is greyed."""

    DEFAULT_CSS = """
    BottomNav {
        height: 1;
        background: $surface;
        dock: bottom;
    }
    BottomNav > Label { width: 1fr; content-align: center middle; color: $text-disabled; }
    BottomNav > Label.-active { color: $primary; text-style: bold; }
    """

    def __init__(self, home: str, cart: str, account: str) -> None:
        super().__init__()
        self._labels = (home, cart, account)

    def compose(self) -> ComposeResult:
        home, cart, account = self._labels
        yield Label(Content(f"⌂ {home}"))
        yield Label(Content(f"◫ {cart}"))
        yield Label(Content(f"● {account}"), classes="-active")
