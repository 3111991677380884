"""The backup the storage keeps beside the DB file, and putting it back (the file it
replaces is kept first: `tui.store.keep`)."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from tui.store.errors import StoreError
from tui.store.files import fsync_dir, journal_path, write_new_file
from tui.store.keep import keep_copy
from tui.store.load import load_snapshot
from tui.store.reading import read_regular


def backup_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".bak")


def usable_backup(db_path: Path) -> Path | None:
    """The backup file, if there is one and it loads; None otherwise."""
    backup = backup_path(db_path)
    if not backup.is_file():
        return None
    try:
        load_snapshot(backup)
    except StoreError:
        return None
    return backup


def restore_backup(db_path: Path) -> Path | None:
    """Put the backup in place of the DB file, atomically.

    The current file is never destroyed: it is kept first (`keep_copy`, its journal with
    it), and the copy's path returned (None if there was no current file).
    """
    backup = usable_backup(db_path)
    if backup is None:
        raise StoreError(backup_path(db_path), "no usable backup to restore")
    kept = keep_copy(db_path)
    _, payload = read_regular(backup)
    tmp = db_path.with_name(f".{db_path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        write_new_file(tmp, payload, None)
        os.replace(tmp, db_path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(FileNotFoundError):
        os.unlink(journal_path(db_path))  # kept with the copy; it continues that file
    fsync_dir(db_path.parent)
    return kept
