"""Account: who the buyer is, the wallet, and the order section with a count per tab."""

from __future__ import annotations

from collections.abc import Iterator

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Label, Static

from tui import stylesheets
from tui.domain.account import AccountSummary
from tui.domain.kinds import Standing
from tui.domain.models import Refund
from tui.domain.status import OrderTab
from tui.screens.orders import OrdersScreen
from tui.screens.phone_screen import PhoneScreen
from tui.text import inert
from tui.widgets.card import Card, Line, SectionCard, row
from tui.widgets.rows import Section
from tui.widgets.section_entry import OrderSectionEntry

SECTION_TABS = (OrderTab.TO_PAY, OrderTab.TO_SHIP, OrderTab.SHIPPED, OrderTab.TO_REVIEW)
STANDING_PARTS = {  # the standing's colour: plain while good, then warning, then error
    Standing.GOOD: "strong",
    Standing.WARNED: "warning",
    Standing.RESTRICTED: "error",
    Standing.BLOCKED: "error",
}


class ProfileScreen(PhoneScreen[None]):
    """Account, the app flow's first page."""

    CSS_PATH = stylesheets.through("profile")
    """The first page: only what it needs (`tui.stylesheets`)."""
    AUTO_FOCUS = "#section-to_ship"
    BINDINGS = [
        Binding("left", "app.focus_previous", "key.previous", show=False, id="previous"),
        Binding("right", "app.focus_next", "key.next", show=False, id="next"),
        Binding("o", "open_tab('all')", "key.all_orders", id="all-orders"),
    ]

    def compose_page(self) -> ComposeResult:
        t = self.t
        summary = self.service.account_summary()
        with VerticalScroll(id="profile"):
            with Horizontal(id="identity"):
                yield Label(Content(f" {inert(summary.initials)} "), id="avatar")
                with Vertical():
                    yield Static(Content(inert(summary.name)), id="buyer-name")
                    yield Static(
                        Content(t("profile.member", level=t(summary.member_level.label_key))),
                        id="member-level",
                    )
            yield SectionCard([self._wallet(summary)], id="wallet")
            with Section(id="orders-section"):
                with Horizontal(id="orders-title"):
                    yield Static(Content(t("profile.my_orders")), classes="section-title")
                    yield OrderSectionEntry(OrderTab.ALL, t("profile.view_all"), None).set_classes(
                        "-link"
                    )
                with Horizontal(id="order-tiles"):
                    for tab in SECTION_TABS:
                        yield OrderSectionEntry(tab, t(tab.label_key), summary.counts[tab])
            yield SectionCard(self._standing(summary), id="standing")
            yield SectionCard(self._refunds(summary.refunds), id="refunds")
            yield SectionCard([Line(t("profile.hint"), part="muted")], id="help")

    def _wallet(self, summary: AccountSummary) -> Line:
        t = self.t
        return row(t("profile.wallet"), t.money(summary.wallet), part="strong", value_part="strong")

    def _standing(self, summary: AccountSummary) -> Iterator[Line]:
        """The buyer's reputation: standing, cancellations counted, and what comes next."""
        t, found, at = self.t, summary.reputation, summary.thresholds
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

    @on(OrderSectionEntry.Opened)
    def open_section(self, event: OrderSectionEntry.Opened) -> None:
        self.action_open_tab(event.tab.value)

    def action_open_tab(self, tab: str) -> None:
        """Show My orders on ``tab``."""
        self.app.push_screen(OrdersScreen(OrderTab(tab)))

    async def redraw(self) -> None:
        """Back from a page that changed something: the counts, wallet, standing and refunds
        are redrawn where they are (the page keeps its scroll and focus); a new language
        composes the page again."""
        if self.language_changed():
            await super().redraw()
            return
        summary = self.service.account_summary()
        for entry in self.query(OrderSectionEntry):
            if entry.count is not None:
                entry.count = summary.counts[entry.tab]
        self.query_one("#wallet", Card).set_lines([self._wallet(summary)])
        self.query_one("#standing", Card).set_lines(self._standing(summary))
        self.query_one("#refunds", Card).set_lines(self._refunds(summary.refunds))
