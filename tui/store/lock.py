"""File locks on sidecar files, built on ``flock`` so a killed holder never blocks anyone.

``flock`` locks belong to an open file and the kernel drops them when the holder dies, so
unlike PID files there is no stale lock to clean up. Lock files are never deleted: removing
one while another process waits on it would let two processes "hold" different inodes.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

from tui.store.errors import StoreError
from tui.store.paths import real_path


class LockTimeoutError(TimeoutError):
    """Another process held the lock longer than the caller would wait."""


class InstanceLockFailed(StoreError):
    """The one-instance lock can't be taken: its lock file is unusable (see `LockFileError`)."""


class DatabaseInUse(RuntimeError):
    """Another live app instance has the database open for writing."""

    def __init__(self, path: Path, pid: int | None) -> None:
        self.path = path
        self.pid = pid
        holder = f" (pid {pid})" if pid is not None else ""
        super().__init__(f"{path} is already open in another instance{holder}")


class LockFileError(OSError):
    """A lock file can't be used: a folder, a symlink, a special file, or not writable.
    An `OSError`, so a save that needs it fails as any write does (`SaveFailed`)."""


def _open_lock_file(path: Path) -> int:
    """Open (or create) a lock file: a regular file of its own, never through a symlink
    (which could point anywhere) and never a FIFO or a device."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as error:
        kind = {errno.ELOOP: "is a symbolic link", errno.EISDIR: "is a folder"}.get(
            error.errno or 0, f"can't be opened ({error.strerror})"
        )
        raise LockFileError(error.errno, f"its lock file {path.name} {kind}", str(path)) from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise LockFileError(errno.EINVAL, f"its lock file {path.name} is not a regular file")
    return fd


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
        real = real_path(self.db_path)  # beside the real file: one lock, whatever the name
        self.lock_path = real.with_name(real.name + ".instance.lock")
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock without waiting; raise ``DatabaseInUse`` if another holder is live."""
        if self._fd is not None:
            raise RuntimeError(f"{self.lock_path} is already held by this InstanceLock")
        try:
            fd = _open_lock_file(self.lock_path)
        except OSError as error:
            raise InstanceLockFailed(
                self.db_path, f"cannot lock the file: {error.strerror}"
            ) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = _read_pid(fd)
            os.close(fd)
            raise DatabaseInUse(self.db_path, pid) from None
        except BaseException:
            os.close(fd)
            raise
        try:  # the holder's PID, for a second app's refusal to name: best effort (disk full)
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        except OSError:
            pass
        self._fd = fd

    def release(self) -> None:
        """Give the lock up; clearing the PID first so no-one reports a departed holder."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.ftruncate(fd, 0)
        except OSError:
            pass  # a read-only or full disk: the PID stays, the lock goes all the same
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
