"""The `disputes` table: validated at load in one line naming table, document and field;
written in one journal line with its order, refund and event; read by stock TinyDB."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tinydb import TinyDB

from tui.domain import dispute_desk
from tui.domain.dispute_models import DisputeState
from tui.store.demo import demo_path
from tui.store.errors import StoreError
from tui.store.files import journal_path
from tui.store.repository import Repository

AWAITING_SELLER = "8197345062031164"
REFUNDED_PART = "8197345062028830"
SHIPPED = "8197345062051198"


def doc_of(raw: dict[str, Any], table: str, order_id: str) -> dict[str, Any]:
    key = "id" if table == "orders" else "order_id"
    return next(d for d in raw[table].values() if d[key] == order_id)


Change = Callable[[dict[str, Any]], object]

CASES: list[tuple[Change, str]] = [
    (
        lambda r: doc_of(r, "disputes", AWAITING_SELLER).update(order_id="1111111111"),
        "table 'disputes', document 9: dispute for unknown order 1111111111",
    ),
    (
        lambda r: r["disputes"].update({"99": dict(doc_of(r, "disputes", AWAITING_SELLER))}),
        "table 'disputes', document 99: order 8197345062031164 has a second dispute",
    ),
    (
        lambda r: doc_of(r, "orders", AWAITING_SELLER).update(status="completed"),
        "document 9: state: the dispute is awaiting_seller but order 8197345062031164 is completed",
    ),
    (
        lambda r: doc_of(r, "orders", SHIPPED).update(status="in_dispute"),
        "table 'orders', order 8197345062051198: status: in dispute, but no dispute",
    ),
    (
        lambda r: doc_of(r, "disputes", AWAITING_SELLER)["amount"].update(minor=999999),
        "document 9: amount: more than was paid for order 8197345062031164",
    ),
    (
        lambda r: doc_of(r, "disputes", AWAITING_SELLER).update(evidence=["../secret.txt"]),
        "table 'disputes', document 9: evidence: Value error, evidence '../secret.txt' is not",
    ),
    (
        lambda r: doc_of(r, "disputes", AWAITING_SELLER).update(ground="teleported"),
        "table 'disputes', document 9: ground:",
    ),
    (
        lambda r: doc_of(r, "disputes", AWAITING_SELLER).update(description=""),
        "table 'disputes', document 9: description:",
    ),
    (
        lambda r: doc_of(r, "disputes", AWAITING_SELLER).update(opened_at="2026-10-01T10:00:00Z"),
        "document 9: opened_at: order 8197345062031164 was not shipped then",
    ),
    (
        lambda r: doc_of(r, "refunds", REFUNDED_PART)["amount"].update(minor=1),
        "the amount is not what the dispute of order 8197345062028830 settled on",
    ),
    (
        lambda r: r["refunds"].pop(
            next(k for k, d in r["refunds"].items() if d["order_id"] == REFUNDED_PART)
        ),
        "table 'disputes': the dispute of order 8197345062028830 was refunded, but there is no",
    ),
    (lambda r: r.pop("disputes"), "missing table 'disputes'"),
]


@pytest.mark.parametrize(("change", "message"), CASES)
def test_bad_disputes_are_refused_in_one_line(tmp_path: Path, change: Change, message: str) -> None:
    raw = json.loads(demo_path().read_text())
    raw.pop("glance", None)
    change(raw)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(raw))
    before = path.read_bytes()
    with pytest.raises(StoreError) as error:
        Repository.open(path)
    assert message in str(error.value)
    assert "\n" not in str(error.value)
    assert path.read_bytes() == before


def test_a_dispute_step_is_one_journal_line_and_stock_tinydb_reads_it(db_path: Path) -> None:
    repo = Repository.open(db_path)
    now = repo.meta.clock
    step = dispute_desk.seller_accept(repo.state(), AWAITING_SELLER, now, repo.meta.settings)
    repo.commit(step.state, step.events)
    lines = journal_path(db_path).read_bytes().splitlines()
    assert len(lines) == 2  # the header, and the one change
    change = json.loads(lines[1])["set"]
    assert set(change) == {"orders", "refunds", "events", "disputes"}
    reopened = Repository.open(db_path)
    assert reopened.disputes[AWAITING_SELLER].state is DisputeState.REFUNDED
    assert reopened.refunds[AWAITING_SELLER].amount == step.state.refunds[AWAITING_SELLER].amount
    reopened.close()
    repo.close()
    with TinyDB(db_path) as db:
        stored = [d for d in db.table("disputes").all() if d["order_id"] == AWAITING_SELLER]
        assert [d["state"] for d in stored] == ["refunded"]
        assert len(db.table("disputes")) == 9
