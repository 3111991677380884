"""Textual's Select, with its open list's Escape key named in the app's language."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Select

# Select builds these two itself; subclassing the list is the only way to rename its key
# in the Footer ("Dismiss menu" is hard-coded English). textual is pinned in pyproject.toml.
from textual.widgets._select import SelectCurrent, SelectOverlay, SelectType

from tui.screens.base import AppContext, localize_bindings


class DropdownList(AppContext, SelectOverlay):
    BINDINGS = [Binding("escape", "dismiss", "key.close_list", id="close-list")]

    _lines_width: int | None = None
    """The width its options were last drawn for (Textual's caches don't record it)."""

    def on_mount(self) -> None:
        super().on_mount()
        localize_bindings(self, self.t)

    def _on_resize(self, event: events.Resize) -> None:  # type: ignore[override]
        """Runs before `OptionList._on_resize`, which throws away every drawn option: each
        time the list opens it is shown, and so resized, after its first frame drew the
        options at that very width (one more frame of the whole list, ~12 ms). Only a new
        width needs them drawn again."""
        width = event.size.width
        if width == self._lines_width:
            event.prevent_default()
        self._lines_width = width


class Dropdown(Select[SelectType]):
    """A "Select here" drop-down: Enter, Space or ↓ opens it, Escape closes the list."""

    def compose(self) -> ComposeResult:
        yield SelectCurrent(self.prompt)
        yield DropdownList(type_to_search=self._type_to_search).data_bind(compact=Select.compact)
