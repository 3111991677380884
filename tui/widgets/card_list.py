"""A list of order cards that draws only what is in view: Textual's line API, any size.

`CardList` is a `ScrollView` whose `render_line` finds the card under each line: every card
of a list is as tall as the others (its height depends on the list's width only), so a
line's card is one division away and a list of 10,000 orders costs no more to show, move
through or scroll than a list of ten. A card is painted (its strips made) when it first
comes into view, and kept until its order, the width, the highlight or the styles change.

Keys: ↑ ↓ move the highlight, PgUp PgDn Home End jump, Enter selects; a click selects the
card under the pointer. Subclasses say what a card looks like (`card_height`, `paint`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from tui.domain.models import Order
from tui.widgets.parts import part_style


class CardList(ScrollView, can_focus=True):
    """Cards for a sequence of orders; `highlighted_order_id` is the one under the cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", "key.previous", show=False, id="card-up"),
        Binding("down", "move(1)", "key.next", show=False, id="card-down"),
        Binding("pageup", "page(-1)", "key.previous", show=False, id="card-page-up"),
        Binding("pagedown", "page(1)", "key.next", show=False, id="card-page-down"),
        Binding("home", "jump(0)", "key.first", show=False, id="card-first"),
        Binding("end", "jump(-1)", "key.last", show=False, id="card-last"),
        Binding("enter", "select", "key.open", show=False, id="card-open"),
    ]
    DEFAULT_CSS = """
    CardList {
        height: 1fr;
        scrollbar-size-vertical: 1;
    }
    """

    class Highlighted(Message):
        """The highlight moved to another order (by key, click or a new listing)."""

        def __init__(self, card_list: CardList, order_id: str | None) -> None:
            super().__init__()
            self.card_list = card_list
            self.order_id = order_id

    class Selected(Message):
        """Enter or a click on a card."""

        def __init__(self, card_list: CardList, order_id: str) -> None:
            super().__init__()
            self.card_list = card_list
            self.order_id = order_id

        @property
        def control(self) -> CardList:
            return self.card_list

    highlighted: reactive[int | None] = reactive(None, always_update=True)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._orders: Sequence[Order] = ()
        self._index: dict[str, int] = {}
        self._painted: dict[int, tuple[Order, bool, list[Strip]]] = {}
        self._painted_width = -1

    # -- what subclasses say -------------------------------------------------------

    def card_height(self, width: int) -> int:
        """Lines of one card at ``width`` (the same for every card of the list)."""
        raise NotImplementedError

    def paint(self, order: Order, width: int, lit: bool) -> list[Strip]:
        """The card's lines, `card_height` of them, each ``width`` cells; ``lit`` when it is
        the highlighted card of the focused list."""
        raise NotImplementedError

    def part(self, name: str) -> Style:
        """A card part's style (`tui.widgets.parts.PARTS`, ``card-<name>`` where the list
        has its own, else the cards' shared one)."""
        return part_style(self, name)

    # -- the orders ------------------------------------------------------------------

    @property
    def orders(self) -> Sequence[Order]:
        return self._orders

    @property
    def order_ids(self) -> list[str]:
        return [order.id for order in self._orders]

    @property
    def highlighted_order_id(self) -> str | None:
        index = self.highlighted
        return None if index is None else self._orders[index].id

    def index_of(self, order_id: str) -> int | None:
        return self._index.get(order_id)

    def show(self, orders: Sequence[Order], keep: str | None = None) -> None:
        """List ``orders``, highlighting ``keep`` if listed, else the first one."""
        self._orders = orders
        self._index = {order.id: index for index, order in enumerate(orders)}
        self._painted.clear()
        self._resize_virtual()
        index = self._index.get(keep) if keep is not None else None
        if index is None:
            self.scroll_to(y=0, animate=False, immediate=True)
            index = 0 if orders else None
        self.highlighted = index
        self.refresh()

    def forget_painted(self) -> None:
        """Paint every card again when next drawn (the clock moved: countdowns changed)."""
        self._painted.clear()
        self.refresh()

    # -- drawing ------------------------------------------------------------------

    @property
    def _width(self) -> int:
        return self.scrollable_content_region.width

    def _resize_virtual(self) -> None:
        width = max(1, self._width)
        self.virtual_size = Size(width, len(self._orders) * self.card_height(width))

    def on_resize(self, event: events.Resize) -> None:
        self._resize_virtual()
        self.scroll_to_highlight()

    def notify_style_update(self) -> None:
        """The styles changed (a theme, a class): paint the cards again with them."""
        super().notify_style_update()
        self._painted.clear()

    def render_line(self, y: int) -> Strip:
        width = self._width
        if width != self._painted_width:
            self._painted.clear()
            self._painted_width = width
        height = self.card_height(width)
        line = y + self.scroll_offset.y
        index, row = divmod(line, height) if height else (len(self._orders), 0)
        if not 0 <= index < len(self._orders):
            return Strip.blank(width, self.rich_style)
        order = self._orders[index]
        lit = index == self.highlighted and self.has_focus
        painted = self._painted.get(index)
        if painted is None or painted[0] is not order or painted[1] != lit:
            painted = (order, lit, self.paint(order, width, lit))
            self._painted[index] = painted
        return painted[2][row]

    def _card_region(self, index: int) -> Region:
        height = self.card_height(self._width)
        return Region(0, index * height, self._width, height)

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        if old is not None:
            self._painted.pop(old, None)
        if new is not None:
            self._painted.pop(new, None)
            self.scroll_to_highlight()
        self.refresh()
        self.post_message(self.Highlighted(self, self.highlighted_order_id))

    def scroll_to_highlight(self) -> None:
        if self.highlighted is not None and self._orders:
            self.scroll_to_region(self._card_region(self.highlighted), animate=False)

    def on_focus(self) -> None:
        self._relight()

    def on_blur(self) -> None:
        self._relight()

    def _relight(self) -> None:
        if self.highlighted is not None:
            self._painted.pop(self.highlighted, None)
            self.refresh()

    # -- keys and the mouse ---------------------------------------------------------

    def _move_to(self, index: int) -> None:
        if self._orders:
            self.highlighted = max(0, min(len(self._orders) - 1, index))

    def action_move(self, step: int) -> None:
        current = self.highlighted
        self._move_to(0 if current is None else current + step)

    def action_page(self, direction: int) -> None:
        per_page = max(1, self.scrollable_content_region.height // self.card_height(self._width))
        self.action_move(direction * per_page)

    def action_jump(self, index: int) -> None:
        self._move_to(index if index >= 0 else len(self._orders) - 1)

    def action_select(self) -> None:
        order_id = self.highlighted_order_id
        if order_id is not None:
            self.post_message(self.Selected(self, order_id))

    def index_at(self, y: int) -> int | None:
        """The card under line ``y`` of the widget (as an event's ``y``)."""
        height = self.card_height(self._width)
        index = (y + self.scroll_offset.y) // height if height else -1
        return index if 0 <= index < len(self._orders) else None

    def on_click(self, event: events.Click) -> None:
        index = self.index_at(event.y)
        if index is None:
            return
        self.focus()
        self.highlighted = index
        self.action_select()

    def drawn_text(self, order_id: str) -> str:
        """A card as drawn, as plain text (for tests)."""
        index = self._index[order_id]
        width = self._width
        lit = index == self.highlighted and self.has_focus
        return "\n".join(
            strip.text.rstrip() for strip in self.paint(self._orders[index], width, lit)
        )
