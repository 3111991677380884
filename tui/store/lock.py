"""File locks on sidecar files, built on ``flock`` so a killed holder never blocks anyone.

``flock`` locks belong to an open file and the kernel drops them when the holder dies, so
unlike PID files there is no stale lock to clean up. Lock files are never deleted: removing
one while another process waits on it would let two processes "hold" different inodes.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType


class LockTimeoutError(TimeoutError):
    """Another process held the lock longer than the caller would wait."""


class DatabaseInUse(RuntimeError):
    """Another live app instance has the database open for writing."""

    def __init__(self, path: Path, pid: int | None) -> None:
        self.path = path
        self.pid = pid
        holder = f" (pid {pid})" if pid is not None else ""
        super().__init__(f"{path} is already open in another instance{holder}")


def _open_lock_file(path: Path) -> int:
    return os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)


@contextlib.contextmanager
def exclusive_lock(path: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``path``, waiting at most ``timeout`` seconds if given."""
    fd = _open_lock_file(path)
    try:
        if timeout is None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        else:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise LockTimeoutError(f"{path}: still locked after {timeout}s") from None
                    time.sleep(0.005)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _read_pid(fd: int) -> int | None:
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


class InstanceLock:
    """Ensures one app instance writes a database file at a time, for its whole lifetime.

    Separate from the short per-write transaction lock (``<name>.lock``): this one lives on
    ``<name>.instance.lock`` and records the holder's PID so the refusal can name it.
    """

    def __init__(self, db_path: str | os.PathLike[str]) -> None:
        self.db_path = Path(os.fspath(db_path))
        self.lock_path = self.db_path.with_name(self.db_path.name + ".instance.lock")
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock without waiting; raise ``DatabaseInUse`` if another holder is live."""
        if self._fd is not None:
            raise RuntimeError(f"{self.lock_path} is already held by this InstanceLock")
        fd = _open_lock_file(self.lock_path)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = _read_pid(fd)
            os.close(fd)
            raise DatabaseInUse(self.db_path, pid) from None
        except BaseException:
            os.close(fd)
            raise
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        self._fd = fd

    def release(self) -> None:
        """Give the lock up; clearing the PID first so no-one reports a departed holder."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.ftruncate(fd, 0)
        finally:
            os.close(fd)

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
