"""The website's top bar: the logo, a search box look-alike and the buyer's greeting."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Label


class WebHeader(Horizontal):
    """Decoration only: nothing here takes focus, so the keyboard stays on the page."""

    DEFAULT_CSS = """
    WebHeader {
        height: 3;
        background: $primary;
        color: white;
        padding: 1 2;
    }
    WebHeader > .logo { width: auto; text-style: bold; margin: 0 3 0 0; }
    WebHeader > .search {
        width: 1fr;
        max-width: 60;
        background: white;
        color: $text-muted;
        padding: 0 1;
    }
    WebHeader > .search-button {
        width: auto;
        background: $secondary;
        color: white;
        text-style: bold;
        padding: 0 1;
    }
    WebHeader > .spacer { width: 1fr; }
    WebHeader > .hello { width: auto; text-style: bold; margin: 0 0 0 2; }
    """

    def __init__(self, brand: str, search: str, search_button: str, hello: str) -> None:
        super().__init__()
        self._texts = (brand, search, search_button, hello)

    def compose(self) -> ComposeResult:
        brand, search, search_button, hello = self._texts
        yield Label(Content(brand), classes="logo")
        yield Label(Content(search), classes="search")
        yield Label(Content(search_button), classes="search-button")
        yield Label(Content(""), classes="spacer")
        yield Label(Content(hello), classes="hello")
