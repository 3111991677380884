"""The store: the demo data loads, changes are one write readable by stock TinyDB,
and every kind of bad file is refused with one line, the file left as it was."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from tinydb import TinyDB, where

from tests.conftest import PAID_ORDER, VERIFYING_ORDER
from tui.domain.reasons import CancelReason
from tui.domain.rules import cancel
from tui.domain.status import OrderStatus
from tui.store.demo import demo_path
from tui.store.errors import StoreError
from tui.store.repository import Repository

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def test_demo_data_is_rich_enough() -> None:
    repo = Repository.open(demo_path())
    orders = list(repo.orders.values())
    assert len(orders) >= 14
    assert {o.status for o in orders} == set(OrderStatus)
    assert len({o.store_id for o in orders}) >= 5
    assert {o.payment_method.value for o in orders} >= {"card", "wallet", "cash_on_delivery"}
    assert sum(len(o.items) > 1 for o in orders) >= 3
    titles = [i.title for o in orders for i in o.items]
    assert any("[" in t and "]" in t for t in titles)
    assert any(not t.isascii() for t in titles)
    assert any(len(t) > 80 for t in titles)
    assert len({o.currency for o in orders}) == 1


def test_demo_file_is_stock_tinydb() -> None:
    with TinyDB(demo_path(), access_mode="r") as db:
        orders = db.table("orders").all()
    assert all({"id", "status"} <= set(o) for o in orders)


def test_save_transition_round_trip(db_path: Path) -> None:
    repo = Repository.open(db_path)
    order = repo.orders[PAID_ORDER]
    transition = cancel(order, CancelReason.WRONG_ITEM, "size [XL]", NOW)
    repo.save_transition(transition.order, transition.event)
    repo.close()

    reopened = Repository.open(db_path)
    assert reopened.orders[PAID_ORDER] == transition.order
    assert reopened.events_of(PAID_ORDER)[-1] == transition.event
    assert reopened.orders.keys() == repo.orders.keys()
    with TinyDB(db_path) as db:
        (stored,) = db.table("orders").search(where("id") == PAID_ORDER)
        assert stored["status"] == "cancellation_requested"
        assert stored["cancellation"]["note"] == "size [XL]"


def _write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, str):
        content = content.encode()
    path.write_bytes(content)
    return path


def _demo_with(change) -> str:  # type: ignore[no-untyped-def]
    data = json.loads(demo_path().read_text())
    change(data)
    return json.dumps(data)


BAD_FILES = {
    "empty": ("", "empty"),
    "not json": ("{orders: nope", "not valid JSON (line 1"),
    "truncated": (demo_path().read_text()[:500], "not valid JSON"),
    "trailing garbage": (demo_path().read_text() + "}garbage", "not valid JSON"),
    "list at top": ("[1, 2]", "top level is a list"),
    "table not object": ('{"orders": []}', "table 'orders' is not an object"),
    "bad document id": ('{"orders": {"x": {}}}', "bad document 'x'"),
    "missing table": (_demo_with(lambda d: d.pop("stores")), "missing table 'stores'"),
    "unknown status": (
        _demo_with(lambda d: d["orders"]["1"].update(status="lost")),
        "order 8197345062114523: status",
    ),
    "negative money": (
        _demo_with(lambda d: d["orders"]["1"]["shipping"].update(minor=-5)),
        "shipping.minor",
    ),
    "float money": (
        _demo_with(lambda d: d["orders"]["1"]["shipping"].update(minor=1.5)),
        "shipping.minor",
    ),
    "missing field": (
        _demo_with(lambda d: d["orders"]["1"].pop("status")),
        "status: Field required",
    ),
    "newer schema": (
        _demo_with(lambda d: d["meta"]["1"].update(schema_version=99)),
        "newer version of this program",
    ),
    "bad setting": (
        _demo_with(lambda d: d["meta"]["1"]["settings"].update(seller_response_hours=0)),
        "settings.seller_response_hours",
    ),
    "not utf-8": (b"\xff\xfe{\x00", "not a text file"),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_bad_files_are_refused_in_one_line_and_left_unchanged(tmp_path: Path, name: str) -> None:
    content, expected = BAD_FILES[name]
    path = _write(tmp_path / "bad.json", content)
    before = path.read_bytes()
    with pytest.raises(StoreError) as error:
        Repository.open(path)
    message = str(error.value)
    assert message.startswith(str(path) + ": ")
    assert expected in message
    assert "\n" not in message
    assert path.read_bytes() == before


def test_directory_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory"):
        Repository.open(tmp_path)
    with pytest.raises(StoreError, match="no such file"):
        Repository.open(tmp_path / "nope.json")


def test_unreadable_file(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run as root in CI, where chmod can't stop a read: make the read fail instead."""

    def refuse(path: object, flags: int, mode: int = 0o777) -> int:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("tui.store.reading.os.open", refuse)
    with pytest.raises(StoreError, match=r"cannot read the file \(Permission denied\)"):
        Repository.open(db_path)


def test_first_save_trusts_the_version_it_validated_and_only_that(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The backup check parses the file only when it is not the version validated at open."""
    import tui.store.storage as storage

    parsed: list[Path] = []
    real_parse = storage.parse

    def counting_parse(raw: bytes, path: Path) -> storage.Data | None:
        parsed.append(path)
        return real_parse(raw, path)

    monkeypatch.setattr(storage, "parse", counting_parse)
    repo = Repository.open(db_path)
    transition = cancel(repo.orders[PAID_ORDER], CancelReason.WRONG_ITEM, "", NOW)
    repo.save_transition(transition.order, transition.event)
    repo.close()
    assert parsed == []
    assert json.loads(db_path.with_name(db_path.name + ".bak").read_bytes()) == json.loads(
        demo_path().read_bytes()
    )

    repo = Repository.open(db_path)
    db_path.write_bytes(b"{ not json")  # changed after it was validated: not kept as backup
    backup = db_path.with_name(db_path.name + ".bak").read_bytes()
    transition = cancel(repo.orders[VERIFYING_ORDER], CancelReason.WRONG_ITEM, "", NOW)
    repo.save_transition(transition.order, transition.event)
    repo.close()
    assert parsed == [db_path]
    assert db_path.with_name(db_path.name + ".bak").read_bytes() == backup


def test_shared_field_name_sets_change_nothing_a_model_says(db_path: Path) -> None:
    """After sharing, equal sets are one object; copies and saves behave as before."""
    repo = Repository.open(db_path)
    before = {oid: o.model_dump(mode="json") for oid, o in repo.orders.items()}
    repo.share_field_sets()
    orders = list(repo.orders.values())
    assert len({id(o.__pydantic_fields_set__) for o in orders}) < len(orders)
    assert {oid: o.model_dump(mode="json") for oid, o in repo.orders.items()} == before
    first, second = orders[0], orders[1]
    shared = second.__pydantic_fields_set__
    copied = first.model_copy(update={"reviewed": True})
    assert copied.reviewed and second.__pydantic_fields_set__ is shared
    assert shared == set(type(second).model_fields)
    order = repo.orders[PAID_ORDER]
    transition = cancel(order, CancelReason.NO_LONGER_NEEDED, "", NOW)
    repo.save_transition(transition.order, transition.event)
    repo.close()
    assert Repository.open(db_path).orders[PAID_ORDER].status is transition.order.status
    assert transition.order.status is not order.status
