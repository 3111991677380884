"""Models in, TinyDB documents out: the only code that writes the DB file."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from tinydb.storages import Storage

from tui.domain.meta import Meta
from tui.domain.models import Buyer, Event, Order, Refund, Store
from tui.domain.state import State
from tui.store.demo import demo_path
from tui.store.errors import ConcurrentChange, StoreError
from tui.store.storage import SafeJSONStorage, StatKey, file_version
from tui.store.validate import RawDB, Snapshot, parse_snapshot, read_raw

StorageFactory = Callable[[Path], Storage]


def _safe_storage(path: Path, known_good: StatKey | None = None) -> Storage:
    return SafeJSONStorage(path, indent=1, known_good=known_good)


class Repository:
    """An open, validated DB file. Reads come from memory; each change is one file write.

    One app instance writes a file at a time (the CLI holds `InstanceLock`), but the file
    can still change under us (another `Repository` in the process, a hand edit). Each
    repository notes the file's version (a `stat`, no parsing) as last read or written:
    `reload_if_changed` catches up when it differs, and a write over a file that changed into
    other valid data raises `ConcurrentChange` and writes nothing. A file that became
    unreadable is written over, as before (and, being unchecked, not kept as the backup).
    """

    def __init__(
        self,
        path: Path,
        snapshot: Snapshot,
        storage_factory: StorageFactory = _safe_storage,
        on_disk: RawDB | None = None,
        version: StatKey | None = None,
    ) -> None:
        self.path = path
        self._snapshot = snapshot
        self._storage_factory = storage_factory
        self._storage: Storage | None = None
        self._on_disk = on_disk if on_disk is not None else snapshot.raw
        """The file as last read or written (before migration), to notice other writers."""
        self._version = version if version is not None else _version_of(path)
        self._state: State | None = None
        """The last state saved or read, kept with its index of deadlines (`State.due`)."""

    @classmethod
    def open(cls, path: Path) -> Repository:
        """Load and validate the file; raises `StoreError` (one line) and writes nothing.

        The file's version is noted before reading, so the first save need not parse the file
        again to know it is good to keep as the backup (350 ms at 10,000 orders); if it
        changes meanwhile, the versions differ and the storage checks it as before.
        """
        try:
            version: StatKey | None = file_version(path)
        except OSError:
            version = None  # read_raw says what is wrong
        raw = read_raw(path)
        storage = partial(_safe_storage, known_good=version)
        return cls(path, parse_snapshot(path, raw), storage, on_disk=raw, version=version)

    # -- reads ---------------------------------------------------------------

    @property
    def meta(self) -> Meta:
        return self._snapshot.meta

    @property
    def buyer(self) -> Buyer:
        return self._snapshot.buyer

    @property
    def stores(self) -> dict[str, Store]:
        return self._snapshot.stores

    @property
    def orders(self) -> dict[str, Order]:
        return self._snapshot.orders

    @property
    def refunds(self) -> dict[str, Refund]:
        return self._snapshot.refunds

    @property
    def events(self) -> list[Event]:
        return self._snapshot.events

    def events_of(self, order_id: str) -> list[Event]:
        return [e for e in self._snapshot.events if e.order_id == order_id]

    def state(self) -> State:
        """What the rules work on, as one immutable value."""
        if self._state is None:
            snap = self._snapshot
            self._state = State(snap.buyer, snap.stores, snap.orders, snap.refunds)
        return self._state

    def reload_if_changed(self) -> bool:
        """Catch up with another writer; raises `StoreError` if the file is now bad.

        A `stat` when nothing changed; the file is read and validated only when it did.
        """
        version = _version_of(self.path)
        if version is not None and version == self._version:
            return False
        raw = read_raw(self.path)
        changed = raw != self._on_disk
        if changed:
            self._snapshot = parse_snapshot(self.path, raw)
            self._state = None
            self._on_disk = raw
        self._version = version
        return changed

    # -- writes --------------------------------------------------------------

    def commit(self, state: State, events: Iterable[Event], meta: Meta | None = None) -> None:
        """Save a new state, its events and optionally the meta record in a single write.

        Only documents that differ from the current ones are replaced; events are appended.
        """
        snap = self._snapshot
        raw = self._copy_tables("buyer", "stores", "orders", "refunds", "events", "meta")
        if state.buyer is not snap.buyer and state.buyer != snap.buyer:
            (doc_id,) = raw["buyer"]
            raw["buyer"][doc_id] = _document(state.buyer)
        for store_id, store in state.stores.items():
            if store is not snap.stores[store_id] and store != snap.stores[store_id]:
                raw["stores"][snap.store_doc_ids[store_id]] = _document(store)
        for order_id, order in state.orders.items():
            if order is not snap.orders[order_id] and order != snap.orders[order_id]:
                raw["orders"][snap.order_doc_ids[order_id]] = _document(order)
        refund_doc_ids = dict(snap.refund_doc_ids)
        for order_id, refund in state.refunds.items():
            previous = snap.refunds.get(order_id)
            if refund is not previous and refund != previous:
                doc_id = refund_doc_ids.get(order_id) or _next_doc_id(raw["refunds"])
                raw["refunds"][doc_id] = _document(refund)
                refund_doc_ids[order_id] = doc_id
        new_events = list(events)
        for event in new_events:
            raw["events"][_next_doc_id(raw["events"])] = _document(event)
        if meta is not None:
            (doc_id,) = raw["meta"]
            raw["meta"][doc_id] = _document(meta)
        self._write(raw)
        snap.buyer = state.buyer
        snap.stores = dict(state.stores)
        snap.orders = dict(state.orders)
        snap.refunds = dict(state.refunds)
        snap.refund_doc_ids = refund_doc_ids
        snap.events = [*snap.events, *new_events]
        if meta is not None:
            snap.meta = meta
        self._state = state

    def save_transition(self, order: Order, event: Event) -> None:
        """Store the changed order and its event together, in a single write."""
        self.commit(self.state().with_order(order), [event])

    def save_meta(self, meta: Meta) -> None:
        self.commit(self.state(), [], meta)

    def reset_to_demo(self, language: str) -> None:
        """Replace everything with the bundled demo data (keeping the language), in one write.

        Deliberate, so it overwrites whatever another window wrote meanwhile.
        """
        source = demo_path()
        raw = read_raw(source)
        (doc_id,) = raw["meta"]
        raw = {**raw, "meta": {doc_id: {**raw["meta"][doc_id], "language": language}}}
        snapshot = parse_snapshot(source, raw)
        self._write(snapshot.raw, check=False)
        self._snapshot = snapshot
        self._state = None

    def close(self) -> None:
        if self._storage is not None:
            self._storage.close()
            self._storage = None

    def _copy_tables(self, *tables: str) -> RawDB:
        """A new top-level dict sharing untouched tables, so a failed write changes nothing."""
        raw = dict(self._snapshot.raw)
        for table in tables:
            raw[table] = dict(raw[table])
        return raw

    def _write(self, raw: RawDB, *, check: bool = True) -> None:
        if check and self._changed_into_other_data():
            raise ConcurrentChange(self.path)
        if self._storage is None:
            self._storage = self._storage_factory(self.path)
        self._storage.write(raw)
        self._snapshot.raw = raw
        self._on_disk = raw
        self._version = _version_of(self.path)

    def _changed_into_other_data(self) -> bool:
        """Whether someone else wrote other valid data since we last read or wrote the file."""
        if _version_of(self.path) == self._version:
            return False
        try:
            current = read_raw(self.path)
        except StoreError:
            return False  # unreadable now: writing good data over it loses nothing
        return current != self._on_disk


def _version_of(path: Path) -> StatKey | None:
    try:
        return file_version(path)
    except OSError:
        return None


def _document(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="json", exclude_defaults=False)


def _next_doc_id(documents: dict[str, Any]) -> str:
    return str(max((int(k) for k in documents), default=0) + 1)
