"""What the tests of `serve` share: the cancel flow's keys, a server in-process or as a
command, and where a session keeps its data file."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

from aiohttp.test_utils import TestClient, TestServer

from tests.conftest import PAID_ORDER
from tui.serve.server import ClassServer, ServeSettings
from tui.store.load import load_snapshot

CANCEL_FLOW_KEYS = ("enter", "down", "down", "enter", "c", "enter", "ctrl+s", "enter")
"""Account (To ship has the focus) → To ship → the third order, PAID_ORDER (awaiting
shipment) → its page → `c` Cancel order → Enter takes the recommended reason → Ctrl+S
submits it → Enter confirms."""
URL_LINE = re.compile(r"on (http://\S+/) ")


@contextlib.asynccontextmanager
async def serve_in_process(tmp_path: Path, **settings: Any) -> AsyncIterator[TestClient[Any, Any]]:
    """A `ClassServer` on a free loopback port, its sessions' folder in `tmp_path/sessions`."""
    temp_root = tmp_path / "sessions"
    temp_root.mkdir(exist_ok=True)
    options = {"host": "127.0.0.1", "port": 0, "wrong_code_delay": 0.0, **settings}
    server = ClassServer(ServeSettings(**options), temp_root)
    async with TestClient(TestServer(server.make_app())) as client:
        yield client


def visitor_files(temp_root: Path) -> list[Path]:
    return sorted(temp_root.glob("visitor-*/orders.json"))


def order_status(db: Path, order_id: str = PAID_ORDER) -> str:
    """The order's status as saved (the file and its journal), read afresh."""
    return str(load_snapshot(db).orders[order_id].status.value)


def wait_for(check: Any, timeout: float = 20.0, what: str = "") -> Any:
    """Poll `check()` until it gives something true."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or check}")
        time.sleep(0.1)


@contextlib.contextmanager
def serve_command(tmp_path: Path, *args: str) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """`cancel-order serve --port 0 ARGS` as a child process; its address; stopped (Ctrl+C)
    at the end. Its temporary folder is under `tmp_path` (TMPDIR)."""
    env = {**os.environ, "TMPDIR": str(tmp_path), "HOME": str(tmp_path)}
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "serve", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    first = process.stdout.readline()
    match = URL_LINE.search(first)
    if match is None:
        process.kill()
        raise AssertionError(f"serve did not start: {first!r} {process.communicate()}")
    try:
        yield process, match.group(1)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
