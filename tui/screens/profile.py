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

from tui.domain.glance import AccountGlance, RefundLine
from tui.domain.kinds import Standing
from tui.domain.status import OrderTab
from tui.screens.base import discard_kept_page
from tui.screens.off_stack import build_off_stack
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
    STYLED_AT_START = True
    """Its styles are read before the first frame (the app's `FIRST_PAGE_STYLES`)."""
    AUTO_FOCUS = "#section-to_ship"
    BINDINGS = [
        Binding("left", "app.focus_previous", "key.previous", show=False, id="previous"),
        Binding("right", "app.focus_next", "key.next", show=False, id="next"),
        Binding("o", "open_tab('all')", "key.all_orders", id="all-orders"),
    ]

    _shown: AccountGlance | None = None
    _orders_page: OrdersScreen | None = None

    def compose_page(self) -> ComposeResult:
        t = self.t
        self._shown = glance = self.cancel_app.account_glance()
        with VerticalScroll(id="profile"):
            with Horizontal(id="identity"):
                yield Label(Content(f" {glance.initials} "), id="avatar")
                with Vertical():
                    yield Static(Content(glance.name), id="buyer-name")
                    yield Static(
                        Content(t("profile.member", level=t(glance.member_level.label_key))),
                        id="member-level",
                    )
            yield SectionCard([self._wallet(glance)], id="wallet")
            with Section(id="orders-section"):
                with Horizontal(id="orders-title"):
                    yield Static(Content(t("profile.my_orders")), classes="section-title")
                    yield OrderSectionEntry(OrderTab.ALL, t("profile.view_all"), None).set_classes(
                        "-link"
                    )
                with Horizontal(id="order-tiles"):
                    for tab in SECTION_TABS:
                        yield OrderSectionEntry(tab, t(tab.label_key), glance.counts[tab])
            yield SectionCard(self._standing(glance), id="standing")
            yield SectionCard(self._refunds(glance.refunds), id="refunds")
            yield SectionCard([Line(t("profile.hint"), part="muted")], id="help")

    def _wallet(self, glance: AccountGlance) -> Line:
        t = self.t
        return row(t("profile.wallet"), t.money(glance.wallet), part="strong", value_part="strong")

    def _standing(self, glance: AccountGlance) -> Iterator[Line]:
        """The buyer's reputation: standing, cancellations counted, and what comes next."""
        t, found, at = self.t, glance.reputation, glance.thresholds
        explain = t(
            f"standing.explain_{found.standing.value}",
            warn=at.warn,
            restrict=at.restrict,
            block=at.block,
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

    def _refunds(self, refunds: tuple[RefundLine, ...]) -> Iterator[Line]:
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
            build_off_stack(self.app, self._new_orders_page(OrderTab.TO_SHIP))

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
        self.app.push_screen(page, callback=self.refresh_glance)

    async def on_unmount(self) -> None:
        """This page's flow is closing (F4): its kept My orders page goes with it."""
        page, self._orders_page = self._orders_page, None
        await discard_kept_page(page)

    async def orders_changed(self) -> None:
        """Counts, standing and refunds, redrawn unseen under the page that changed them."""
        self.refresh_glance()

    def refresh_glance(self, _: None = None) -> None:
        """Redraw in place what a cancel or the clock changed: counts, wallet, standing,
        refunds (cheaper than recomposing, and focus stays put). Coming back from a page that
        changed nothing (the usual case) redraws nothing."""
        glance, shown = self.cancel_app.account_glance(), self._shown
        if glance == shown or shown is None:
            return
        self._shown = glance
        for entry in self.query(OrderSectionEntry):
            if entry.count is not None:
                entry.count = glance.counts[entry.tab]
        if glance.wallet != shown.wallet:
            self.query_one("#wallet", Card).set_lines([self._wallet(glance)])
        if (glance.reputation, glance.thresholds) != (shown.reputation, shown.thresholds):
            self.query_one("#standing", Card).set_lines(self._standing(glance))
        if glance.refunds != shown.refunds:
            self.query_one("#refunds", Card).set_lines(self._refunds(glance.refunds))
