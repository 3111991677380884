"""The website's My orders list: `WebOrderCard`s in a `CardList`, drawn only where visible.

Enter (or a click anywhere on a card) selects it; the page opens the order's More menu.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.geometry import Region

from tui.domain.models import Order
from tui.widgets.order_list import CardList
from tui.widgets.web_order_card import NARROW_WIDTH, WebOrderCard, WebOrderText

CardText = Callable[[Order], WebOrderText]
OrderText = Callable[[Order], str]
OrderCheck = Callable[[Order], bool]


class WebOrderList(CardList):
    """Website order cards; the page gives their text, details and whether a deadline shows."""

    PART_PREFIX = "web-order-list"
    COMPONENT_CLASSES = {
        "web-order-list--head",
        "web-order-list--store",
        "web-order-list--muted",
        "web-order-list--total",
        "web-order-list--status",
        "web-order-list--deadline",
        "web-order-list--more",
        "web-order-list--more-lit",
        "web-order-list--gap",
    }
    DEFAULT_CSS = """
    WebOrderList {
        & > .web-order-list--head { background: $panel 60%; }
        & > .web-order-list--store { text-style: bold; }
        & > .web-order-list--muted { color: $text-muted; }
        & > .web-order-list--total { text-style: bold; }
        & > .web-order-list--status { color: $primary; }
        & > .web-order-list--deadline { color: $warning; }
        & > .web-order-list--more { background: $panel; color: $foreground; }
        & > .web-order-list--more-lit { background: $primary; color: white; }
        & > .web-order-list--gap { background: $background; }
    }
    """

    def __init__(
        self,
        card_text: CardText,
        details: OrderText,
        has_deadline: OrderCheck,
        more_label: str,
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._card_text = card_text
        self._details = details
        self._has_deadline = has_deadline
        self._more_label = f"{more_label} ▾"
        self._narrow = False

    def make_card(self, order: Order) -> WebOrderCard:
        return WebOrderCard(
            order.id,
            order.items[0].title,
            self._details(order),
            lambda: self._card_text(order),
            self,
            deadline=self._has_deadline(order),
        )

    @property
    def narrow(self) -> bool:
        """Cards stack on a narrow list (it fills the page below the page's wide size)."""
        return self._narrow

    def on_resize(self, event: events.Resize) -> None:
        """Kept as an attribute: every card asks, and `size` is computed at each call."""
        self._narrow = event.size.width < NARROW_WIDTH
        super().on_resize(event)

    @property
    def more_label(self) -> str:
        return self._more_label

    def is_lit(self, order_id: str) -> bool:
        return self.has_focus and self.highlighted_order_id == order_id

    def more_region(self, order_id: str) -> Region | None:
        """The order's More control on screen, if its card is listed and the control shows."""
        index = self.index_of(order_id)
        if index is None:
            return None
        card = self.options[index].prompt
        if not isinstance(card, WebOrderCard):
            return None
        content = self.scrollable_content_region
        top = self._index_to_line[index] - self.scroll_offset.y
        more = card.more_region(content.width).translate((content.x, content.y + top))
        return more if content.contains_region(more) else None
