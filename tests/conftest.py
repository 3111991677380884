"""Shared fixtures: a fresh copy of the demo DB per test, and the app built on it."""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tui.store.demo import demo_path

# Scrolls and highlights move at once instead of gliding: the end state a test checks is the
# same, without waiting for (and drawing) each step of an animation.
os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
# Keep compiled modules (a machine may set PYTHONDONTWRITEBYTECODE): each test process
# imports the whole app and every test module, and compiling them all again costs seconds.
sys.dont_write_bytecode = False


def pytest_collection_finish(session: pytest.Session) -> None:
    """Keep what collection imported out of the garbage collector's way, and run it less
    often: the walks build and drop many small objects, and each full collection scans
    every module and widget there is. (A test's time is the app's, not the collector's.)"""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 50, 100)


# Orders of the bundled demo data that tests walk through, one per interesting status.
PAID_ORDER = "8197345062098812"  # awaiting_shipment, card
UNPAID_ORDER = "8197345062114523"  # awaiting_payment
VERIFYING_ORDER = "8197345062120046"  # payment_verifying
SHIPPED_ORDER = "8197345062051198"  # shipped
PENDING_ORDER = "8197345062076631"  # cancellation_requested
COMPLETED_ORDER = "8197345062018850"  # completed
CANCELLED_ORDER = "8197345062060417"  # cancelled


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A private copy of the bundled demo DB."""
    target = tmp_path / "orders.json"
    shutil.copyfile(demo_path(), target)
    return target


def run_cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """`python -m tui ARGS` in a child process with a private HOME (so the per-user file
    lands in `home/data`), no terminal on stdin, and a time limit."""
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data")}
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
