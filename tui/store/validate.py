"""Validate a DB file's documents one by one, and check what holds across tables.

This is the careful path: its first problem becomes a one-line error. `tui.store.load`
tries a faster path first and comes here when that one fails, or for an old file.
Nothing here writes: a file that fails to load is left exactly as it was.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

import orjson
from pydantic import BaseModel, ValidationError

from tui.domain.dispute_models import Dispute
from tui.domain.meta import SCHEMA_VERSION, Meta
from tui.domain.models import Buyer, Event, Order, Refund, Store
from tui.store.cross_checks import check_disputes, check_orders, check_refunds, check_wallet
from tui.store.duplicates import first_duplicate, keys_in_data, keys_in_text
from tui.store.errors import StoreError
from tui.store.files import StatKey
from tui.store.migrations import migrate
from tui.store.reading import Reading, read_regular

M = TypeVar("M", bound=BaseModel)
RawDB = dict[str, dict[str, dict[str, Any]]]
TABLES = ("meta", "buyer", "stores", "orders", "events", "refunds", "disputes")
MAX_DEPTH = 1024
"""How deep orjson reads nested JSON; a data file needs six levels. Deeper is refused in
one line, never handed to the recursive stdlib parser."""
TOO_DEEP = f"not a TinyDB database (nested more than {MAX_DEPTH} levels deep)"
_TOO_DEEP = "depth limit exceeded"
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


def read_file(path: Path, reading: Reading | None = None) -> tuple[StatKey, bytes]:
    """The file's bytes, and its version (`stat`) noted before reading: if the file changes
    meanwhile, the version is older than what was read, so the change is noticed later.
    Only a regular file of a bounded size is read (`tui.store.reading`)."""
    try:
        return read_regular(path, reading=reading)
    except FileNotFoundError:
        raise StoreError(path, "no such file") from None


def parse_raw(path: Path, data: bytes) -> RawDB:
    """``data`` as JSON of TinyDB's shape, or the `StoreError` saying what is wrong."""
    if not data.strip():
        raise StoreError(path, "the file is empty, not a database")
    try:  # orjson: ~3x faster than json on a 10,000-order file, and no decoded copy
        parsed = orjson.loads(data)
    except orjson.JSONDecodeError as error:
        if str(error).startswith(_TOO_DEEP):  # json would recurse until Python gives up
            raise StoreError(path, TOO_DEEP) from None
        parsed = _json_loads(path, data)  # json says what is wrong, or accepts NaN
    if not isinstance(parsed, dict):
        raise StoreError(
            path, f"not a TinyDB database (the top level is {_json_type(parsed)}, not tables)"
        )
    if keys_in_text(data) != keys_in_data(parsed):
        duplicate = first_duplicate(data)
        if duplicate is not None:
            raise StoreError(path, duplicate)
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
    except RecursionError:
        raise StoreError(path, TOO_DEEP) from None
    except UnicodeDecodeError:
        raise StoreError(path, "not a text file (it is not UTF-8 JSON)") from None
    except json.JSONDecodeError as error:
        raise StoreError(
            path, f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None


def parse_snapshot(
    path: Path, raw: RawDB, journal: Sequence[RawDB] = (), checking: Reading | None = None
) -> Snapshot:
    """Validate every table into models, then the changes the journal holds after it;
    ``checking`` hears (documents checked, documents in all) as it goes."""
    if "meta" not in raw:
        raise StoreError(path, "missing table 'meta'")
    raw = migrate(path, raw)
    for table in TABLES:
        if table not in raw:
            raise StoreError(path, f"missing table '{table}'")
    for number, change in enumerate(journal, start=2):
        for table in change:
            if table not in TABLES:
                where = f"its journal: line {number}"
                raise StoreError(path, f"{where}: table '{table}' is not one this app writes")
    counter = _Counter(
        checking,
        sum(len(raw[t]) for t in TABLES)
        + sum(len(docs) for change in journal for docs in change.values()),
    )

    def tables(table: str, model: type[M]) -> dict[str, M]:
        found = _all(path, raw[table], table, model, counter=counter)
        for number, change in enumerate(journal, start=2):
            where = f"its journal: line {number}: "
            found.update(_all(path, change.get(table, {}), table, model, where, counter))
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
    if meta.schema_version != SCHEMA_VERSION:  # the file is migrated: its journal set it
        problem = f"schema_version {meta.schema_version} is not this file's ({SCHEMA_VERSION})"
        raise StoreError(path, f"its journal: table 'meta', document {meta_doc_id}: {problem}")
    buyer_doc_id, buyer = _single(path, tables, "buyer", Buyer)
    stores: dict[str, Store] = {}
    store_doc_ids: dict[str, str] = {}
    for doc_id, store in tables("stores", Store).items():
        if store.id in stores:
            where = f"table 'stores', documents {store_doc_ids[store.id]} and {doc_id}"
            raise StoreError(path, f"{where}: store '{store.id}' appears twice")
        stores[store.id] = store
        store_doc_ids[store.id] = doc_id
    orders: dict[str, Order] = {}
    order_doc_ids: dict[str, str] = {}
    for doc_id, order in tables("orders", Order).items():
        if order.id in orders:
            where = f"table 'orders', documents {order_doc_ids[order.id]} and {doc_id}"
            raise StoreError(path, f"{where}: order {order.id} appears twice")
        if order.store_id not in stores:
            raise StoreError(path, f"order {order.id} names unknown store '{order.store_id}'")
        orders[order.id] = order
        order_doc_ids[order.id] = doc_id
    events = tables("events", Event)
    disputes, dispute_doc_ids = check_disputes(path, tables("disputes", Dispute), orders)
    refunds, refund_doc_ids = check_refunds(path, tables("refunds", Refund), orders, disputes)
    check_orders(path, orders, disputes)
    check_wallet(path, buyer_doc_id, buyer, orders, refunds)
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


def _single(path: Path, tables: Tables, table: str, model: type[M]) -> tuple[str, M]:
    documents = tables(table, model)
    if len(documents) != 1:
        raise StoreError(path, f"table '{table}' must hold exactly one document")
    return next(iter(documents.items()))


class _Counter:
    """Counts documents checked, telling ``checking`` every `EVERY` of them."""

    EVERY = 2000

    def __init__(self, checking: Reading | None, total: int) -> None:
        self.checking, self.total, self.done = checking, total, 0

    def add(self, count: int) -> None:
        before, self.done = self.done, self.done + count
        if self.checking is not None and before // self.EVERY != self.done // self.EVERY:
            self.checking(self.done, self.total)


def _all(
    path: Path,
    documents: dict[str, Any],
    table: str,
    model: type[M],
    where: str = "",
    counter: _Counter | None = None,
) -> dict[str, M]:
    models: dict[str, M] = {}
    for doc_id, document in documents.items():
        if counter is not None:
            counter.add(1)
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
