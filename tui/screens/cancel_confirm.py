"""Confirm: a summary of what is about to happen, with Confirm and Back."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from tui.domain.reasons import ReasonChoice
from tui.domain.wording import reason_words
from tui.screens.modal_base import YesNoSheet
from tui.screens.outcome_text import amount_row, consequence_text
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
        yield Static(Content(self.t("confirm.title")), id="sheet-title")
        yield Card(self._summary(), id="confirm-summary")
        yield Static(Content(self._consequence()), id="consequence")

    def _summary(self) -> list[Line]:
        t, service = self.t, self.service
        order = service.order(self.order_id)
        store = service.store_of(order)
        share = t.percent_permille(service.store_rating(store))
        summary = [
            row(t("details.order_number"), order.id),
            row(t("confirm.store"), store.name),
            row(t("confirm.store_rating"), t("details.positive", value=share)),
            amount_row(t, order),
        ]
        key, values = reason_words(self.choice.reason, self.choice.note)
        summary.append(row(t("details.reason"), t(key, **values)))
        if self.choice.note and not values:  # "Other" shows the note as its reason
            summary.append(Line(self.choice.note, part="muted"))
        return summary

    def _consequence(self) -> str:
        return consequence_text(self.t, self.service, self.order_id)
