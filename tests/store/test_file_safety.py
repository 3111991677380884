"""What `--db` may point at: only a regular file of a bounded size, reached by any name (a
symlink is followed and written through), never a special file or a hard link; and nothing
is ever created outside the real file's own folder (issue 16, items 4, 7 and 9)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PAID_ORDER, run_cli
from tui.domain.reasons import CancelReason
from tui.domain.rules import CancelPath
from tui.service import open_service
from tui.store.demo import demo_path
from tui.store.errors import StoreError
from tui.store.lock import DatabaseInUse, InstanceLock
from tui.store.reading import MAX_FILE_BYTES
from tui.store.repository import Repository


def one_line_refusal(result: subprocess.CompletedProcess[str], *expected: str) -> str:
    assert result.returncode == 2, result.stderr[-2000:]
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr[-2000:]
    assert lines[0].startswith("cancel-order: error: ")
    for text in expected:
        assert text in lines[0]
    return lines[0]


def run_quickly(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """The CLI with a short time limit: a reader blocked on a FIFO would hang forever."""
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data")}
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=30,
        stdin=subprocess.DEVNULL,
    )


def folder_listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("through_link", [False, True], ids=["direct", "symlink"])
@pytest.mark.parametrize("kind", ["fifo", "dev_zero", "dev_urandom", "directory", "socket"])
def test_special_files_are_refused_before_reading(
    tmp_path: Path, kind: str, through_link: bool
) -> None:
    folder = tmp_path / "here"
    folder.mkdir()
    if kind == "fifo":
        target = folder / "orders.json"
        os.mkfifo(target)
    elif kind == "directory":
        target = folder / "orders.json"
        target.mkdir()
    elif kind == "socket":
        target = folder / "orders.json"
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(target))
    else:
        target = Path("/dev") / kind.removeprefix("dev_")
    db = target
    if through_link:
        db = tmp_path / "link.json"
        db.symlink_to(target)
    before = folder_listing(folder)
    for command in ((), ("reset",), ("restore",)):
        result = run_quickly(*command, "--db", str(db), home=tmp_path)
        expected = "directory" if kind == "directory" else "not a regular file"
        one_line_refusal(result, expected)
        assert folder_listing(folder) == before  # no lock, journal, temp or copy beside it
    if through_link:
        assert folder_listing(tmp_path) == sorted(["here", "link.json"])


def test_dev_null_creates_nothing_in_dev(tmp_path: Path) -> None:
    before = folder_listing(Path("/dev"))
    one_line_refusal(run_quickly("--db", "/dev/null", home=tmp_path), "/dev/null", "device")
    one_line_refusal(run_quickly("reset", "--db", "/dev/null", home=tmp_path), "device")
    assert folder_listing(Path("/dev")) == before
    with pytest.raises(StoreError, match="device"):
        Repository.open(Path("/dev/null"))


def test_a_file_too_large_is_refused_from_its_size(tmp_path: Path) -> None:
    db = tmp_path / "huge.json"
    with db.open("wb") as handle:  # sparse: a gigabyte that takes no room and no time
        handle.truncate(1024 * 1024 * 1024)
    line = one_line_refusal(run_quickly("--db", str(db), home=tmp_path), "1024 MB", "64 MB")
    assert str(db) in line
    with pytest.raises(StoreError, match="at most 64 MB"):
        Repository.open(db)
    db.write_bytes(b" " * (MAX_FILE_BYTES + 1))
    with pytest.raises(StoreError, match="at most 64 MB"):
        Repository.open(db)
    result = run_quickly("reset", "--db", str(db), home=tmp_path)  # replacing it is fine
    assert result.returncode == 0, result.stderr
    assert db.read_bytes() == demo_path().read_bytes()
    assert Path(f"{db}.replaced.1").stat().st_size == MAX_FILE_BYTES + 1


def test_a_journal_that_is_a_fifo_is_refused(db_path: Path, tmp_path: Path) -> None:
    os.mkfifo(db_path.with_name(db_path.name + ".journal"))
    one_line_refusal(run_quickly("--db", str(db_path), home=tmp_path), "journal", "FIFO")


def test_a_symlink_is_followed_and_stays_a_symlink(tmp_path: Path) -> None:
    """Saving writes through the link: the target gets the data, the link stays a link, and
    every file the app makes goes beside the target, never beside the link."""
    data, links = tmp_path / "data", tmp_path / "links"
    data.mkdir()
    links.mkdir()
    target = data / "orders.json"
    shutil.copyfile(demo_path(), target)
    link = links / "mine.json"
    link.symlink_to(target)
    service = open_service(link)
    service.cancel(PAID_ORDER, CancelReason.NO_LONGER_NEEDED, "", expected=CancelPath.REQUEST)
    service.close()  # folds the journal: the file is rewritten whole
    assert link.is_symlink() and link.resolve() == target
    assert Repository.open(target).orders[PAID_ORDER].cancellation is not None
    assert folder_listing(links) == ["mine.json"]
    result = run_cli("reset", "--db", str(link), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and target.read_bytes() == demo_path().read_bytes()
    assert folder_listing(links) == ["mine.json"]
    assert f"{target}.replaced.1" in result.stdout


def test_a_symlink_and_its_target_share_one_lock(tmp_path: Path) -> None:
    target = tmp_path / "orders.json"
    shutil.copyfile(demo_path(), target)
    other = tmp_path / "elsewhere"
    other.mkdir()
    link = other / "link.json"
    link.symlink_to(target)
    with InstanceLock(target), pytest.raises(DatabaseInUse):
        InstanceLock(link).acquire()
    with InstanceLock(link):
        one_line_refusal(run_cli("--db", str(target), home=tmp_path), "already open")
    assert folder_listing(other) == ["link.json"]


def test_a_hard_link_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "orders.json"
    shutil.copyfile(demo_path(), target)
    twin = tmp_path / "twin.json"
    os.link(target, twin)
    before = target.read_bytes()
    for db in (target, twin):
        one_line_refusal(run_cli("--db", str(db), home=tmp_path), "hard link", "2 names")
        one_line_refusal(run_cli("reset", "--db", str(db), home=tmp_path), "hard link")
    assert target.read_bytes() == before and twin.read_bytes() == before


def test_the_apps_own_backup_link_is_not_a_hard_link_to_refuse(db_path: Path) -> None:
    """A save killed between linking the backup and renaming the new file leaves the file
    with its `.bak` as a second name: that one is the app's own."""
    os.link(db_path, db_path.with_name(db_path.name + ".bak"))
    os.link(db_path, db_path.with_name(f".{db_path.name}.99999999.abcd1234.tmp"))
    from tui.cli import resolve_db

    assert resolve_db(db_path) == db_path


@pytest.mark.parametrize("kind", ["directory", "symlink", "fifo"])
def test_an_unusable_instance_lock_file_is_one_line(
    db_path: Path, tmp_path: Path, kind: str
) -> None:
    lock = db_path.with_name(db_path.name + ".instance.lock")
    elsewhere = tmp_path / "elsewhere.lock"
    if kind == "directory":
        lock.mkdir()
    elif kind == "symlink":
        lock.symlink_to(elsewhere)
    else:
        os.mkfifo(lock)
    before = db_path.read_bytes()
    one_line_refusal(run_quickly("--db", str(db_path), home=tmp_path), "cannot lock", "lock file")
    one_line_refusal(run_quickly("reset", "--db", str(db_path), home=tmp_path), "lock file")
    assert db_path.read_bytes() == before
    assert not elsewhere.exists()  # never created through a symlink


def test_a_file_name_with_control_characters_stays_one_line(tmp_path: Path) -> None:
    db = tmp_path / "bad\nname\x1b[2J.json"
    db.write_text("not json")
    line = one_line_refusal(run_cli("--db", str(db), home=tmp_path), "not valid JSON")
    assert "\x1b" not in line
