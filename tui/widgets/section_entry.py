"""A focusable tile of the profile's order section: a count over a label."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from tui.domain.status import OrderTab


class OrderSectionEntry(Widget, can_focus=True):
    """Shows "2 / To pay"; Enter or a click opens that tab of the orders page."""

    DEFAULT_CSS = """
    OrderSectionEntry {
        width: 1fr;
        height: 2;
        content-align: center middle;
        text-align: center;
    }
    OrderSectionEntry.-link { height: 1; width: auto; color: $primary; padding: 0 1; }
    OrderSectionEntry:focus { background: $primary; color: $text; text-style: bold; }
    OrderSectionEntry:hover { background: $boost; }
    """

    BINDINGS = [Binding("enter", "open", "Open", show=False, id="open-tab")]

    class Opened(Message):
        def __init__(self, tab: OrderTab) -> None:
            super().__init__()
            self.tab = tab

    def __init__(self, tab: OrderTab, label: str, count: int | None = None) -> None:
        super().__init__(id=f"section-{tab.value}")
        self.tab = tab
        self._label = label
        self.set_reactive(OrderSectionEntry.count, count)

    count: reactive[int | None] = reactive(None)

    def render(self) -> Content:
        if self.count is None:
            return Content(self._label)
        return Content(f"{self.count}\n{self._label}")

    def action_open(self) -> None:
        self.post_message(self.Opened(self.tab))

    def on_click(self) -> None:
        self.post_message(self.Opened(self.tab))
