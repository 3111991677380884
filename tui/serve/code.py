"""The class code: what a browser must know before the server starts anything for it.

A trainer binding `serve` to an address other than loopback gets a code (`--code`, or one made
here and printed); a browser types it once and gets a cookie holding a token derived from it.
Codes are compared by that token, in constant time; case, spaces and hyphens don't matter, so
"k7qm 3xpr" is "K7QM-3XPR". Wrong codes are slowed down and, past a few a minute from one
address, refused outright. Pure: the clock is passed in.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections import deque
from dataclasses import dataclass, field

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
"""No 0/O, 1/I: a code is read aloud and copied from a projector."""
GENERATED_LENGTH = 8
MIN_CODE_LENGTH = 4
MAX_CODE_LENGTH = 64
TOKEN_LABEL = b"cancel-order class code v1"


class BadCode(ValueError):
    """A `--code` the server won't accept (one line, for the command line)."""


def normalize(code: str) -> str:
    """Upper case, without spaces and hyphens: how a code is compared."""
    return "".join(char for char in code if char not in " -\t").upper()


def check_code(code: str) -> str:
    """A trainer's `--code`, normalized; `BadCode` if it is too short, long or strange."""
    plain = normalize(code)
    if not (plain.isascii() and plain.isalnum()):
        raise BadCode("--code takes letters and digits only (spaces and hyphens are ignored)")
    if not MIN_CODE_LENGTH <= len(plain) <= MAX_CODE_LENGTH:
        raise BadCode(f"--code needs {MIN_CODE_LENGTH} to {MAX_CODE_LENGTH} letters or digits")
    return plain


def generate_code() -> str:
    """A fresh code, shown as two groups of four: ~40 bits, typed once per browser."""
    plain = "".join(secrets.choice(CODE_ALPHABET) for _ in range(GENERATED_LENGTH))
    return f"{plain[:4]}-{plain[4:]}"


def token_for(code: str) -> str:
    """The cookie's value for a code. The same code gives the same token in every `serve`
    process, so the processes behind one proxy accept each other's visitors."""
    return hmac.new(normalize(code).encode(), TOKEN_LABEL, hashlib.sha256).hexdigest()


def same_token(given: str | None, expected: str) -> bool:
    """Constant-time comparison of a cookie with the expected token."""
    if given is None:
        return False
    return hmac.compare_digest(given.encode(), expected.encode())


def code_matches(typed: str, code: str) -> bool:
    """Whether a typed code is the class code, compared through their tokens (constant time,
    whatever the lengths)."""
    return same_token(token_for(typed), token_for(code))


@dataclass
class WrongCodes:
    """Counts wrong codes per address: past `limit` in `window` seconds the address is refused
    (even the right code) until the oldest wrong one is `window` seconds old."""

    limit: int = 5
    window: float = 60.0
    _seen: dict[str, deque[float]] = field(default_factory=dict)

    def _recent(self, address: str, now: float) -> deque[float]:
        times = self._seen.get(address, deque())
        while times and now - times[0] >= self.window:
            times.popleft()
        if times:
            self._seen[address] = times
        else:
            self._seen.pop(address, None)
        return times

    def refused(self, address: str, now: float) -> bool:
        return len(self._recent(address, now)) >= self.limit

    def record(self, address: str, now: float) -> None:
        times = self._recent(address, now)
        times.append(now)
        self._seen[address] = times
