"""The scenario list's table: a row cursor, and Enter named in the key bar as "Start"."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable


class ScenarioTable(DataTable[Text]):
    BINDINGS = [
        Binding("enter", "select_cursor", "key.training.start", id="start-scenario"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
