"""Schema versions: every DB file the project has shipped is brought up to the current one.

A migration takes the raw TinyDB dict of version N and returns version N+1; it must not
mutate its input (the caller keeps the original to leave the file untouched on error).
Shipped versions: 1 (the first release); 2 (refunds, event kinds, the trainer's clock and
rules: new settings and fields all have defaults, so only tables and event kinds are added);
3 (disputes: the `disputes` table; new order, event and settings fields have defaults).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from tui.domain.meta import SCHEMA_VERSION
from tui.domain.models import Order
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


UNRECORDED_DISPUTE = "Opened before this version of the app recorded disputes."
"""The description of a dispute that a version-2 file only showed as an order status."""


def _v2_to_v3(raw: RawDB) -> RawDB:
    """Add the `disputes` table, with a dispute for each order a version-2 file had put in
    dispute (by hand: that version could not open one).

    Nothing in such a file says why or for how much, so the dispute is what the buyer could
    have opened: refund only, all that was paid, on the ground of unsuitable quality (the
    article's), with a description saying it was not recorded; opened at the file's own
    clock, so the seller has their full time to answer from the first start.
    """
    disputes = dict(raw.get("disputes", {}))
    migrated = {**raw, "disputes": disputes}
    clock = next(iter(raw.get("meta", {}).values()), {}).get("clock")
    disputed = {d.get("order_id") for d in disputes.values()}
    next_id = max((int(k) for k in disputes), default=0) + 1
    for document in raw.get("orders", {}).values():
        if document.get("status") != "in_dispute" or document.get("id") in disputed:
            continue
        try:
            order = Order.model_validate(document)
        except ValidationError:
            continue  # validation names the order's problem next
        disputes[str(next_id)] = {
            "order_id": order.id,
            "state": "awaiting_seller",
            "ground": "poor_quality",
            "request_type": "refund_only",
            "amount": {"minor": order.total.minor, "currency": order.currency},
            "description": UNRECORDED_DISPUTE,
            "evidence": [],
            "opened_at": clock,
            "requested_at": clock,
        }
        next_id += 1
    return migrated


MIGRATIONS: dict[int, Migration] = {1: _v1_to_v2, 2: _v2_to_v3}
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
