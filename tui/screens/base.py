"""What every screen of ours shares: the translator, the service, redrawing when data changed.

Pages are built when shown and redraw themselves when shown again after something changed
(`DataPage`): the data, the simulated clock, another window's writes or the language. No
page is kept or refilled by hand; Textual composes and styles them.
"""

from __future__ import annotations

import os
from pathlib import PurePath
from typing import Any, ClassVar, TypeVar, cast

from textual import events, on
from textual.binding import Binding
from textual.geometry import Size
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Button

from tui import stylesheets
from tui.host import AppContext

__all__ = ["AppContext", "DataPage", "DialogScreen", "YesNoDialog", "recompose_keeping_focus"]

SHORTCUTS = os.environ.get("CANCEL_ORDER_PLAIN_TEXTUAL", "") != "1"
"""Whether `DataPage` takes its three shortcuts (the breakpoint class set early, the first
restyle and the same-size relayout skipped). ``CANCEL_ORDER_PLAIN_TEXTUAL=1`` turns them
off, to check a Textual upgrade draws the same without them (tests/flows/test_shortcuts.py)."""


async def recompose_keeping_focus(screen: Screen[Any]) -> None:
    """Redraw a screen from the service and give focus back to the widget (by id) that had it,
    or to the screen's `AUTO_FOCUS` choice, so the keyboard user doesn't lose their place."""
    focused = screen.focused
    keep = focused.id if focused is not None else None
    await screen.recompose()
    for selector in (f"#{keep}" if keep else None, screen.AUTO_FOCUS):
        found = screen.query(selector) if selector else None
        if found:
            found.first().focus()
            return


class DataPage(AppContext):
    """Mixin for screens that show data: drawn for one `Host.shown_generation`, redrawn when
    shown again for a newer one (`redraw`, by default a recompose keeping the focus).

    It also styles and lays out a new page once, not three times. Textual styles a page's
    widgets as they mount, then restyles the whole page when it is first shown (its
    `ScreenResume` asks for it) and again when its first `Resize` sets its breakpoint class
    (``-wide``…). Here the breakpoint class is set as the page is made, the first showing
    skips the restyle of what was styled a moment ago, and a resize to the size the page is
    already at is not laid out again (all through public API: `add_class`, the event's
    `refresh_styles`, `prevent_default`). Later showings restyle as Textual decides.
    """

    CSS_PATH: ClassVar[str | PurePath | list[str | PurePath] | None] = stylesheets.ALL
    """Every style sheet; the first pages shown list fewer (`tui.stylesheets`)."""

    _drawn_for: tuple[object, ...] | None = None
    _shown_before = False
    _styled_when_made = True
    """Whether every style sheet of the page was loaded when it was made; if not, Textual
    styled the page itself (not its widgets, mounted later) before its sheets were read."""
    _sized_for: Size | None = None
    """The terminal size the page was made for, or last resized to."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        screen = cast("Screen[Any]", self)
        if not SHORTCUTS:
            return
        try:
            self._sized_for = screen.app.size
        except RuntimeError:  # made outside a running app (a test): the Resize sets it
            return
        loaded = screen.app.stylesheet.has_source
        self._styled_when_made = all(loaded(str(path), "") for path in screen.css_path)
        width = self._sized_for.width
        breakpoints = screen.HORIZONTAL_BREAKPOINTS or screen.app.HORIZONTAL_BREAKPOINTS or []
        fitting = [name for least, name in sorted(breakpoints) if width >= least]
        if fitting:
            screen.add_class(fitting[-1], update=False)

    async def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Runs before Textual's own handler (ours is the subclass): the first showing of a
        page needs no restyle; a later one catches up with the data if it changed."""
        if not self._shown_before:
            self._shown_before = True
            event.refresh_styles = not SHORTCUTS
            if not self._styled_when_made:  # its style sheets came with it (tui.stylesheets):
                screen = cast("Screen[Any]", self)  # the page itself was styled before them
                screen.app.stylesheet.apply(screen)
            return
        await self.redraw_if_stale()

    def on_resize(self, event: events.Resize) -> None:
        """A resize to the size the page is already laid out at changes nothing: Textual
        sends one to every page just after its first frame, and laying the page out again
        for it drew the page twice more (~15 ms of opening a page). Any other size goes on
        to Textual's own handler (`prevent_default` is how a subclass keeps it from it)."""
        if SHORTCUTS and event.size == self._sized_for:
            event.prevent_default()
        self._sized_for = event.size

    def note_drawn(self) -> None:
        """Call when the page has been composed or redrawn from the current data."""
        self._drawn_for = self.host.shown_generation()

    def is_stale(self) -> bool:
        return self._drawn_for != self.host.shown_generation()

    def language_changed(self) -> bool:
        """Whether the language changed since the page was drawn (its words, keys and
        layout must then be composed again; only data changed otherwise)."""
        drawn = self._drawn_for
        return drawn is None or drawn[-1] != self.host.shown_generation()[-1]

    async def redraw(self) -> None:
        await recompose_keeping_focus(cast("Screen[Any]", self))

    async def redraw_if_stale(self) -> None:
        """Catch up with another window's writes, then redraw if anything shown changed."""
        self.service.sync()
        if self.is_stale():
            await self.redraw()
            self.note_drawn()


WidgetT = TypeVar("WidgetT", bound=Widget)


def shown_if(widget: WidgetT, content: object) -> WidgetT:
    """``widget``, hidden while it has nothing to show."""
    widget.display = bool(content)
    return widget


ResultT = TypeVar("ResultT")


class DialogScreen(DataPage, ModalScreen[ResultT]):
    """What every dialog shares (the app's sheets, the website's boxes, the trainer's):
    Escape (or `close`) dismisses it with `ESCAPE_RESULT`, and only once, however many
    clicks and keys arrive while it is closing; F2, F3 and F4 work as on the pages."""

    BINDINGS = [
        Binding("escape", "back", "key.back", id="back"),
        # A dialog hides the app's own keys (Textual stops at a modal screen): offered
        # again here, so a trainer can switch language, open the panel or switch view
        # in the middle of a step.
        Binding("f2", "app.switch_language", "key.language", id="dialog-switch-language"),
        Binding("f3", "app.trainer", "key.trainer", id="dialog-trainer"),
        Binding("f4", "app.switch_flow", "key.switch_flow", id="dialog-switch-flow"),
    ]
    ESCAPE_RESULT: object = None

    _result_sent = False

    def close(self, result: ResultT) -> None:
        """Dismiss with ``result`` if this dialog is still open and on top."""
        if self._result_sent or not self.is_current:
            return
        self._result_sent = True
        self.dismiss(result)

    def on_mount(self) -> None:
        self.note_drawn()

    def action_back(self) -> None:
        self.close(cast(ResultT, self.ESCAPE_RESULT))


class YesNoDialog(DialogScreen[bool]):
    """A dialog that asks one question, answered by a ``#back`` and a ``#confirm`` button:
    True for Confirm, False for Back or Escape. ``AUTO_FOCUS`` is the button lit first."""

    ESCAPE_RESULT = False
    AUTO_FOCUS = "#confirm"

    @on(Button.Pressed, "#confirm")
    def confirmed(self) -> None:
        self.close(True)

    @on(Button.Pressed, "#back")
    def back_pressed(self) -> None:
        self.close(False)
