"""InstanceLock: one writer per database file, and no stale lock after a crash."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from tests.store.kill_writer import expect_line, spawn
from tui.store.lock import DatabaseInUse, InstanceLock, LockTimeoutError, exclusive_lock


def test_second_acquire_in_same_process_is_refused_with_pid(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    with InstanceLock(db) as first:
        assert first.held
        with pytest.raises(DatabaseInUse) as info:
            InstanceLock(db).acquire()
    message = str(info.value)
    assert str(db) in message and f"pid {os.getpid()}" in message
    assert "\n" not in message
    assert info.value.pid == os.getpid()
    assert not first.held


def test_release_frees_the_lock_and_clears_the_pid(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    lock = InstanceLock(db)
    lock.acquire()
    assert lock.lock_path.read_text().strip() == str(os.getpid())
    lock.release()
    lock.release()  # releasing twice is harmless
    assert lock.lock_path.read_text() == ""
    with InstanceLock(db):
        pass


def test_acquiring_twice_on_one_object_is_a_bug(tmp_path: Path) -> None:
    with InstanceLock(tmp_path / "db.json") as lock, pytest.raises(RuntimeError):
        lock.acquire()


def test_other_process_holds_until_sigkilled(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    holder = spawn("hold-lock", str(db))
    try:
        expect_line(holder, "locked")
        with pytest.raises(DatabaseInUse) as info:
            InstanceLock(db).acquire()
        assert str(db) in str(info.value)
        assert info.value.pid == holder.pid
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    with InstanceLock(db) as lock:  # the kernel dropped the dead holder's flock
        assert lock.held


def test_exclusive_lock_times_out_while_held(tmp_path: Path) -> None:
    path = tmp_path / "db.json.lock"
    with exclusive_lock(path), pytest.raises(LockTimeoutError), exclusive_lock(path, 0.05):
        pass
    with exclusive_lock(path, 0.05):
        pass
