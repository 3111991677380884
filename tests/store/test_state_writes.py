"""Saving a state: one write for all it changed, and another window's write never lost."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from tinydb import TinyDB, where

from tests.conftest import CANCELLED_ORDER, PAID_ORDER, PENDING_ORDER
from tui.domain.kinds import RefundStatus
from tui.domain.seller import agree
from tui.domain.settings import Settings
from tui.domain.status import OrderStatus
from tui.domain.timeline import advance
from tui.store.demo import demo_path
from tui.store.errors import ConcurrentChange, StoreError
from tui.store.files import journal_path
from tui.store.repository import Repository


def test_agree_saves_order_refund_and_event_in_one_journal_line(db_path: Path) -> None:
    repo = Repository.open(db_path)
    main = db_path.read_bytes()
    now = repo.meta.clock
    step = agree(repo.state(), PENDING_ORDER, now, repo.meta.settings)
    repo.commit(step.state, step.events)
    assert db_path.read_bytes() == main  # a change does not rewrite the file
    _header, line = journal_path(db_path).read_bytes().splitlines()
    saved = json.loads(line)["set"]
    assert sorted(saved) == ["events", "orders", "refunds"]
    assert [o["id"] for o in saved["orders"].values()] == [PENDING_ORDER]
    assert [e["kind"] for e in saved["events"].values()] == ["seller_agreed"]
    assert Repository.open(db_path).refunds[PENDING_ORDER] == step.state.refunds[PENDING_ORDER]
    repo.close()  # folds the journal into the file, for stock TinyDB
    assert not journal_path(db_path).exists()
    with TinyDB(db_path) as db:
        (order,) = db.table("orders").search(where("id") == PENDING_ORDER)
        (refund,) = db.table("refunds").search(where("order_id") == PENDING_ORDER)
        events = db.table("events").search(where("order_id") == PENDING_ORDER)
    assert order["status"] == "cancelled"
    assert refund["status"] == "processing" and refund["method"] == "card"
    assert refund["amount"] == {"minor": 2645, "currency": "USD"}
    assert [e["kind"] for e in events] == ["requested", "seller_agreed"]
    assert Repository.open(db_path).refunds[PENDING_ORDER] == step.state.refunds[PENDING_ORDER]


def test_wallet_refund_completion_saves_buyer_and_refund(db_path: Path) -> None:
    repo = Repository.open(db_path)
    now = repo.meta.clock + timedelta(days=40)
    step = advance(repo.state(), now, repo.meta.settings)
    repo.commit(step.state, step.events, repo.meta.model_copy(update={"clock": now}))
    again = Repository.open(db_path)
    assert again.meta.clock == now
    assert again.buyer == step.state.buyer
    assert {r.status for r in again.refunds.values()} == {RefundStatus.COMPLETED}
    assert len(again.events) == len(repo.events)


def test_a_write_from_another_window_is_noticed_not_overwritten(db_path: Path) -> None:
    mine, theirs = Repository.open(db_path), Repository.open(db_path)
    settings = Settings()
    step = agree(theirs.state(), PENDING_ORDER, theirs.meta.clock, settings)
    theirs.commit(step.state, step.events)
    stale = mine.state().with_order(
        mine.orders[PAID_ORDER].model_copy(update={"status": OrderStatus.CANCELLATION_REQUESTED})
    )
    before = db_path.read_bytes(), journal_path(db_path).read_bytes()
    with pytest.raises(ConcurrentChange, match="another window"):
        mine.commit(stale, [])
    assert (db_path.read_bytes(), journal_path(db_path).read_bytes()) == before
    assert mine.reload_if_changed() is True
    assert mine.orders[PENDING_ORDER].status is OrderStatus.CANCELLED
    assert mine.reload_if_changed() is False


def test_reload_refuses_a_file_broken_meanwhile(db_path: Path) -> None:
    repo = Repository.open(db_path)
    db_path.write_text("{")
    with pytest.raises(StoreError):
        repo.reload_if_changed()
    assert repo.orders[PAID_ORDER].status is OrderStatus.AWAITING_SHIPMENT


def test_reset_puts_the_demo_back_and_keeps_the_language(db_path: Path) -> None:
    repo = Repository.open(db_path)
    repo.save_meta(repo.meta.model_copy(update={"language": "sw"}))
    step = agree(repo.state(), PENDING_ORDER, repo.meta.clock, repo.meta.settings)
    repo.commit(step.state, step.events)
    repo.reset_to_demo("sw")
    demo = json.loads(demo_path().read_text())
    with TinyDB(db_path) as db:
        assert db.table("meta").all()[0]["language"] == "sw"
        assert len(db.table("events")) == len(demo["events"])
    assert repo.orders[PENDING_ORDER].status is OrderStatus.CANCELLATION_REQUESTED
    assert repo.orders[CANCELLED_ORDER].status is OrderStatus.CANCELLED
