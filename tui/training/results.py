"""The class results file: one TinyDB document per attempt, appended crash-safely.

The file is plain TinyDB JSON with two tables: `results_meta` (one document: what the file
is and its schema version) and `attempts`. Each append is one read-check-write under the
storage's lock (`tui.store.storage.SafeJSONStorage`: a temporary file, fsynced, renamed
over the old one, which is kept as `.bak`), so a crash leaves the old file or the new one.
A file this version can't read (unreadable, not a results file, from a newer version) is
refused with one line and never written to.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from platformdirs import user_data_path
from pydantic import ValidationError

from tui.store.files import read_fd
from tui.store.lock import LockTimeoutError
from tui.store.storage import CorruptDatabaseError, SafeJSONStorage, parse
from tui.training.errors import TrainingError
from tui.training.record import AttemptRecord

RESULTS_SCHEMA = 1
RESULTS_KIND = "cancel-order training results"
META_TABLE = "results_meta"
ATTEMPTS_TABLE = "attempts"
MAX_FILE_BYTES = 64 * 1024 * 1024
"""Far more than any class writes (an attempt is ~400 bytes); refuses a wrong file early."""


class ResultsError(TrainingError):
    """The results file can't be used; the message is one line naming the file."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: {' '.join(problem.split())}")
        self.path = path


def default_results_path() -> Path:
    """The per-user results file, beside the per-user data file."""
    return user_data_path("cancel-order", appauthor=False) / "training-results.json"


def app_version() -> str:
    try:
        return metadata.version("cancel-order-tui")
    except metadata.PackageNotFoundError:
        return "unknown"


def real_now() -> datetime:
    """The real time an attempt is recorded at: the one legitimate use of the system clock."""
    return datetime.now(UTC)


def read_results(path: Path, *, missing_ok: bool = False) -> list[AttemptRecord]:
    """Every attempt in the file, oldest first; raises `ResultsError` (one line)."""
    if not _exists(path):
        if missing_ok:
            return []
        raise ResultsError(path, "no such results file")
    data = _read_checked(path)
    return attempts_of(path, data) if data is not None else []


def append_result(path: Path, record: AttemptRecord) -> None:
    """Add one attempt; creates the file (and its folder) if missing. A file that is not a
    results file of this or an older schema raises `ResultsError` and is left as it was."""
    if _exists(path):
        _read_checked(path)  # refuse a special file before the storage opens it
    elif not path.parent.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ResultsError(path, f"cannot create its folder ({error.strerror})") from None
    try:
        storage = SafeJSONStorage(path, create=True)
        try:
            with storage.transaction(timeout=10) as data:
                attempts_of(path, data)  # the whole file checked again, under the lock
                if not data:
                    data[META_TABLE] = {"1": _meta()}
                    data[ATTEMPTS_TABLE] = {}
                table = data[ATTEMPTS_TABLE]
                next_id = max((int(doc_id) for doc_id in table), default=0) + 1
                table[str(next_id)] = record.model_dump(mode="json")
        finally:
            storage.close()
    except CorruptDatabaseError:
        raise ResultsError(path, "not a results file (it is not JSON)") from None
    except LockTimeoutError:
        raise ResultsError(path, "still locked by another program after 10 s") from None
    except OSError as error:
        raise ResultsError(path, f"cannot write the results file ({error.strerror})") from None


def attempts_of(path: Path, data: dict[str, Any]) -> list[AttemptRecord]:
    """The file's attempts, after checking it is a results file this version can read."""
    if not data:
        return []
    meta_table = data.get(META_TABLE)
    if not isinstance(meta_table, dict) or len(meta_table) != 1:
        raise ResultsError(path, f"not a results file (no '{META_TABLE}' table)")
    meta = next(iter(meta_table.values()))
    if not isinstance(meta, dict) or meta.get("kind") != RESULTS_KIND:
        raise ResultsError(path, "not a results file (it says it is something else)")
    version = meta.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ResultsError(path, f"{META_TABLE}: schema_version: not a version number")
    if version > RESULTS_SCHEMA:
        raise ResultsError(
            path,
            f"written by a newer version of cancel-order (results schema {version}; "
            f"this one reads up to {RESULTS_SCHEMA}); nothing was changed",
        )
    table = data.get(ATTEMPTS_TABLE)
    if not isinstance(table, dict):
        raise ResultsError(path, f"not a results file (no '{ATTEMPTS_TABLE}' table)")
    return [_attempt(path, doc_id, document) for doc_id, document in _by_id(table)]


def new_record(
    *,
    trainee: str,
    scenario: str,
    score: int,
    max_score: int,
    hints_used: int,
    seconds: int,
    answers: Iterable[str],
    failed: Iterable[str],
    language: str,
    recorded_at: datetime | None = None,
) -> AttemptRecord:
    return AttemptRecord(
        trainee=trainee,
        scenario=scenario,
        score=score,
        max_score=max_score,
        hints_used=hints_used,
        seconds=seconds,
        answers=sorted(answers),
        failed=list(failed),
        language=language,
        app_version=app_version(),
        recorded_at=recorded_at or real_now(),
    )


def _meta() -> dict[str, Any]:
    return {"kind": RESULTS_KIND, "schema_version": RESULTS_SCHEMA}


def _by_id(table: dict[str, Any]) -> list[tuple[str, Any]]:
    def key(item: tuple[str, Any]) -> tuple[int, str]:
        doc_id = item[0]
        return (int(doc_id) if doc_id.isdigit() else -1, doc_id)

    return sorted(table.items(), key=key)


def _attempt(path: Path, doc_id: str, document: Any) -> AttemptRecord:
    if not doc_id.isdigit() or not isinstance(document, dict):
        raise ResultsError(path, f"table '{ATTEMPTS_TABLE}' has a bad document '{doc_id}'")
    try:
        return AttemptRecord.model_validate(document)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "document"
        problem = f"table '{ATTEMPTS_TABLE}', document {doc_id}: {where}: {first['msg']}"
        raise ResultsError(path, problem) from None


def _exists(path: Path) -> bool:
    return path.exists() or path.is_symlink()


def _read_checked(path: Path) -> dict[str, Any] | None:
    """The file's JSON, refusing what is not a regular file or is too large to be one."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK)
    except OSError as error:
        raise ResultsError(path, f"cannot read the results file ({error.strerror})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ResultsError(path, "not a regular file")
        if info.st_size > MAX_FILE_BYTES:
            raise ResultsError(path, f"too large for a results file (over {MAX_FILE_BYTES} bytes)")
        raw = read_fd(fd)
    except OSError as error:
        raise ResultsError(path, f"cannot read the results file ({error.strerror})") from None
    finally:
        os.close(fd)
    try:
        data = parse(raw, path)
    except CorruptDatabaseError:
        raise ResultsError(path, "not a results file (it is not JSON)") from None
    except RecursionError:
        raise ResultsError(path, "not a results file (its JSON is nested too deeply)") from None
    if data is not None:
        attempts_of(path, data)
    return data
