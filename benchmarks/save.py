"""Child process for the saving measure: cancellation requests made durable, timed.

``python -m benchmarks.save OUT DB STORAGE COUNT`` opens DB through the app's repository and
asks for COUNT cancellations (first reason, no note) through ``OrderService.cancel`` — the
call the confirm button makes — each on another order that allows a request. STORAGE is
``ours`` (the repository's own storage) or ``stock`` (TinyDB's ``JSONStorage`` with its
defaults, plugged into the same repository), so both save the same change of the same data.
Every call returns only once the change is on disk (both fsync).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def measure(db: Path, storage: str, count: int) -> list[float]:
    from tinydb.storages import JSONStorage

    from tui.domain.clock import SimulatedClock
    from tui.domain.rules import CancelPath
    from tui.domain.status import OrderTab
    from tui.service import OrderService
    from tui.store.repository import Repository
    from tui.store.validate import load_snapshot

    if storage == "stock":
        repository = Repository(db, load_snapshot(db), lambda path: JSONStorage(str(path)))
    else:
        repository = Repository.open(db)
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
