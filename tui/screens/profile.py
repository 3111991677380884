"""Account: who the buyer is, the wallet, and the order section with a count per tab."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Label, Static

from tui.domain.glance import Reputation
from tui.domain.kinds import Standing
from tui.domain.models import Refund
from tui.domain.status import OrderTab
from tui.screens.base import discard_kept_page
from tui.screens.phone_screen import PhoneScreen
from tui.widgets.card import Card, Line, SectionCard, row
from tui.widgets.rows import Section
from tui.widgets.section_entry import OrderSectionEntry

if TYPE_CHECKING:
    from tui.screens.orders import OrdersScreen

SECTION_TABS = (OrderTab.TO_PAY, OrderTab.TO_SHIP, OrderTab.SHIPPED, OrderTab.TO_REVIEW)
STANDING_PARTS = {  # the standing's colour: plain while good, then warning, then error
    Standing.GOOD: "strong",
    Standing.WARNED: "warning",
    Standing.RESTRICTED: "error",
    Standing.BLOCKED: "error",
}


class ProfileScreen(PhoneScreen[None]):
    AUTO_FOCUS = "#section-to_ship"
    BINDINGS = [
        Binding("left", "app.focus_previous", "key.previous", show=False, id="previous"),
        Binding("right", "app.focus_next", "key.next", show=False, id="next"),
        Binding("o", "open_tab('all')", "key.all_orders", id="all-orders"),
    ]

    _shown_facts: tuple[Reputation, tuple[Refund, ...]] | None = None
    _orders_page: OrdersScreen | None = None

    def compose_page(self) -> ComposeResult:
        t, buyer = self.t, self.service.buyer
        self._shown_facts = found, refunds = self._after_sale_facts()
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
            wallet = row(
                t("profile.wallet"), t.money(buyer.wallet), part="strong", value_part="strong"
            )
            yield SectionCard([wallet], id="wallet")
            with Section(id="orders-section"):
                with Horizontal(id="orders-title"):
                    yield Static(Content(t("profile.my_orders")), classes="section-title")
                    yield OrderSectionEntry(OrderTab.ALL, t("profile.view_all"), None).set_classes(
                        "-link"
                    )
                with Horizontal(id="order-tiles"):
                    for tab in SECTION_TABS:
                        yield OrderSectionEntry(tab, t(tab.label_key), counts[tab])
            yield SectionCard(self._standing(found), id="standing")
            yield SectionCard(self._refunds(refunds), id="refunds")
            yield SectionCard([Line(t("profile.hint"), part="muted")], id="help")

    def _standing(self, found: Reputation) -> Iterator[Line]:
        """The buyer's reputation: standing, cancellations counted, and what comes next."""
        t = self.t
        rules = self.service.settings
        explain = t(
            f"standing.explain_{found.standing.value}",
            warn=rules.reputation_warn_at,
            restrict=rules.reputation_restrict_at,
            block=rules.reputation_block_at,
            days=found.window_days,
        )
        counted = t("profile.cancellations", count=found.count, days=found.window_days)
        yield row(
            t("profile.standing"),
            t(found.standing.label_key),
            part="strong",
            value_part=STANDING_PARTS[found.standing],
        )
        yield Line(counted, part="muted")
        yield Line(explain, part="muted")
        if found.lifts_at is not None:
            yield Line(t("standing.lifts_at", date=t.datetime(found.lifts_at)))

    def _refunds(self, refunds: tuple[Refund, ...]) -> Iterator[Line]:
        """Every refund, newest first: order, amount, where to, how far along."""
        t = self.t
        yield Line(t("profile.refunds"), part="title")
        if not refunds:
            yield Line(t("profile.no_refunds"), part="muted")
        for refund in refunds:
            line = t(
                "profile.refund_line", order=refund.order_id[-6:], method=t(refund.method.label_key)
            )
            yield row(line, t.money(refund.amount))
            if refund.completed_at is not None:
                when = t("profile.refund_arrived", date=t.short_date(refund.completed_at))
            else:
                when = t(
                    "profile.refund_expected",
                    start=t.short_date(refund.expected_from),
                    end=t.short_date(refund.expected_by),
                )
            status = t(refund.status.label_key)
            yield Line(f"{status} · {when}", part="muted", indent=2)

    def _after_sale_facts(self) -> tuple[Reputation, tuple[Refund, ...]]:
        """What the standing and refunds sections show; they are redrawn only when it changes."""
        return (self.service.reputation(), tuple(self.service.refunds()))

    def _refresh_after_sale(self) -> None:
        """Redraw the standing and refunds sections in place: a cancel or the clock may change
        them. Coming back from a page that changed nothing (the usual case) redraws nothing."""
        facts = self._after_sale_facts()
        if facts == self._shown_facts:
            return
        self._shown_facts = found, refunds = facts
        self.query_one("#standing", Card).set_lines(self._standing(found))
        self.query_one("#refunds", Card).set_lines(self._refunds(refunds))

    @on(OrderSectionEntry.Opened)
    async def open_section(self, event: OrderSectionEntry.Opened) -> None:
        await self.action_open_tab(event.tab.value)

    def on_mount(self) -> None:
        super().on_mount()
        if self.cancel_app.first_page_drawn:  # shown again later (F4): not the first page
            self.call_after_refresh(self.prepare_unseen)

    def prepare_unseen(self) -> None:
        """Build My orders unseen (composed and mounted off the stack) once Account is drawn,
        while it is read: opening it the first time then only shows it."""
        if self._orders_page is None:
            self.app._register(self.app, self._new_orders_page(OrderTab.TO_SHIP))

    def _new_orders_page(self, tab: OrderTab) -> OrdersScreen:
        from tui.screens.orders import OrdersScreen

        page = self._orders_page = OrdersScreen(tab)
        self.app.install_screen(page, name=f"orders-{id(self)}")
        return page

    async def action_open_tab(self, tab: str) -> None:
        """Show My orders on ``tab``: the same page each time, kept (installed) between visits."""
        page = self._orders_page
        if page is None:
            page = self._new_orders_page(OrderTab(tab))
        else:
            if not page.is_mounted:  # still being built unseen
                await page._mounted_event.wait()
            await page.show_tab(OrderTab(tab))
        self.app.push_screen(page, callback=self._refresh_counts)

    async def on_unmount(self) -> None:
        """This page's flow is closing (F4): its kept My orders page goes with it."""
        page, self._orders_page = self._orders_page, None
        await discard_kept_page(page)

    async def orders_changed(self) -> None:
        """Counts, standing and refunds, redrawn unseen under the page that changed them."""
        self._refresh_counts()

    def _refresh_counts(self, _: None = None) -> None:
        """Update the tab counts in place (cheaper than recomposing, and focus stays put)."""
        counts = self.service.tab_counts()
        for entry in self.query(OrderSectionEntry):
            if entry.count is not None:
                entry.count = counts[entry.tab]
        self._refresh_after_sale()
