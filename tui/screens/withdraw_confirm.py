"""Withdraw a cancellation request: say what it means (no second request), then Withdraw or Back."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from tui.domain.wording import reason_words
from tui.screens.modal_base import YesNoSheet
from tui.widgets.rows import InfoRow


class WithdrawConfirmScreen(YesNoSheet):
    """Returns True to withdraw the request, False to keep it."""

    BACK_KEY = "withdraw.keep"
    CONFIRM_KEY = "withdraw.confirm"
    AUTO_FOCUS = "#back"  # the safe choice first: a withdrawal can't be undone

    def __init__(self, order_id: str) -> None:
        super().__init__()
        self.order_id = order_id

    def compose_body(self) -> ComposeResult:
        t, service = self.t, self.service
        order = service.order(self.order_id)
        yield Static(Content(t("withdraw.title")), id="sheet-title")
        yield InfoRow(t("details.order_number"), order.id)
        yield InfoRow(t("confirm.store"), service.store_of(order).name)
        if order.cancellation is not None:
            key, values = reason_words(order.cancellation.reason, order.cancellation.note)
            yield InfoRow(t("details.reason"), t(key, **values))
        yield Static(Content(t("withdraw.consequence")), id="consequence")
        yield Static(Content(t("withdraw.only_once")), id="withdraw-warning")
