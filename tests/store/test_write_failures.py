"""Every failure to save (issue 16, item 3): a full disk when the journal is created,
halfway through an append, at a fold, at the trainer's reset; a read-only folder; a lock
file that is a folder; a clock at the end of time. Each one is a `DomainError` (one
sentence on screen), leaves the files as they were, and leaves the app's state equal to
what is on disk, so it goes on working once the disk has room again.

Real full disks are small tmpfs mounts (root only: skipped elsewhere); the failures a
tmpfs can't produce on cue (a flush that fails, a folder that can't be flushed) are
injected by replacing one call.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from tests.conftest import PAID_ORDER, VERIFYING_ORDER, run_cli
from tui.domain.clock import CLOCK_LATEST
from tui.domain.errors import DomainError, InvalidDuration
from tui.domain.reasons import CancelReason
from tui.domain.status import OrderStatus
from tui.service import OrderService, SaveFailed, open_service
from tui.store.demo import demo_path
from tui.store.files import journal_path
from tui.store.repository import Repository

OLDER_SCHEMA = Path(__file__).parent / "fixtures" / "demo_v3.json"


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file in ``folder`` and its bytes (lock files aside: they hold a PID or nothing)."""
    return {
        p.name: p.read_bytes()
        for p in sorted(folder.iterdir())
        if p.is_file() and not p.name.endswith(".lock") and not p.name.startswith("filler")
    }


def assert_memory_is_disk(service: OrderService, db: Path) -> None:
    """What the app holds is what a fresh start would read."""
    fresh = Repository.open(db)
    held = service.repository
    assert fresh.meta == held.meta
    assert fresh.orders == held.orders
    assert fresh.stores == held.stores
    assert fresh.refunds == held.refunds
    assert fresh.events == held.events
    assert fresh.buyer == held.buyer
    assert service.now() == fresh.meta.clock


