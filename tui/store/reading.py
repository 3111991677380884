"""Reading a data file (or its journal) safely: only a regular file, only so much of it.

A FIFO would block the reader forever, `/dev/zero` never ends, a directory or a socket is
not data: each is refused, through any symlink, from `stat` alone, before it is opened (the
file is opened non-blocking and checked again, in case it was swapped meanwhile). A regular
file larger than `MAX_FILE_BYTES` is refused from its size, before anything is read.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from tui.store.errors import StoreError
from tui.store.files import StatKey, stat_key

MAX_FILE_BYTES = 64 * 1024 * 1024
"""The largest data file (or journal) read: ~45,000 orders as the app writes them, ~4.5 times
the 10,000 the app is measured at (docs/data-format.md). Loading one takes a few seconds
and about a gigabyte of memory; anything larger is more likely a mistake than a class."""

CHUNK = 4 * 1024 * 1024

Reading = Callable[[int, int], None]
"""Told (bytes read so far, bytes in all) as a large file is read."""

_KINDS = (
    (stat.S_ISDIR, "is a directory, not a database file"),
    (stat.S_ISFIFO, "is a FIFO (named pipe), not a regular file"),
    (stat.S_ISCHR, "is a device, not a regular file"),
    (stat.S_ISBLK, "is a device, not a regular file"),
    (stat.S_ISSOCK, "is a socket, not a regular file"),
)


def not_regular(mode: int) -> str | None:
    """Why a file of this mode can't be a data file; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, problem in _KINDS:
        if test(mode):
            return problem
    return "is not a regular file"


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


def check_regular(path: Path, st: os.stat_result, what: str = "", *, sized: bool = True) -> None:
    """Raise the one-line `StoreError` if ``st`` is not a regular file (of a readable size,
    if ``sized``)."""
    problem = not_regular(st.st_mode)
    if problem is not None:
        raise StoreError(path, f"{what}{problem}")
    if sized and st.st_size > MAX_FILE_BYTES:
        raise StoreError(
            path,
            f"{what}is {megabytes(st.st_size)}; this app reads data files of at most "
            f"{megabytes(MAX_FILE_BYTES)}",
        )


def read_regular(
    path: Path, what: str = "", reading: Reading | None = None
) -> tuple[StatKey, bytes]:
    """The bytes of the regular file at ``path`` and its version (noted before reading).

    ``what`` starts each problem ("its journal x.journal: "); ``reading`` hears how far it got.
    Raises `FileNotFoundError` for a missing file, `StoreError` for anything else wrong.
    """
    try:
        check_regular(path, os.stat(path), what)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise
    except OSError as error:
        raise StoreError(path, f"{what}cannot read the file ({error.strerror})") from None
    try:
        st = os.fstat(fd)
        check_regular(path, st, what)
        chunks: list[bytes] = []
        done = 0
        while done <= MAX_FILE_BYTES:
            chunk = os.read(fd, CHUNK)
            if not chunk:
                break
            chunks.append(chunk)
            done += len(chunk)
            if reading is not None:
                reading(done, max(done, st.st_size))
        if done > MAX_FILE_BYTES:  # it grew while being read
            raise StoreError(path, f"{what}grew beyond {megabytes(MAX_FILE_BYTES)} while read")
        return stat_key(st), b"".join(chunks)
    except OSError as error:
        raise StoreError(path, f"{what}cannot read the file ({error.strerror})") from None
    finally:
        os.close(fd)
