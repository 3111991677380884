"""Loading a large file shows how far it got, on a terminal only (issue 16, item 4)."""

from __future__ import annotations

import io
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

import tui.store.load
from benchmarks.datasets import demo_raw, scale_orders
from tui.progress import DELAY, TerminalProgress
from tui.store.load import PROGRESS_FROM_BYTES, load


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_line_appears_after_the_delay_and_is_erased() -> None:
    stream, clock = FakeTerminal(), Clock()
    with TerminalProgress("orders.json", stream, clock) as progress:
        progress(0.1)
        assert stream.getvalue() == ""  # a quick load says nothing
        clock.now = DELAY + 0.01
        progress(0.45)
        assert stream.getvalue().endswith("\r\x1b[KLoading orders.json: 45% …")
        clock.now += 0.01
        progress(0.46)  # too soon after the last update: not redrawn
        assert "46%" not in stream.getvalue()
    assert stream.getvalue().endswith("\r\x1b[K")  # erased before the app draws


def test_nothing_is_written_where_stderr_is_not_a_terminal() -> None:
    stream, clock = io.StringIO(), Clock()
    with TerminalProgress("orders.json", stream, clock) as progress:
        clock.now = 10
        progress(0.5)
    assert stream.getvalue() == ""


def large_file(
    tmp_path: Path, orders: int = 12_000, *, broken: bool = False, limit: int = PROGRESS_FROM_BYTES
) -> Path:
    raw = scale_orders(demo_raw(), orders)
    if broken:  # the last order: found only once every other one was checked
        last = list(raw["orders"])[-1]
        raw["orders"][last] = {**raw["orders"][last], "status": "teleported"}
    path = tmp_path / "large.json"
    path.write_bytes(orjson.dumps(raw, option=orjson.OPT_INDENT_2))
    assert path.stat().st_size > limit
    return path


def test_a_large_file_reports_its_progress_to_the_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tui.store.load, "PROGRESS_FROM_BYTES", 8 * 1024 * 1024)
    path = large_file(tmp_path, limit=tui.store.load.PROGRESS_FROM_BYTES)
    seen: list[float] = []
    with_progress = load(path, seen.append)
    assert len(seen) > 5 and seen == sorted(seen) and seen[-1] > 0.99
    assert with_progress.snapshot == load(path).snapshot  # the same data either way


@pytest.mark.slow
def test_the_command_line_shows_progress_on_a_terminal_then_one_line(tmp_path: Path) -> None:
    path = large_file(tmp_path, 40_000, broken=True)  # ~55 MB: a second or two to check
    controller, terminal = pty.openpty()
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    child = subprocess.Popen(
        [sys.executable, "-m", "tui", "--db", str(path)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=terminal,
        env=env,
    )
    os.close(terminal)
    seen = b""
    while True:
        ready, _, _ = select.select([controller], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(controller, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    assert child.wait(timeout=60) == 2
    os.close(controller)
    text = seen.decode()
    assert "Loading large.json: " in text and "% …" in text
    shown = text.rsplit("\x1b[K", 1)[1]  # what is left once the progress line is erased
    (line,) = shown.strip().splitlines()
    assert line.startswith(f"cancel-order: error: {path}: table 'orders', order ")
    assert ": status: Input should be 'awaiting_payment'" in line
