"""Domain errors carry a catalog key, so every layer can show them in the user's language."""

from __future__ import annotations


class DomainError(Exception):
    """A rule said no. `key` names the catalog message; `params` fill it in."""

    def __init__(self, key: str, **params: str) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


class ActionNotAllowed(DomainError):
    """The order's status does not allow the action (it may have changed meanwhile)."""


class InvalidNote(DomainError):
    """The note is missing where required, or too long."""


class InvalidDuration(DomainError):
    """A typed time span is not a duration, is zero or negative, or is too long."""


class InvalidMessage(DomainError):
    """A seller's message is missing or too long."""


class BuyerBlocked(DomainError):
    """The buyer has cancelled too often lately and may not cancel now."""
