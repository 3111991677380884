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


class DisputeNotAllowed(DomainError):
    """The order or the dispute does not allow this step now (window, state, time)."""


class InvalidAmount(DomainError):
    """An amount asked, offered or decided is out of bounds (more than was paid, ...)."""


class InvalidDescription(DomainError):
    """A dispute's description is missing, too long, or holds control characters."""


class InvalidEvidence(DomainError):
    """An evidence entry is not a plain file name, or there are too many."""


class InvalidTracking(DomainError):
    """A typed tracking number does not look like one."""


class InvalidDays(DomainError):
    """A number of days (protection granted, delivery time) is out of range."""
