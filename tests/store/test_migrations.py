"""A version-1 file (the first release's demo data) opens as version 2 and stays usable."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from tinydb import TinyDB

from tui.domain.meta import SCHEMA_VERSION
from tui.domain.models import EventKind
from tui.domain.reasons import CancelReason
from tui.domain.rules import cancel
from tui.store.errors import StoreError
from tui.store.migrations import MIGRATIONS, migrate
from tui.store.repository import Repository

V1 = Path(__file__).parent / "fixtures" / "demo_v1.json"


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
    assert SCHEMA_VERSION == 2
    assert sorted(MIGRATIONS) == list(range(1, SCHEMA_VERSION))


def test_migration_adds_refunds_and_names_event_kinds(v1_path: Path) -> None:
    raw = json.loads(v1_path.read_text())
    before = json.loads(v1_path.read_text())
    migrated = migrate(v1_path, raw)
    assert raw == before  # the input is not mutated
    assert migrated["meta"]["1"]["schema_version"] == 2
    assert migrated["refunds"] == {}
    kinds = [e["kind"] for e in migrated["events"].values()]
    assert kinds == ["requested", "seller_agreed", "requested"]


def test_v1_file_opens_unchanged_then_is_written_as_v2(v1_path: Path) -> None:
    before = v1_path.read_bytes()
    repo = Repository.open(v1_path)
    assert v1_path.read_bytes() == before  # opening never writes
    assert repo.meta.schema_version == 2
    assert repo.meta.settings.processing_days == 7  # new settings take their defaults
    assert repo.refunds == {}
    assert [e.kind for e in repo.events][:2] == [EventKind.REQUESTED, EventKind.SELLER_AGREED]
    order = repo.orders["8197345062098812"]
    transition = cancel(order, CancelReason.WRONG_ITEM, "", repo.meta.clock)
    repo.save_transition(transition.order, transition.event)
    repo.close()
    with TinyDB(v1_path) as db:
        assert db.table("meta").all()[0]["schema_version"] == 2
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
