"""The desk's first page: find an order by its number (whole or last digits), the buyer's
name or a phone number; the results in a sortable table, Enter opens one."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from tui.domain.desk_search import Found, MatchedBy
from tui.screens.base import DataPage
from tui.screens.desk.order import DeskOrderScreen
from tui.widgets.desk_strip import DeskStrip
from tui.widgets.key_footer import KeyFooter

COLUMNS = ("number", "placed", "buyer", "phone", "status", "total")
"""The table's columns, left to right (their headers are ``desk.col_<name>``)."""
NARROW_COLUMNS = ("number", "placed", "buyer", "status", "total")
"""Below `WIDE` columns the phone is left out (it is on the order's page), so every
column shows whole."""
WIDE = 100
SHOWN = 50
"""At most this many rows (sorted first): a table of 10,000 orders takes seconds to build
and no one reads it; the count line says how many were found, and more typing narrows."""


def columns_for(width: int) -> tuple[str, ...]:
    """The table's columns at a terminal ``width`` columns wide."""
    return COLUMNS if width >= WIDE else NARROW_COLUMNS


def sort_value(found: Found, column: str) -> Any:
    """What a column sorts by: the number, the moment, the amount — not the words shown.
    Only the column asked for is worked out (an order's total adds up its items)."""
    order = found.order
    if column == "placed":
        return order.placed_at.timestamp()
    if column == "buyer":
        return order.address.recipient.casefold()
    if column == "phone":
        return order.address.phone
    if column == "status":
        return order.status.value
    if column == "total":
        return order.total.minor
    return order.id


