"""Numbered copies kept of a data file before something replaces it whole: `restore`,
`reset`, the trainer's reset.

A kept copy is `<name>.replaced.N` (N = 1, 2, ...: never one written over another), with the
journal the file had, unfolded, as `<name>.replaced.N.journal` — the name the app looks for
beside a data file, so `cancel-order --db <name>.replaced.N` opens the state as it was,
journal and all. Copies are never deleted by the app (docs/data-format.md).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
from pathlib import Path

from tui.store.files import fsync_dir, journal_path, read_fd, write_new_file
from tui.store.reading import read_regular

KEPT = ".replaced."


def kept_copies(db_path: Path) -> list[Path]:
    """The numbered copies kept of ``db_path``, oldest first."""
    pattern = re.compile(re.escape(db_path.name + KEPT) + r"([0-9]+)")
    found: list[tuple[int, Path]] = []
    with contextlib.suppress(FileNotFoundError), os.scandir(db_path.parent) as entries:
        for entry in entries:
            match = pattern.fullmatch(entry.name)
            if match:
                found.append((int(match.group(1)), Path(entry.path)))
    return [path for _, path in sorted(found)]


def keep_copy(db_path: Path) -> Path | None:
    """Copy the data file (and its journal, if any) to the next free numbered name; the
    copy's path, or None if there is no file. Raises `OSError` (a full disk): then nothing
    is kept, and the caller must not replace the file."""
    try:
        source = os.open(db_path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        return None
    tmp = db_path.with_name(f".{db_path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        try:
            st = os.fstat(source)
            write_new_file(tmp, read_fd(source), st)
        finally:
            os.close(source)
        kept = _publish(tmp, db_path)
        journal = journal_path(db_path)
        with contextlib.suppress(FileNotFoundError):
            _, lines = read_regular(journal)
            write_new_file(journal_path(kept), lines, st)
        fsync_dir(db_path.parent)
        return kept
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def _publish(tmp: Path, db_path: Path) -> Path:
    """Give ``tmp`` the next free kept name, never replacing one (a link fails if the
    name is taken)."""
    copies = kept_copies(db_path)
    number = int(copies[-1].name.rsplit(".", 1)[1]) + 1 if copies else 1
    while True:
        kept = db_path.with_name(f"{db_path.name}{KEPT}{number}")
        try:
            os.link(tmp, kept)
            return kept
        except FileExistsError:
            number += 1
        except OSError as error:
            if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
                raise
            if not kept.exists():  # no hard links here: a rename, after looking
                os.rename(tmp, kept)
                return kept
            number += 1
