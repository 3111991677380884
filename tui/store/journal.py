"""The journal: changes appended beside the DB file instead of rewriting the whole file.

``<name>.journal`` is JSON Lines. Its first line binds it to one exact main file::

    {"journal": 1, "base": "<size>:<crc32>"}      the main file this journal continues

and every further line is one saved change, all the documents it set (whole documents,
so applying a line twice does no harm)::

    {"set": {"orders": {"17": {...}}, "events": {"120": {...}}}}

A change is durable once its line and newline are written and ``fdatasync``-ed. A process
killed while appending leaves at most a torn last line: readers ignore it and the next
append cuts it off first. A journal whose base is not the main file as it is now (the main
file was rewritten by compaction, ``restore``, ``reset``, stock TinyDB or a hand edit) is
stale and ignored; compaction rewrites the main file, then deletes the journal.

Nothing here validates documents or holds locks: the repository does both.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from tui.store.duplicates import first_duplicate, keys_in_data, keys_in_text
from tui.store.errors import StoreError
from tui.store.files import StatKey, journal_path, settle_dir, write_fd, write_new_file
from tui.store.reading import read_regular

FORMAT = 1
Changes = dict[str, dict[str, dict[str, Any]]]
"""Documents set by one change: {table: {doc_id: document}}."""


@dataclass
class JournalRead:
    """What a journal holds for the main file it was read against."""

    changes: list[Changes] = field(default_factory=list)
    length: int = 0
    """Bytes of whole lines for this base (0: no journal for it yet); appends go after."""
    version: StatKey | None = None
    """The journal file as read (None: there was none)."""


def read_journal(db_path: Path, base: str) -> JournalRead:
    """The changes saved after ``base``: none if there is no journal or it is stale.

    Raises `StoreError` naming the DB file if a line other than the last is not a change.
    """
    path = journal_path(db_path)
    try:
        version, data = read_regular(path, f"its journal {path.name}: ")
    except FileNotFoundError:
        return JournalRead()
    except StoreError as error:  # named after the data file, as every problem of its own
        raise StoreError(db_path, error.problem) from None
    lines = data.split(b"\n")
    complete = lines[:-1]  # what follows the last newline is torn (or empty)
    header = _parse(complete[0]) if complete else None
    if header is None or header.get("base") != base or header.get("journal") != FORMAT:
        return JournalRead(version=version)  # stale, torn at birth or not ours: no changes
    read = JournalRead(length=len(complete[0]) + 1, version=version)
    for number, line in enumerate(complete[1:], start=2):
        change = _parse(line)
        sets = change.get("set") if change is not None else None
        if not isinstance(sets, dict) or not _is_changes(sets):
            if number == len(complete):  # the last line, half on disk when a crash hit
                break
            problem = f"its journal {path.name} is damaged at line {number}"
            raise StoreError(db_path, f"{problem}; move the journal aside to load the file")
        if keys_in_text(line) != keys_in_data(sets):
            duplicate = first_duplicate(line, inside="set")
            if duplicate is not None:
                raise StoreError(db_path, f"its journal {path.name}: line {number}: {duplicate}")
        read.changes.append(sets)
        read.length += len(line) + 1
    return read


def _parse(line: bytes) -> dict[str, Any] | None:
    try:
        value = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None
    return value if isinstance(value, dict) else None


def _is_changes(value: object) -> bool:
    return isinstance(value, dict) and all(
        isinstance(docs, dict) and all(isinstance(d, dict) for d in docs.values())
        for docs in value.values()
    )


def encode_change(changes: Changes) -> bytes:
    return orjson.dumps({"set": changes}, option=orjson.OPT_NON_STR_KEYS) + b"\n"


def append_change(db_path: Path, base: str, length: int, line: bytes) -> tuple[int, StatKey]:
    """Make ``line`` durable after the first ``length`` bytes of the journal for ``base``.

    With no journal for this base yet (``length`` 0), a new one (header and line) is written
    beside it and renamed into place, replacing any stale one. Returns the new length and
    the journal's version.
    """
    path = journal_path(db_path)
    if length == 0:
        header = orjson.dumps({"journal": FORMAT, "base": base}) + b"\n"
        # named as the storage names its temp files, so that it sweeps this one too if its
        # writer is killed before renaming it
        tmp = db_path.with_name(f".{db_path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
        try:
            key = write_new_file(tmp, header + line, _stat_or_none(db_path))
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise
        settle_dir(path.parent)
        return len(header) + len(line), key
    fd = os.open(path, os.O_WRONLY | os.O_CLOEXEC | os.O_NOFOLLOW)
    try:
        if os.fstat(fd).st_size != length:
            os.ftruncate(fd, length)  # a torn line left by a crash: cut it off first
        os.lseek(fd, length, os.SEEK_SET)
        try:
            write_fd(fd, line)
            os.fdatasync(fd)
        except BaseException:
            # A full disk mid-line, or a flush that failed: the change is not saved, so it
            # must not be read back either (a whole line would be, if the app crashed).
            with contextlib.suppress(OSError):
                os.ftruncate(fd, length)
            raise
        st = os.fstat(fd)
    finally:
        os.close(fd)
    return length + len(line), (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def remove_journal(db_path: Path) -> None:
    """After compaction: the main file holds everything, so the journal goes.

    Not flushed: if a crash brings it back, its base no longer matches and it is ignored.
    """
    with contextlib.suppress(OSError):  # left behind, its base no longer matches: ignored
        os.unlink(journal_path(db_path))


def _stat_or_none(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None
