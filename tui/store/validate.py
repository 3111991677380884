"""Validate a DB file's documents one by one, and check what holds across tables.

This is the careful path: its first problem becomes a one-line error. `tui.store.load`
tries a faster path first and comes here when that one fails, or for an old file.
Nothing here writes: a file that fails to load is left exactly as it was.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

import orjson
from pydantic import BaseModel, ValidationError

from tui.domain.dispute_models import Dispute, DisputeState
from tui.domain.meta import Meta
from tui.domain.models import Buyer, Event, Order, Refund, Store
from tui.domain.status import OrderStatus
from tui.store.errors import StoreError
from tui.store.files import StatKey, stat_key
from tui.store.migrations import migrate

M = TypeVar("M", bound=BaseModel)
RawDB = dict[str, dict[str, dict[str, Any]]]
TABLES = ("meta", "buyer", "stores", "orders", "events", "refunds", "disputes")
DROPPED_TABLES = ("glance",)
"""Tables earlier versions of the app wrote for themselves (a start-up cache): read and
dropped, never written back."""


@dataclass
class Snapshot:
    """Everything in the DB as validated models, and the TinyDB document id of each."""

    meta: Meta
    buyer: Buyer
    stores: dict[str, Store]
    orders: dict[str, Order]
    order_doc_ids: dict[str, str]
    events: list[Event] = field(default_factory=list)
    refunds: dict[str, Refund] = field(default_factory=dict)
    """By order id: an order has at most one refund."""
    refund_doc_ids: dict[str, str] = field(default_factory=dict)
    store_doc_ids: dict[str, str] = field(default_factory=dict)
    event_doc_ids: list[str] = field(default_factory=list)
    meta_doc_id: str = "1"
    buyer_doc_id: str = "1"
    extra: RawDB = field(default_factory=dict)
    """Tables this program does not know, kept as they were read."""
    disputes: dict[str, Dispute] = field(default_factory=dict)
    """By order id: an order has at most one dispute in its life."""
    dispute_doc_ids: dict[str, str] = field(default_factory=dict)


class Tables(Protocol):
    """A table's documents as models by document id (validated when first asked for)."""

    def __call__(self, table: str, model: type[M]) -> dict[str, M]: ...


def read_raw(path: Path) -> RawDB:
    """The file's JSON, checked to have TinyDB's shape: {table: {doc_id: {...}}}."""
    return parse_raw(path, read_file(path)[1])


def read_file(path: Path) -> tuple[StatKey, bytes]:
    """The file's bytes, and its version (`stat`) noted before reading: if the file changes
    meanwhile, the version is older than what was read, so the change is noticed later."""
    if path.is_dir():
        raise StoreError(path, "is a directory, not a database file")
    try:
        version = stat_key(os.stat(path))
        return version, path.read_bytes()
    except FileNotFoundError:
        raise StoreError(path, "no such file") from None
    except OSError as error:
        raise StoreError(path, f"cannot read the file ({error.strerror})") from None


def parse_raw(path: Path, data: bytes) -> RawDB:
    """``data`` as JSON of TinyDB's shape, or the `StoreError` saying what is wrong."""
    if not data.strip():
        raise StoreError(path, "the file is empty, not a database")
    try:  # orjson: ~3x faster than json on a 10,000-order file, and no decoded copy
        parsed = orjson.loads(data)
    except orjson.JSONDecodeError:
        parsed = _json_loads(path, data)  # json says what is wrong, or accepts NaN
    if not isinstance(parsed, dict):
        raise StoreError(
            path, f"not a TinyDB database (the top level is {_json_type(parsed)}, not tables)"
        )
    for table, documents in parsed.items():
        if not isinstance(documents, dict):
            raise StoreError(path, f"not a TinyDB database (table '{table}' is not an object)")
        for doc_id, document in documents.items():
            if not doc_id.isdigit() or not isinstance(document, dict):
                raise StoreError(
                    path, f"not a TinyDB database (table '{table}' has a bad document '{doc_id}')"
                )
    return parsed


