"""Schema versions: every DB file the project has shipped is brought up to the current one.

A migration takes the raw TinyDB dict of version N and returns version N+1; it must not
mutate its input (the caller keeps the original to leave the file untouched on error).
Shipped versions: 1 (the first release); 2 (refunds, event kinds, the trainer's clock and
rules: new settings and fields all have defaults, so only tables and event kinds are added).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tui.domain.meta import SCHEMA_VERSION
from tui.store.errors import StoreError

RawDB = dict[str, dict[str, dict[str, Any]]]
Migration = Callable[[RawDB], RawDB]


def _event_kind_v1(event: dict[str, Any]) -> str:
    """Name a version-1 event's kind from who moved the order where (v1 wrote no kind)."""
    actor, source, target = event.get("actor"), event.get("from_status"), event.get("to_status")
    if target == "cancellation_requested":
        return "requested"
    if target == "cancelled":
        return {"buyer": "cancelled", "seller": "seller_agreed"}.get(
            str(actor), "no_answer" if source == "cancellation_requested" else "status_changed"
        )
    if source == "cancellation_requested" and target == "awaiting_shipment":
        return "seller_refused" if actor == "seller" else "withdrawn"
    return "status_changed"


def _v1_to_v2(raw: RawDB) -> RawDB:
    """Add the empty `refunds` table and a `kind` to every event; the rest has defaults."""
    migrated = {**raw, "refunds": dict(raw.get("refunds", {}))}
    if "events" in raw:  # a missing table stays missing, for validation to name
        migrated["events"] = {
            doc_id: {**event, "kind": event.get("kind") or _event_kind_v1(event)}
            for doc_id, event in raw["events"].items()
        }
    return migrated


MIGRATIONS: dict[int, Migration] = {1: _v1_to_v2}
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
