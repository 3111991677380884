"""The keys of the buyer's actions on an order page, the same in the app and on the website
(each action's `BuyerAction` value as the parameter of the page's ``act`` action)."""

from __future__ import annotations

from textual.binding import Binding

ACTION_BINDINGS = [
    Binding("c", "act('cancel')", "key.cancel_order", id="cancel-order"),
    Binding("w", "act('withdraw')", "key.withdraw", id="withdraw"),
    Binding("d", "act('open_dispute')", "key.open_dispute", id="open-dispute"),
    Binding("r", "act('confirm_receipt')", "key.confirm_receipt", id="confirm-receipt"),
    Binding("e", "act('extend_protection')", "key.extend_protection", id="extend-protection"),
    Binding("a", "act('accept_counter')", "key.accept_offer", id="accept-offer"),
    Binding("g", "act('change_request')", "key.change_request", id="change-request"),
    Binding("s", "act('escalate')", "key.escalate", id="escalate"),
    Binding("x", "act('cancel_dispute')", "key.cancel_dispute", id="cancel-dispute"),
    Binding("t", "act('ship_return')", "key.ship_return", id="ship-return"),
]
