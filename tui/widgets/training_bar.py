"""The training bar: one line over every page of a training run, saying which scenario is
worked, the time taken (on the real clock) against the limit, the hints used, and the
training keys, each of which can be clicked as well as pressed.

The app mounts it on each page of the run (`tui.training_app`); it is a Textual "system"
widget (the class ``-textual-system``, as Textual's own key panel is), so a page's
recompose keeps it and a click on it moves no focus. It reads what it shows from a
callable each second, so it never holds state of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from tui.host import AppContext


@dataclass(frozen=True)
class BarState:
    """What the bar shows, read afresh each second."""

    title: str
    elapsed_seconds: int
    limit_seconds: int | None
    hints_used: int
    hints_total: int
    answers: int | None
    """Statements picked so far; None where nothing is answered (not a desk scenario)."""


@dataclass(frozen=True)
class BarKey:
    key: str
    """The key as shown ("F5")."""
    name_key: str
    """The catalog key of its name."""
    action: str
    """The app's action it runs."""


def clock_text(seconds: int) -> str:
    """Minutes and seconds as a stopwatch shows them: "4:05"."""
    minutes, rest = divmod(max(0, seconds), 60)
    return f"{minutes}:{rest:02d}"


class BarKeyLabel(AppContext, Static):
    """One of the bar's keys: its key and name; a click runs its action."""

    def __init__(self, bar_key: BarKey) -> None:
        super().__init__(id=f"training-key-{bar_key.action}", classes="training-key")
        self.bar_key = bar_key

    def render(self) -> Content:
        return Content.assemble(
            (self.bar_key.key, "bold reverse"), " ", self.t(self.bar_key.name_key)
        )

    async def on_click(self, event: events.Click) -> None:
        event.stop()
        await self.app.run_action(self.bar_key.action)


class TrainingBar(AppContext, Horizontal):
    DEFAULT_CLASSES = "-textual-system"

    def __init__(self, state: Callable[[], BarState | None], keys: list[BarKey]) -> None:
        super().__init__(id="training-bar")
        self.state = state
        self.keys = keys

    def compose(self) -> ComposeResult:
        yield Static(id="training-title")
        yield Static(id="training-time")
        yield Static(id="training-hints")
        yield Static(id="training-answers")
        for bar_key in self.keys:
            yield BarKeyLabel(bar_key)

    def on_mount(self) -> None:
        self.update_from_state()
        self.set_interval(1, self.update_from_state)

    def update_from_state(self) -> None:
        state = self.state()
        if state is None or not self.is_attached:
            return
        t = self.t
        elapsed = clock_text(state.elapsed_seconds)
        if state.limit_seconds is None:
            time = t("training_ui.bar.time_no_limit", elapsed=elapsed)
        else:
            time = t("training_ui.bar.time", elapsed=elapsed, limit=clock_text(state.limit_seconds))
        over = state.limit_seconds is not None and state.elapsed_seconds > state.limit_seconds
        self.query_one("#training-title", Static).update(Content(state.title))
        time_label = self.query_one("#training-time", Static)
        time_label.update(Content(time))
        time_label.set_class(over, "-over")
        hints = t("training_ui.bar.hints", used=state.hints_used, total=state.hints_total)
        self.query_one("#training-hints", Static).update(Content(hints))
        answers = self.query_one("#training-answers", Static)
        answers.display = state.answers is not None
        if state.answers is not None:
            answers.update(Content(t("training_ui.bar.answers", count=state.answers)))
        for label in self.query(BarKeyLabel):
            label.refresh()
