"""The journal: a change is one line appended beside the file, folded into it later.

Killed while appending or folding, the app leaves the state before or after the change,
never a corrupt one; a torn last line is ignored; the app reads a file with its journal;
and once folded (on close, or when the journal has grown) the file is plain TinyDB again.
"""

from __future__ import annotations

import random
import shutil
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from tinydb import TinyDB, where

import tui.store.repository as repository
from benchmarks.datasets import write_dataset
from tests.conftest import PAID_ORDER, PENDING_ORDER, VERIFYING_ORDER, run_cli
from tests.store.kill_writer import expect_line, spawn
from tui.domain.reasons import CancelReason
from tui.domain.rules import cancel
from tui.domain.seller import agree
from tui.domain.status import OrderStatus
from tui.store.errors import StoreError
from tui.store.files import digest, journal_path
from tui.store.journal import read_journal
from tui.store.load import load_snapshot
from tui.store.repository import Repository
from tui.store.storage import SafeJSONStorage
from tui.store.validate import parse_snapshot, read_raw


def request(repo: Repository, order_id: str = PAID_ORDER) -> None:
    transition = cancel(repo.orders[order_id], CancelReason.WRONG_ITEM, "", repo.meta.clock)
    repo.save_transition(transition.order, transition.event)


def stock_status(path: Path, order_id: str) -> str:
    with TinyDB(path, access_mode="r") as db:
        (order,) = db.table("orders").search(where("id") == order_id)
    return str(order["status"])


def test_the_app_reads_the_journal_stock_tinydb_sees_it_once_folded(db_path: Path) -> None:
    repo = Repository.open(db_path)
    request(repo)
    assert journal_path(db_path).exists()
    assert stock_status(db_path, PAID_ORDER) == "awaiting_shipment"  # not folded yet
    assert Repository.open(db_path).orders[PAID_ORDER].status is OrderStatus.CANCELLATION_REQUESTED
    repo.close()
    assert not journal_path(db_path).exists()
    assert stock_status(db_path, PAID_ORDER) == "cancellation_requested"
    assert db_path.with_name(db_path.name + ".bak").read_bytes() != db_path.read_bytes()


def test_a_file_left_with_its_journal_is_folded_by_the_next_app(db_path: Path) -> None:
    request(Repository.open(db_path))  # never closed, as after a crash
    again = Repository.open(db_path)
    assert again.orders[PAID_ORDER].status is OrderStatus.CANCELLATION_REQUESTED
    again.close()
    assert stock_status(db_path, PAID_ORDER) == "cancellation_requested"


def test_a_torn_last_line_is_ignored_then_cut_off(db_path: Path) -> None:
    repo = Repository.open(db_path)
    request(repo)
    journal = journal_path(db_path)
    whole = journal.read_bytes()
    step = agree(repo.state(), PENDING_ORDER, repo.meta.clock, repo.meta.settings)
    repo.commit(step.state, step.events)
    torn = journal.read_bytes()[: len(whole) + (len(journal.read_bytes()) - len(whole)) // 2]
    journal.write_bytes(torn)  # as a crash in the middle of the second append leaves it

    reopened = Repository.open(db_path)
    assert reopened.orders[PAID_ORDER].status is OrderStatus.CANCELLATION_REQUESTED
    assert reopened.orders[PENDING_ORDER].status is OrderStatus.CANCELLATION_REQUESTED
    assert journal.read_bytes() == torn  # reading changes nothing
    reopened.save_meta(reopened.meta.model_copy(update={"language": "sw"}))  # shorter lines
    reopened.save_meta(reopened.meta.model_copy(update={"flow": "web"}))
    assert journal.read_bytes().startswith(whole)
    assert len(journal.read_bytes().splitlines()) == 4  # the header, three whole changes
    again = Repository.open(db_path)
    assert (again.meta.language, again.meta.flow) == ("sw", "web")
    assert again.orders[PENDING_ORDER].status is OrderStatus.CANCELLATION_REQUESTED


def test_a_damaged_line_before_the_last_is_refused_in_one_line(
    db_path: Path, tmp_path: Path
) -> None:
    repo = Repository.open(db_path)
    request(repo)
    step = agree(repo.state(), PENDING_ORDER, repo.meta.clock, repo.meta.settings)
    repo.commit(step.state, step.events)
    journal = journal_path(db_path)
    header, first, second = journal.read_bytes().splitlines()
    journal.write_bytes(b"\n".join([header, first[:40], second, b""]))
    before = db_path.read_bytes(), journal.read_bytes()
    with pytest.raises(StoreError, match=r"journal orders\.json\.journal is damaged at line 2"):
        Repository.open(db_path)
    result = run_cli("--db", str(db_path), home=tmp_path)
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"cancel-order: error: {db_path}: its journal")
    assert (db_path.read_bytes(), journal.read_bytes()) == before