def request(service: OrderService, order_id: str = PAID_ORDER) -> None:
    path = service.cancel_path(order_id)
    service.cancel(order_id, CancelReason.NO_LONGER_NEEDED, "", expected=path)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MB tmpfs with the demo data on it (skipped where mounting is not allowed)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        shutil.copyfile(demo_path(), mount / "orders.json")
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(folder: Path) -> Path:
    """Fill the disk to the last byte; returns the filler, to delete for room again."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError as error:
        assert error.errno == errno.ENOSPC
    finally:
        os.close(fd)
    return filler


def refused_as_save_failed(action: object) -> SaveFailed:
    with pytest.raises(SaveFailed) as refused:
        action()  # type: ignore[operator]
    assert refused.value.key == "error.save_failed"
    assert "No space left on device" in refused.value.params["reason"]
    return refused.value


def test_full_disk_when_the_journal_is_created(small_disk: Path) -> None:
    db = small_disk / "orders.json"
    service = open_service(db)
    before = files_of(small_disk)
    filler = fill(small_disk)
    refused_as_save_failed(lambda: request(service))
    assert files_of(small_disk) == before  # no journal, no temporary file
    assert service.order(PAID_ORDER).status is OrderStatus.AWAITING_SHIPMENT
    assert_memory_is_disk(service, db)
    filler.unlink()
    request(service)  # room again: the app goes on
    assert_memory_is_disk(service, db)


def test_full_disk_for_the_command_line_is_one_line(small_disk: Path, tmp_path: Path) -> None:
    db = small_disk / "orders.json"
    service = open_service(db)
    request(service)  # a journal to keep: reset must copy it first
    before = files_of(small_disk)
    fill(small_disk)
    for command in ("reset", "restore"):
        result = run_cli(command, "--db", str(db), home=tmp_path)
        assert result.returncode == 2, result.stderr
        (line,) = result.stderr.splitlines()
        assert line.startswith("cancel-order: error: ")
        assert "No space left on device" in line or "no usable backup" in line
    assert files_of(small_disk) == before


def test_full_disk_halfway_through_an_append(small_disk: Path) -> None:
    db = small_disk / "orders.json"
    service = open_service(db)
    request(service, VERIFYING_ORDER)  # the journal exists now
    before = files_of(small_disk)
    filler = fill(small_disk)
    month = timedelta(days=30)  # closes, completes and refunds many orders: a long line,
    refused_as_save_failed(lambda: service.advance_clock(month))  # more than a page
    assert files_of(small_disk) == before  # the part of the line written is cut off again
    assert_memory_is_disk(service, db)
    filler.unlink()
    service.advance_clock(month)
    assert_memory_is_disk(service, db)


def test_full_disk_when_the_journal_is_folded(small_disk: Path) -> None:
    """A file of an older schema is written whole at its first save (a fold)."""
    db = small_disk / "orders.json"
    shutil.copyfile(OLDER_SCHEMA, db)
    service = open_service(db)
    before = files_of(small_disk)
    filler = fill(small_disk)
    refused_as_save_failed(lambda: request(service))
    assert files_of(small_disk) == before
    assert_memory_is_disk(service, db)
    filler.unlink()
    request(service)
    assert_memory_is_disk(service, db)
    assert not journal_path(db).exists()  # folded this time


def test_full_disk_at_the_trainers_reset_clock_move_and_language(small_disk: Path) -> None:
    db = small_disk / "orders.json"
    service = open_service(db)
    before = files_of(small_disk)
    filler = fill(small_disk)
    now = service.now()
    refused_as_save_failed(service.reset_demo)
    refused_as_save_failed(lambda: service.advance_clock(timedelta(hours=1)))
    refused_as_save_failed(lambda: service.remember_language("sw"))
    refused_as_save_failed(lambda: service.remember_flow("web"))
    assert files_of(small_disk) == before
    assert service.now() == now and service.language == "en" and service.flow == "app"
    assert_memory_is_disk(service, db)
    filler.unlink()
    request(service)
    kept = service.reset_demo()
    assert kept is not None and journal_path(kept).exists()  # the unfolded journal is kept
    assert Repository.open(kept).orders[PAID_ORDER].status is OrderStatus.CANCELLATION_REQUESTED
    assert_memory_is_disk(service, db)


def test_a_flush_that_fails_leaves_no_line_behind(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole line was written but not flushed: it must not come back after a crash."""
    service = open_service(db_path)
    request(service, VERIFYING_ORDER)
    before = files_of(db_path.parent)

    def failing(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fdatasync", failing)
    with pytest.raises(SaveFailed):
        request(service)
    monkeypatch.undo()
    assert files_of(db_path.parent) == before
    assert_memory_is_disk(service, db_path)


def test_a_folder_that_cant_be_flushed_after_the_rename_is_not_a_failed_save(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The new journal (or file) is in place: saying "not saved" would make the app hold
    the old state while the disk holds the new one."""
    service = open_service(db_path)
    fsync = os.fsync

    def failing_for_folders(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EIO, "Input/output error")
        fsync(fd)

    monkeypatch.setattr(os, "fsync", failing_for_folders)
    request(service)
    service.close()
    monkeypatch.undo()
    assert_memory_is_disk(service, db_path)
    assert service.order(PAID_ORDER).status is OrderStatus.CANCELLATION_REQUESTED


@pytest.mark.parametrize("kind", ["directory", "symlink"])
def test_a_lock_file_that_becomes_unusable_is_a_failed_save(
    db_path: Path, tmp_path: Path, kind: str
) -> None:
    service = open_service(db_path)
    lock = db_path.with_name(db_path.name + ".lock")
    lock.unlink(missing_ok=True)
    if kind == "directory":
        lock.mkdir()
    else:
        lock.symlink_to(tmp_path / "elsewhere")
    before = files_of(db_path.parent)
    with pytest.raises(SaveFailed) as refused:
        request(service)
    assert "lock file orders.json.lock" in refused.value.params["reason"]
    assert files_of(db_path.parent) == before
    assert not (tmp_path / "elsewhere").exists()
    assert_memory_is_disk(service, db_path)


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder holding the demo data, bind-mounted read-only (root only)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    shutil.copyfile(demo_path(), folder / "orders.json")
    made = subprocess.run(["mount", "--bind", "-o", "ro", str(folder), str(folder)])
    if made.returncode != 0:
        pytest.skip("cannot bind-mount read-only here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_read_only_folder(read_only_folder: Path, tmp_path: Path) -> None:
    db = read_only_folder / "orders.json"
    before = files_of(read_only_folder)
    result = run_cli("--db", str(db), home=tmp_path)
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert "cannot lock the file" in line and "Read-only file system" in line
    service = open_service(db)  # reading works; writing says why it can't
    with pytest.raises(SaveFailed) as refused:
        request(service)
    assert "Read-only file system" in refused.value.params["reason"]
    assert files_of(read_only_folder) == before
    assert_memory_is_disk(service, db)


def test_the_clock_at_the_end_of_time_refuses_to_move(db_path: Path) -> None:
    repo = Repository.open(db_path)
    end = CLOCK_LATEST - timedelta(minutes=30)
    repo.save_meta(repo.meta.model_copy(update={"clock": end}))
    repo.close()
    service = open_service(db_path)
    before = files_of(db_path.parent)
    for span in (timedelta(hours=1), timedelta(days=366)):
        with pytest.raises(InvalidDuration) as refused:
            service.advance_clock(span)
        assert refused.value.key == "error.clock_at_end"
        assert isinstance(refused.value, DomainError)
    assert files_of(db_path.parent) == before
    assert service.now() == end
    service.remember_language("sw")  # everything else still works
    assert_memory_is_disk(service, db_path)
