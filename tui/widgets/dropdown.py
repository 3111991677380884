"""Textual's Select, with its open list's Escape key named in the app's language."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Select

# Select builds these two itself; subclassing the list is the only way to rename its key
# in the Footer ("Dismiss menu" is hard-coded English). textual is pinned in pyproject.toml.
from textual.widgets._select import SelectCurrent, SelectOverlay, SelectType

from tui.screens.base import AppContext, localize_bindings


class DropdownList(AppContext, SelectOverlay):
    BINDINGS = [Binding("escape", "dismiss", "key.close_list", id="close-list")]

    def on_mount(self) -> None:
        super().on_mount()
        localize_bindings(self, self.t)


class Dropdown(Select[SelectType]):
    """A "Select here" drop-down: Enter, Space or ↓ opens it, Escape closes the list."""

    def compose(self) -> ComposeResult:
        yield SelectCurrent(self.prompt)
        yield DropdownList(type_to_search=self._type_to_search).data_bind(compact=Select.compact)
