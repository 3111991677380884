"""One order in a list: store, first item (+N more), quantity, total, status, date."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Label, ListItem, Static


@dataclass(frozen=True)
class OrderCardText:
    """Everything the card shows, already translated and formatted by the screen."""

    order_id: str
    store: str
    title: str
    more: str
    quantity: str
    total: str
    status: str
    date: str
    countdown: str = ""
    """Time left to pay, to ship or to respond, where the real app shows it."""


class OrderCard(ListItem):
    DEFAULT_CSS = """
    OrderCard {
        height: auto;
        background: $surface;
        padding: 0 1;
        margin: 0 0 1 0;
    }
    OrderCard .top, OrderCard .bottom { height: 1; }
    OrderCard .store { width: 1fr; text-style: bold; }
    OrderCard .status { width: auto; color: $primary; }
    OrderCard .title { width: 100%; height: auto; max-height: 2; }
    OrderCard .meta { color: $text-muted; height: 1; }
    OrderCard .date { width: 1fr; color: $text-muted; }
    OrderCard .total { width: auto; text-style: bold; }
    OrderCard .countdown { color: $primary; height: 1; }
    """

    def __init__(self, text: OrderCardText) -> None:
        super().__init__(id=f"order-{text.order_id}")
        self.order_id = text.order_id
        self.text = text

    def compose(self) -> ComposeResult:
        text = self.text
        with Horizontal(classes="top"):
            yield Label(Content(f"{text.store} ›"), classes="store")
            yield Label(Content(text.status), classes="status")
        yield Label(Content(text.title), classes="title")
        meta = f"{text.more} · {text.quantity}" if text.more else text.quantity
        yield Static(Content(meta), classes="meta")
        if text.countdown:
            yield Static(Content(text.countdown), classes="countdown")
        with Horizontal(classes="bottom"):
            yield Label(Content(text.date), classes="date")
            yield Label(Content(text.total), classes="total")
