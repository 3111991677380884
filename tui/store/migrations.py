"""Schema versions: every DB file the project has shipped is brought up to the current one.

A migration takes the raw TinyDB dict of version N and returns version N+1; it must not
mutate its input (the caller keeps the original to leave the file untouched on error).
Shipped versions: 1 (the first release).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tui.domain.meta import SCHEMA_VERSION
from tui.store.errors import StoreError

RawDB = dict[str, dict[str, dict[str, Any]]]
Migration = Callable[[RawDB], RawDB]

MIGRATIONS: dict[int, Migration] = {}
"""From version N (the key) to N+1."""


def stored_version(path: Path, raw: RawDB) -> int:
    """The schema version the file says it has; checked before any document is validated."""
    documents = list(raw.get("meta", {}).values())
    if len(documents) != 1:
        raise StoreError(path, "table 'meta' must hold exactly one document")
    version = documents[0].get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise StoreError(path, "table 'meta': schema_version must be a positive whole number")
    return version


def migrate(path: Path, raw: RawDB) -> RawDB:
    """Bring `raw` to the current schema; refuse files from a newer program."""
    version = stored_version(path, raw)
    if version > SCHEMA_VERSION:
        raise StoreError(
            path,
            f"made by a newer version of this program (schema {version}, "
            f"this one reads up to {SCHEMA_VERSION}); the file was left as it is",
        )
    while version < SCHEMA_VERSION:
        raw = MIGRATIONS[version](raw)
        version += 1
        (doc_id,) = raw["meta"]
        raw["meta"] = {doc_id: {**raw["meta"][doc_id], "schema_version": version}}
    return raw
