"""The backup the storage keeps beside the DB file, and putting it back."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from tui.store.errors import StoreError
from tui.store.files import journal_path
from tui.store.load import load_snapshot


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

    The current file is never destroyed: it is moved aside to `<name>.replaced` first, and
    its new path returned (None if there was no current file); its journal, if any, goes to
    `<name>.journal.replaced` (it continues the file replaced, not the backup).
    """
    backup = usable_backup(db_path)
    if backup is None:
        raise StoreError(backup_path(db_path), "no usable backup to restore")
    aside: Path | None = None
    if db_path.exists():
        aside = db_path.with_name(db_path.name + ".replaced")
        shutil.copy2(db_path, aside)
    tmp = db_path.with_name(f".{db_path.name}.restore.tmp")
    shutil.copyfile(backup, tmp)
    with tmp.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, db_path)
    journal = journal_path(db_path)
    if journal.exists():
        os.replace(journal, journal.with_name(journal.name + ".replaced"))
    return aside
