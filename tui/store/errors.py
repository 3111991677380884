"""Store errors: one line that names the file and what is wrong with it."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """The database file can't be used; the message is one line fit for the terminal."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = " ".join(problem.split())
        super().__init__(f"{self.path}: {self.problem}")


class ConcurrentChange(StoreError):
    """Another process changed the file after we last read it; nothing was written."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(path, "changed by another window since it was read; nothing was saved")
