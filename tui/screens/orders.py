"""My orders: tabs All / To pay / To ship / Shipped / To review, each a list of order cards."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Label, OptionList, Tab, Tabs

from tui.domain.models import Order
from tui.domain.status import OrderTab
from tui.screens.base import localize_bindings
from tui.screens.phone_screen import PhoneScreen
from tui.widgets.order_card import OrderCardText
from tui.widgets.order_list import OrderList
from tui.widgets.phone import PageHeader


class OrdersScreen(PhoneScreen[None]):
    AUTO_FOCUS = "#order-list"
    BINDINGS = [
        Binding("left", "switch_tab(-1)", "key.previous_tab", id="previous-tab", priority=True),
        Binding("right", "switch_tab(1)", "key.next_tab", id="next-tab", priority=True),
    ]

    def __init__(self, tab: OrderTab) -> None:
        super().__init__()
        self.tab = tab
        self._shown_at = self.service.now()
        self._language = self.t.language

    async def show_tab(self, tab: OrderTab) -> None:
        """Get a kept page ready to be shown again, on ``tab`` and with today's data.

        The Account page keeps one My orders page (a page costs more to build than to show);
        anything that changed meanwhile is caught up here: the language, the clock
        (countdowns), the orders.
        """
        if self._language is not self.t.language:
            self._language = self.t.language
            localize_bindings(self, self.t)
            self.tab = tab
            await self.recompose()
            return
        if self.service.now() != self._shown_at:
            self._shown_at = self.service.now()
            self.query_one(OrderList).forget()
        self.tab = tab
        self.query_one(Tabs).active = f"tab-{tab.value}"
        self.reload(from_the_top=True)
        self.query_one(OrderList).focus()

    def compose_page(self) -> ComposeResult:
        yield PageHeader(self.t("orders.title"))
        yield Tabs(
            *(Tab(Content(self.t(tab.label_key)), id=f"tab-{tab.value}") for tab in OrderTab),
            active=f"tab-{self.tab.value}",
        )
        order_list = OrderList(self.card_text, has_countdown=self._has_countdown, id="order-list")
        empty = Label(Content(self.t("orders.empty")), id="empty")
        self._fill(order_list, empty, keep=None)  # before the first layout: the only one
        yield order_list
        yield empty

    @property
    def highlighted_order_id(self) -> str | None:
        return self.query_one(OrderList).highlighted_order_id

    def _has_countdown(self, order: Order) -> bool:
        return self.service.has_countdown(order)

    def card_text(self, order: Order) -> OrderCardText:
        t = self.t
        extra = len(order.items) - 1
        countdown = self.service.countdown(order.id)
        return OrderCardText(
            order_id=order.id,
            store=self.service.store_of(order).name,
            title=order.items[0].title,
            more=t("orders.more_items", count=extra) if extra else "",
            quantity=t("orders.quantity", count=order.quantity),
            total=t("orders.total", amount=t.money(order.total)),
            status=t(order.status.label_key),
            date=t.date(order.placed_at),
            countdown=t(countdown.kind.label_key, left=t.duration(countdown.left))
            if countdown
            else "",
        )

    @on(Tabs.TabActivated)
    def tab_changed(self, event: Tabs.TabActivated) -> None:
        if event.tab.id != event.tabs.active:
            return  # overtaken: another tab was made active since (`show_tab`)
        tab = OrderTab(str(event.tab.id).removeprefix("tab-"))
        if tab is self.tab:
            return
        self.tab = tab
        self.reload()

    def reload(self, *, from_the_top: bool = False) -> None:
        """Refill the list for the current tab, keeping the highlighted order where possible
        (or, for a new visit, from the first order)."""
        order_list = self.query_one(OrderList)
        keep = None if from_the_top else order_list.highlighted_order_id
        self._fill(order_list, self.query_one("#empty", Label), keep=keep)
        if from_the_top:
            order_list.scroll_home(animate=False)

    def _fill(self, order_list: OrderList, empty: Label, *, keep: str | None) -> None:
        orders = self.service.orders_in(self.tab)
        order_list.show(orders, keep=keep)
        empty.display = not orders
        order_list.display = bool(orders)

    def action_switch_tab(self, step: int) -> None:
        tabs = list(OrderTab)
        target = tabs[(tabs.index(self.tab) + step) % len(tabs)]
        self.query_one(Tabs).active = f"tab-{target.value}"

    @on(OptionList.OptionSelected, "#order-list")
    def open_order(self, event: OptionList.OptionSelected) -> None:
        from tui.screens.order_details import OrderDetailsScreen

        order_id = str(event.option.id)
        self.app.push_screen(OrderDetailsScreen(order_id), callback=self._back)

    def _back(self, _: None = None) -> None:
        self.reload()

    async def orders_changed(self) -> None:
        self.reload()

    async def refresh_data(self) -> None:
        """After the trainer panel: countdowns moved even on unchanged orders."""
        self.query_one(OrderList).forget()
        self.reload()
