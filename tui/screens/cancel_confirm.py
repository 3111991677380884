"""Confirm: a summary of what is about to happen, with Confirm and Back."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from tui.domain.reasons import ReasonChoice
from tui.domain.rules import CancelPath
from tui.screens.modal_base import YesNoSheet
from tui.widgets.card import Card, Line, row


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
        store = service.store_of(order)
        share = t.percent_permille(service.store_rating(store))
        amount_key = "confirm.amount_unpaid" if order.paid_at is None else "confirm.amount"
        summary = [
            row(t("details.order_number"), order.id),
            row(t("confirm.store"), store.name),
            row(t("confirm.store_rating"), t("details.positive", value=share)),
            row(t(amount_key), t.money(order.total), part="strong", value_part="strong"),
            row(t("details.reason"), t(self.choice.reason.label_key)),
        ]
        if self.choice.note:
            summary.append(Line(self.choice.note, part="muted"))
        yield Card(summary, id="confirm-summary")
        consequence = "confirm.instant" if instant else "confirm.request"
        hours = service.settings.seller_response_hours
        yield Static(Content(t(consequence, hours=hours)), id="consequence")
