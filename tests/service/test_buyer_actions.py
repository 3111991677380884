"""The one list of the buyer's actions (`rules.buyer_actions`, asked through the service)
says exactly what the after-shipping answers and the dispute's own rules say, at any time."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.domain.clock import SimulatedClock
from tui.domain.dispute_due import BuyerAction as DisputeAction
from tui.domain.rules import BuyerAction
from tui.service import OrderService
from tui.store.demo import demo_path
from tui.store.repository import Repository

DISPUTE_STEP = {
    DisputeAction.ACCEPT_COUNTER: BuyerAction.ACCEPT_COUNTER,
    DisputeAction.CHANGE_REQUEST: BuyerAction.CHANGE_REQUEST,
    DisputeAction.ESCALATE: BuyerAction.ESCALATE,
    DisputeAction.CANCEL: BuyerAction.CANCEL_DISPUTE,
    DisputeAction.ENTER_RETURN_TRACKING: BuyerAction.SHIP_RETURN,
}
AFTER_SHIPPING = {
    BuyerAction.OPEN_DISPUTE,
    BuyerAction.CONFIRM_RECEIPT,
    BuyerAction.EXTEND_PROTECTION,
    *DISPUTE_STEP.values(),
}


def service_at(path: Path, later: timedelta) -> OrderService:
    """The demo data read with the clock moved on by ``later`` (nothing applied: the
    questions answer for that moment as the screens would ask them)."""
    repo = Repository.open(path)
    return OrderService(repo, SimulatedClock(repo.meta.clock + later))


def expected(service: OrderService, order_id: str) -> set[BuyerAction]:
    after = service.after_shipping(order_id)
    found = {
        action
        for action, allowed in (
            (BuyerAction.OPEN_DISPUTE, after.may_open_dispute),
            (BuyerAction.CONFIRM_RECEIPT, after.may_confirm_receipt),
            (BuyerAction.EXTEND_PROTECTION, after.may_ask_extension),
        )
        if allowed
    }
    view = service.dispute_view(order_id)
    if view is not None:
        found |= {DISPUTE_STEP[a] for a in view.buyer_actions}
    return found


@settings(max_examples=25, deadline=None)
@given(hours=st.integers(min_value=0, max_value=60 * 24))
def test_the_list_is_what_each_rule_allows(tmp_path_factory, hours: int) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("data") / "orders.json"
    shutil.copyfile(demo_path(), path)
    service = service_at(path, timedelta(hours=hours))
    for order_id in service.repository.orders:
        actions = service.buyer_actions(order_id)
        assert len(actions) == len(set(actions))
        assert set(actions) & AFTER_SHIPPING == expected(service, order_id)
        assert (BuyerAction.CANCEL in actions) == service.may_cancel(order_id)
        assert (BuyerAction.WITHDRAW in actions) == service.can_withdraw(order_id)
        if {BuyerAction.CANCEL, BuyerAction.WITHDRAW} & set(actions):
            assert not set(actions) & AFTER_SHIPPING  # never both kinds on one order
