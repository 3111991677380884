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
"""The slug of each flow's last picture: not a step of cancelling but the order that can't be."""


@dataclass(frozen=True)
class Sentence:
    """A catalog sentence and, for each placeholder, the catalog key of the word it shows."""

    key: str
    words: Mapping[str, str] = field(default_factory=dict)


REASON = RECOMMENDED_REASON.label_key

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
}

SENTENCES: dict[Flow, dict[str, Sentence]] = {Flow.WEB: WEB_SENTENCES, Flow.APP: APP_SENTENCES}
"""Every step of `tui.screenshots.steps.STEPS`, by flow and slug."""
