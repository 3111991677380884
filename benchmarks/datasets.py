"""Large data sets made from whatever demo data the code ships, so they follow its schema.

The orders of ``data/demo.json`` are cloned and renumbered until there are as many as asked
for; every other table is copied as it is. Orders that another table refers to (events,
refunds, ...) are kept once and never cloned, so no cross-table rule can be broken by a
clone. Dates are not shifted: a clone is its original under a new number, so whatever the
rules derive from dates stays as valid as it is in the demo data.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

from tui.store.demo import demo_path
from tui.store.storage import serialize

Document = dict[str, Any]
RawDB = dict[str, dict[str, Document]]


def referenced_values(raw: RawDB, skip: str) -> set[str]:
    """Every string value found (at any depth) in the tables other than ``skip``."""
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.add(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for table, documents in raw.items():
        if table != skip:
            walk(documents)
    return found


def scale_orders(raw: RawDB, count: int) -> RawDB:
    """A copy of ``raw`` with exactly ``count`` orders: the originals, then renumbered clones.

    Clones get order numbers above the highest original (same number of digits) and doc ids
    following the originals'. Asking for fewer orders than the demo has keeps the first ones,
    but never drops an order that another table refers to.
    """
    originals = list(raw["orders"].values())
    referenced = referenced_values(raw, skip="orders")
    pinned = [o for o in originals if o["id"] in referenced]
    free = [o for o in originals if o["id"] not in referenced]
    if count < len(pinned):
        raise ValueError(f"cannot go below {len(pinned)} orders: other tables refer to them")
    kept = pinned + free[: max(0, count - len(pinned))] if count < len(originals) else originals
    templates = free or originals
    next_id = max(int(o["id"]) for o in originals) + 1
    orders = list(kept)
    for template in itertools.islice(itertools.cycle(templates), count - len(orders)):
        orders.append({**template, "id": str(next_id)})
        next_id += 1
    scaled = dict(raw)
    scaled["orders"] = {str(doc_id): order for doc_id, order in enumerate(orders, start=1)}
    return scaled


def demo_raw() -> RawDB:
    """The demo's tables."""
    raw: RawDB = json.loads(demo_path().read_bytes())
    return raw


def write_dataset(folder: Path, count: int) -> Path:
    """Write ``orders-<count>.json`` into ``folder``, pretty-printed like the files the app
    writes."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"orders-{count}.json"
    target.write_bytes(serialize(scale_orders(demo_raw(), count), indent=True))
    return target
