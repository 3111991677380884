"""The demo's caption bar: what the step does, in words, over whichever screen is on top.

Textual draws screens, not the app: there is no layer above them. So the caption is a
widget on the screens themselves, kept there by `CaptionLayer` from outside, through
Textual's public API only: the app's `screen_change_signal` says when another screen comes
to the top (a page, a dialog, another view), and the bar's own `Unmount` says when a page
redrew itself (`recompose` removes every child); each time the layer mounts a fresh bar on
every screen of the current stack that lacks one. No screen knows about captions, and
nothing is left behind when the demo ends (`CaptionLayer.clear`).

The bar docks at the bottom with a one-line margin, so it sits just above the key bar that
every screen docks there (`KeyFooter`, one line) and the page above it shrinks to fit
rather than being covered. Every screen of the stack gets one (a dialog's background page
too), so the page behind a dialog keeps its size while the dialog is open.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from rich.cells import cell_len
from textual import events
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static


@dataclass(frozen=True)
class Caption:
    """What the bar says: where the demo is, the step's sentence, the presenter's keys."""

    heading: str
    sentence: Content
    hint: str = ""
    status: str = ""
    """Shown before the heading when not empty: the demo is paused, say."""
    key: str = ""
    """The key being pressed, as the key bar names it (``⏎``, ``→``, ``f3``); empty: none."""


class CaptionBar(Widget):
    """One caption, docked above the key bar. Built by `CaptionLayer`, never by a screen."""

    DEFAULT_CSS = """
    CaptionBar {
        dock: bottom;
        margin-bottom: 1;
        height: auto;
        max-height: 50%;
        padding: 0 1;
        background: #1B1B1B;
        color: #F5F5F5;
        layout: vertical;
    }
    CaptionBar > #caption-head { height: 1; }
    CaptionBar #caption-heading {
        width: 1fr; color: #B8B8B8; text-wrap: nowrap; text-overflow: ellipsis;
    }
    CaptionBar #caption-status { width: auto; color: #FFB300; text-style: bold; margin-right: 1; }
    CaptionBar #caption-key {
        width: auto; background: #FF6A00; color: #111111; text-style: bold; margin-right: 1;
    }
    CaptionBar #caption-hint { width: auto; color: #B8B8B8; }
    CaptionBar > #caption-text { width: 1fr; height: auto; text-style: none; }
    """

    def __init__(self, caption: Caption, departed: Callable[[CaptionBar], None]) -> None:
        super().__init__()
        self.caption = caption
        self.departed = departed
        """Told when the bar leaves its screen (the screen closed or redrew itself)."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="caption-head"):
            yield Static(id="caption-status")
            yield Static(id="caption-heading")
            yield Static(id="caption-key")
            yield Static(id="caption-hint")
        yield Static(id="caption-text")

    def on_mount(self) -> None:
        self.show(self.caption)

    def on_unmount(self) -> None:
        self.departed(self)

    def on_resize(self, _: events.Resize) -> None:
        self.fit_hint()

    def show(self, caption: Caption) -> None:
        """Say `caption` (catalog text and symbols only: `Content` makes no markup of it)."""
        self.caption = caption
        if not self.query("#caption-text"):
            return  # not composed yet: `on_mount` shows it
        self.query_one("#caption-head").display = bool(caption.heading or caption.status)
        status = self.query_one("#caption-status", Static)
        status.update(Content(caption.status))
        status.display = bool(caption.status)
        self.query_one("#caption-heading", Static).update(Content(caption.heading))
        key = self.query_one("#caption-key", Static)
        key.update(Content(f" {caption.key} "))
        key.display = bool(caption.key)
        self.query_one("#caption-hint", Static).update(Content(caption.hint))
        self.query_one("#caption-text", Static).update(caption.sentence)
        self.fit_hint()

    def fit_hint(self) -> None:
        """The presenter's keys only where they fit beside the whole heading; else none."""
        if not self.query("#caption-hint"):
            return
        caption = self.caption
        used = sum(cell_len(text) + 2 for text in (caption.status, caption.heading, caption.key))
        room = self.size.width - 2 - used
        self.query_one("#caption-hint", Static).display = cell_len(caption.hint) <= room


class CaptionLayer:
    """Shows one caption on every screen of the app's current stack, until `clear`.

    `wanted` says which screens get one (the demo leaves out the app's too-small notice).
    """

    def __init__(self, app: App[Any], wanted: Callable[[Screen[Any]], bool]) -> None:
        self.app = app
        self.wanted = wanted
        self.caption: Caption | None = None
        self.bars: dict[Screen[Any], CaptionBar] = {}
        self.subscribed = False

    def show(self, caption: Caption) -> None:
        """Say `caption` on the screens now, and on every screen that comes to the top."""
        if not self.subscribed:
            self.app.screen_change_signal.subscribe(self.app, self.screen_changed, immediate=True)
            self.subscribed = True
        self.caption = caption
        for bar in self.bars.values():
            bar.show(caption)
        self.cover()

    def show_key(self, key: str) -> None:
        """The key being pressed (or none, with ``""``) beside the heading."""
        if self.caption is not None and self.caption.key != key:
            self.show(replace(self.caption, key=key))

    def clear(self) -> None:
        """Take every bar away; the screens get back the room they had."""
        self.caption = None
        bars, self.bars = list(self.bars.values()), {}
        for bar in bars:
            if bar.is_attached:
                bar.remove()

    def shown_on(self, screen: Screen[Any]) -> CaptionBar | None:
        bar = self.bars.get(screen)
        return bar if bar is not None and bar.is_attached else None

    def cover(self) -> None:
        """A bar on each wanted screen of the current stack that has none."""
        if self.caption is None:
            return
        stack = self.app.screen_stack
        for screen in list(self.bars):
            if screen not in stack:
                del self.bars[screen]
        for screen in stack:
            if screen in self.bars or not screen.is_attached or not self.wanted(screen):
                continue
            bar = CaptionBar(self.caption, self.departed)
            self.bars[screen] = bar
            screen.mount(bar)

    def screen_changed(self, _: Screen[Any]) -> None:
        self.cover()

    def departed(self, bar: CaptionBar) -> None:
        """A bar left its screen: put a new one there if the screen is still shown (it
        redrew itself), once the screen has finished."""
        for screen, shown in list(self.bars.items()):
            if shown is bar:
                del self.bars[screen]
        if self.caption is not None:
            self.app.call_later(self.cover)
