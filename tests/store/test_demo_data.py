"""The bundled demo data is consistent with the rules it will be used to teach."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from tui.domain.dispute_models import ARTICLE_GROUNDS, DisputeState
from tui.domain.kinds import RefundStatus, Standing
from tui.domain.reputation import reputation, warning_before_next
from tui.domain.status import OrderStatus, OrderTab
from tui.domain.timeline import advance
from tui.store.demo import demo_path
from tui.store.errors import StoreError
from tui.store.repository import Repository


def test_demo_is_caught_up_with_its_clock() -> None:
    repo = Repository.open(demo_path())
    assert advance(repo.state(), repo.meta.clock, repo.meta.settings).events == ()


def test_every_closed_paid_order_and_refunded_dispute_has_its_refund() -> None:
    repo = Repository.open(demo_path())
    closed_paid = {
        o.id for o in repo.orders.values() if o.status is OrderStatus.CANCELLED and o.paid_at
    }
    refunded = {o for o, d in repo.disputes.items() if d.state is DisputeState.REFUNDED}
    assert set(repo.refunds) == closed_paid | refunded
    assert {r.status for r in repo.refunds.values()} == set(RefundStatus)


DISPUTE_ORDERS = {
    DisputeState.AWAITING_SELLER: "8197345062031164",
    DisputeState.SELLER_REJECTED: "8197345062133407",
    DisputeState.ESCALATED: "8197345062024418",
    DisputeState.AWAITING_RETURN: "8197345062035591",
    DisputeState.RETURN_SHIPPED: "8197345062042276",
    DisputeState.REFUNDED: "8197345062028830",
    DisputeState.CLOSED_FOR_SELLER: "8197345062012264",
    DisputeState.CANCELLED: "8197345062039904",
}
"""One demo order per dispute state (docs/disputes.md lists them with the others)."""


def test_every_dispute_state_has_its_demo_order() -> None:
    repo = Repository.open(demo_path())
    for state, order_id in DISPUTE_ORDERS.items():
        assert repo.disputes[order_id].state is state
    assert {d.state for d in repo.disputes.values()} == set(DisputeState)
    assert {d.ground for d in repo.disputes.values()} >= set(ARTICLE_GROUNDS)


def test_open_disputes_are_listed_under_shipped_and_ended_ones_elsewhere() -> None:
    repo = Repository.open(demo_path())
    for dispute in repo.disputes.values():
        order = repo.orders[dispute.order_id]
        if dispute.is_open:
            assert order.status is OrderStatus.IN_DISPUTE and order.tab is OrderTab.SHIPPED
    tabs = {repo.orders[o].tab for o, d in repo.disputes.items() if not d.is_open}
    assert tabs == {OrderTab.SHIPPED, OrderTab.TO_REVIEW, None}  # cancelled, completed, closed


def test_the_platform_sees_both_kinds_of_buyer_record() -> None:
    """So the tie rule can be shown both ways (docs/disputes.md)."""
    repo = Repository.open(demo_path())
    standings = {d.buyer_standing for d in repo.disputes.values() if d.is_open}
    assert {Standing.GOOD, Standing.WARNED} <= standings


def test_events_chain_to_the_stored_statuses() -> None:
    repo = Repository.open(demo_path())
    for order_id in {e.order_id for e in repo.events}:
        events = repo.events_of(order_id)
        assert [e.at for e in events] == sorted(e.at for e in events)
        for earlier, later in itertools.pairwise(events):
            assert earlier.to_status is later.from_status
        assert events[-1].to_status is repo.orders[order_id].status


def test_the_next_cancellation_crosses_the_warning_threshold() -> None:
    """So a trainer shows the reputation warning with the very first request."""
    repo = Repository.open(demo_path())
    found = reputation(repo.events, repo.meta.clock, repo.meta.settings)
    assert found.standing is Standing.GOOD and found.count == 2
    assert warning_before_next(repo.events, repo.meta.clock, repo.meta.settings) is Standing.WARNED


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda r: r["refunds"]["1"].update(order_id="8197345062098812"),
            "not a closed, paid order",
        ),
        (lambda r: r["refunds"].update({"9": dict(r["refunds"]["1"])}), "has a second refund"),
        (lambda r: r["refunds"]["1"]["amount"].update(minor=1), "not what order"),
        (lambda r: r["refunds"]["1"].update(order_id="1111111111"), "unknown order"),
        (lambda r: r["refunds"]["1"].update(status="completed", completed_at=None), "completed_at"),
        (lambda r: r["events"]["1"].update(kind="teleported"), "kind"),
        (lambda r: r["stores"]["2"].update(id="baseus"), "appears twice"),
    ],
)
def test_inconsistent_refunds_and_events_are_refused(tmp_path: Path, change, message: str) -> None:  # type: ignore[no-untyped-def]
    raw = json.loads(demo_path().read_text())
    change(raw)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(raw))
    with pytest.raises(StoreError, match=message) as error:
        Repository.open(path)
    assert "\n" not in str(error.value)
