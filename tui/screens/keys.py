"""Every key of the page underneath, in the current language (the command palette's "Keys")."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Static

from tui.screens.base import DialogScreen
from tui.widgets.card import Card, Line, row
from tui.widgets.key_footer import KeyFooter


class KeysScreen(DialogScreen[None]):
    """The keys ``page`` answers (hidden ones included), each with its name; Escape closes."""

    AUTO_FOCUS = "#keys-close"

    def __init__(self, page: Screen[Any]) -> None:
        super().__init__()
        self.page = page

    def _lines(self) -> list[Line]:
        t = self.t
        lines: list[Line] = []
        seen: set[tuple[str, str]] = set()
        for active in self.page.active_bindings.values():
            binding = active.binding
            name = t.key_name(binding.description, binding.action)
            if name is None or (binding.action, name) in seen:
                continue
            seen.add((binding.action, name))
            shown = self.app.get_key_display(binding)
            lines.append(row(name, shown if active.enabled else f"{shown} ({t('keys.not_now')})"))
        return lines

    def compose(self) -> ComposeResult:
        with Vertical(id="keys-box"):
            yield Static(Content(self.t("keys.title")), id="keys-title")
            with VerticalScroll(id="keys-body"):
                yield Card(self._lines(), id="keys-list")
            yield Button(Content(self.t("keys.close")), id="keys-close", compact=True)
        yield KeyFooter()

    @on(Button.Pressed, "#keys-close")
    def close_pressed(self) -> None:
        self.close(None)
