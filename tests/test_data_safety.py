"""What a class can throw at the data file: a second window, a corrupt file, a killed app."""

from __future__ import annotations

import os
import pty
import select
import shutil
import signal
import sys
import time
from pathlib import Path

import pytest
from tinydb import TinyDB, where

from tests.conftest import PAID_ORDER, run_cli
from tui.store.demo import demo_path
from tui.store.lock import InstanceLock
from tui.store.repository import Repository

ENTER, DOWN, CTRL_S = b"\r", b"\x1b[B", b"\x13"


def test_second_instance_is_refused_in_one_line(db_path: Path, tmp_path: Path) -> None:
    before = db_path.read_bytes()
    with InstanceLock(db_path):
        for args in (("--db", str(db_path)), ("reset", "--db", str(db_path))):
            result = run_cli(*args, home=tmp_path)
            assert result.returncode == 2
            (line,) = result.stderr.splitlines()
            assert f"{db_path} is already open in another instance (pid {os.getpid()})" in line
    assert db_path.read_bytes() == before


def test_corrupt_file_points_to_its_backup_and_restore_puts_it_back(
    db_path: Path, tmp_path: Path
) -> None:
    repo = Repository.open(db_path)
    repo.save_meta(repo.meta.model_copy(update={"language": "sw"}))  # makes <file>.bak
    repo.close()
    good = db_path.read_bytes()
    db_path.write_bytes(good[: len(good) // 3])  # a torn write, as a crash would leave
    broken = db_path.read_bytes()

    result = run_cli("--db", str(db_path), home=tmp_path)
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert "not valid JSON" in line
    assert line.endswith(f"restore the last good copy with: cancel-order restore --db {db_path}")
    assert db_path.read_bytes() == broken

    result = run_cli("restore", "--db", str(db_path), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert Repository.open(db_path).meta.language == "en"  # the state before the last write
    assert db_path.with_name(db_path.name + ".replaced.1").read_bytes() == broken


def test_restore_without_backup(db_path: Path, tmp_path: Path) -> None:
    result = run_cli("restore", "--db", str(db_path), home=tmp_path)
    assert result.returncode == 2
    assert "no usable backup" in result.stderr


class Terminal:
    """The real app on a pseudo-terminal, driven by bytes, as a person at a keyboard."""

    def __init__(self, db: Path, home: Path) -> None:
        env = {**os.environ, "HOME": str(home), "TERM": "xterm-256color", "COLUMNS": "100"}
        env["LINES"] = "30"
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: become the app
            os.execve(sys.executable, [sys.executable, "-m", "tui", "--db", str(db)], env)
        self.screen = b""

    def read_until(self, text: bytes, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.screen:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"never saw {text!r}")
            ready, _, _ = select.select([self.fd], [], [], remaining)
            if ready:
                try:
                    self.screen += os.read(self.fd, 65536)
                except OSError:
                    break

    def press(self, *keys: bytes) -> None:
        for key in keys:
            os.write(self.fd, key)
            time.sleep(0.25)

    def wait_exit(self, timeout: float = 20) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with _suppress_os_error():
                select.select([self.fd], [], [], 0.1)
                os.read(self.fd, 65536)
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                os.close(self.fd)
                return status
        os.kill(self.pid, signal.SIGKILL)
        raise AssertionError("the app did not exit")


class _suppress_os_error:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return isinstance(exc[1], OSError)


@pytest.mark.parametrize(
    "how",
    [
        "SIGTERM",
        pytest.param("SIGHUP", marks=pytest.mark.slow),
        pytest.param("SIGINT", marks=pytest.mark.slow),
        "ctrl+c",
    ],
)
def test_leaving_abruptly_loses_nothing_shown_as_saved(
    db_path: Path, tmp_path: Path, how: str
) -> None:
    term = Terminal(db_path, tmp_path)
    try:
        term.read_until(b"Wallet balance")
        term.press(ENTER)  # the To ship tile has focus
        term.read_until(b"My orders")
        term.press(DOWN, DOWN, ENTER)
        # Its ship-by date: only the details page shows it (the order number is below the fold).
        term.read_until(b"Until Nov 25, 2026, 14:23")
        term.press(ENTER)  # the Cancel order button has focus
        term.read_until(b"Select a reason")
        term.press(ENTER, CTRL_S)
        term.read_until(b"Cancel this order?")
        term.press(ENTER)
        term.read_until(b"submitted")
    except BaseException:
        os.kill(term.pid, signal.SIGKILL)
        raise
    if how == "ctrl+c":
        term.press(b"\x03")
    else:
        os.kill(term.pid, getattr(signal, how))
    status = term.wait_exit()
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0  # a clean exit, not a crash
    with TinyDB(db_path, access_mode="r") as db:
        (order,) = db.table("orders").search(where("id") == PAID_ORDER)
    assert order["status"] == "cancellation_requested"
    with InstanceLock(db_path):  # the next start is not blocked
        pass


def test_killed_app_leaves_no_lock_behind(db_path: Path, tmp_path: Path) -> None:
    term = Terminal(db_path, tmp_path)
    term.read_until(b"Wallet balance")
    os.kill(term.pid, signal.SIGKILL)
    os.waitpid(term.pid, 0)
    os.close(term.fd)
    result = run_cli("reset", "--db", str(db_path), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert db_path.read_bytes() == demo_path().read_bytes()
    shutil.rmtree(tmp_path / "data", ignore_errors=True)
