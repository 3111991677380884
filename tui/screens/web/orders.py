"""The website's My orders page: tabs across the top, order cards, More → Cancel order request."""

from __future__ import annotations

import asyncio

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.geometry import Region
from textual.screen import Screen
from textual.widgets import Label, ListView, Static, Tab, Tabs

from tui.domain.errors import DomainError
from tui.domain.models import Order
from tui.domain.status import OrderTab
from tui.screens.base import AppContext, StyledOnce, localize_bindings
from tui.screens.web.dialog_base import WEB_BREAKPOINTS
from tui.widgets.key_footer import KeyFooter
from tui.widgets.web_header import WebHeader
from tui.widgets.web_order_row import MoreButton, WebOrderRow, WebOrderText
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
        """The order to highlight after the list is rebuilt."""

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
                counts = self.service.tab_counts()
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
                yield ListView(*self._rows(), id="web-orders")
                yield Label(Content(t("orders.empty")), id="web-empty")
        yield KeyFooter()

    def row_text(self, order: Order) -> WebOrderText:
        t = self.t
        first = order.items[0]
        details = [first.variant] if first.variant else []
        details.append(t("orders.quantity", count=order.quantity))
        if len(order.items) > 1:
            details.append(t("orders.more_items", count=len(order.items) - 1))
        deadline = self.service.seller_deadline(order.id)
        return WebOrderText(
            order_id=order.id,
            placed=t("web.order_date", date=t.date(order.placed_at)),
            number=t("web.order_id", id=order.id),
            store=self.service.store_of(order).name,
            title=first.title,
            details=" · ".join(details),
            total=t.money(order.total),
            status=t(order.status.label_key),
            more=t("web.more"),
            deadline=t("details.seller_deadline", date=t.datetime(deadline)) if deadline else "",
        )

    def _rows(self) -> list[WebOrderRow]:
        return [WebOrderRow(self.row_text(order)) for order in self.service.orders_in(self.tab)]

    # -- keeping the page in step with the data ------------------------------------

    def on_mount(self) -> None:
        localize_bindings(self, self.t)
        self._settle()

    async def recompose(self) -> None:
        """Redraw (after a language switch or a cancel), keeping the tab and the order."""
        self.keep_order = self.highlighted_order() or self.keep_order
        await super().recompose()
        self._settle()

    def _settle(self) -> None:
        """Highlight the kept order (or the first), show the empty hint, focus the list."""
        list_view = self.query_one("#web-orders", ListView)
        ids = [row.order_id for row in list_view.query(WebOrderRow)]
        list_view.index = ids.index(self.keep_order) if self.keep_order in ids else None
        if list_view.index is None and ids:
            list_view.index = 0
        self.query_one("#web-empty").display = not ids
        list_view.display = bool(ids)
        list_view.focus()
        self.refresh_bindings()

    def highlighted_order(self) -> str | None:
        row = self.query_one("#web-orders", ListView).highlighted_child
        return row.order_id if isinstance(row, WebOrderRow) else None

    @on(Tabs.TabActivated, "#web-tabs")
    async def tab_changed(self, event: Tabs.TabActivated) -> None:
        tab = OrderTab(str(event.tab.id).removeprefix("web-tab-"))
        if tab is self.tab:
            return
        self.tab = tab
        self.keep_order = self.highlighted_order() or self.keep_order
        list_view = self.query_one("#web-orders", ListView)
        await list_view.clear()
        await list_view.extend(self._rows())
        self._settle()

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
            return bool(self.service.orders_in(self.tab))
        return True

    def action_back(self) -> None:
        self.dismiss()

    def action_more(self) -> None:
        order_id = self.highlighted_order()
        if order_id is not None:
            self.more_flow(order_id)

    @on(ListView.Selected, "#web-orders")
    def row_chosen(self, event: ListView.Selected) -> None:
        if isinstance(event.item, WebOrderRow):
            self.more_flow(event.item.order_id)

    @on(MoreButton.Pressed)
    def more_clicked(self, event: MoreButton.Pressed) -> None:
        list_view = self.query_one("#web-orders", ListView)
        rows = list(list_view.query(WebOrderRow))
        list_view.index = [row.order_id for row in rows].index(event.order_id)
        list_view.focus()
        self.more_flow(event.order_id)

    def _anchor(self, order_id: str) -> Region | None:
        for row in self.query(WebOrderRow):
            if row.order_id == order_id:
                return row.more_button.region
        return None

    @work(exclusive=True, group="cancel-flow")
    async def more_flow(self, order_id: str) -> None:
        """More → Cancel order request → reason and OK → submit → what happens next."""
        from tui.screens.web.cancel_done import WebResultScreen
        from tui.screens.web.cancel_request import WebCancelScreen
        from tui.screens.web.order_menu import MenuChoice, OrderMenuScreen

        path = self.service.cancel_path(order_id)
        menu = OrderMenuScreen(order_id, self._anchor(order_id))
        if await self.app.push_screen_wait(menu) is not MenuChoice.CANCEL or not path.can_start:
            return
        choice = await self.app.push_screen_wait(WebCancelScreen(order_id))
        if choice is None:
            return
        try:
            # The durable write (fsync) runs off the event loop, as in the app flow.
            outcome = await asyncio.to_thread(
                self.service.cancel, order_id, choice.reason, choice.note, expected=path
            )
        except DomainError as error:
            self.notify(self.error_text(error), severity="error")
            await self.recompose()
            return
        await self.app.push_screen_wait(WebResultScreen(outcome))
        await self.recompose()