def _json_loads(path: Path, data: bytes) -> Any:
    """The stdlib parser: its error names line and column, and it reads what orjson refuses
    but a stock TinyDB file may hold (NaN, integers beyond 64 bits)."""
    try:
        return json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise StoreError(path, "not a text file (it is not UTF-8 JSON)") from None
    except json.JSONDecodeError as error:
        raise StoreError(
            path, f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None


def parse_snapshot(path: Path, raw: RawDB, journal: Sequence[RawDB] = ()) -> Snapshot:
    """Validate every table into models, then the changes the journal holds after it."""
    if "meta" not in raw:
        raise StoreError(path, "missing table 'meta'")
    raw = migrate(path, raw)
    for table in TABLES:
        if table not in raw:
            raise StoreError(path, f"missing table '{table}'")

    def tables(table: str, model: type[M]) -> dict[str, M]:
        found = _all(path, raw[table], table, model)
        for change in journal:
            found.update(_all(path, change.get(table, {}), table, model, "its journal: "))
        return found

    extra = {
        table: documents
        for table, documents in raw.items()
        if table not in TABLES and table not in DROPPED_TABLES
    }
    return assemble(path, tables, extra)


def assemble(path: Path, tables: Tables, extra: RawDB) -> Snapshot:
    """Check what must hold across documents and tables; the first problem is the error."""
    meta_doc_id, meta = _single(path, tables, "meta", Meta)
    buyer_doc_id, buyer = _single(path, tables, "buyer", Buyer)
    stores: dict[str, Store] = {}
    store_doc_ids: dict[str, str] = {}
    for doc_id, store in tables("stores", Store).items():
        if store.id in stores:
            raise StoreError(path, f"store '{store.id}' appears twice")
        stores[store.id] = store
        store_doc_ids[store.id] = doc_id
    orders: dict[str, Order] = {}
    order_doc_ids: dict[str, str] = {}
    for doc_id, order in tables("orders", Order).items():
        if order.id in orders:
            raise StoreError(path, f"order {order.id} appears twice")
        if order.store_id not in stores:
            raise StoreError(path, f"order {order.id} names unknown store '{order.store_id}'")
        orders[order.id] = order
        order_doc_ids[order.id] = doc_id
    events = tables("events", Event)
    disputes, dispute_doc_ids = _disputes(path, tables("disputes", Dispute), orders)
    refunds, refund_doc_ids = _refunds(path, tables("refunds", Refund), orders, disputes)
    return Snapshot(
        meta,
        buyer,
        stores,
        orders,
        order_doc_ids,
        list(events.values()),
        refunds,
        refund_doc_ids,
        store_doc_ids,
        list(events),
        meta_doc_id,
        buyer_doc_id,
        extra,
        disputes,
        dispute_doc_ids,
    )


def _refunds(
    path: Path,
    documents: dict[str, Refund],
    orders: dict[str, Order],
    disputes: dict[str, Dispute],
) -> tuple[dict[str, Refund], dict[str, str]]:
    """Refunds keyed by order: one per order, never more than was paid; all of it for a
    closed order, what its dispute settled on for a refunded dispute."""
    refunds: dict[str, Refund] = {}
    doc_ids: dict[str, str] = {}
    for doc_id, refund in documents.items():
        order = orders.get(refund.order_id)
        where = f"table 'refunds', document {doc_id}"
        if order is None:
            raise StoreError(path, f"{where}: refund for unknown order {refund.order_id}")
        if refund.order_id in refunds:
            raise StoreError(path, f"{where}: order {refund.order_id} has a second refund")
        dispute = disputes.get(order.id)
        settled = dispute.refunded if dispute is not None else None
        if settled is not None:
            if refund.amount != settled:
                problem = f"the amount is not what the dispute of order {order.id} settled on"
                raise StoreError(path, f"{where}: {problem}")
        elif order.status is not OrderStatus.CANCELLED or order.paid_at is None:
            raise StoreError(path, f"{where}: order {order.id} is not a closed, paid order")
        elif refund.amount != order.total:
            raise StoreError(path, f"{where}: the amount is not what order {order.id} cost")
        refunds[refund.order_id] = refund
        doc_ids[refund.order_id] = doc_id
    for order_id, dispute in disputes.items():
        if dispute.refunded is not None and order_id not in refunds:
            problem = f"the dispute of order {order_id} was refunded, but there is no refund"
            raise StoreError(path, f"table 'disputes': {problem}")
    return refunds, doc_ids


_ORDER_AFTER: dict[DisputeState, tuple[OrderStatus, ...]] = {
    DisputeState.CANCELLED: (OrderStatus.SHIPPED, OrderStatus.COMPLETED),
    DisputeState.REFUNDED: (OrderStatus.COMPLETED, OrderStatus.CANCELLED),
    DisputeState.CLOSED_FOR_SELLER: (OrderStatus.COMPLETED,),
}
"""The statuses an order may have once its dispute ended (`tui.domain.dispute_settle`)."""


def _disputes(
    path: Path, documents: dict[str, Dispute], orders: dict[str, Order]
) -> tuple[dict[str, Dispute], dict[str, str]]:
    """Disputes keyed by order: one per order, for a shipped, paid order, never asking more
    than was paid; open exactly while the order is in dispute."""
    disputes: dict[str, Dispute] = {}
    doc_ids: dict[str, str] = {}
    for doc_id, dispute in documents.items():
        where = f"table 'disputes', document {doc_id}"
        order = orders.get(dispute.order_id)
        if order is None:
            raise StoreError(path, f"{where}: dispute for unknown order {dispute.order_id}")
        if order.id in disputes:
            raise StoreError(path, f"{where}: order {order.id} has a second dispute")
        if order.shipped_at is None or dispute.opened_at < order.shipped_at:
            raise StoreError(path, f"{where}: opened_at: order {order.id} was not shipped then")
        _check_amounts(path, where, dispute, order)
        status = order.status
        if dispute.is_open and status is not OrderStatus.IN_DISPUTE:
            problem = f"the dispute is {dispute.state.value} but order {order.id} is {status}"
            raise StoreError(path, f"{where}: state: {problem}")
        if not dispute.is_open and status not in _ORDER_AFTER[dispute.state]:
            problem = f"the dispute is {dispute.state.value} but order {order.id} is {status}"
            raise StoreError(path, f"{where}: state: {problem}")
        disputes[order.id] = dispute
        doc_ids[order.id] = doc_id
    for order in orders.values():
        if order.status is OrderStatus.IN_DISPUTE and order.id not in disputes:
            raise StoreError(
                path, f"table 'orders', order {order.id}: status: in dispute, but no dispute"
            )
    return disputes, doc_ids


def _check_amounts(path: Path, where: str, dispute: Dispute, order: Order) -> None:
    """Every amount of a dispute is in the order's currency and at most what was paid."""
    amounts = {"amount": dispute.amount}
    if dispute.counter is not None:
        amounts["counter.amount"] = dispute.counter.amount
    if dispute.outcome is not None:
        amounts["outcome.refund"] = dispute.outcome.refund
    for name, amount in amounts.items():
        if amount.currency != order.currency:
            raise StoreError(path, f"{where}: {name}: not in the currency of order {order.id}")
        if amount.minor > order.paid.minor:
            raise StoreError(path, f"{where}: {name}: more than was paid for order {order.id}")


def _single(path: Path, tables: Tables, table: str, model: type[M]) -> tuple[str, M]:
    documents = tables(table, model)
    if len(documents) != 1:
        raise StoreError(path, f"table '{table}' must hold exactly one document")
    return next(iter(documents.items()))


def _all(
    path: Path, documents: dict[str, Any], table: str, model: type[M], where: str = ""
) -> dict[str, M]:
    models: dict[str, M] = {}
    for doc_id, document in documents.items():
        try:
            models[doc_id] = model.model_validate(document)
        except ValidationError as error:
            first = error.errors()[0]
            field_path = ".".join(str(part) for part in first["loc"]) or "document"
            label = f"order {document.get('id')}" if table == "orders" else f"document {doc_id}"
            problem = f"{where}table '{table}', {label}: {field_path}: {first['msg']}"
            raise StoreError(path, problem) from None
    return models


def _json_type(value: object) -> str:
    names = {list: "a list", str: "a string", int: "a number", float: "a number"}
    return names.get(type(value), "null" if value is None else type(value).__name__)
