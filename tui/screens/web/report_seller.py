"""After a reason that blames the seller, the website asks whether to report the seller."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from tui.screens.web.dialog_base import WebQuestion


class WebReportSellerScreen(WebQuestion):
    """Returns True to report the seller, False for "Not now" (which has the focus)."""

    TITLE_KEY = "report.title"
    BACK_KEY = "report.not_now"
    CONFIRM_KEY = "report.report"
    AUTO_FOCUS = "#back"  # the safe choice first: Enter does not report anyone

    def __init__(self, order_id: str) -> None:
        super().__init__()
        self.order_id = order_id

    def compose_body(self) -> ComposeResult:
        t, service = self.t, self.service
        store = service.store_of(service.order(self.order_id)).name
        yield Static(Content(t("report.question", store=store)), id="report-question")
        yield Static(Content(t("report.explain")), classes="muted")
