"""The "More" popup of an order card: what the buyer may do with the order, and its page.

The entries are the service's buyer actions (the same the app's order page offers as
buttons), then "View order details"; Cancel, when the order doesn't allow it, is shown
disabled with the reason underneath, as the site greys out what doesn't apply.
"""

from __future__ import annotations

from enum import StrEnum

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Region
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.domain.rules import BuyerAction
from tui.domain.wording import WEB_LABELS as WEB_LABELS
from tui.domain.wording import web_label
from tui.screens.dispute_parts import dispute_notice_lines
from tui.screens.web.dialog_base import WebDialog
from tui.widgets.card import Card, Line
from tui.widgets.key_footer import KeyFooter

MENU_WIDTH = 44


class MenuChoice(StrEnum):
    """The menu's entry that is not an action on the order: its page."""

    DETAILS = "details"


class OrderMenuScreen(WebDialog[BuyerAction | MenuChoice | None]):
    """Opens under the card's More control (``near``); a click beside it closes it."""

    AUTO_FOCUS = "#web-menu-options"

    def __init__(self, order_id: str, near: Region | None = None) -> None:
        super().__init__()
        self.order_id = order_id
        self.near = near

    def _entries(self) -> list[Option]:
        """Cancel (greyed when not allowed, as the site does), every other action the
        buyer has, then the order's page."""
        t, service = self.t, self.service
        actions = service.buyer_actions(self.order_id)
        path = service.cancel_path(self.order_id)
        entries = [
            Option(
                Content(t(web_label(BuyerAction.CANCEL, path))),
                id=BuyerAction.CANCEL.value,
                disabled=BuyerAction.CANCEL not in actions,
            )
        ]
        entries += [
            Option(Content(t(web_label(action, path))), id=action.value)
            for action in actions
            if action is not BuyerAction.CANCEL
        ]
        entries.append(Option(Content(t("web.view_details")), id=MenuChoice.DETAILS.value))
        return entries

    def _why(self) -> list[Line]:
        """What the cancel path means for this order; the dispute grounds once shipped."""
        if BuyerAction.CANCEL in self.service.buyer_actions(self.order_id):
            return []
        return dispute_notice_lines(self.t, self.service, self.service.order(self.order_id))

    def compose(self) -> ComposeResult:
        with Vertical(id="web-menu"):
            yield OptionList(*self._entries(), id="web-menu-options")
            why = self._why()
            card = Card(why, id="web-menu-why")
            card.display = bool(why)
            yield card
        yield KeyFooter()

    def on_mount(self) -> None:
        super().on_mount()
        options = self.query_one(OptionList)
        first = next((i for i, o in enumerate(options.options) if not o.disabled), None)
        options.highlighted = first
        if self.near is not None:
            menu = self.query_one("#web-menu")
            menu.styles.offset = (max(0, self.near.right - MENU_WIDTH), self.near.bottom)
            self.call_after_refresh(self._place)

    def _place(self) -> None:
        """Right edge under More's, below it; above it when the key bar would hide the end."""
        if self.near is None or not self.is_mounted:
            return
        menu = self.query_one("#web-menu")
        width, height = menu.outer_size
        room_below = self.size.height - 1 - self.near.bottom
        y = self.near.bottom if height <= room_below else max(0, self.near.y - height)
        menu.styles.offset = (max(0, self.near.right - width), y)

    @on(OptionList.OptionSelected, "#web-menu-options")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = str(event.option.id)
        details = chosen == MenuChoice.DETAILS.value
        self.close(MenuChoice.DETAILS if details else BuyerAction(chosen))

    def on_click(self, event: events.Click) -> None:
        """A click beside the menu closes it, as on the website (a click on an entry is the
        entry's: `close` takes only the first)."""
        if event.widget is self:
            self.close(None)
