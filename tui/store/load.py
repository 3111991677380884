"""Load a DB file and its journal into validated models.

The fast path validates the file's bytes in one call (pydantic's JSON parser straight into
the models, no intermediate dicts), then applies the journal. Whatever it does not accept
(an older schema, a bad document, a file that is not JSON) goes through the careful path in
`tui.store.validate`, which loads it just the same or says what is wrong in one line.
The cyclic garbage collector is paused meanwhile: it would scan the growing heap of new
models again and again (at 10,000 orders, more than half of the loading time).
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from tui.domain.dispute_models import Dispute
from tui.domain.meta import SCHEMA_VERSION, Meta
from tui.domain.models import Buyer, Event, Order, Refund, Store
from tui.store.duplicates import keys_in_data, keys_in_text
from tui.store.errors import StoreError
from tui.store.files import StatKey, digest, journal_path, stat_key
from tui.store.journal import JournalRead, read_journal
from tui.store.migrations import stored_version
from tui.store.validate import (
    DROPPED_TABLES,
    M,
    Snapshot,
    assemble,
    parse_raw,
    parse_snapshot,
    read_file,
)


class _File(BaseModel):
    """The whole file: the tables this program knows, and any other kept as it is."""

    model_config = ConfigDict(extra="allow")

    meta: dict[str, Meta]
    buyer: dict[str, Buyer]
    stores: dict[str, Store]
    orders: dict[str, Order]
    events: dict[str, Event]
    refunds: dict[str, Refund]
    disputes: dict[str, Dispute]


class _Change(BaseModel):
    """One journal line's documents, validated like the file's (and no other table)."""

    model_config = ConfigDict(extra="forbid")

    meta: dict[str, Meta] = {}
    buyer: dict[str, Buyer] = {}
    stores: dict[str, Store] = {}
    orders: dict[str, Order] = {}
    events: dict[str, Event] = {}
    refunds: dict[str, Refund] = {}
    disputes: dict[str, Dispute] = {}


@dataclass
class OnDisk:
    """The files as the repository last read or wrote them: the main file, its journal."""

    main: StatKey | None
    base: str | None
    """The main file's `digest`; None when it must be rewritten whole before anything is
    appended (it was unreadable, or of an older schema)."""
    journal: StatKey | None = None
    journal_length: int = 0

    @property
    def version(self) -> tuple[StatKey | None, StatKey | None]:
        return (self.main, self.journal)


@dataclass
class Loaded:
    snapshot: Snapshot
    disk: OnDisk


def versions(path: Path) -> tuple[StatKey | None, StatKey | None]:
    """The main file's and the journal's versions as they are now: two `stat` calls."""
    return (_stat(path), _stat(journal_path(path)))


Progress = Callable[[float], None]
"""Told the share of the loading done, from 0 to 1 (`tui.progress` shows it)."""

PROGRESS_FROM_BYTES = 32 * 1024 * 1024
"""Files from this size (~22,000 orders as the app writes them, about a second to load)
report their progress while loading: they take the careful path, which checks one document
at a time. Below it the fast path's one call is quicker (10,000 orders: ~0.45 s against
~0.75 s on the careful path) and over before the progress line would show (`tui.progress`:
after half a second)."""


def load(path: Path, progress: Progress | None = None) -> Loaded:
    """Read and validate the file and its journal; raises `StoreError`, writes nothing."""
    reading = None if progress is None else _share(progress, 0.0, 0.2)
    main, data = read_file(path, reading)
    base = digest(data)
    journal = read_journal(path, base)
    large = progress is not None and len(data) >= PROGRESS_FROM_BYTES
    with _collector_paused():
        snapshot = None if large else _fast(path, data, journal)
        if snapshot is not None:
            return Loaded(snapshot, OnDisk(main, base, journal.version, journal.length))
        raw = parse_raw(path, data)
        checking = None if progress is None else _share(progress, 0.4, 1.0)
        snapshot = parse_snapshot(path, raw, journal.changes, checking)
    if stored_version(path, raw) != SCHEMA_VERSION:
        return Loaded(snapshot, OnDisk(main, None))
    return Loaded(snapshot, OnDisk(main, base, journal.version, journal.length))


def _share(progress: Progress, low: float, high: float) -> Callable[[int, int], None]:
    """Reports (done, total) of one stage as the share of the whole between low and high."""

    def report(done: int, total: int) -> None:
        progress(low + (high - low) * (done / total if total else 1.0))

    return report


def share_field_sets(snapshot: Snapshot) -> None:
    """Let every model that set all its fields share one set of field names per class.

    Pydantic gives each model instance its own set of the field names it was given: at
    10,000 orders about 150,000 sets, ~20 MB, nearly all equal (the file holds every field).
    The models are frozen, so nothing adds to a set after validation (a copy gets its own).
    """
    shared: dict[type[BaseModel], set[str]] = {}
    stack: list[BaseModel] = [snapshot.meta, snapshot.buyer]
    for table in (snapshot.stores, snapshot.orders, snapshot.refunds, snapshot.disputes):
        stack.extend(table.values())
    stack.extend(snapshot.events)
    while stack:
        model = stack.pop()
        kind = type(model)
        names = model.__pydantic_fields_set__
        if len(names) == len(kind.model_fields):
            canonical = shared.setdefault(kind, names)
            if canonical is not names:
                object.__setattr__(model, "__pydantic_fields_set__", canonical)
        for value in model.__dict__.values():
            if isinstance(value, BaseModel):
                stack.append(value)
            elif isinstance(value, list | tuple):
                stack.extend(item for item in value if isinstance(item, BaseModel))


def load_snapshot(path: Path) -> Snapshot:
    return load(path).snapshot


def _fast(path: Path, data: bytes, journal: JournalRead) -> Snapshot | None:
    """The snapshot of a current, valid file; None sends the file the careful way."""
    try:
        file = _File.model_validate_json(data)
        changes = [_Change.model_validate(change) for change in journal.changes]
    except ValidationError:
        return None
    extra = {k: v for k, v in (file.model_extra or {}).items() if k not in DROPPED_TABLES}
    known = (
        file.meta,
        file.buyer,
        file.stores,
        file.orders,
        file.events,
        file.refunds,
        file.disputes,
    )
    if not all(_is_table(documents) for documents in extra.values()) or any(
        not doc_id.isdigit() for table in known for doc_id in table
    ):
        return None
    if len(file.meta) != 1 or next(iter(file.meta.values())).schema_version != SCHEMA_VERSION:
        return None
    documents = sum(len(table) for table in known) + keys_in_data(file.model_extra)
    if keys_in_text(data) != documents:
        return None  # a document id twice, perhaps: the careful path looks

    def tables(table: str, model: type[M]) -> dict[str, M]:
        found: dict[str, M] = getattr(file, table)
        for change in changes:
            found = {**found, **getattr(change, table)}
        return found

    try:
        return assemble(path, tables, extra)
    except StoreError:
        return None  # the careful path says it again, the same way


def _is_table(documents: object) -> bool:
    return isinstance(documents, dict) and all(
        isinstance(doc_id, str) and doc_id.isdigit() and isinstance(document, dict)
        for doc_id, document in documents.items()
    )


def _stat(path: Path) -> StatKey | None:
    try:
        return stat_key(os.stat(path))
    except OSError:
        return None


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