class DeskSearchScreen(DataPage, Screen[None]):
    """Type to search; ↓ or Enter goes into the table, Enter there opens the order."""

    AUTO_FOCUS = "#desk-query"
    BINDINGS = [
        Binding("escape", "back", "key.back", id="back"),
        Binding("slash", "search", "key.desk_search", id="desk-search"),
        Binding("s", "sort", "key.desk_sort", id="desk-sort"),
        Binding("down", "into_table", show=False, id="desk-into-table"),
    ]

    def __init__(self) -> None:
        super().__init__(classes="desk")
        self.query_text = ""
        self.sort_column = "placed"
        self.sort_reverse = True
        self.found: dict[str, Found] = {}
        self.columns: tuple[str, ...] = COLUMNS

    def compose(self) -> ComposeResult:
        t, service = self.t, self.service
        now = t("desk.now", date=t.datetime(service.now()))
        yield DeskStrip(t("desk.strip"), t("desk.search_label"), now)
        yield Input(self.query_text, placeholder=t("desk.search_placeholder"), id="desk-query")
        yield Static("", id="desk-count")
        table: DataTable[Any] = DataTable(id="desk-results", cursor_type="row", zebra_stripes=True)
        self.columns = columns_for(self.app.size.width)
        self.add_columns(table)
        yield table
        yield KeyFooter()

    def add_columns(self, table: DataTable[Any]) -> None:
        for name in self.columns:
            table.add_column(Text(self.t(f"desk.col_{name}")), key=name)

    def on_mount(self) -> None:
        self.fill()
        self.note_drawn()

    @on(events.Resize)
    def resized(self, event: events.Resize) -> None:
        """Across `WIDE` columns the phone column comes or goes at once (`DataPage`'s
        handler runs after this one)."""
        self.fit_columns(event.size.width)

    @on(events.ScreenResume)
    def resumed(self) -> None:
        """A page underneath gets no resize: it catches up when shown again."""
        self.fit_columns(self.app.size.width)

    def fit_columns(self, width: int) -> None:
        columns = columns_for(width)
        if columns == self.columns or not self.is_mounted:
            return
        self.columns = columns
        table = self.query_one("#desk-results", DataTable)
        kept = self.cursor_order(table)
        table.clear(columns=True)
        self.add_columns(table)
        self.fill(kept)

    def fill(self, kept: str | None = None) -> None:
        """The table for the current query, sorted as chosen, the count above it; the
        cursor on the first row, or on order ``kept`` if it is found (a redraw)."""
        t = self.t
        results = self.service.find_orders(self.query_text)
        self.found = {f.order.id: f for f in results}
        results.sort(key=lambda f: sort_value(f, self.sort_column), reverse=self.sort_reverse)
        table = self.query_one("#desk-results", DataTable)
        table.clear()
        for found in results[:SHOWN]:
            order = found.order
            cells = {
                "number": Text(order.id),
                "placed": Text(t.short_date(order.placed_at)),
                "buyer": Text(order.address.recipient),
                "phone": Text(order.address.phone),
                "status": Text(t(order.status.label_key)),
                "total": Text(t.money(order.total), justify="right"),
            }
            table.add_row(*(cells[name] for name in self.columns), key=order.id)
        if kept is not None and kept in table.rows:
            table.move_cursor(row=table.get_row_index(kept), animate=False)
        if not results:
            words = t("desk.none")
        elif len(results) == 1:
            words = t("desk.count_one")
        else:
            words = t("desk.count", count=len(results))
        ways = {f.by for f in results} - {MatchedBy.ANY}
        if ways:
            found_by = ", ".join(t(way.label_key) for way in sorted(ways))
            words = f"{words} · {t('desk.found_by', ways=found_by)}"
        if len(results) > SHOWN:
            words = f"{words} · {t('desk.shown_first', shown=SHOWN)}"
        column = t(f"desk.col_{self.sort_column}")
        sorted_by = t("desk.sorted_by", column=column) + (" ↓" if self.sort_reverse else " ↑")
        self.query_one("#desk-count", Static).update(Content(f"{words} · {sorted_by}"))

    @staticmethod
    def cursor_order(table: DataTable[Any]) -> str | None:
        """The order the table's cursor is on, if any (kept there when the table is
        drawn again for a new size or language)."""
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    async def redraw(self) -> None:
        """New words (the language) or new data: the cursor stays on its order."""
        kept = self.cursor_order(self.query_one("#desk-results", DataTable))
        if self.language_changed():
            await super().redraw()
        self.fill(kept)

    @on(Input.Changed, "#desk-query")
    def query_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self.fill()

    @on(Input.Submitted, "#desk-query")
    def query_submitted(self) -> None:
        """Enter: the one order found opens; with several, the table takes the keys."""
        if len(self.found) == 1:
            self.open_order(next(iter(self.found)))
        elif self.found:
            self.action_into_table()

    @on(DataTable.RowSelected, "#desk-results")
    def row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.open_order(event.row_key.value)

    @on(DataTable.HeaderSelected, "#desk-results")
    def header_selected(self, event: DataTable.HeaderSelected) -> None:
        column = str(event.column_key.value)
        self.sort_by(column, not self.sort_reverse if column == self.sort_column else False)

    def sort_by(self, column: str, reverse: bool) -> None:
        self.sort_column, self.sort_reverse = column, reverse
        self.fill()

    def action_sort(self) -> None:
        """The next column, ascending (a second press of the header reverses)."""
        columns = self.columns
        index = (
            (columns.index(self.sort_column) + 1) % len(columns)
            if self.sort_column in columns
            else 0
        )
        self.sort_by(columns[index], False)

    def action_search(self) -> None:
        self.query_one("#desk-query", Input).focus()

    def action_into_table(self) -> None:
        table = self.query_one("#desk-results", DataTable)
        if table.row_count:
            table.focus()

    def action_back(self) -> None:
        """Escape: from the table back to the search box; in the box, clear it."""
        query = self.query_one("#desk-query", Input)
        if not query.has_focus:
            query.focus()
        elif query.value:
            query.value = ""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        in_box = self.query_one("#desk-query", Input).has_focus
        if action == "into_table":
            return in_box
        if action == "search":
            return not in_box  # "/ Search" is shown where it takes you somewhere
        return True

    def open_order(self, order_id: str) -> None:
        self.app.push_screen(DeskOrderScreen(order_id))
