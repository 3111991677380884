"""Files of every shipped version open as the current one and stay usable: version 1 (the
first release's demo data) and version 2 (the demo data before disputes)."""

from __future__ import annotations

import json
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from tinydb import TinyDB

from tui.domain.dispute_models import DisputeState
from tui.domain.meta import SCHEMA_VERSION
from tui.domain.models import EventKind
from tui.domain.reasons import CancelReason
from tui.domain.rules import cancel
from tui.domain.timeline import advance
from tui.store.errors import StoreError
from tui.store.migrations import MIGRATIONS, UNRECORDED_DISPUTE, migrate
from tui.store.repository import Repository

V1 = Path(__file__).parent / "fixtures" / "demo_v1.json"
V2 = Path(__file__).parent / "fixtures" / "demo_v2.json"
DISPUTED = "8197345062031164"  # the one order both old demos had put in dispute


@pytest.fixture
def v1_path(tmp_path: Path) -> Path:
    target = tmp_path / "old.json"
    shutil.copyfile(V1, target)
    return target


def test_the_fixture_is_version_1() -> None:
    raw = json.loads(V1.read_text())
    assert raw["meta"]["1"]["schema_version"] == 1
    assert "refunds" not in raw
    assert all("kind" not in e for e in raw["events"].values())


def test_every_shipped_version_has_a_migration() -> None:
    assert SCHEMA_VERSION == 4
    assert sorted(MIGRATIONS) == list(range(1, SCHEMA_VERSION))


def test_migration_adds_refunds_and_names_event_kinds(v1_path: Path) -> None:
    raw = json.loads(v1_path.read_text())
    before = json.loads(v1_path.read_text())
    migrated = migrate(v1_path, raw)
    assert raw == before  # the input is not mutated
    assert migrated["meta"]["1"]["schema_version"] == SCHEMA_VERSION
    assert migrated["refunds"] == {}
    kinds = [e["kind"] for e in migrated["events"].values()]
    assert kinds == ["requested", "seller_agreed", "requested"]


def test_v1_file_opens_unchanged_then_is_written_as_v2(v1_path: Path) -> None:
    before = v1_path.read_bytes()
    repo = Repository.open(v1_path)
    assert v1_path.read_bytes() == before  # opening never writes
    assert repo.meta.schema_version == SCHEMA_VERSION
    assert repo.meta.settings.processing_days == 7  # new settings take their defaults
    assert repo.refunds == {}
    assert [e.kind for e in repo.events][:2] == [EventKind.REQUESTED, EventKind.SELLER_AGREED]
    order = repo.orders["8197345062098812"]
    transition = cancel(order, CancelReason.WRONG_ITEM, "", repo.meta.clock)
    repo.save_transition(transition.order, transition.event)
    repo.close()
    with TinyDB(v1_path) as db:
        assert db.table("meta").all()[0]["schema_version"] == SCHEMA_VERSION
        assert db.table("refunds").all() == []
        assert all("kind" in e for e in db.table("events").all())
        assert len(db.table("events")) == 4
    reopened = Repository.open(v1_path)
    assert reopened.orders["8197345062098812"] == transition.order


def test_migration_keeps_a_missing_table_missing(tmp_path: Path) -> None:
    raw = json.loads(V1.read_text())
    del raw["events"]
    path = tmp_path / "no-events.json"
    path.write_text(json.dumps(raw))
    with pytest.raises(StoreError, match="missing table 'events'"):
        Repository.open(path)


@pytest.mark.parametrize(
    ("event", "kind"),
    [
        (
            {"actor": "buyer", "from_status": "awaiting_payment", "to_status": "cancelled"},
            "cancelled",
        ),
        (
            {"actor": "system", "from_status": "cancellation_requested", "to_status": "cancelled"},
            "no_answer",
        ),
        (
            {
                "actor": "seller",
                "from_status": "cancellation_requested",
                "to_status": "awaiting_shipment",
            },
            "seller_refused",
        ),
        (
            {
                "actor": "buyer",
                "from_status": "cancellation_requested",
                "to_status": "awaiting_shipment",
            },
            "withdrawn",
        ),
        ({"actor": "system", "from_status": "shipped", "to_status": "completed"}, "status_changed"),
    ],
)
def test_v1_event_kinds(event: dict[str, str], kind: str) -> None:
    raw = json.loads(V1.read_text())
    raw["events"] = {
        "1": {"order_id": "8197345062098812", "at": "2026-11-19T15:00:00+03:00", **event}
    }
    migrated = migrate(V1, raw)
    assert migrated["events"]["1"]["kind"] == kind
    assert EventKind(kind)


@pytest.fixture
def v2_path(tmp_path: Path) -> Path:
    target = tmp_path / "v2.json"
    shutil.copyfile(V2, target)
    return target


def test_the_v2_fixture_is_version_2_without_disputes() -> None:
    raw = json.loads(V2.read_text())
    assert raw["meta"]["1"]["schema_version"] == 2
    assert "disputes" not in raw and "glance" not in raw
    assert [o["id"] for o in raw["orders"].values() if o["status"] == "in_dispute"] == [DISPUTED]


def test_v2_gains_a_dispute_for_the_order_it_had_put_in_dispute(v2_path: Path) -> None:
    raw = json.loads(v2_path.read_text())
    before = json.loads(v2_path.read_text())
    migrated = migrate(v2_path, raw)
    assert raw == before  # the input is not mutated
    assert migrated["meta"]["1"]["schema_version"] == SCHEMA_VERSION
    (dispute,) = migrated["disputes"].values()
    assert dispute["order_id"] == DISPUTED
    assert dispute["description"] == UNRECORDED_DISPUTE
    assert dispute["opened_at"] == raw["meta"]["1"]["clock"]


def test_v2_file_opens_unchanged_then_is_written_as_v3(v2_path: Path) -> None:
    before = v2_path.read_bytes()
    repo = Repository.open(v2_path)
    assert v2_path.read_bytes() == before  # opening never writes
    assert repo.meta.schema_version == SCHEMA_VERSION
    assert repo.meta.settings.dispute_seller_response_days == 5  # new settings: defaults
    dispute = repo.disputes[DISPUTED]
    assert dispute.state is DisputeState.AWAITING_SELLER and dispute.amount.minor == 1865
    settings = repo.meta.settings
    assert advance(repo.state(), repo.meta.clock, settings).events == ()
    later = advance(repo.state(), repo.meta.clock + timedelta(days=5), settings)
    assert [e.kind for e in later.events if e.order_id == DISPUTED] == [
        EventKind.DISPUTE_SELLER_SILENT
    ]
    repo.commit(later.state, later.events)
    repo.close()
    with TinyDB(v2_path) as db:
        assert db.table("meta").all()[0]["schema_version"] == SCHEMA_VERSION
        (stored,) = db.table("disputes").all()
        assert stored["state"] == "refunded"
    reopened = Repository.open(v2_path)
    assert reopened.disputes[DISPUTED].state is DisputeState.REFUNDED
    assert reopened.refunds[DISPUTED].amount.minor == 1865


def test_an_unreadable_in_dispute_order_is_left_for_validation_to_name(tmp_path: Path) -> None:
    raw = json.loads(V2.read_text())
    for order in raw["orders"].values():
        if order["id"] == DISPUTED:
            del order["items"]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(raw))
    with pytest.raises(StoreError, match=f"order {DISPUTED}: items") as error:
        Repository.open(path)
    assert "\n" not in str(error.value)
