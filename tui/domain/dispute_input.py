"""What the buyer and the seller type into a dispute, checked: descriptions, evidence file
names, tracking numbers and amounts.

Each `clean_*` returns the text as it will be saved, or raises a `DomainError` subclass
with a catalog key (nothing is saved). The `*_problem` predicates are the same rules for
the store, which refuses a file holding what the app would never have saved.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tui.domain.errors import InvalidAmount, InvalidDescription, InvalidEvidence, InvalidTracking
from tui.domain.money import Money
from tui.domain.typed import has_control

DESCRIPTION_MAX_LENGTH = 1000
EVIDENCE_MAX_FILES = 6
EVIDENCE_NAME_MAX_LENGTH = 100
TRACKING_MIN_LENGTH = 8
TRACKING_MAX_LENGTH = 30
TRACKING_MIN_DIGITS = 6
_TRACKING = re.compile(rf"^[A-Z0-9]{{{TRACKING_MIN_LENGTH},{TRACKING_MAX_LENGTH}}}$")
TRACKING_EXAMPLE = "LP00712345678901"


def clean_description(text: str) -> str:
    """The buyer's account of the problem: required, at most `DESCRIPTION_MAX_LENGTH`."""
    cleaned = text.strip()
    if not cleaned:
        raise InvalidDescription("error.dispute_description_required")
    if len(cleaned) > DESCRIPTION_MAX_LENGTH:
        raise InvalidDescription(
            "error.dispute_description_too_long", limit=str(DESCRIPTION_MAX_LENGTH)
        )
    if has_control(cleaned):
        raise InvalidDescription("error.dispute_description_control")
    return cleaned


def evidence_name_problem(name: str) -> str | None:
    """Why ``name`` is not a plain file name (None if it is one).

    A name, not a path: no folder separators, not "." or "..", no control characters, no
    spaces around it, at most `EVIDENCE_NAME_MAX_LENGTH` characters.
    """
    if not name:
        return "empty"
    if len(name) > EVIDENCE_NAME_MAX_LENGTH:
        return "too_long"
    if "/" in name or "\\" in name or name in (".", ".."):
        return "path"
    if has_control(name, allow_newlines=False):
        return "control"
    if name != name.strip():
        return "spaces"
    return None


def clean_evidence(names: Iterable[str]) -> list[str]:
    """The evidence file names as saved: each stripped, empty entries dropped, checked,
    no name twice, at most `EVIDENCE_MAX_FILES`."""
    cleaned: list[str] = []
    for raw in names:
        name = raw.strip()
        if not name:
            continue
        problem = evidence_name_problem(name)
        if problem is not None:
            limit = str(EVIDENCE_NAME_MAX_LENGTH)
            raise InvalidEvidence(f"error.evidence_{problem}", name=name[:40], limit=limit)
        if name in cleaned:
            raise InvalidEvidence("error.evidence_twice", name=name[:40])
        cleaned.append(name)
    if len(cleaned) > EVIDENCE_MAX_FILES:
        raise InvalidEvidence("error.evidence_too_many", limit=str(EVIDENCE_MAX_FILES))
    return cleaned


def tracking_problem(number: str) -> str | None:
    """Why ``number`` (already cleaned) is not a tracking number, or None.

    Our format: 8 to 30 capital letters and digits, at least 6 of them digits — what postal
    (LP00712345678901, RB123456789CN) and courier numbers (YT2410220088123) look like.
    """
    if not _TRACKING.match(number):
        return "format"
    if sum(char.isdigit() for char in number) < TRACKING_MIN_DIGITS:
        return "digits"
    return None


def clean_tracking(text: str) -> str:
    """A typed tracking number as saved: spaces and dashes dropped, letters capitalised."""
    cleaned = re.sub(r"[\s-]+", "", text).upper()
    if not cleaned:
        raise InvalidTracking("error.tracking_required")
    if tracking_problem(cleaned) is not None:
        raise InvalidTracking(
            "error.tracking_format",
            low=str(TRACKING_MIN_LENGTH),
            high=str(TRACKING_MAX_LENGTH),
            example=TRACKING_EXAMPLE,
        )
    return cleaned


_AMOUNT = re.compile(r"^(\d{1,9})(?:[.,](\d{1,2}))?$")


def parse_amount(text: str, currency: str) -> Money:
    """A typed amount ("12", "12.5", "12,50") in ``currency``'s minor units (two decimals,
    as every currency the app shows). Raises `InvalidAmount` for anything else."""
    match = _AMOUNT.match(text.strip().replace(" ", ""))
    if match is None:
        raise InvalidAmount("error.amount_format", example="12.50")
    whole, cents = match.group(1), (match.group(2) or "").ljust(2, "0")
    return Money(minor=int(whole) * 100 + int(cents), currency=currency)
