"""One order on the website's My orders page: a card with a "More" control at its right."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Label, ListItem, Static


@dataclass(frozen=True)
class WebOrderText:
    """Everything the card shows, already translated and formatted by the screen."""

    order_id: str
    placed: str
    number: str
    store: str
    title: str
    details: str
    total: str
    status: str
    more: str
    deadline: str = ""


class MoreButton(Static):
    """The card's "More ▾": clicked with the mouse; the keyboard uses Enter on the card."""

    DEFAULT_CSS = """
    MoreButton {
        width: auto;
        min-width: 9;
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $foreground;
    }
    MoreButton:hover { background: $primary 20%; }
    """

    class Pressed(Message):
        def __init__(self, order_id: str) -> None:
            super().__init__()
            self.order_id = order_id

    def __init__(self, label: str, order_id: str) -> None:
        super().__init__(Content(f"{label} ▾"), classes="more")
        self.order_id = order_id

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Pressed(self.order_id))


class WebOrderRow(ListItem):
    """A wide card: date and number across the top; store and items, total, status, More."""

    DEFAULT_CSS = """
    WebOrderRow {
        height: auto;
        background: $surface;
        margin: 0 0 1 0;
    }
    WebOrderRow > .head {
        height: auto;
        background: $panel 60%;
        padding: 0 1;
    }
    WebOrderRow .head > Label { width: auto; color: $text-muted; margin: 0 4 0 0; }
    WebOrderRow .store { text-style: bold; }
    WebOrderRow > .body { height: auto; padding: 0 1; }
    WebOrderRow .items { width: 1fr; height: auto; }
    WebOrderRow .title { width: 100%; }
    WebOrderRow .details { width: 100%; color: $text-muted; }
    WebOrderRow .side { width: auto; height: auto; }
    WebOrderRow .money { width: 26; height: auto; padding: 0 1 0 2; }
    WebOrderRow .total { text-style: bold; }
    WebOrderRow .status { color: $primary; }
    WebOrderRow > .deadline { color: $warning; padding: 0 1; }
    """

    def __init__(self, text: WebOrderText) -> None:
        super().__init__(id=f"web-order-{text.order_id}")
        self.order_id = text.order_id
        self.text = text

    def compose(self) -> ComposeResult:
        text = self.text
        with Horizontal(classes="head"):
            yield Label(Content(text.placed))
            yield Label(Content(text.number))
        with Horizontal(classes="body"):
            with Vertical(classes="items"):
                yield Label(Content(f"{text.store} ›"), classes="store")
                yield Label(Content(text.title), classes="title")
                yield Label(Content(text.details), classes="details")
            with Horizontal(classes="side"):
                with Vertical(classes="money"):
                    yield Label(Content(text.total), classes="total")
                    yield Label(Content(text.status), classes="status")
                yield MoreButton(text.more, text.order_id)
        if text.deadline:
            yield Label(Content(text.deadline), classes="deadline")

    @property
    def more_button(self) -> MoreButton:
        return self.query_one(MoreButton)
