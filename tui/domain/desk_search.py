"""Finding an order at the support desk: by its number (whole or last digits), the
buyer's or recipient's name, or a phone number. Pure: the service passes the orders."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from tui.domain.models import Buyer, Order

LAST_DIGITS_MIN = 3
"""The fewest trailing digits that find an order by the end of its number."""
PHONE_DIGITS_MIN = 4
"""The fewest digits that find an order by the phone number it ships to."""


class MatchedBy(StrEnum):
    """Why an order is in the results: the agent sees which key found it."""

    NUMBER = "number"
    LAST_DIGITS = "last_digits"
    NAME = "name"
    PHONE = "phone"
    ANY = "any"
    """Nothing typed yet: every order is listed."""

    @property
    def label_key(self) -> str:
        return f"desk.matched_{self.value}"


@dataclass(frozen=True)
class Found:
    order: Order
    by: MatchedBy


@lru_cache(maxsize=4096)  # the same names and phones come back on every key typed
def _folded(text: str) -> str:
    """Lower case without accents: "Amína" finds "Amina"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=4096)
def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


@lru_cache(maxsize=64)
def _is_number(query: str) -> bool:
    """Typed as a number (an order or phone number): digits, spaces, + - ( ) only."""
    return bool(_digits(query)) and all(c.isdigit() or c in " +-()." for c in query)


def match(order: Order, buyer: Buyer, query: str) -> MatchedBy | None:
    """Whether (and by what) ``query`` finds ``order``: the whole order number, its last
    digits (at least `LAST_DIGITS_MIN`), the phone it ships to or the buyer's (any
    `PHONE_DIGITS_MIN` or more digits of it, a local leading 0 ignored), or every word of
    the buyer's or recipient's name (case and accents ignored)."""
    query = query.strip()
    if not query:
        return MatchedBy.ANY
    if _is_number(query):
        digits = _digits(query)
        if order.id == digits:
            return MatchedBy.NUMBER
        if len(digits) >= LAST_DIGITS_MIN and order.id.endswith(digits):
            return MatchedBy.LAST_DIGITS
        local = digits.lstrip("0")
        phones = (_digits(order.address.phone), _digits(buyer.address.phone))
        if len(local) >= PHONE_DIGITS_MIN and any(local in phone for phone in phones):
            return MatchedBy.PHONE
        return None
    words = _folded(query).split()
    for name in (order.address.recipient, buyer.name):
        folded = _folded(name)
        if all(word in folded for word in words):
            return MatchedBy.NAME
    return None


def search_orders(orders: Iterable[Order], buyer: Buyer, query: str) -> list[Found]:
    """The orders ``query`` finds (`match`), newest placed first."""
    found = [Found(order, by) for order in orders if (by := match(order, buyer, query))]
    # By the moment as a number: comparing aware datetimes costs ~10× more (10,000 orders).
    return sorted(found, key=lambda f: (f.order.placed_at.timestamp(), f.order.id), reverse=True)
