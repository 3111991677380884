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
from collections.abc import Iterator
from pathlib import Path

from tui.store.errors import StoreError
from tui.store.files import fsync_dir, journal_path, write_new_file
from tui.store.reading import not_regular

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
    copy's path, or None if there is no file. Both are copied before either is named, so
    a failure (a full disk: `OSError`) keeps nothing, and the caller must then not replace
    the file. Any size is copied, a piece at a time: this is a copy, not a load."""
    temps: list[Path] = []
    try:
        main = _copy_to_temp(db_path, db_path, temps)
        if main is None:
            return None
        journal = _copy_to_temp(journal_path(db_path), db_path, temps)
        kept = _publish(main, db_path)
        if journal is not None:
            os.replace(journal, journal_path(kept))
        fsync_dir(db_path.parent)
        return kept
    finally:
        for tmp in temps:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)


def _copy_to_temp(source: Path, db_path: Path, temps: list[Path]) -> Path | None:
    """A durable copy of ``source`` under a temporary name of the data file's (which the
    storage sweeps if this process dies), listed in ``temps`` for the caller to clean up;
    None if there is no such file."""
    try:
        fd = os.open(source, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        return None
    try:
        st = os.fstat(fd)
        problem = not_regular(st.st_mode)
        if problem is not None:
            raise StoreError(source, problem)
        tmp = db_path.with_name(f".{db_path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
        temps.append(tmp)
        write_new_file(tmp, _chunks(fd), st)
        return tmp
    finally:
        os.close(fd)


def _chunks(fd: int) -> Iterator[bytes]:
    while chunk := os.read(fd, 1 << 20):
        yield chunk


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
