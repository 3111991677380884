"""Models in, TinyDB documents out: the only code that writes the DB file."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from tui.domain.meta import Meta
from tui.domain.models import Buyer, Event, Order, Store
from tui.store.storage import SafeJSONStorage, StatKey, file_version
from tui.store.validate import RawDB, Snapshot, load_snapshot

StorageFactory = Callable[[Path], Storage]


def _safe_storage(path: Path, known_good: StatKey | None = None) -> Storage:
    return SafeJSONStorage(path, indent=1, known_good=known_good)


class Repository:
    """An open, validated DB file. Reads come from memory; each change is one file write."""

    def __init__(
        self, path: Path, snapshot: Snapshot, storage_factory: StorageFactory = _safe_storage
    ) -> None:
        self.path = path
        self._snapshot = snapshot
        self._storage_factory = storage_factory
        self._storage: Storage | None = None

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
            version = None  # load_snapshot says what is wrong
        return cls(path, load_snapshot(path), partial(_safe_storage, known_good=version))

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

    def events_of(self, order_id: str) -> list[Event]:
        return [e for e in self._snapshot.events if e.order_id == order_id]

    # -- writes --------------------------------------------------------------

    def save_transition(self, order: Order, event: Event) -> None:
        """Store the changed order and its event together, in a single write."""
        doc_id = self._snapshot.order_doc_ids[order.id]
        raw = self._copy_tables("orders", "events")
        raw["orders"][doc_id] = _document(order)
        raw["events"][_next_doc_id(raw["events"])] = _document(event)
        self._write(raw)
        self._snapshot.orders[order.id] = order
        self._snapshot.events.append(event)

    def save_meta(self, meta: Meta) -> None:
        raw = self._copy_tables("meta")
        (doc_id,) = raw["meta"]
        raw["meta"][doc_id] = _document(meta)
        self._write(raw)
        self._snapshot.meta = meta

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

    def _write(self, raw: RawDB) -> None:
        if self._storage is None:
            self._storage = self._storage_factory(self.path)
        self._storage.write(raw)
        self._snapshot.raw = raw


def _document(model: Order | Event | Meta) -> dict[str, Any]:
    return model.model_dump(mode="json", exclude_defaults=False)


def _next_doc_id(documents: dict[str, Any]) -> str:
    return str(max((int(k) for k in documents), default=0) + 1)
