"""The website's My orders page: tabs across the top, order cards, More → Cancel order request."""

from __future__ import annotations

import asyncio

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Label, OptionList, Static, Tab, Tabs

from tui.domain.errors import DomainError
from tui.domain.models import Order
from tui.domain.status import OrderTab
from tui.screens.base import AppContext, StyledOnce, localize_bindings
from tui.screens.web.dialog_base import WEB_BREAKPOINTS
from tui.widgets.key_footer import KeyFooter
from tui.widgets.web_header import WebHeader
from tui.widgets.web_order_card import WebOrderText
from tui.widgets.web_order_list import WebOrderList
from tui.widgets.web_sidebar import AccountSidebar

SIDEBAR = (
    "web.side_overview",
    "orders.title",
    "web.side_payment",
    "web.side_refunds",
    "details.ship_to",
    "web.side_feedback",
    "web.side_settings",
)
"""The Account menu's entries (catalog keys); only My orders is part of this demo."""


class WebOrdersScreen(AppContext, StyledOnce, Screen[None]):
    """The website flow's first page; every step after it is a dialog over it, as on the site."""

    HORIZONTAL_BREAKPOINTS = WEB_BREAKPOINTS
    BINDINGS = [
        Binding("escape", "back", "key.back", id="back"),
        # The tab keys are in the hint line under the tabs; the Footer keeps room for F2 and F4.
        Binding(
            "left",
            "switch_tab(-1)",
            "key.previous_tab",
            id="previous-tab",
            priority=True,
            show=False,
        ),
        Binding("right", "switch_tab(1)", "key.next_tab", id="next-tab", priority=True, show=False),
        Binding("m", "more", "key.more", id="more"),
    ]

    def __init__(self, tab: OrderTab = OrderTab.ALL) -> None:
        super().__init__()
        self.tab = tab
        self.keep_order: str | None = None
        """The order to highlight once the list is rebuilt (over a redraw)."""
        self._counts: dict[OrderTab, int] = {}
        """The tab counts shown, so the labels change only when a count does."""
        self._listed = False
        """Whether the tab lists any order (for the More key, without a query per check)."""

    def compose(self) -> ComposeResult:
        t = self.t
        yield WebHeader(
            self.app.title,
            t("web.search"),
            t("web.search_button"),
            t("web.hello", name=self.service.buyer.name),
        )
        with Horizontal(id="web-body"):
            entries = [t(key) for key in SIDEBAR]
            yield AccountSidebar(t("nav.account"), entries, SIDEBAR.index("orders.title"))
            with Vertical(id="web-main"):
                yield Static(Content(t("orders.title")), id="web-title")
                counts = self._counts = self.service.tab_counts()
                yield Tabs(
                    *(
                        Tab(self._tab_label(tab, counts), id=f"web-tab-{tab.value}")
                        for tab in OrderTab
                    ),
                    active=f"web-tab-{self.tab.value}",
                    id="web-tabs",
                )
                yield Static(Content(t("web.hint")), id="web-hint")
                yield WebOrderList(
                    self.card_text,
                    self.details,
                    self._has_deadline,
                    t("web.more"),
                    id="web-orders",
                )
                yield Label(Content(t("orders.empty")), id="web-empty")
        yield KeyFooter()

    def details(self, order: Order) -> str:
        """The first item's variant and quantity, and how many more items there are."""
        t = self.t
        first = order.items[0]
        details = [first.variant] if first.variant else []
        details.append(t("orders.quantity", count=order.quantity))
        if len(order.items) > 1:
            details.append(t("orders.more_items", count=len(order.items) - 1))
        return " · ".join(details)

    def card_text(self, order: Order) -> WebOrderText:
        t = self.t
        deadline = self.service.seller_deadline(order.id)
        return WebOrderText(
            placed=t("web.order_date", date=t.date(order.placed_at)),
            number=t("web.order_id", id=order.id),
            store=self.service.store_of(order).name,
            total=t.money(order.total),
            status=t(order.status.label_key),
            deadline=t("details.seller_deadline", date=t.datetime(deadline)) if deadline else "",
        )

    def _has_deadline(self, order: Order) -> bool:
        return self.service.seller_deadline(order.id) is not None

    # -- keeping the page in step with the data ------------------------------------

    def on_mount(self) -> None:
        localize_bindings(self, self.t)
        self.reload()
        self.query_one(WebOrderList).focus()
        order_id = self.highlighted_order()
        if order_id is not None:  # More is the page's one step: its menu is built unseen
            from tui.screens.web.order_menu import OrderMenuScreen

            OrderMenuScreen.build_when_drawn(self, order_id)

    async def recompose(self) -> None:
        """Redraw (after a language switch), keeping the tab and the order."""
        self.keep_order = self.highlighted_order() or self.keep_order
        await super().recompose()
        self.reload()
        self.query_one(WebOrderList).focus()

    async def refresh_data(self) -> None:
        """After the trainer panel: deadlines may have moved even on unchanged orders."""
        self.query_one(WebOrderList).forget()
        self.reload()

    def reload(self, *, counts: bool = True) -> None:
        """Refill the list (and the tab counts, unless only the tab changed) in place, keeping
        the highlighted order (or the one kept over a redraw) where listed, else the first."""
        order_list = self.query_one(WebOrderList)
        orders = self.service.orders_in(self.tab)
        order_list.show(orders, keep=order_list.highlighted_order_id or self.keep_order)
        self.keep_order = None
        if self._listed != bool(orders):
            self._listed = bool(orders)
            self.refresh_bindings()  # More comes and goes (the Footer redraws: only then)
        self.query_one("#web-empty").display = not orders
        order_list.display = bool(orders)
        if counts:
            self._show_counts(self.service.tab_counts())

    def _show_counts(self, counts: dict[OrderTab, int]) -> None:
        if counts != self._counts:
            self._counts = counts
            for tab in OrderTab:
                self.query_one(f"#web-tab-{tab.value}", Tab).label = self._tab_label(tab, counts)

    def _tab_label(self, tab: OrderTab, counts: dict[OrderTab, int]) -> Content:
        t = self.t
        return Content(t("web.tab_count", label=t(tab.label_key), count=counts[tab]))

    def highlighted_order(self) -> str | None:
        found = self.query(WebOrderList)
        return found.first().highlighted_order_id if found else None

    @on(Tabs.TabActivated, "#web-tabs")
    def tab_changed(self, event: Tabs.TabActivated) -> None:
        tab = OrderTab(str(event.tab.id).removeprefix("web-tab-"))
        if tab is self.tab:
            return
        self.tab = tab
        self.reload(counts=False)

    def action_switch_tab(self, step: int) -> None:
        """Step from the tab the Tabs widget shows: fast presses arrive before `self.tab` moves."""
        tabs_widget = self.query_one("#web-tabs", Tabs)
        tabs = list(OrderTab)
        shown = tabs_widget.active.removeprefix("web-tab-")
        current = OrderTab(shown) if shown else self.tab  # none shown while the page redraws
        target = tabs[(tabs.index(current) + step) % len(tabs)]
        tabs_widget.active = f"web-tab-{target.value}"

    # -- More and the cancel flow ---------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return len(self.app.screen_stack) > 1
        if action == "more":
            return self._listed
        return True

    def action_back(self) -> None:
        self.dismiss()

    def action_more(self) -> None:
        order_id = self.highlighted_order()
        if order_id is not None:
            self.more_flow(order_id)

    @on(OptionList.OptionSelected, "#web-orders")
    def order_chosen(self, event: OptionList.OptionSelected) -> None:
        """Enter, or a click on a card (its More control included): the order's More menu."""
        self.more_flow(str(event.option.id))

    @work(exclusive=True, group="cancel-flow")
    async def more_flow(self, order_id: str) -> None:
        """More → Cancel order request → reason and OK → submit → what happens next."""
        from tui.screens.web.cancel_done import WebResultScreen
        from tui.screens.web.cancel_request import WebCancelScreen
        from tui.screens.web.order_menu import MenuChoice, OrderMenuScreen

        path = self.service.cancel_path(order_id)
        near = self.query_one(WebOrderList).more_region(order_id)
        menu = await OrderMenuScreen.shown_for(self.app, order_id, near)
        if await self.app.push_screen_wait(menu) is not MenuChoice.CANCEL or not path.can_start:
            return
        dialog = await WebCancelScreen.shown_for(self.app, order_id)
        choice = await self.app.push_screen_wait(dialog)
        if choice is None:
            return
        try:
            # The durable write (fsync) runs off the event loop, as in the app flow.
            outcome = await asyncio.to_thread(
                self.service.cancel, order_id, choice.reason, choice.note, expected=path
            )
        except DomainError as error:
            self.notify(self.error_text(error), severity="error")
            self.reload()
            return
        await self.app.push_screen_wait(await WebResultScreen.shown_for(self.app, outcome))
        self.reload()
