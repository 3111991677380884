"""The order's history as a timeline, and a refund's progress as steps; text comes translated."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Label, Static


@dataclass(frozen=True)
class TimelineText:
    """One event, already translated and formatted by the screen."""

    when: str
    who: str
    what: str
    change: str = ""
    note: str = ""


class TimelineEntry(Vertical):
    """`● Nov 20, 10:00 · You` over what happened, the status change and any note."""

    DEFAULT_CSS = """
    TimelineEntry { height: auto; padding: 0 0 0 0; margin: 0 0 1 0; }
    TimelineEntry > .when { color: $text-muted; }
    TimelineEntry > .what { padding: 0 0 0 2; }
    TimelineEntry > .change, TimelineEntry > .note { padding: 0 0 0 2; color: $text-muted; }
    TimelineEntry > .note { text-style: italic; }
    TimelineEntry.-first > .when { color: $primary; text-style: bold; }
    """

    def __init__(self, text: TimelineText, *, first: bool = False) -> None:
        super().__init__(classes="-first" if first else "")
        self.text = text

    def compose(self) -> ComposeResult:
        text = self.text
        yield Static(Content(f"● {text.when} · {text.who}"), classes="when")
        yield Static(Content(text.what), classes="what")
        if text.change:
            yield Static(Content(text.change), classes="change")
        if text.note:
            yield Static(Content(f"“{text.note}”"), classes="note")


@dataclass(frozen=True)
class StepText:
    """One step of a progress: done (✓), current (●) or to come (○), a label and a value."""

    state: str
    label: str
    value: str = ""


_MARKS = {"done": "✓", "current": "●", "todo": "○"}


class ProgressSteps(Vertical):
    """A refund's way from started to arrived, one line per step."""

    DEFAULT_CSS = """
    ProgressSteps { height: auto; }
    ProgressSteps > Horizontal { height: auto; }
    ProgressSteps .mark { width: 2; }
    ProgressSteps .label { width: 1fr; }
    ProgressSteps .value { width: auto; color: $text-muted; }
    ProgressSteps .-done .mark { color: $success; }
    ProgressSteps .-current .mark, ProgressSteps .-current .label { color: $primary; }
    ProgressSteps .-current .label { text-style: bold; }
    ProgressSteps .-todo { color: $text-muted; }
    """

    def __init__(self, steps: list[StepText], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.steps = steps

    def compose(self) -> ComposeResult:
        for step in self.steps:
            with Horizontal(classes=f"-{step.state}"):
                yield Label(Content(_MARKS[step.state]), classes="mark")
                yield Label(Content(step.label), classes="label")
                yield Label(Content(step.value), classes="value")
