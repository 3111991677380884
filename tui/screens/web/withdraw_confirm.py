"""The website's "Withdraw cancellation request" box: what it means, then Withdraw or Keep."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from tui.domain.wording import reason_words
from tui.screens.web.dialog_base import WebQuestion
from tui.widgets.card import Card, row


class WebWithdrawScreen(WebQuestion):
    """Returns True to withdraw the request, False to keep it (which has the focus)."""

    TITLE_KEY = "withdraw.title"
    BACK_KEY = "withdraw.keep"
    CONFIRM_KEY = "withdraw.confirm"
    AUTO_FOCUS = "#back"  # the safe choice first: a withdrawal can't be undone

    def __init__(self, order_id: str) -> None:
        super().__init__()
        self.order_id = order_id

    def compose_body(self) -> ComposeResult:
        t, service = self.t, self.service
        order = service.order(self.order_id)
        lines = [
            row(t("details.order_number"), order.id),
            row(t("confirm.store"), service.store_of(order).name),
        ]
        if order.cancellation is not None:
            request = order.cancellation
            key, values = reason_words(request.reason, request.note)
            lines.append(row(t("details.reason"), t(key, **values)))
        yield Card(lines, id="web-withdraw-summary")
        yield Static(Content(t("withdraw.consequence")), classes="web-consequence")
        yield Static(Content(t("withdraw.only_once")), classes="web-warning-text")
