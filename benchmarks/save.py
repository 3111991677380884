"""Child process for the saving measure: cancellation requests made durable, timed.

``python -m benchmarks.save OUT DB STORAGE COUNT`` opens DB through the app's repository and
asks for COUNT cancellations (first reason, no note) through ``OrderService.cancel`` — the
call the confirm button makes — each on another order that allows a request. STORAGE is
``ours`` (the repository's own storage: the change appended to the journal) or ``stock``
(the same repository with its write replaced: the changed documents put into TinyDB's
document dicts, kept in memory as TinyDB keeps them, and the whole database written by
TinyDB's ``JSONStorage`` with its defaults), so both save the same change of the same data.
Every call returns only once the change is on disk (both fsync).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from tinydb.storages import JSONStorage

from tui.store.files import file_version
from tui.store.load import OnDisk, load
from tui.store.repository import Documents, Repository, document
from tui.store.validate import Snapshot, read_raw


class StockRepository(Repository):
    """The repository saving through stock ``JSONStorage``: every change rewrites the file."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, load(path))
        self._raw = read_raw(path)
        self._stock = JSONStorage(str(path))

    def _save(self, after: Snapshot, changed: Documents) -> None:
        for table, documents in changed.items():
            for doc_id, model in documents.items():
                self._raw[table][doc_id] = document(model)
        self._stock.write(self._raw)
        self._disk = OnDisk(file_version(self.path), None)  # ours: no reload on the next action

    def close(self) -> None:
        self._stock.close()


def measure(db: Path, storage: str, count: int) -> list[float]:
    from tui.cli import load_for_good
    from tui.domain.clock import SimulatedClock
    from tui.domain.rules import CancelPath
    from tui.domain.status import OrderTab
    from tui.service import OrderService

    # Loaded as the command line loads it (tui/cli.py), for both: otherwise the first
    # saves pay for the garbage collector scanning all the loaded data.
    opener = StockRepository if storage == "stock" else Repository.open
    repository = load_for_good(opener, db)
    service = OrderService(repository, SimulatedClock(repository.meta.clock))
    candidates = [
        order.id
        for order in service.orders_in(OrderTab.ALL)
        if service.cancel_path(order.id) is CancelPath.REQUEST
    ]
    if len(candidates) < count:
        raise SystemExit(f"only {len(candidates)} orders allow a request, {count} wanted")
    reason = service.reasons()[0]
    times = []
    for order_id in candidates[:count]:
        start = time.perf_counter()
        service.cancel(order_id, reason, "", expected=CancelPath.REQUEST)
        times.append((time.perf_counter() - start) * 1000)
    repository.close()
    return times


def main(out: str, db: str, storage: str, count: str) -> None:
    times = measure(Path(db), storage, int(count))
    Path(out).write_text(json.dumps({"save_ms": times}))


if __name__ == "__main__":
    main(*sys.argv[1:])
