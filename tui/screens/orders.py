"""My orders: tabs All / To pay / To ship / Shipped / To review, each a list of order cards."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Label, Tab, Tabs

from tui import stylesheets
from tui.domain.models import Order
from tui.domain.status import OrderTab
from tui.screens.base import shown_if
from tui.screens.phone_screen import PhoneScreen
from tui.widgets.card_list import CardList
from tui.widgets.order_list import OrderCardText, OrderList
from tui.widgets.phone import PageHeader


class OrdersScreen(PhoneScreen[None]):
    CSS_PATH = stylesheets.through("orders")
    """The first key's page: only what it needs (`tui.stylesheets`)."""
    AUTO_FOCUS = "#order-list"
    BINDINGS = [
        Binding("left", "switch_tab(-1)", "key.previous_tab", id="previous-tab", priority=True),
        Binding("right", "switch_tab(1)", "key.next_tab", id="next-tab", priority=True),
    ]

    def __init__(self, tab: OrderTab) -> None:
        super().__init__()
        self.tab = tab
        self._keep: str | None = None
        """The order to highlight when the list is next composed (kept over a redraw)."""

    def compose_page(self) -> ComposeResult:
        yield PageHeader(self.t("orders.title"))
        yield Tabs(
            *(Tab(Content(self.t(tab.label_key)), id=f"tab-{tab.value}") for tab in OrderTab),
            active=f"tab-{self.tab.value}",
        )
        orders = self.service.orders_in(self.tab)
        order_list = OrderList(self.card_text, id="order-list")
        order_list.show(orders, keep=self._keep)
        yield shown_if(order_list, orders)
        yield shown_if(Label(Content(self.t("orders.empty")), id="empty"), not orders)

    @property
    def order_list(self) -> OrderList:
        return self.query_one(OrderList)

    @property
    def highlighted_order_id(self) -> str | None:
        return self.order_list.highlighted_order_id

    def card_text(self, order: Order) -> OrderCardText:
        t, service = self.t, self.service
        extra = len(order.items) - 1
        quantity = t("orders.quantity", count=order.quantity)
        if extra:
            quantity = f"{t('orders.more_items', count=extra)} · {quantity}"
        countdown = service.countdown(order.id)
        return OrderCardText(
            store=service.store_of(order).name,
            title=order.items[0].title,
            quantity=quantity,
            total=t("orders.total", amount=t.money(order.total)),
            status=t(order.status.label_key),
            date=t.date(order.placed_at),
            countdown=t(countdown.kind.label_key, left=t.duration(countdown.left))
            if countdown
            else "",
        )

    @on(Tabs.TabActivated)
    def tab_changed(self, event: Tabs.TabActivated) -> None:
        tab = OrderTab(str(event.tab.id).removeprefix("tab-"))
        if tab is not self.tab:
            self.tab = tab
            self.reload(keep=self.highlighted_order_id)

    def reload(self, *, keep: str | None = None) -> None:
        """List the current tab's orders, highlighting ``keep`` where listed, else the first."""
        orders = self.service.orders_in(self.tab)
        self.order_list.show(orders, keep=keep)
        self.query_one("#empty").display = not orders
        self.order_list.display = bool(orders)

    def action_switch_tab(self, step: int) -> None:
        tabs = list(OrderTab)
        target = tabs[(tabs.index(self.tab) + step) % len(tabs)]
        self.query_one(Tabs).active = f"tab-{target.value}"

    @on(CardList.Selected, "#order-list")
    def open_order(self, event: CardList.Selected) -> None:
        from tui.screens.order_details import OrderDetailsScreen  # not needed to list orders

        self.app.push_screen(OrderDetailsScreen(event.order_id))

    async def redraw(self) -> None:
        """Back from a page that changed something: the same tab and order, today's data
        (countdowns included); a new language composes the page again."""
        if not self.language_changed():
            self.reload(keep=self.highlighted_order_id)
            self.order_list.forget_painted()
            return
        self._keep = self.highlighted_order_id
        await self.recompose()
        self.order_list.focus()
