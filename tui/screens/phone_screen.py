"""Base for the app's pages: the phone frame, the bottom bar, the key bar, Escape to go back."""

from __future__ import annotations

from typing import TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen

from tui.screens.base import DataPage
from tui.widgets.key_footer import KeyFooter
from tui.widgets.phone import BottomNav, PhoneFrame

ResultT = TypeVar("ResultT")


class PhoneScreen(DataPage, Screen[ResultT]):
    """A page of the mimicked app. Subclasses yield their content from `compose_page`."""

    BINDINGS = [Binding("escape", "back", "key.back", id="back")]

    def compose(self) -> ComposeResult:
        with PhoneFrame():
            yield from self.compose_page()
            yield BottomNav(self.t("nav.home"), self.t("nav.cart"), self.t("nav.account"))
        yield KeyFooter()

    def compose_page(self) -> ComposeResult:
        raise NotImplementedError
        yield

    def on_mount(self) -> None:
        self.note_drawn()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return len(self.app.screen_stack) > 1
        return True

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.dismiss()
