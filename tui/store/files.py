"""Low-level file operations the storage and the journal share: durable writes and versions."""

from __future__ import annotations

import contextlib
import os
import zlib
from collections.abc import Iterable
from pathlib import Path

StatKey = tuple[int, int, int, int]
"""(st_dev, st_ino, st_size, st_mtime_ns): identifies one version of a file, because every
writer here replaces the file (new inode) or appends to it (new size) rather than editing
it in place."""


def journal_path(db_path: Path) -> Path:
    """Where the changes since the main file was last written whole go (`tui.store.journal`)."""
    return db_path.with_name(db_path.name + ".journal")


def digest(payload: bytes) -> str:
    """Names one exact content of the main file (size and CRC-32: ~3 ms for 12 MB)."""
    return f"{len(payload)}:{zlib.crc32(payload):08x}"


def stat_key(st: os.stat_result) -> StatKey:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def file_version(path: Path) -> StatKey:
    return stat_key(os.stat(path))


def read_fd(fd: int) -> bytes:
    os.lseek(fd, 0, os.SEEK_SET)
    chunks = []
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)


def write_fd(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        view = view[os.write(fd, view) :]


def fsync_dir(folder: Path) -> None:
    """Make renames in ``folder`` durable: without this a power cut can undo them."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def settle_dir(folder: Path) -> None:
    """`fsync_dir` after a rename that has happened: the new file is in place whatever
    this says, so a failure here (rare: an I/O error) must not report the save as failed —
    the app would then believe the old data while the disk holds the new."""
    with contextlib.suppress(OSError):
        fsync_dir(folder)


def write_new_file(
    path: Path, payload: bytes | Iterable[bytes], like: os.stat_result | None
) -> StatKey:
    """Create ``path`` with ``payload`` (or its pieces), durably, with the mode and owner of
    ``like``."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    try:
        if like is not None:
            os.fchmod(fd, like.st_mode & 0o7777)
            if (like.st_uid, like.st_gid) != (os.geteuid(), os.getegid()):
                with contextlib.suppress(PermissionError):
                    os.fchown(fd, like.st_uid, like.st_gid)
        for piece in [payload] if isinstance(payload, bytes) else payload:
            write_fd(fd, piece)
        os.fsync(fd)
        return stat_key(os.fstat(fd))
    finally:
        os.close(fd)
