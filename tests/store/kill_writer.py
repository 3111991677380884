"""Subprocess helper for the storage tests: things that must happen in another process.

    kill_writer.py write PATH {safe,stock} START BASE   write state(START), state(START+1), ...
                                                        forever; prints "ready" after the first
    kill_writer.py increment PATH N                     prints "ready", waits for a stdin line,
                                                        then adds 1 to a counter N times, each
                                                        in its own transaction()
    kill_writer.py hold-lock PATH                       takes the InstanceLock, prints "locked",
                                                        and holds it until killed
    kill_writer.py journal PATH                         opens PATH (an app DB) as the app does and
                                                        moves its clock one minute per change,
                                                        forever, folding the journal every few
                                                        changes; prints "ready", then the new
                                                        clock once each change is durable

The parent SIGKILLs writers at random moments, so every state must be recognisable whole:
``state(gen, base)`` is fully determined by ``gen``. ``spawn`` and ``expect_line`` are the
parent's side, kept here beside the commands they drive.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import JSONStorage, Storage
from tinydb.table import Document

from tui.store.lock import InstanceLock
from tui.store.storage import SafeJSONStorage

ROOT = Path(__file__).resolve().parents[2]


def state(gen: int, base: int) -> dict[str, dict[str, Any]]:
    """The database as of generation ``gen``; its size alternates so in-place writes shrink."""
    count = base + (gen % 2) * (base // 2)
    docs = {
        str(i): {"gen": gen, "i": i, "text": f"{gen}:{i} Habari 👋 مرحبا"}
        for i in range(1, count + 1)
    }
    return {"_default": docs, "meta": {"1": {"gen": gen, "count": count}}}


def spawn(*args: str) -> subprocess.Popen[str]:
    """Parent side: run this script with ``args``, importable from the checkout."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    return subprocess.Popen(
        [sys.executable, __file__, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )


def expect_line(proc: subprocess.Popen[str], line: str) -> None:
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == line, f"helper {proc.args!r} did not say {line!r}"


def write_forever(path: str, kind: str, start: int, base: int) -> None:
    storage: Storage = SafeJSONStorage(path, create=True) if kind == "safe" else JSONStorage(path)
    gen = start
    storage.write(state(gen, base))
    print("ready", flush=True)
    while True:
        gen += 1
        storage.write(state(gen, base))


def increment(path: str, times: int) -> None:
    db = TinyDB(path, storage=SafeJSONStorage, create=True)
    storage = db.storage
    assert isinstance(storage, SafeJSONStorage)
    table = db.table("counter", cache_size=0)  # the query cache would hide others' writes
    print("ready", flush=True)
    sys.stdin.readline()
    for _ in range(times):
        with storage.transaction():
            doc = table.get(doc_id=1)
            value = doc["n"] if isinstance(doc, Document) else 0
            table.upsert(Document({"n": value + 1}, doc_id=1))


def hold_lock(path: str) -> None:
    lock = InstanceLock(path)
    lock.acquire()
    print("locked", flush=True)
    while True:
        time.sleep(60)


def move_clock_forever(path: str) -> None:
    from datetime import timedelta

    import tui.store.repository as repository

    repository.JOURNAL_MIN_BYTES = 4096  # fold every few changes, so kills land in folds too
    repo = repository.Repository.open(Path(path))
    print("ready", flush=True)
    while True:
        meta = repo.meta
        repo.save_meta(meta.model_copy(update={"clock": meta.clock + timedelta(minutes=1)}))
        print(repo.meta.clock.isoformat(), flush=True)


def main(argv: list[str]) -> None:
    command, path, *rest = argv
    if command == "write":
        write_forever(path, rest[0], int(rest[1]), int(rest[2]))
    elif command == "increment":
        increment(path, int(rest[0]))
    elif command == "hold-lock":
        hold_lock(path)
    elif command == "journal":
        move_clock_forever(path)
    else:
        raise SystemExit(f"unknown command {command!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
