"""Version 3 files (the demo data before issue 16) open as version 4: cash on delivery is
paid on arrival (a coupon "refund" of an unpaid one is dropped), an instant cancel gets its
own outcome, a store's seller-fault count keeps only cancellations that happened, and a
payment detail only names a card."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from tui.domain.kinds import RequestOutcome
from tui.domain.meta import SCHEMA_VERSION
from tui.domain.models import PaymentMethod
from tui.domain.status import OrderStatus
from tui.store.migrations import migrate
from tui.store.repository import Repository

V3 = Path(__file__).parent / "fixtures" / "demo_v3.json"
COD_TO_SHIP = ("8197345062093305", "8197345062125560")
COD_COMPLETED = "8197345061998874"  # completed, never marked delivered
COD_DISPUTED = "8197345062012264"  # delivered, then disputed
UNPAID = "8197345062114523"


def v3() -> dict[str, Any]:
    raw: dict[str, Any] = json.loads(V3.read_text())
    return raw


def order_of(raw: dict[str, Any], order_id: str) -> dict[str, Any]:
    (found,) = [o for o in raw["orders"].values() if o["id"] == order_id]
    return found


def test_the_fixture_is_the_version_3_demo() -> None:
    raw = v3()
    assert raw["meta"]["1"]["schema_version"] == 3
    assert all(order_of(raw, o)["paid_at"] is not None for o in COD_TO_SHIP)


def test_cash_on_delivery_is_paid_on_arrival(tmp_path: Path) -> None:
    raw = v3()
    before = copy.deepcopy(raw)
    migrated = migrate(V3, raw)
    assert raw == before  # the input is not mutated
    assert migrated["meta"]["1"]["schema_version"] == SCHEMA_VERSION == 4
    for order_id in COD_TO_SHIP:
        assert order_of(migrated, order_id)["paid_at"] is None
    completed = order_of(migrated, COD_COMPLETED)
    assert completed["paid_at"] == completed["completed_at"]
    disputed = order_of(migrated, COD_DISPUTED)
    assert disputed["paid_at"] == order_of(raw, COD_DISPUTED)["paid_at"]  # settled on it
    path = tmp_path / "v3.json"
    shutil.copyfile(V3, path)
    repo = Repository.open(path)
    assert all(repo.orders[o].pays_on_delivery for o in COD_TO_SHIP)


def test_a_cancelled_cash_on_delivery_order_loses_its_coupon_refund() -> None:
    raw = v3()
    cod = order_of(raw, COD_TO_SHIP[0])
    cod.update(status="cancelled", closed_at="2026-11-17T10:00:00+03:00")
    cod["cancellation"] = {
        "reason": "no_longer_needed",
        "note": "",
        "requested_at": "2026-11-17T09:00:00+03:00",
        "outcome": "agreed",
        "answered_at": "2026-11-17T10:00:00+03:00",
    }
    refund = {
        "order_id": cod["id"],
        "amount": {"minor": 1, "currency": "USD"},
        "method": "coupon",
        "status": "completed",
        "created_at": "2026-11-17T10:00:00+03:00",
        "expected_from": "2026-11-18T10:00:00+03:00",
        "expected_by": "2026-11-19T10:00:00+03:00",
        "completed_at": "2026-11-18T10:00:00+03:00",
    }
    raw["refunds"]["99"] = refund
    done = {"order_id": cod["id"], "at": "2026-11-18T10:00:00+03:00", "actor": "system"}
    done.update(kind="refund_completed", from_status="cancelled", to_status="cancelled")
    raw["events"]["999"] = done
    migrated = migrate(V3, raw)
    assert "99" not in migrated["refunds"] and "999" not in migrated["events"]
    assert order_of(migrated, cod["id"])["paid_at"] is None
    assert len(migrated["refunds"]) == len(raw["refunds"]) - 1


def test_an_instant_cancel_gets_its_outcome_and_counts_are_of_cancellations() -> None:
    raw = v3()
    unpaid = order_of(raw, UNPAID)
    unpaid.update(status="cancelled", closed_at="2026-11-19T10:00:00+03:00")
    unpaid["cancellation"] = {
        "reason": "seller_asked",
        "note": "",
        "requested_at": "2026-11-19T10:00:00+03:00",
        "outcome": None,
        "answered_at": None,
    }
    pending = order_of(raw, "8197345062076631")
    pending["cancellation"]["reason"] = "out_of_stock"
    for store in raw["stores"].values():
        if store["id"] in (unpaid["store_id"], pending["store_id"]):
            store["fault_cancellations"] = 3  # counted when asked, by version 3
    migrated = migrate(V3, raw)
    request = order_of(migrated, UNPAID)["cancellation"]
    assert request["outcome"] == RequestOutcome.CANCELLED_AT_ONCE.value
    assert request["answered_at"] == "2026-11-19T10:00:00+03:00"
    faults = {s["id"]: s["fault_cancellations"] for s in migrated["stores"].values()}
    assert unpaid["store_id"] == pending["store_id"] == "baseus"
    assert faults["baseus"] == 1  # neither the instant cancel nor the pending request


def test_a_payment_detail_is_kept_for_cards_only() -> None:
    migrated = migrate(V3, v3())
    for order in migrated["orders"].values():
        if order["payment_method"] != PaymentMethod.CARD.value:
            assert order["payment_detail"] == ""
        else:
            assert order["payment_detail"]


def test_a_v3_file_opens_unchanged_and_is_written_as_v4(tmp_path: Path) -> None:
    path = tmp_path / "v3.json"
    shutil.copyfile(V3, path)
    before = path.read_bytes()
    repo = Repository.open(path)
    assert path.read_bytes() == before
    order = repo.orders[COD_TO_SHIP[0]]
    repo.save_transition(
        order.model_copy(update={"status": OrderStatus.AWAITING_SHIPMENT}),
        repo.events[0].model_copy(update={"order_id": order.id}),
    )
    repo.close()
    with TinyDB(path) as db:
        assert db.table("meta").all()[0]["schema_version"] == SCHEMA_VERSION
    assert Repository.open(path).orders[COD_TO_SHIP[0]].paid_at is None
