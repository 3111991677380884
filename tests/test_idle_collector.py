"""The idle collector runs full collections when they are due and input has paused."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

from tui.app import CancelOrderApp
from tui.i18n import Language
from tui.idle_collector import DUE_AFTER, OVERDUE_AFTER, QUIET_S, IdleCollector


class FakeGC:
    """A clock, Python's pending count and a collect that counts, all set by the test."""

    def __init__(self) -> None:
        self.now = 100.0
        self.pending = 0
        self.collections = 0

    def collector(self) -> IdleCollector:
        return IdleCollector(
            clock=lambda: self.now, pending=lambda: self.pending, collect=self._collect
        )

    def _collect(self) -> None:
        self.collections += 1
        self.pending = 0


def test_nothing_due_nothing_collected() -> None:
    fake = FakeGC()
    collector = fake.collector()
    fake.pending = DUE_AFTER - 1
    assert not collector.tick()
    assert fake.collections == 0


def test_due_collection_waits_for_input_to_pause() -> None:
    fake = FakeGC()
    collector = fake.collector()
    fake.pending = DUE_AFTER
    collector.input_seen()
    fake.now += QUIET_S / 2
    assert not collector.tick()
    fake.now += QUIET_S
    assert collector.tick()
    assert fake.collections == 1
    assert not collector.tick()  # its count was reset by the collection


def test_overdue_collection_runs_while_keys_keep_coming() -> None:
    fake = FakeGC()
    collector = fake.collector()
    fake.pending = OVERDUE_AFTER
    collector.input_seen()
    assert collector.tick()
    assert fake.collections == 1


def test_start_takes_full_collections_over_and_stop_gives_them_back() -> None:
    before = gc.get_threshold()
    collector = IdleCollector()
    try:
        collector.start()
        assert gc.get_threshold()[:2] == before[:2]
        assert gc.get_threshold()[2] > 10**6
    finally:
        collector.stop()
        gc.unfreeze()
    assert gc.get_threshold() == before


def test_start_turns_the_collector_back_on_after_a_start_up_without_it() -> None:
    """`cancel-order` (`tui.__main__`) starts with the collector off, until the first frame."""
    collector = IdleCollector(collect=lambda: None)
    gc.disable()
    try:
        collector.start()
        assert gc.isenabled()
    finally:
        gc.enable()
        collector.stop()
        gc.unfreeze()


def test_the_command_starts_with_the_collector_off() -> None:
    code = "import gc, tui.__main__; print(gc.isenabled())"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


async def test_the_app_reports_key_presses_and_restores_python_on_exit(db_path: Path) -> None:
    fake = FakeGC()
    collector = fake.collector()
    before = gc.get_threshold()
    app = CancelOrderApp(db_path, Language("en"), idle_collector=collector)
    try:
        async with app.run_test() as pilot:
            await pilot.pause()
            assert gc.get_threshold()[2] > 10**6
            assert fake.collections == 1, "start-up's garbage is collected before any key"
            fake.pending = DUE_AFTER
            await pilot.press("down")
            assert not collector.should_collect()  # a key was just pressed
            fake.now += QUIET_S
            assert collector.should_collect()
    finally:
        gc.unfreeze()
    assert gc.get_threshold() == before
