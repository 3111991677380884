"""Confirm: a summary of what is about to happen, with Confirm and Back."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from tui.domain.reasons import ReasonChoice
from tui.domain.rules import CancelPath
from tui.screens.modal_base import YesNoSheet
from tui.widgets.rows import InfoRow


class CancelConfirmScreen(YesNoSheet):
    """Returns True to go ahead, False to go back to the reasons."""

    BACK_KEY = "confirm.back"
    CONFIRM_KEY = "confirm.confirm"

    def __init__(self, order_id: str, choice: ReasonChoice) -> None:
        super().__init__()
        self.order_id = order_id
        self.choice = choice

    def compose_body(self) -> ComposeResult:
        t, service = self.t, self.service
        order = service.order(self.order_id)
        instant = service.cancel_path(self.order_id) is CancelPath.INSTANT
        yield Static(Content(t("confirm.title")), id="sheet-title")
        yield InfoRow(t("details.order_number"), order.id)
        store = service.store_of(order)
        yield InfoRow(t("confirm.store"), store.name)
        share = t.percent_permille(service.store_rating(store))
        yield InfoRow(t("confirm.store_rating"), t("details.positive", value=share))
        amount_key = "confirm.amount_unpaid" if order.paid_at is None else "confirm.amount"
        yield InfoRow(t(amount_key), t.money(order.total), classes="-strong")
        yield InfoRow(t("details.reason"), t(self.choice.reason.label_key))
        if self.choice.note:
            yield Static(Content(self.choice.note), classes="muted")
        consequence = "confirm.instant" if instant else "confirm.request"
        hours = service.settings.seller_response_hours
        yield Static(Content(t(consequence, hours=hours)), id="consequence")
