"""My orders: tabs All / To pay / To ship / Shipped / To review, each a list of order cards."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Label, ListView, Tab, Tabs

from tui.domain.models import Order
from tui.domain.status import OrderTab
from tui.screens.phone_screen import PhoneScreen
from tui.widgets.order_card import OrderCard, OrderCardText
from tui.widgets.phone import PageHeader


class OrdersScreen(PhoneScreen[None]):
    CSS_PATH = "../styles/orders.tcss"
    BINDINGS = [
        Binding("left", "switch_tab(-1)", "key.previous_tab", id="previous-tab", priority=True),
        Binding("right", "switch_tab(1)", "key.next_tab", id="next-tab", priority=True),
    ]

    def __init__(self, tab: OrderTab) -> None:
        super().__init__()
        self.tab = tab

    def compose_page(self) -> ComposeResult:
        yield PageHeader(self.t("orders.title"))
        yield Tabs(
            *(Tab(Content(self.t(tab.label_key)), id=f"tab-{tab.value}") for tab in OrderTab),
            active=f"tab-{self.tab.value}",
        )
        yield ListView(*self._cards(), id="order-list")
        yield Label(Content(self.t("orders.empty")), id="empty")

    def on_mount(self) -> None:
        super().on_mount()
        self._show_empty_hint()
        self.query_one(ListView).focus()

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

    def _cards(self) -> list[OrderCard]:
        return [OrderCard(self.card_text(order)) for order in self.service.orders_in(self.tab)]

    def _show_empty_hint(self) -> None:
        empty = not self.service.orders_in(self.tab)
        self.query_one("#empty").display = empty
        self.query_one(ListView).display = not empty

    @on(Tabs.TabActivated)
    async def tab_changed(self, event: Tabs.TabActivated) -> None:
        tab = OrderTab(str(event.tab.id).removeprefix("tab-"))
        if tab is self.tab:
            return
        self.tab = tab
        await self.reload()

    async def reload(self) -> None:
        """Refill the list for the current tab, keeping the highlighted order where possible."""
        list_view = self.query_one(ListView)
        current = list_view.highlighted_child
        keep = current.order_id if isinstance(current, OrderCard) else None
        await list_view.clear()
        cards = self._cards()
        await list_view.extend(cards)
        ids = [card.order_id for card in cards]
        list_view.index = ids.index(keep) if keep in ids else (0 if ids else None)
        self._show_empty_hint()

    def action_switch_tab(self, step: int) -> None:
        tabs = list(OrderTab)
        target = tabs[(tabs.index(self.tab) + step) % len(tabs)]
        self.query_one(Tabs).active = f"tab-{target.value}"

    @on(ListView.Selected)
    def open_order(self, event: ListView.Selected) -> None:
        from tui.screens.order_details import OrderDetailsScreen

        if isinstance(event.item, OrderCard):
            self.app.push_screen(OrderDetailsScreen(event.item.order_id), callback=self._back)

    def _back(self, _: None = None) -> None:
        self.run_worker(self.reload(), exclusive=True)

    async def refresh_data(self) -> None:
        await self.reload()
