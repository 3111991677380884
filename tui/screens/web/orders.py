"""The website's My orders page: tabs across the top, order cards, More → what may be done."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Label, Static, Tab, Tabs

from tui.domain.models import Order
from tui.domain.status import OrderTab
from tui.screens.base import DataPage, shown_if
from tui.screens.web.dialog_base import WEB_BREAKPOINTS
from tui.screens.web.flows import WebFlows
from tui.screens.web.order_menu import MenuChoice, OrderMenuScreen
from tui.screens.web.order_page import WebOrderPage
from tui.widgets.card_list import CardList
from tui.widgets.key_footer import KeyFooter
from tui.widgets.web_header import WebHeader
from tui.widgets.web_order_list import WebOrderList, WebOrderText
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


def web_card_text(page: DataPage, order: Order) -> WebOrderText:
    """A website card's words: date and number, store, first item, total, status, and the
    countdown the order has (to pay, to verify, to ship, or the seller's time to answer)."""
    t, service = page.t, page.service
    first = order.items[0]
    details = [first.variant] if first.variant else []
    details.append(t("orders.quantity", count=order.quantity))
    if len(order.items) > 1:
        details.append(t("orders.more_items", count=len(order.items) - 1))
    countdown = service.countdown(order.id)
    deadline = ""
    if countdown is not None:
        left = t(countdown.kind.label_key, left=t.duration(countdown.left))
        deadline = f"{left} · {t('countdown.until', date=t.datetime(countdown.at))}"
    return WebOrderText(
        placed=t("web.order_date", date=t.date(order.placed_at)),
        number=t("web.order_id", id=order.id),
        store=service.store_of(order).name,
        title=first.title,
        details=" · ".join(details),
        total=t.money(order.total),
        status=t(order.status.label_key),
        deadline=deadline,
    )


class WebOrdersScreen(WebFlows, DataPage, Screen[None]):
    """The website flow's first page; More opens a menu over it, as on the site."""

    HORIZONTAL_BREAKPOINTS = WEB_BREAKPOINTS
    AUTO_FOCUS = "#web-orders"
    BINDINGS = [
        Binding("escape", "back", "key.back", id="back"),
        # The tab keys are in the hint line under the tabs; the key bar keeps room for F2–F4.
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
        self._keep: str | None = None
        """The order to highlight when the list is next composed (kept over a redraw)."""

    def compose(self) -> ComposeResult:
        t, service = self.t, self.service
        yield WebHeader(
            self.app.title,
            t("web.search"),
            t("web.search_button"),
            t("web.hello", name=service.buyer.name),
        )
        with Horizontal(id="web-body"):
            entries = [t(key) for key in SIDEBAR]
            yield AccountSidebar(t("nav.account"), entries, SIDEBAR.index("orders.title"))
            with Vertical(id="web-main"):
                yield Static(Content(t("orders.title")), id="web-title")
                counts = service.tab_counts()
                yield Tabs(
                    *(
                        Tab(
                            Content(t("web.tab_count", label=t(tab.label_key), count=counts[tab])),
                            id=f"web-tab-{tab.value}",
                        )
                        for tab in OrderTab
                    ),
                    active=f"web-tab-{self.tab.value}",
                    id="web-tabs",
                )
                yield Static(Content(t("web.hint")), id="web-hint")
                orders = service.orders_in(self.tab)
                order_list = WebOrderList(self.card_text, t("web.more"), id="web-orders")
                order_list.show(orders, keep=self._keep)
                yield shown_if(order_list, orders)
                yield shown_if(Label(Content(t("orders.empty")), id="web-empty"), not orders)
        yield KeyFooter()

    def card_text(self, order: Order) -> WebOrderText:
        return web_card_text(self, order)

    @property
    def order_list(self) -> WebOrderList:
        return self.query_one(WebOrderList)

    def highlighted_order(self) -> str | None:
        found = self.query(WebOrderList)
        return found.first().highlighted_order_id if found else None

    # -- keeping the page in step with the data ------------------------------------

    def on_mount(self) -> None:
        self.note_drawn()

    async def redraw(self) -> None:
        """Redraw (after a change, or a language switch), keeping the tab and the order: in
        place when only the data changed (the list, the tabs' counts)."""
        if not self.language_changed():
            self.reload()
            self.order_list.forget_painted()
            counts = self.service.tab_counts()
            for tab in OrderTab:
                label = self.t("web.tab_count", label=self.t(tab.label_key), count=counts[tab])
                self.query_one(f"#web-tab-{tab.value}", Tab).label = Content(label)
            return
        self._keep = self.highlighted_order() or self._keep
        await self.recompose()
        self.order_list.focus()

    def reload(self) -> None:
        """Show the current tab's orders, keeping the highlighted one where listed."""
        orders = self.service.orders_in(self.tab)
        self.order_list.show(orders, keep=self.highlighted_order())
        self.query_one("#web-empty").display = not orders
        self.order_list.display = bool(orders)
        self.refresh_bindings()  # More comes and goes with the orders

    @on(Tabs.TabActivated, "#web-tabs")
    def tab_changed(self, event: Tabs.TabActivated) -> None:
        tab = OrderTab(str(event.tab.id).removeprefix("web-tab-"))
        if tab is not self.tab:
            self.tab = tab
            self.reload()

    def action_switch_tab(self, step: int) -> None:
        tabs = list(OrderTab)
        target = tabs[(tabs.index(self.tab) + step) % len(tabs)]
        self.query_one("#web-tabs", Tabs).active = f"web-tab-{target.value}"

    # -- More and what follows ------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return len(self.app.screen_stack) > 1
        if action == "more":
            return self.highlighted_order() is not None
        return True

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.dismiss()

    def action_more(self) -> None:
        order_id = self.highlighted_order()
        if order_id is not None:
            self.more_flow(order_id)

    @on(CardList.Selected, "#web-orders")
    def order_chosen(self, event: CardList.Selected) -> None:
        """Enter, or a click on a card (its More control included): the order's More menu."""
        self.more_flow(event.order_id)

    @work(exclusive=True, group="web-flow")
    async def more_flow(self, order_id: str) -> None:
        """More → the entry chosen: one of the buyer's actions, or the order's page."""
        near = self.order_list.more_region(order_id)
        choice = await self.app.push_screen_wait(OrderMenuScreen(order_id, near))
        if choice is MenuChoice.DETAILS:
            await self.app.push_screen_wait(WebOrderPage(order_id))
        elif choice is not None:
            await self.action_flow(order_id, choice)
        await self.redraw_if_stale()
