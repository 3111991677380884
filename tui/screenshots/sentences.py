"""What each screenshot step says, as catalog keys: the handout guide and the demo's captions.

A step's sentence is a catalog entry (`guide.*`) whose placeholders are words the program
shows on screen (a tab, a button, a reason), named by the catalog keys the screens use. The
guide (`guide.py`) writes them as Markdown with the words in bold; the autoplay demo
(`tui.demo.captions`) shows them in its caption bar. One table, so both say the same.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from tui.domain.reasons import RECOMMENDED_REASON
from tui.flow import Flow

SHIPPED = "shipped"
"""The slug of each flow's picture of the order that can't be cancelled (not a step of it)."""
DISPUTE = "dispute-"
"""The slugs of opening a dispute, after the shipped order, start so (the guide lists them
after that picture; the demo plays the cancelling steps only)."""


@dataclass(frozen=True)
class Sentence:
    """A catalog sentence and, for each placeholder, the catalog key of the word it shows."""

    key: str
    words: Mapping[str, str] = field(default_factory=dict)


REASON = RECOMMENDED_REASON.label_key
GROUNDS = {
    "fake": "ground.fake_tracking",
    "late": "ground.not_delivered_on_time",
    "quality": "ground.poor_quality",
}
"""The article's three grounds as the dispute form lists them."""
SUBMIT = {"submit": "dispute_form.submit", "title": "dispute_result.title"}

WEB_SENTENCES: dict[str, Sentence] = {
    "orders": Sentence("guide.web_orders", {"page": "orders.title"}),
    "to-ship": Sentence("guide.web_to_ship", {"tab": "tab.to_ship"}),
    "more": Sentence("guide.web_more", {"more": "web.more"}),
    "cancel-request": Sentence("guide.web_cancel_request", {"entry": "web.cancel_request"}),
    "select-here": Sentence("guide.web_select_here", {"select": "web.select_here"}),
    "reason": Sentence("guide.web_reason", {"reason": REASON}),
    "ok": Sentence("guide.web_ok", {"ok": "web.ok"}),
    "result": Sentence("guide.web_result", {"title": "result.request_title"}),
    SHIPPED: Sentence("guide.web_shipped", {"entry": "web.cancel_request"}),
    "dispute-more": Sentence(
        "guide.web_dispute_more", {"more": "web.more", "entry": "web.open_dispute"}
    ),
    "dispute-form": Sentence(
        "guide.web_dispute_form",
        {"problem": "web.problem_label", "refund": "request_type.refund_only", **GROUNDS},
    ),
    "dispute-review": Sentence("guide.web_dispute_review", {"next": "web.dispute_next"}),
    "dispute-result": Sentence("guide.web_dispute_result", SUBMIT),
}

APP_SENTENCES: dict[str, Sentence] = {
    "profile": Sentence("guide.app_profile", {"account": "nav.account"}),
    "order-section": Sentence("guide.app_order_section", {"tab": "tab.to_ship"}),
    "order-details": Sentence("guide.app_details", {"page": "details.title"}),
    "cancel-button": Sentence("guide.app_cancel_button", {"button": "details.cancel_order"}),
    "reasons": Sentence("guide.app_reasons", {"reason": REASON}),
    "confirm": Sentence("guide.app_confirm", {"confirm": "confirm.confirm"}),
    "result": Sentence("guide.app_result", {"title": "result.request_title"}),
    SHIPPED: Sentence("guide.app_shipped", {"button": "details.cancel_order"}),
    "dispute-order": Sentence(
        "guide.app_dispute_order", {"page": "details.title", "button": "app_action.open_dispute"}
    ),
    "dispute-grounds": Sentence("guide.app_dispute_grounds", GROUNDS),
    "dispute-details": Sentence(
        "guide.app_dispute_details", {"refund": "request_type.refund_only"}
    ),
    "dispute-review": Sentence("guide.app_dispute_review", {"next": "dispute_form.next"}),
    "dispute-result": Sentence("guide.app_dispute_result", SUBMIT),
}

SENTENCES: dict[Flow, dict[str, Sentence]] = {Flow.WEB: WEB_SENTENCES, Flow.APP: APP_SENTENCES}
"""Every step of `tui.screenshots.steps.STEPS`, by flow and slug."""
