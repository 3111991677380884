"""The "More" popup of an order card: what the buyer may do with the order, and its page.

The entries are the service's buyer actions (the same the app's order page offers as
buttons), then "View order details"; an action the order doesn't allow is shown disabled
with the reason underneath, as the site greys out what doesn't apply.
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

from tui.domain.rules import DISPUTE_GROUNDS, BuyerAction, CancelPath
from tui.domain.wording import explanation_key
from tui.screens.web.dialog_base import WebDialog
from tui.widgets.card import Card, Line
from tui.widgets.key_footer import KeyFooter

MENU_WIDTH = 44


class MenuChoice(StrEnum):
    """What the buyer picked in the menu; the page's flow decides what follows."""

    CANCEL = "cancel"
    WITHDRAW = "withdraw"
    DETAILS = "details"


_CHOICE_OF_ACTION = {
    BuyerAction.CANCEL: MenuChoice.CANCEL,
    BuyerAction.WITHDRAW: MenuChoice.WITHDRAW,
}


class OrderMenuScreen(WebDialog[MenuChoice | None]):
    """Opens under the card's More control (``near``); a click beside it closes it."""

    AUTO_FOCUS = "#web-menu-options"

    def __init__(self, order_id: str, near: Region | None = None) -> None:
        super().__init__()
        self.order_id = order_id
        self.near = near

    def _entries(self) -> list[Option]:
        t, service = self.t, self.service
        actions = service.buyer_actions(self.order_id)
        path = service.cancel_path(self.order_id)
        cancel_label = "web.cancel_now" if path is CancelPath.INSTANT else "web.cancel_request"
        entries = [
            Option(
                Content(t(cancel_label)),
                id=MenuChoice.CANCEL.value,
                disabled=BuyerAction.CANCEL not in actions,
            )
        ]
        if BuyerAction.WITHDRAW in actions:
            entries.append(Option(Content(t("web.withdraw")), id=MenuChoice.WITHDRAW.value))
        entries.append(Option(Content(t("web.view_details")), id=MenuChoice.DETAILS.value))
        return entries

    def _why(self) -> list[Line]:
        """What the cancel path means for this order; the dispute grounds once shipped."""
        t = self.t
        path = self.service.cancel_path(self.order_id)
        if BuyerAction.CANCEL in self.service.buyer_actions(self.order_id):
            return []
        lines = [Line(t(explanation_key(self.service.order(self.order_id), path)))]
        if path is CancelPath.DISPUTE_ONLY:
            lines += [Line(f"• {t('dispute.' + ground)}", indent=1) for ground in DISPUTE_GROUNDS]
            lines.append(Line(t("dispute.later"), part="muted"))
        return lines

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
        self.close(MenuChoice(str(event.option.id)))

    def on_click(self, event: events.Click) -> None:
        """A click beside the menu closes it, as on the website (a click on an entry is the
        entry's: `close` takes only the first)."""
        if event.widget is self:
            self.close(None)
