"""The models written back as one plain TinyDB file, a piece at a time.

The file is what the app always wrote: UTF-8 JSON, indented by two spaces, readable by stock
`TinyDB(path)`. It is produced in pieces of a few hundred documents, each
serialised by pydantic and indented one level deeper, so that writing 10,000 orders never
holds the whole 12 MB text in memory at once (it would raise the app's peak memory by
~25 MB).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from typing import Any

import orjson
from pydantic import ConfigDict, TypeAdapter

from tui.domain.dispute_models import Dispute
from tui.domain.meta import Meta
from tui.domain.models import Buyer, Event, Order, Refund, Store
from tui.store.validate import Snapshot

PIECE = 500
"""Documents serialised at a time."""

_TABLES: dict[str, TypeAdapter[Any]] = {
    "meta": TypeAdapter(dict[str, Meta]),
    "buyer": TypeAdapter(dict[str, Buyer]),
    "stores": TypeAdapter(dict[str, Store]),
    "orders": TypeAdapter(dict[str, Order]),
    "events": TypeAdapter(dict[str, Event]),
    "refunds": TypeAdapter(dict[str, Refund]),
    "disputes": TypeAdapter(dict[str, Dispute]),
}
_OTHER: TypeAdapter[Any] = TypeAdapter(
    dict[str, Any], config=ConfigDict(ser_json_inf_nan="constants")
)
"""Tables this program does not know: written back as they were read."""


def tables(snapshot: Snapshot) -> dict[str, dict[str, Any]]:
    """The snapshot as TinyDB tables of documents (models) by document id."""
    return {
        "meta": {snapshot.meta_doc_id: snapshot.meta},
        "buyer": {snapshot.buyer_doc_id: snapshot.buyer},
        "stores": {snapshot.store_doc_ids[k]: store for k, store in snapshot.stores.items()},
        "orders": {snapshot.order_doc_ids[k]: order for k, order in snapshot.orders.items()},
        "events": dict(zip(snapshot.event_doc_ids, snapshot.events, strict=True)),
        "refunds": {snapshot.refund_doc_ids[k]: r for k, r in snapshot.refunds.items()},
        "disputes": {snapshot.dispute_doc_ids[k]: d for k, d in snapshot.disputes.items()},
        **snapshot.extra,
    }


def dump(snapshot: Snapshot) -> Iterator[bytes]:
    """The whole file, in pieces."""
    yield from _tables(snapshot)
    yield b"\n}"


def _tables(snapshot: Snapshot) -> Iterator[bytes]:
    """Every table, without the file's closing brace."""
    separator = b"{\n"
    for name, documents in tables(snapshot).items():
        adapter = _TABLES.get(name, _OTHER)
        yield separator + b"  " + orjson.dumps(name) + b": {"
        separator = b",\n"
        items = list(documents.items())
        for start in range(0, len(items), PIECE):
            text = adapter.dump_json(dict(items[start : start + PIECE]), indent=2)
            body = text[2:-2]  # what is between "{\n" and "\n}"
            yield (b"\n" if start == 0 else b",\n") + b"  " + body.replace(b"\n", b"\n  ")
        yield b"\n  }" if items else b"}"


class Digest:
    """`tui.store.journal.digest` of bytes that pass by in pieces."""

    def __init__(self) -> None:
        self.size = 0
        self.crc = 0

    def passing(self, pieces: Iterable[bytes]) -> Iterator[bytes]:
        for piece in pieces:
            self.size += len(piece)
            self.crc = zlib.crc32(piece, self.crc)
            yield piece

    def __str__(self) -> str:
        return f"{self.size}:{self.crc:08x}"
