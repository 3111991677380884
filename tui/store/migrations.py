"""Schema versions: every DB file the project has shipped is brought up to the current one.

A migration takes the raw TinyDB dict of version N and returns version N+1; it must not
mutate its input (the caller keeps the original to leave the file untouched on error).
Shipped versions: 1 (the first release); 2 (refunds, event kinds, the trainer's clock and
rules: new settings and fields all have defaults, so only tables and event kinds are added);
3 (disputes: the `disputes` table; new order, event and settings fields have defaults);
4 (cash on delivery paid on arrival, the outcome of an instant cancel, seller-fault counts of
cancellations that happened: `_v3_to_v4`).
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


SELLER_FAULT = frozenset(
    {"shipping_too_long", "out_of_stock", "seller_asked", "cannot_contact_seller"}
)
"""The reasons that blame the seller, as stored (`tui.domain.reasons`)."""
ARRIVED = ("delivered_at", "receipt_confirmed_at", "completed_at")
"""When a cash-on-delivery order is paid: as it arrives (the first of these it has)."""


def _cod_paid_at(order: dict[str, Any], disputed: bool) -> Any:
    """When a cash-on-delivery order was paid: as it arrived, or not yet. One with a
    dispute keeps what it had, the dispute was settled on it; so does a completed one that
    says nothing of its arrival."""
    if disputed:
        return order.get("paid_at")
    arrived = [order[name] for name in ARRIVED if order.get(name)]
    if arrived:
        return arrived[0]
    return order.get("paid_at") if order.get("status") == "completed" else None


def _v3_to_v4(raw: RawDB) -> RawDB:
    """Cash on delivery is paid on arrival, an instant cancel has its own outcome, a store
    counts only cancellations that happened, and a payment detail only names a card.

    - A cash-on-delivery order is paid when it arrives (delivered, received or completed),
      not before: `paid_at` becomes that time, or nothing. Its refund, if it had one as a
      cancelled order paid "before" arriving, is dropped with its `refund_completed`
      event: nothing was paid, so nothing went back (docs/data-format.md).
    - A cancelled order whose request has no outcome (null means pending) was cancelled at
      once: its outcome becomes `cancelled_at_once`, answered when it closed.
    - Earlier versions counted a seller-fault reason against the store when the buyer
      asked; one refused, withdrawn, pending or cancelled at once is taken off the count.
    - `payment_detail` is kept for cards only (a wallet's repeated the method's name).
    """
    orders = {k: dict(v) for k, v in raw.get("orders", {}).items()}
    disputed = {d.get("order_id") for d in raw.get("disputes", {}).values()}
    stores = {k: dict(v) for k, v in raw.get("stores", {}).items()}
    store_doc = {store.get("id"): doc_id for doc_id, store in stores.items()}
    unpaid: set[str] = set()
    for order in orders.values():
        if order.get("payment_method") == "cash_on_delivery":
            order["paid_at"] = _cod_paid_at(order, order.get("id") in disputed)
            if order["paid_at"] is None:
                unpaid.add(str(order.get("id")))
        if order.get("payment_method") != "card":
            order["payment_detail"] = ""
        request = order.get("cancellation")
        if not isinstance(request, dict):
            continue
        if request.get("outcome") is None and order.get("status") == "cancelled":
            answered = order.get("closed_at") or request.get("requested_at")
            request = {**request, "outcome": "cancelled_at_once", "answered_at": answered}
            order["cancellation"] = request
        happened = request.get("outcome") in ("agreed", "no_answer")
        doc_id = store_doc.get(order.get("store_id"))
        if request.get("reason") in SELLER_FAULT and not happened and doc_id is not None:
            store = stores[doc_id]
            store["fault_cancellations"] = max(0, int(store.get("fault_cancellations", 0)) - 1)
    migrated = dict(raw)  # a missing table stays missing, for validation to name
    if "orders" in raw:
        migrated["orders"] = orders
    if "stores" in raw:
        migrated["stores"] = stores
    if "refunds" in raw:
        migrated["refunds"] = {
            k: r for k, r in raw["refunds"].items() if r.get("order_id") not in unpaid
        }
    if "events" in raw:
        migrated["events"] = {
            k: e
            for k, e in raw["events"].items()
            if not (e.get("kind") == "refund_completed" and e.get("order_id") in unpaid)
        }
    return migrated


MIGRATIONS: dict[int, Migration] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4}
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
