"""Account: who the buyer is, the wallet, and the order section with a count per tab."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Label, Static

from tui.domain.status import OrderTab
from tui.screens.phone_screen import PhoneScreen
from tui.widgets.rows import InfoRow, Section
from tui.widgets.section_entry import OrderSectionEntry

SECTION_TABS = (OrderTab.TO_PAY, OrderTab.TO_SHIP, OrderTab.SHIPPED, OrderTab.TO_REVIEW)


class ProfileScreen(PhoneScreen[None]):
    CSS_PATH = "../styles/profile.tcss"
    AUTO_FOCUS = "#section-to_ship"
    BINDINGS = [
        Binding("left", "app.focus_previous", "key.previous", show=False, id="previous"),
        Binding("right", "app.focus_next", "key.next", show=False, id="next"),
        Binding("o", "open_tab('all')", "key.all_orders", id="all-orders"),
    ]

    def compose_page(self) -> ComposeResult:
        t, buyer = self.t, self.service.buyer
        counts = self.service.tab_counts()
        with VerticalScroll(id="profile"):
            with Horizontal(id="identity"):
                yield Label(Content(f" {buyer.initials} "), id="avatar")
                with Vertical():
                    yield Static(Content(buyer.name), id="buyer-name")
                    yield Static(
                        Content(t("profile.member", level=t(buyer.member_level.label_key))),
                        id="member-level",
                    )
            with Section(id="wallet"):
                yield InfoRow(t("profile.wallet"), t.money(buyer.wallet), classes="-strong")
            with Section(id="orders-section"):
                with Horizontal(id="orders-title"):
                    yield Static(Content(t("profile.my_orders")), classes="section-title")
                    yield OrderSectionEntry(OrderTab.ALL, t("profile.view_all"), None).set_classes(
                        "-link"
                    )
                with Horizontal(id="order-tiles"):
                    for tab in SECTION_TABS:
                        yield OrderSectionEntry(tab, t(tab.label_key), counts[tab])
            with Section(id="help"):
                yield Static(Content(t("profile.hint")), classes="hint")

    @on(OrderSectionEntry.Opened)
    def open_section(self, event: OrderSectionEntry.Opened) -> None:
        self.action_open_tab(event.tab.value)

    def action_open_tab(self, tab: str) -> None:
        from tui.screens.orders import OrdersScreen

        self.app.push_screen(OrdersScreen(OrderTab(tab)), callback=self._refresh_counts)

    def _refresh_counts(self, _: None = None) -> None:
        """Update the tab counts in place (cheaper than recomposing, and focus stays put)."""
        counts = self.service.tab_counts()
        for entry in self.query(OrderSectionEntry):
            if entry.count is not None:
                entry.count = counts[entry.tab]
