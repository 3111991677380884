"""The "More" popup of an order card: Cancel order request where the rules allow it."""

from __future__ import annotations

from enum import StrEnum

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Region
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.domain.rules import DISPUTE_GROUNDS, CancelPath
from tui.screens.base import Kept
from tui.screens.web.dialog_base import WebDialog
from tui.widgets.card import Card, Line
from tui.widgets.key_footer import KeyFooter

MENU_WIDTH = 44


class MenuChoice(StrEnum):
    """What the buyer picked in the menu; the page's flow decides what follows."""

    CANCEL = "cancel"


class OrderMenuScreen(Kept, WebDialog[MenuChoice | None]):
    """Opens under the card's More control; entries that don't apply are shown disabled.
    Kept and refilled (`Kept`)."""

    AUTO_FOCUS = "OptionList"

    def __init__(self, order_id: str, near: Region | None = None) -> None:
        super().__init__()
        self.keep(order_id, near)

    def keep(self, order_id: str, near: Region | None = None) -> None:
        self.order_id = order_id
        self.near = near

    async def refill(self) -> None:
        options = self.query_one(OptionList)
        options.set_options([self._entry()])
        self.query_one("#web-menu-why", Card).set_lines(self._why())
        self._open()

    def _entry(self) -> Option:
        path = self.service.cancel_path(self.order_id)
        label = "web.cancel_now" if path is CancelPath.INSTANT else "web.cancel_request"
        return Option(
            Content(self.t(label)), id=MenuChoice.CANCEL.value, disabled=not path.can_start
        )

    def _why(self) -> list[Line]:
        """What the cancel path means for this order; the dispute grounds once shipped."""
        t = self.t
        path = self.service.cancel_path(self.order_id)
        lines = [Line(t(path.explanation_key))]
        if path is CancelPath.DISPUTE_ONLY:
            lines += [Line(f"• {t('dispute.' + ground)}", indent=1) for ground in DISPUTE_GROUNDS]
            lines.append(Line(t("dispute.later"), part="muted"))
        return lines

    def compose(self) -> ComposeResult:
        with Vertical(id="web-menu"):
            yield OptionList(self._entry(), id="web-menu-options")
            yield Card(self._why(), id="web-menu-why")
        yield KeyFooter()

    def on_screen_resume(self) -> None:
        """Once drawn, build the cancel dialog unseen if the order may be cancelled."""
        from tui.screens.web.cancel_request import WebCancelScreen

        if self.service.cancel_path(self.order_id).can_start:
            WebCancelScreen.build_when_drawn(self, self.order_id)

    def on_mount(self) -> None:
        super().on_mount()
        self._open()

    def _open(self) -> None:
        """Under the More control of the order's card, its entry lit if it may be chosen."""
        if self.near is not None:
            menu = self.query_one("#web-menu")
            menu.styles.offset = (max(0, self.near.right - MENU_WIDTH), self.near.bottom)
            self.call_after_refresh(self._place)
        options = self.query_one(OptionList)
        options.highlighted = 0 if self.service.cancel_path(self.order_id).can_start else None
        options.focus()

    def _place(self) -> None:
        """Right edge under More's, below it; above it when the Footer would hide the end."""
        assert self.near is not None
        menu = self.query_one("#web-menu")
        width, height = menu.outer_size
        room_below = self.size.height - 1 - self.near.bottom
        y = self.near.bottom if height <= room_below else max(0, self.near.y - height)
        menu.styles.offset = (max(0, self.near.right - width), y)

    @on(OptionList.OptionSelected, "#web-menu-options")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(MenuChoice(str(event.option.id)))

    def on_click(self, event: events.Click) -> None:
        """A click beside the menu closes it, as on the website."""
        if event.widget is self:
            self.dismiss(None)
