"""The bundled demo data is consistent with the rules it will be used to teach."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from tui.domain.kinds import RefundStatus, Standing
from tui.domain.reputation import reputation, warning_before_next
from tui.domain.status import OrderStatus
from tui.domain.timeline import advance
from tui.store.demo import demo_path
from tui.store.errors import StoreError
from tui.store.repository import Repository


def test_demo_is_caught_up_with_its_clock() -> None:
    repo = Repository.open(demo_path())
    assert advance(repo.state(), repo.meta.clock, repo.meta.settings).events == ()


def test_every_closed_paid_order_has_its_refund() -> None:
    repo = Repository.open(demo_path())
    closed_paid = {
        o.id for o in repo.orders.values() if o.status is OrderStatus.CANCELLED and o.paid_at
    }
    assert set(repo.refunds) == closed_paid
    assert {r.status for r in repo.refunds.values()} == set(RefundStatus)


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
