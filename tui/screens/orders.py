"""My orders: tabs All / To pay / To ship / Shipped / To review, each a list of order cards."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Label, OptionList, Tab, Tabs

from tui.domain.models import Order
from tui.domain.status import OrderTab
from tui.screens.base import discard_kept_page, follow_language
from tui.screens.off_stack import build_off_stack, input_waiting, lay_out_unseen
from tui.screens.phone_screen import PhoneScreen
from tui.widgets.order_card import OrderCardText
from tui.widgets.order_list import OrderList
from tui.widgets.phone import PageHeader

if TYPE_CHECKING:
    from tui.screens.order_details import OrderDetailsScreen


class OrdersScreen(PhoneScreen[None]):
    AUTO_FOCUS = "#order-list"
    BINDINGS = [
        Binding("left", "switch_tab(-1)", "key.previous_tab", id="previous-tab", priority=True),
        Binding("right", "switch_tab(1)", "key.next_tab", id="next-tab", priority=True),
    ]

    _details_page: OrderDetailsScreen | None = None
    _placed: str | None = None
    """The order a refill of the list highlighted (`_fill`), until the highlight moves."""

    def __init__(self, tab: OrderTab) -> None:
        super().__init__()
        self.tab = tab
        self._shown_at = self.service.now()

    async def show_tab(self, tab: OrderTab) -> None:
        """Get a kept page ready to be shown again, on ``tab`` and with today's data.

        The Account page keeps one My orders page (a page costs more to build than to show);
        anything that changed meanwhile is caught up here: the language, the clock
        (countdowns), the orders.
        """
        self.tab = tab
        if await follow_language(self):
            return
        if self.service.now() != self._shown_at:
            self._shown_at = self.service.now()
            self.query_one(OrderList).forget()
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
        self._placed = order_list.highlighted_order_id
        empty.display = not orders
        order_list.display = bool(orders)

    def action_switch_tab(self, step: int) -> None:
        tabs = list(OrderTab)
        target = tabs[(tabs.index(self.tab) + step) % len(tabs)]
        self.query_one(Tabs).active = f"tab-{target.value}"

    @on(OptionList.OptionSelected, "#order-list")
    async def open_order(self, event: OptionList.OptionSelected) -> None:
        """Show the order on the page kept for it: built once, then refilled each time."""
        order_id = str(event.option.id)
        page = self._details_page
        if page is None:
            page = self._new_details_page(order_id)
        else:
            if not page.is_mounted:  # still being built unseen
                await page._mounted_event.wait()
            await page.show_order(order_id)
        self.app.push_screen(page, callback=self._back)

    @on(OptionList.OptionHighlighted, "#order-list")
    def highlight_moved(self) -> None:
        """The buyer moved the highlight (not a refill placing it: a tab switch is drawn in
        several frames, and readying the order page between them delayed the last)."""
        placed, self._placed = self._placed, None
        if self._details_page is not None and self.highlighted_order_id != placed:
            self.call_after_refresh(self.ready_details)

    async def ready_details(self) -> None:
        """Once the highlight rests on an order, show it on the kept order page, unseen and
        laid out: Enter then only puts the page on top (a refill for another order changes
        what the page holds and sizes, and cost Enter a second layout, ~20 ms). Skipped while
        more input waits (a held ↓), so moving through the list never waits for it; Enter
        refills whatever is not ready."""
        page = self._details_page
        if page is None or not page.is_mounted or not self.is_current or input_waiting(self.app):
            return
        order_id = self.highlighted_order_id
        if order_id is None or order_id == page.order_id:
            return
        await page.show_order(order_id)
        lay_out_unseen(page)

    def on_mount(self) -> None:
        super().on_mount()
        self.call_later(self.prepare_unseen)

    def prepare_unseen(self) -> None:
        """Build the order page unseen (off the stack) for the first order listed, once this
        page is ready: opening an order then only refills it. Not when this page is already
        being taken down (the app closing as it starts): its list is gone."""
        if not self.is_attached:
            return
        first = self.highlighted_order_id
        if self._details_page is None and first is not None:
            build_off_stack(self.app, self._new_details_page(first))
        # And the cards of All (opened by "o" from Account), after that page is built.
        self.call_later(self._prepare_all)

    def _prepare_all(self) -> None:
        if self.is_attached and self.tab is not OrderTab.ALL:
            self.query_one(OrderList).prepare(self.service.orders_in(OrderTab.ALL))

    def _new_details_page(self, order_id: str) -> OrderDetailsScreen:
        from tui.screens.order_details import OrderDetailsScreen

        page = self._details_page = OrderDetailsScreen(order_id)
        self.app.install_screen(page, name=f"details-{id(self)}")
        return page

    async def on_unmount(self) -> None:
        """This page is closing (its flow is left): its kept order page goes with it."""
        page, self._details_page = self._details_page, None
        await discard_kept_page(page)

    def _back(self, _: None = None) -> None:
        self.reload()

    async def orders_changed(self) -> None:
        self.reload()

    async def refresh_data(self) -> None:
        """After the trainer panel: countdowns moved even on unchanged orders."""
        self.query_one(OrderList).forget()
        self.reload()
