"""The scenario list: every scenario with where it is worked and this trainee's attempts
and best score; Enter or a click starts one."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from tui.screens.training.host import TrainingContext
from tui.training.errors import TrainingError
from tui.training.session import Listing
from tui.training.words import view_label
from tui.widgets.key_footer import KeyFooter
from tui.widgets.scenario_table import ScenarioTable


class ScenarioListScreen(TrainingContext, Screen[None]):
    AUTO_FOCUS = "#scenarios"

    def compose(self) -> ComposeResult:
        t = self.t
        yield Static(Content(t("training.list.title")), id="list-title")
        name = t("training_ui.list.trainee", name=self.training.session.trainee)
        yield Static(Content(name), id="list-trainee")
        yield Static(Content(t("training_ui.list.help")), id="list-help")
        yield Static(id="list-error")
        yield ScenarioTable(id="scenarios")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.fill()

    def on_screen_resume(self) -> None:
        self.fill()  # a finished attempt changes the attempts and the best score

    def on_resize(self) -> None:
        self.fill()  # the titles' column takes the width the others leave

    def fill(self) -> None:
        t = self.t
        error = self.query_one("#list-error", Static)
        try:
            listing = self.training.session.listing()
            error.display = False
        except TrainingError as problem:  # the scenarios show all the same, without scores
            listing = [Listing(s, 0, None) for s in self.training.session.scenarios]
            error.update(Content(t("training_ui.error.list", error=str(problem))))
            error.display = True
        table = self.query_one("#scenarios", ScenarioTable)
        row = table.cursor_row
        table.clear(columns=True)
        language = t.language.value
        titles = [line.scenario.title.in_(language) for line in listing]
        views = [view_label(line.scenario, t) for line in listing]
        bests = [
            t("training_ui.list.best", score=line.best[0], max=line.best[1])
            if line.best is not None
            else t("training_ui.list.never")
            for line in listing
        ]
        view_width = widest([t("training_ui.list.col_view"), *views], 30)
        attempts_width = widest([t("training_ui.list.col_attempts"), "999"], 20)
        best_width = widest([t("training_ui.list.col_best"), *bests], 20)
        # The titles get what the other columns leave (each column pads 1 a side, the
        # table has a margin and a scroll bar), so every column shows at 80 columns too.
        room = self.size.width - view_width - attempts_width - best_width - 8 - 4
        table.add_column(
            Text(t("training_ui.list.col_title")),
            key="title",
            width=max(16, min(widest(titles, 60), room)),
        )
        table.add_column(Text(t("training_ui.list.col_view")), key="view", width=view_width)
        table.add_column(
            Text(t("training_ui.list.col_attempts")), key="attempts", width=attempts_width
        )
        table.add_column(Text(t("training_ui.list.col_best")), key="best", width=best_width)
        for line, best in zip(listing, bests, strict=True):
            table.add_row(
                Text(line.scenario.title.in_(language)),
                Text(view_label(line.scenario, t)),
                Text(str(line.attempts), justify="right"),
                Text(best, justify="right"),
                key=line.scenario.id,
                height=None,  # a title longer than its column wraps
            )
        if listing:
            table.move_cursor(row=min(row, len(listing) - 1))

    def highlighted_id(self) -> str | None:
        table = self.query_one("#scenarios", ScenarioTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return None if key.value is None else str(key.value)

    @on(DataTable.RowSelected, "#scenarios")
    def row_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.training.start_scenario(str(event.row_key.value))


def widest(texts: list[str], most: int) -> int:
    """A column as wide as its widest cell, up to `most` (wider cells are cut)."""
    return min(most, max((cell_len(text) for text in texts), default=1))
