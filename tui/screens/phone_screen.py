"""Base for the app's pages: the phone frame, the bottom bar, a Footer, Escape to go back."""

from __future__ import annotations

from typing import TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen

from tui.screens.base import AppContext, StyledOnce, localize_bindings, recompose_keeping_focus
from tui.widgets.key_footer import KeyFooter
from tui.widgets.phone import BottomNav, PhoneFrame

ResultT = TypeVar("ResultT")


class PhoneScreen(AppContext, StyledOnce, Screen[ResultT]):
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
        localize_bindings(self, self.t)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return len(self.app.screen_stack) > 1
        return True

    def action_back(self) -> None:
        self.dismiss()

    async def refresh_data(self) -> None:
        """Redraw from the service after the data changed underneath (the trainer panel)."""
        await recompose_keeping_focus(self)
