"""Duplicate keys in a JSON file: two documents under one id, one table twice.

JSON parsers keep the last of two equal keys without a word, so a hand-merged file with
document "7" twice in `orders` would lose one order silently. Looking for duplicates with
the stdlib parser's `object_pairs_hook` costs seconds on a large file, so a cheap count
comes first: every document id is a key of digits whose value is an object, so a file with
no duplicate holds exactly as many such keys (counted in its text, ~25 ms for 14 MB) as the
parsed data does. Only a file where the two differ (a duplicate, or such text inside a
string) is parsed again, slowly, to name the duplicate.
"""

from __future__ import annotations

import json
import re
from typing import Any

_DOC_KEY_PLAIN = re.compile(rb'"[0-9]+"\s*:\s*\{')
_DOC_KEY = re.compile(rb'"(?:[0-9]|\\u003[0-9])+"\s*:\s*\{')
"""A key of digits (some perhaps written as escapes, "\\u0037") whose value is an object."""


def keys_in_text(data: bytes) -> int:
    """Keys of digits whose value is an object, as written (an upper bound when a string
    holds such text)."""
    escaped = b"\\u003" in data  # a digit written as an escape: rare, and slower to find
    return len((_DOC_KEY if escaped else _DOC_KEY_PLAIN).findall(data))


def keys_in_data(value: object) -> int:
    """Keys of digits whose value is an object, in parsed JSON."""
    found = 0
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, child in item.items():
                if isinstance(child, dict | list):
                    stack.append(child)
                    found += isinstance(child, dict) and key.isdigit()
        elif isinstance(item, list):
            stack.extend(child for child in item if isinstance(child, dict | list))
    return found


class _Object(dict[str, Any]):
    """A parsed JSON object that remembers the keys it held twice."""

    twice: list[str]


def _pairs(pairs: list[tuple[str, Any]]) -> _Object:
    found = _Object()
    found.twice = []
    for key, value in pairs:
        if key in found:
            found.twice.append(key)
        found[key] = value
    return found


def first_duplicate(data: bytes, inside: str | None = None) -> str | None:
    """Where ``data`` (valid JSON of TinyDB's shape, or an object holding that shape under
    the key ``inside``) holds a key twice, in words naming the table and the document;
    None if nowhere."""
    try:
        parsed = json.loads(data.decode("utf-8"), object_pairs_hook=_pairs)
    except (ValueError, RecursionError):
        return None  # the caller has parsed it already: not ours to judge
    if inside is not None and isinstance(parsed, _Object):
        if parsed.twice:
            return f"'{parsed.twice[0]}' appears twice"
        parsed = parsed.get(inside)
    if not isinstance(parsed, _Object):
        return None
    if parsed.twice:
        return f"table '{parsed.twice[0]}' appears twice"
    for table, documents in parsed.items():
        if not isinstance(documents, _Object):
            continue
        if documents.twice:
            return f"table '{table}': document id {documents.twice[0]} appears twice"
        for doc_id, document in documents.items():
            where = _nested(document)
            if where is not None:
                return f"table '{table}', document {doc_id}: {where}"
    return None


def _nested(value: object) -> str | None:
    """The first key held twice at any depth inside a document, named."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, _Object):
            if item.twice:
                return f"field '{item.twice[0]}' appears twice"
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None
