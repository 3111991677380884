"""The glance the app writes at the end of its data file, and reading it back at start.

Every file the app writes ends with one more TinyDB table, ``glance``: what the Account page
showed for the data before it (`tui.domain.glance`), the language and layout to start in,
and the `digest` of every byte before it::

    ...,
    "glance": {"1": {"version": 1, "digest": "…", "language": "en", "flow": "app", …}}
    }

A start reads only this (no pydantic, no models): if the digest matches and no journal waits,
Account is drawn from it and the models are loaded after the first frame. Anything else (a
file edited or written by something else, a journal after a crash, another glance version)
gives None, and the app loads and validates the file first, as it always did. Stock TinyDB
reads the table like any other; the app itself drops it on load and writes a new one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

import orjson

from tui.domain.glance import AccountGlance
from tui.store.files import digest, journal_path

GLANCE_TABLE = "glance"
GLANCE_VERSION = 1
"""Raised whenever what the glance holds, or a rule behind it, changes: older glances are
then ignored (the file is loaded first, as without one)."""
_MARK = b',\n"glance": '
_END = b"\n}"


class FirstPage(NamedTuple):
    """What a start needs before the models: the language, the layout, Account's facts."""

    language: str
    flow: str
    account: AccountGlance


def glance_piece(before: str, first: FirstPage) -> bytes:
    """The file's last bytes, after the tables (their closing ``}`` left out) whose digest is
    ``before``."""
    document = {
        "version": GLANCE_VERSION,
        "digest": before,
        "language": first.language,
        "flow": first.flow,
        "account": first.account.to_json(),
    }
    return _MARK + orjson.dumps({"1": document}) + _END


def with_glance(data: bytes, first: FirstPage) -> bytes:
    """A whole file written without one (``{…tables…}``), with its glance."""
    body = data.rstrip()
    if not body.endswith(b"}"):
        raise ValueError("not a JSON object")
    body = body[:-1].rstrip()
    return body + glance_piece(digest(body), first)


def _glance_at(data: bytes) -> int | None:
    """Where a file's glance starts, if it ends with one."""
    at = data.rfind(_MARK)
    return at if at >= 0 and data.endswith(_END) else None


def without_glance(data: bytes) -> bytes:
    """The file as it was before its glance was added (unchanged if it has none)."""
    at = _glance_at(data)
    return data if at is None else data[:at] + _END


def read_first_page(path: Path) -> FirstPage | None:
    """The glance of an unchanged file the app wrote; None when the file must be loaded."""
    try:
        if journal_path(path).exists():
            return None
        return first_page_of(path.read_bytes())
    except OSError:
        return None


def first_page_of(data: bytes) -> FirstPage | None:
    at = _glance_at(data)
    if at is None:
        return None
    try:
        table: Any = orjson.loads(data[at + len(_MARK) : -len(_END)])
        (document,) = table.values()
        if document["version"] != GLANCE_VERSION or document["digest"] != digest(data[:at]):
            return None
        language, flow = document["language"], document["flow"]
        if language not in ("en", "sw") or flow not in ("app", "web"):
            return None
        return FirstPage(language, flow, AccountGlance.from_json(document["account"]))
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
