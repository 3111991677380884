"""The orders of a tab as a list of cards that only draws what is on screen.

Built on `OptionList`, which keeps options as data and renders visible lines only, so the
list behaves like before (↑ ↓ Enter, a highlighted card, clicks) at any size. Cards are
kept between reloads while their order is unchanged (orders are immutable models, so "the
same object" means "unchanged"): returning to a list of 10,000 orders re-formats nothing.

`CardList` is that machinery; `OrderList` (the app's cards) and `WebOrderList` (the
website's, in `web_order_list`) say what a card looks like.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar, cast

from textual import events
from textual.css.styles import RulesMap
from textual.geometry import Size
from textual.style import Style
from textual.visual import Visual
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from tui.domain.models import Order
from tui.widgets.card_lines import CardLines
from tui.widgets.kept_listings import KeptListings, Listing, same_places
from tui.widgets.order_card import OrderCard, OrderCardText
from tui.widgets.parts import RememberedParts, part_style

CardText = Callable[[Order], OrderCardText]
HasCountdown = Callable[[Order], bool]


class CardList(RememberedParts, OptionList):
    """Cards for a sequence of orders; `highlighted_order_id` is the one under the cursor.

    A subclass makes the cards (`make_card`) and names its parts' component classes
    ``{PART_PREFIX}--{part}`` (see `part`).
    """

    PART_PREFIX: ClassVar[str] = "order-list"
    DEFAULT_CSS = """
    CardList {
        height: 1fr;
        max-height: 100%;
        border: none;
        padding: 0;
        &:focus { border: none; }
        & > .option-list--option { padding: 0; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._options_by_id: dict[str, tuple[Order, Option]] = {}
        self._shown: Sequence[Order] | None = None
        # Read by `OptionList` as its own line cache (same names, same answers), cleared
        # where it clears it; filled by `_update_lines` below.
        lines = self._line_cache = CardLines()  # type: ignore[assignment]
        self._listing = Listing((), self._options, self._id_to_option, self._option_to_index, lines)
        self._listings = KeptListings()
        self._shown_is_current = True
        """False once `forget` made the cards shown out of date: they are not kept then."""
        self._size_generation = 0

    def _update_lines(self) -> None:
        """`OptionList._update_lines` measuring the cards in one pass into `CardLines`
        (start lines only, no tuple per line): the same virtual size, far less work."""
        region = self.scrollable_content_region
        if not region:
            return
        lines: CardLines = self._line_cache  # type: ignore[assignment]
        options = self._options
        width = region.width - self._get_left_gutter_width()
        if lines.count < len(options):
            measure = self._measure_at(width)
            lines.extend(measure(option) for option in options[lines.count :])
        last_divider = bool(options) and options[-1]._divider
        virtual_size = Size(width, lines.total - last_divider)
        if virtual_size != self.virtual_size:
            self.virtual_size = virtual_size
            self._scroll_update(virtual_size)

    def _measure_at(self, width: int) -> Callable[[Option], int]:
        """How many lines an option takes in a list ``width`` cells wide."""
        inner = width - self.get_component_styles("option-list--option").padding.width
        styles, get_visual = cast(RulesMap, self.styles), self._get_visual

        def measure(option: Option) -> int:
            visual = option._visual or get_visual(option)
            return visual.get_height(styles, inner) + option._divider

        return measure

    def on_resize(self, event: events.Resize) -> None:
        """Cards change height with the width: bring the highlighted one back into view."""
        self._size_generation += 1  # the listings kept are measured again when shown
        self.call_after_refresh(self.scroll_to_highlight)

    def make_card(self, order: Order) -> Visual:
        """The card of an order (its text formatted lazily, when it comes into view)."""
        raise NotImplementedError

    @property
    def order_ids(self) -> list[str]:
        """The orders listed, top to bottom."""
        return [str(option.id) for option in self.options]

    @property
    def highlighted_order_id(self) -> str | None:
        option = self.highlighted_option
        return None if option is None else str(option.id)

    def drawn_text(self, order_id: str | None = None) -> str:
        """Every card (or the order's) as drawn, as plain text: renders them all, so for tests
        and small lists."""
        style = self.get_visual_style("option-list--option")
        options = [o for o in self.options if order_id is None or o.id == order_id]
        strips = [strip for option in options for strip in self._get_option_render(option, style)]
        return "\n".join(strip.text.rstrip() for strip in strips)

    def show(self, orders: Sequence[Order], keep: str | None = None) -> None:
        """List ``orders``, highlighting ``keep`` if listed, else the first one.

        Given the very sequence shown last (the service hands out the same one while no
        order changed), the options stay as they are: only the highlight is set.
        """
        previous, self._shown = self._shown, orders
        if orders is not previous:
            if previous is not None and same_places(previous, orders):
                self._redraw_changed(previous, orders)
                self._listing.orders = orders
            else:
                self._switch_listing(orders)
        self.highlighted = self.index_of(keep) if keep is not None else None
        if self.highlighted is None and orders:
            self.highlighted = 0

    def _switch_listing(self, orders: Sequence[Order]) -> None:
        """Show the listing kept for ``orders`` (a tab shown or prepared before, unchanged
        since, or with some orders changed in place), or a new one; the one shown until now
        is kept."""
        if self._shown_is_current:
            self._listing.size_generation = self._size_generation
            self._listings.keep(self._listing)
        self._shown_is_current = True
        listing = self._listings.take(orders)
        changed_from = None
        if listing is None:
            listing = self._listings.take_same_places(orders)
            changed_from = None if listing is None else listing.orders
        if listing is None:
            listing = self._new_listing(orders)
        elif listing.size_generation != self._size_generation:
            listing.lines = CardLines()  # measured at another width
        self._show_listing(listing)
        if changed_from is not None:
            self._redraw_changed(changed_from, orders)
            listing.orders = orders
        self.highlighted = None
        self.scroll_y = 0
        self.refresh(layout=self.styles.auto_dimensions)
        self._update_lines()

    def prepare(self, orders: Sequence[Order]) -> None:
        """Make the cards of ``orders`` now, unseen, and keep them for when they are shown:
        opening that tab later only measures them (for 10,000 orders, ~40 ms less then)."""
        if orders is not self._shown and not self._listings.holds(orders):
            listing = self._new_listing(orders)
            listing.size_generation = self._size_generation
            self._listings.keep(listing)

    def _new_listing(self, orders: Sequence[Order]) -> Listing:
        """A listing of ``orders``, filled as `OptionList.add_options` fills its own."""
        listing = Listing(orders)
        for index, order in enumerate(orders):
            option = self._option(order)
            listing.options.append(option)
            listing.places[option] = index
            listing.by_id[order.id] = option
        return listing

    def _show_listing(self, listing: Listing) -> None:
        """Make ``listing``'s objects the ones `OptionList` reads and fills. Drawn cards are
        drawn again: a card's drawing holds its place in the list it was drawn for (clicks
        read it), and a card may stand in several lists (All, and its tab)."""
        self._option_render_cache.clear()
        self._listing = listing
        self._options, self._id_to_option = listing.options, listing.by_id
        self._option_to_index, self._line_cache = listing.places, listing.lines  # type: ignore[assignment]

    def index_of(self, order_id: str) -> int | None:
        """The order's place in the list, or None if it is not listed."""
        try:
            return self.get_option_index(order_id)
        except OptionDoesNotExist:
            return None

    def _redraw_changed(self, before: Sequence[Order], after: Sequence[Order]) -> None:
        """The same orders in the same places, some changed (a cancel): only their cards are
        made again, in the options already listed (10,000 options are not rebuilt for one)."""
        changed = [
            i for i, (old, new) in enumerate(zip(before, after, strict=True)) if old is not new
        ]
        if not changed:
            return
        lines: CardLines = self._line_cache  # type: ignore[assignment]
        region = self.scrollable_content_region
        measure = self._measure_at(region.width - self._get_left_gutter_width())
        for index in changed:
            new = after[index]
            option = self.get_option_at_index(index)
            option._set_prompt(self.make_card(new))
            self._options_by_id[new.id] = (new, option)
            if index < lines.count and region:
                lines.set_height(index, measure(option))  # the others keep theirs
        self._option_render_cache.clear()
        if not region:
            lines.clear()
        self._update_lines()
        self.refresh()

    def _option(self, order: Order) -> Option:
        """The order's card, kept from any tab shown before while the order is unchanged."""
        cached = self._options_by_id.get(order.id)
        if cached is not None and cached[0] is order:
            return cached[1]
        option = Option(self.make_card(order), id=order.id)
        self._options_by_id[order.id] = (order, option)
        return option

    def forget(self) -> None:
        """Drop the kept cards: the clock moved, so unchanged orders show new countdowns."""
        self._options_by_id = {}
        self._shown = None
        self._shown_is_current = False
        self._listings.clear()

    def part(self, name: str) -> Style:
        """The style of a card part from its component class ``{PART_PREFIX}--{name}``.

        Parts keep only colour and text style, so they draw over whichever background the
        card has (plain or highlighted); a part that sets a background keeps it as written,
        blended over the card's when drawn (a translucent band) or covering it (the gap).
        """
        return part_style(self, f"{self.PART_PREFIX}--{name}", keep_background=True)


class OrderList(CardList):
    """The app's order cards (`OrderCard`): store, item, quantity, countdown, date, total."""

    COMPONENT_CLASSES = {
        "order-list--store",
        "order-list--status",
        "order-list--muted",
        "order-list--total",
        "order-list--gap",
    }
    DEFAULT_CSS = """
    OrderList {
        & > .order-list--store { text-style: bold; }
        & > .order-list--status { color: $primary; }
        & > .order-list--muted { color: $text-muted; }
        & > .order-list--total { text-style: bold; }
    }
    """

    def __init__(
        self,
        card_text: CardText,
        *,
        has_countdown: HasCountdown | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._card_text = card_text
        self._has_countdown = has_countdown

    def make_card(self, order: Order) -> OrderCard:
        countdown = self._has_countdown is not None and self._has_countdown(order)
        return OrderCard(
            order.id,
            order.items[0].title,
            lambda: self._card_text(order),
            self.part,
            countdown=countdown,
        )
