"""Reading a language's catalog folder, with a parsed copy kept beside it like bytecode.

Parsing the TOML files (and importing `tomllib`) took ~4 ms of every start, ~2% of it, for
text that changes only with a new version. So the merged catalog is also written as JSON to
``__pycache__/`` beside the folders, stamped with each file's name, size and modification
time, the way Python keeps ``.pyc`` files; a start whose stamp matches reads that instead.
Any difference (a file edited, added or removed), or a copy that can't be read, means the
TOML files are parsed again. A folder that can't be written to only costs the 4 ms.
"""

from __future__ import annotations

import json
import os
from contextlib import suppress
from pathlib import Path
from typing import Any


def read_catalog(folder: Path, cache: Path) -> dict[str, str]:
    """The catalog in ``folder`` flattened to dotted keys, read from ``cache`` if it is
    current; otherwise parsed, and ``cache`` written for the next start."""
    sources = sorted(folder.glob("*.toml"))
    stamp = [[path.name, *_size_and_time(path)] for path in sources]
    entries = _cached(cache, stamp)
    if entries is None:
        entries = parse_catalog(sources)
        _keep(cache, {"stamp": stamp, "entries": entries})
    return entries


def parse_catalog(sources: list[Path]) -> dict[str, str]:
    """Merge the TOML files; a key defined twice is an error."""
    import tomllib

    merged: dict[str, str] = {}
    for path in sources:
        with path.open("rb") as handle:
            entries = _flatten(tomllib.load(handle))
        twice = sorted(set(entries) & set(merged))
        if twice:
            raise ValueError(f"{path.name} redefines catalog keys: {', '.join(twice)}")
        merged.update(entries)
    return merged


def _flatten(table: dict[str, object], prefix: str = "") -> dict[str, str]:
    """`[status] shipped = ...` becomes `status.shipped`."""
    flat: dict[str, str] = {}
    for key, value in table.items():
        full = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{full}."))
        elif isinstance(value, str):
            flat[full] = value
        else:
            raise TypeError(f"catalog entry {full} is not text")
    return flat


def _size_and_time(path: Path) -> list[int]:
    status = path.stat()
    return [status.st_size, status.st_mtime_ns]


def _cached(cache: Path, stamp: list[list[Any]]) -> dict[str, str] | None:
    try:
        kept = json.loads(cache.read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(kept, dict) or kept.get("stamp") != stamp:
        return None
    entries = kept.get("entries")
    if not isinstance(entries, dict) or not all(
        isinstance(key, str) and isinstance(text, str) for key, text in entries.items()
    ):
        return None
    return entries


def _keep(cache: Path, document: dict[str, Any]) -> None:
    """Write ``cache`` whole or not at all (a partly written copy would fail to parse and be
    ignored, but a temporary file and a rename never leave one)."""
    partial = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
    try:
        cache.parent.mkdir(exist_ok=True)
        partial.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, cache)
    except OSError:
        with suppress(OSError):
            partial.unlink(missing_ok=True)
