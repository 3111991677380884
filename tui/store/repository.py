"""Models in, TinyDB documents out: the only code that writes the DB file."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from tui.domain.meta import Meta
from tui.domain.models import Buyer, Event, Order, Refund, Store
from tui.store.demo import demo_path
from tui.store.errors import ConcurrentChange, StoreError
from tui.store.journal import Changes, append_change, encode_change, remove_journal
from tui.store.keep import keep_copy
from tui.store.load import Loaded, OnDisk, Progress, load, share_field_sets, versions
from tui.store.lock import exclusive_lock
from tui.store.paths import real_path
from tui.store.validate import DROPPED_TABLES, Snapshot, parse_snapshot, read_raw

if TYPE_CHECKING:
    from tui.domain.dispute_models import Dispute
    from tui.domain.state import State
    from tui.store.storage import SafeJSONStorage

# Imported where first used, not needed to show the first page: `tui.domain.state` (and the
# rules it brings), and the writing side, `tui.store.dump` and `tui.store.storage` (TinyDB).

JOURNAL_MIN_BYTES = 256 * 1024
"""The journal is folded into the main file once it outgrows this or a quarter of the file."""

Documents = dict[str, dict[str, BaseModel]]
"""What one save sets: {table: {doc_id: model}}."""


class Repository:
    """An open, validated DB file. Reads come from memory; each change is one durable write.

    A change is appended to the journal beside the file (`tui.store.journal`): the changed
    documents only, one line, flushed to disk. The journal is folded into the main file —
    rewritten whole, atomically, from the models — when it has grown, and when the
    repository is closed, so a file closed cleanly is a plain TinyDB file again.

    One app instance writes a file at a time (the CLI holds `InstanceLock`), but the file
    can still change under us (another `Repository` in the process, a hand edit). Each
    repository notes the versions of the file and its journal (a `stat` each, no parsing)
    as last read or written: `reload_if_changed` catches up when they differ, and a write
    over a file that changed into other valid data raises `ConcurrentChange` and writes
    nothing. A file that became unreadable is written over whole, as before (and, being
    unchecked, not kept as the backup).
    """

    def __init__(self, path: Path, loaded: Loaded) -> None:
        self.path = real_path(path)  # a symlink is written through, never replaced
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self._snapshot = loaded.snapshot
        self._disk = loaded.disk
        self._storage: SafeJSONStorage | None = None
        self._state: State | None = None
        """The last state saved or read, kept with its index of deadlines (`State.due`)."""

    @classmethod
    def open(cls, path: Path, progress: Progress | None = None) -> Repository:
        """Load and validate the file and its journal; raises `StoreError` (one line) and
        writes nothing. ``progress`` hears how far a large file has got."""
        return cls(path, load(real_path(path), progress))

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
    def disputes(self) -> dict[str, Dispute]:
        """By order id: an order has at most one dispute."""
        return self._snapshot.disputes

    @property
    def events(self) -> list[Event]:
        return self._snapshot.events

    def events_of(self, order_id: str) -> list[Event]:
        return [e for e in self._snapshot.events if e.order_id == order_id]

    def state(self) -> State:
        """What the rules work on, as one immutable value."""
        if self._state is None:
            from tui.domain.state import State

            snap = self._snapshot
            self._state = State(snap.buyer, snap.stores, snap.orders, snap.refunds, snap.disputes)
        return self._state

    def reload_if_changed(self) -> bool:
        """Catch up with another writer; raises `StoreError` if the file is now bad.

        Two `stat` calls when nothing changed; the files are read and validated when they did.
        """
        if versions(self.path) == self._disk.version:
            return False
        loaded = load(self.path)
        self._disk = loaded.disk
        if loaded.snapshot == self._snapshot:
            return False  # rewritten with the same data, e.g. folded by another window
        self._snapshot, self._state = loaded.snapshot, None
        return True

    # -- writes --------------------------------------------------------------

    def commit(self, state: State, events: Iterable[Event], meta: Meta | None = None) -> None:
        """Save a new state, its events and optionally the meta record in a single write.

        Only documents that differ from the current ones are written; events are appended.
        """
        snap = self._snapshot
        changed: Documents = {}
        if state.buyer is not snap.buyer and state.buyer != snap.buyer:
            changed["buyer"] = {snap.buyer_doc_id: state.buyer}
        changed["stores"] = {
            snap.store_doc_ids[store_id]: store
            for store_id, store in state.stores.items()
            if store is not snap.stores[store_id] and store != snap.stores[store_id]
        }
        changed["orders"] = {
            snap.order_doc_ids[order_id]: order
            for order_id, order in state.orders.items()
            if order is not snap.orders[order_id] and order != snap.orders[order_id]
        }
        refund_doc_ids = dict(snap.refund_doc_ids)
        changed["refunds"] = {}
        next_refund = _next_doc_id(snap.refund_doc_ids.values())
        for order_id, refund in state.refunds.items():
            previous = snap.refunds.get(order_id)
            if refund is not previous and refund != previous:
                if order_id not in refund_doc_ids:
                    refund_doc_ids[order_id], next_refund = str(next_refund), next_refund + 1
                changed["refunds"][refund_doc_ids[order_id]] = refund
        dispute_doc_ids, changed["disputes"] = _keyed_changes(
            state.disputes, snap.disputes, snap.dispute_doc_ids
        )
        new_events = list(events)
        first_event = _next_doc_id(snap.event_doc_ids)
        event_doc_ids = [str(first_event + n) for n in range(len(new_events))]
        changed["events"] = dict(zip(event_doc_ids, new_events, strict=True))
        if meta is not None:
            changed["meta"] = {snap.meta_doc_id: meta}
        after = replace(
            snap,
            meta=meta or snap.meta,
            buyer=state.buyer,
            stores=dict(state.stores),
            orders=dict(state.orders),
            refunds=dict(state.refunds),
            refund_doc_ids=refund_doc_ids,
            disputes=dict(state.disputes),
            dispute_doc_ids=dispute_doc_ids,
            events=[*snap.events, *new_events],
            event_doc_ids=[*snap.event_doc_ids, *event_doc_ids],
        )
        self._save(after, {table: docs for table, docs in changed.items() if docs})
        self._snapshot, self._state = after, state

    def save_transition(self, order: Order, event: Event) -> None:
        """Store the changed order and its event together, in a single write."""
        self.commit(self.state().with_order(order), [event])

    def save_meta(self, meta: Meta) -> None:
        self.commit(self.state(), [], meta)

    def reset_to_demo(self, language: str) -> Path | None:
        """Replace everything with the bundled demo data (keeping the language), in one write,
        after keeping the file as it was, journal and all (`tui.store.keep`): returns the
        copy's path. Raises `OSError` if either fails; then the file is as it was.

        Deliberate, so it overwrites whatever another window wrote meanwhile.
        """
        from tui.store.storage import serialize

        source = demo_path()
        raw = read_raw(source)
        for table in DROPPED_TABLES:
            raw.pop(table, None)
        (doc_id,) = raw["meta"]
        raw = {**raw, "meta": {doc_id: {**raw["meta"][doc_id], "language": language}}}
        snapshot = parse_snapshot(source, raw)
        with exclusive_lock(self.lock_path):
            kept = keep_copy(self.path)
            self._rewrite([serialize(raw, indent=True)])
        self._snapshot, self._state = snapshot, None
        return kept

    def share_field_sets(self) -> None:
        """Give back the memory of ~150,000 equal field-name sets at 10,000 orders (see
        `load.share_field_sets`); ~0.15 s there, so the app runs it once its first page is up."""
        share_field_sets(self._snapshot)

    def close(self) -> None:
        """Fold the journal into the main file, unless another writer has come since.

        Best effort: if that fails (a full disk), the journal keeps every change.
        """
        if self._disk.journal_length:
            with contextlib.suppress(OSError), exclusive_lock(self.lock_path):
                if versions(self.path) == self._disk.version:
                    self._fold(self._snapshot)
        if self._storage is not None:
            self._storage.close()
            self._storage = None

    def _save(self, after: Snapshot, changed: Documents) -> None:
        """Append the changed documents to the journal, or rewrite the file if it is time."""
        with exclusive_lock(self.lock_path):
            self._check_unchanged()
            disk = self._disk
            line = encode_change(_dumped(changed))
            limit = max(JOURNAL_MIN_BYTES, (disk.main[2] if disk.main else 0) // 4)
            if disk.base is None or disk.journal_length + len(line) > limit:
                self._fold(after)
                return
            disk.journal_length, disk.journal = append_change(
                self.path, disk.base, disk.journal_length, line
            )

    def _fold(self, snapshot: Snapshot) -> None:
        """Rewrite the main file whole from ``snapshot``, then drop the journal it contains."""
        from tui.store.dump import dump

        self._rewrite(dump(snapshot))

    def _rewrite(self, pieces: Iterable[bytes]) -> None:
        """Replace the main file (atomically, keeping the backup) and drop the journal."""
        from tui.store.dump import Digest
        from tui.store.storage import SafeJSONStorage

        if self._storage is None:
            self._storage = SafeJSONStorage(self.path, create=True)
        known_good = self._disk.main if self._disk.base is not None else None
        written = Digest()
        main = self._storage.write_bytes(written.passing(pieces), known_good)
        remove_journal(self.path)
        self._disk = OnDisk(main, str(written))

    def _check_unchanged(self) -> None:
        """Raise `ConcurrentChange` if someone else wrote other valid data since we last
        read or wrote; if they wrote the same data, go on from the files as they are now."""
        if versions(self.path) == self._disk.version:
            return
        try:
            current = load(self.path)
        except StoreError:
            self._disk.base = None  # unreadable now: rewriting it whole loses nothing
            return
        if current.snapshot != self._snapshot:
            raise ConcurrentChange(self.path)
        self._disk = current.disk


def _keyed_changes(
    now: Mapping[str, BaseModel], before: Mapping[str, BaseModel], doc_ids: dict[str, str]
) -> tuple[dict[str, str], dict[str, BaseModel]]:
    """The documents of a table keyed by order id that differ from ``before``, by document
    id (a new one gets the next free id), and the document ids afterwards."""
    doc_ids = dict(doc_ids)
    changed: dict[str, BaseModel] = {}
    next_id = _next_doc_id(doc_ids.values())
    for key, model in now.items():
        previous = before.get(key)
        if model is not previous and model != previous:
            if key not in doc_ids:
                doc_ids[key], next_id = str(next_id), next_id + 1
            changed[doc_ids[key]] = model
    return doc_ids, changed


def _dumped(changed: Documents) -> Changes:
    return {
        table: {doc_id: document(model) for doc_id, model in documents.items()}
        for table, documents in changed.items()
    }


def document(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="json", exclude_defaults=False)


def _next_doc_id(doc_ids: Iterable[str]) -> int:
    return max((int(k) for k in doc_ids), default=0) + 1