def test_a_journal_for_another_version_of_the_file_is_ignored(db_path: Path) -> None:
    request(Repository.open(db_path))
    with TinyDB(db_path) as stock:  # stock TinyDB rewrites the file, knowing no journal
        stock.table("meta").update({"language": "sw"})
    repo = Repository.open(db_path)
    assert repo.meta.language == "sw"
    assert repo.orders[PAID_ORDER].status is OrderStatus.AWAITING_SHIPMENT
    request(repo)  # replaces the stale journal
    assert len(journal_path(db_path).read_bytes().splitlines()) == 2
    assert Repository.open(db_path).orders[PAID_ORDER].status is OrderStatus.CANCELLATION_REQUESTED


def test_a_grown_journal_is_folded_into_the_file(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(repository, "JOURNAL_MIN_BYTES", 3000)
    repo = Repository.open(db_path)
    sizes = []
    for minutes in range(1, 21):
        clock = repo.meta.clock + timedelta(minutes=minutes)
        repo.save_meta(repo.meta.model_copy(update={"clock": clock}))
        sizes.append(journal_path(db_path).stat().st_size if journal_path(db_path).exists() else 0)
    assert 0 in sizes[1:] and sizes[-1] > 0  # folded on the way, then appended to again
    with TinyDB(db_path, access_mode="r") as db:  # the file holds every change folded so far
        assert db.table("meta").all()[0]["clock"] > "2026-11-20T10:00"
    assert Repository.open(db_path).meta == repo.meta


def test_restore_and_reset_keep_the_file_with_its_journal(db_path: Path, tmp_path: Path) -> None:
    repo = Repository.open(db_path)
    request(repo)
    repo.close()  # the demo is now the backup
    request(Repository.open(db_path), VERIFYING_ORDER)  # left in the journal
    assert journal_path(db_path).exists()
    journal = journal_path(db_path).read_bytes()
    result = run_cli("restore", "--db", str(db_path), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not journal_path(db_path).exists()
    kept = Path(f"{db_path}.replaced.1")
    assert journal_path(kept).read_bytes() == journal  # beside its copy: it loads with it
    assert str(kept) in result.stdout and str(journal_path(kept)) in result.stdout
    assert Repository.open(kept).orders[VERIFYING_ORDER].status is OrderStatus.CANCELLED
    assert Repository.open(db_path).orders[PAID_ORDER].status is OrderStatus.AWAITING_SHIPMENT
    request(Repository.open(db_path))
    journal = journal_path(db_path).read_bytes()
    result = run_cli("reset", "--db", str(db_path), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not journal_path(db_path).exists()
    kept = Path(f"{db_path}.replaced.2")  # numbered on: the first copy is still there
    assert str(kept) in result.stdout
    assert journal_path(kept).read_bytes() == journal
    assert Repository.open(kept).orders[PAID_ORDER].status is OrderStatus.CANCELLATION_REQUESTED
    assert Path(f"{db_path}.replaced.1").exists()
    shutil.rmtree(tmp_path / "data", ignore_errors=True)


@pytest.mark.parametrize("size", [None, 1000])
def test_the_fast_load_gives_what_the_careful_one_gives(
    db_path: Path, size: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    if size is not None:
        db_path = write_dataset(db_path.parent, size)
    request(Repository.open(db_path))  # with a journal, too
    changes = read_journal(db_path, digest(db_path.read_bytes())).changes
    careful = parse_snapshot(db_path, read_raw(db_path), changes)

    def refuse(*args: object) -> None:
        raise AssertionError("the careful path was taken")

    monkeypatch.setattr("tui.store.load.parse_snapshot", refuse)
    assert load_snapshot(db_path) == careful


@pytest.mark.parametrize("kills", [6, pytest.param(200, marks=pytest.mark.slow)])
def test_sigkill_while_appending_or_folding_keeps_every_change_shown_as_saved(
    db_path: Path, kills: int
) -> None:
    """Each kill leaves the last change acknowledged, or the one after it: never less,
    never a file the app or stock TinyDB cannot read."""
    rng = random.Random(20261126 + kills)
    loaded = Repository.open(db_path).meta.clock
    unacknowledged = torn = 0  # kills after a change was durable but not yet said; mid-line
    for round_no in range(kills):
        proc = spawn("journal", str(db_path))
        expect_line(proc, "ready")
        time.sleep(rng.uniform(0.0, 0.02))
        proc.kill()
        assert proc.stdout is not None
        said = proc.stdout.read().split()
        proc.wait()
        acknowledged = datetime.fromisoformat(said[-1]) if said else loaded
        loaded = load_snapshot(db_path).meta.clock
        assert acknowledged <= loaded <= acknowledged + timedelta(minutes=1), f"kill {round_no}"
        unacknowledged += loaded > acknowledged
        journal = journal_path(db_path)
        torn += journal.exists() and not journal.read_bytes().endswith(b"\n")
        with TinyDB(db_path, access_mode="r") as db:
            assert len(db.table("orders")) == len(Repository.open(db_path).orders)
    print(f"journal: {kills} kills, {unacknowledged} after an unsaid change, {torn} mid-line")
    SafeJSONStorage(db_path)  # opening sweeps the dead writers' temp files, journal ones too
    assert [p.name for p in db_path.parent.iterdir() if p.name.endswith(".tmp")] == []
