"""The cancellation reason catalog, shared by the app and website flows."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from tui.domain.errors import InvalidMessage
from tui.domain.typed import has_control


class Fault(StrEnum):
    BUYER = "buyer"
    SELLER = "seller"
    NONE = "none"


class CancelReason(StrEnum):
    """Reason ids, in the order the marketplace lists them (first = recommended)."""

    NO_LONGER_NEEDED = "no_longer_needed"
    WRONG_ITEM = "wrong_item"
    DUPLICATE_ORDER = "duplicate_order"
    CHANGE_ADDRESS = "change_address"
    SHIPPING_TOO_LONG = "shipping_too_long"
    OUT_OF_STOCK = "out_of_stock"
    SELLER_ASKED = "seller_asked"
    CANNOT_CONTACT_SELLER = "cannot_contact_seller"
    OTHER = "other"

    @property
    def fault(self) -> Fault:
        return _FAULT[self]

    @property
    def blames_seller(self) -> bool:
        """Seller-fault reasons lower the store's rating and are likely to be refused."""
        return self.fault is Fault.SELLER

    @property
    def recommended(self) -> bool:
        return self is RECOMMENDED_REASON

    @property
    def needs_note(self) -> bool:
        """ "Other" is free text: without a note it says nothing."""
        return self is CancelReason.OTHER

    @property
    def label_key(self) -> str:
        return f"reason.{self.value}"


RECOMMENDED_REASON = CancelReason.NO_LONGER_NEEDED


def note_hint_key(reason: CancelReason | None) -> str:
    """The note field's hint (a catalog key): optional, except where the note is the reason."""
    required = reason is not None and reason.needs_note
    return "reason.note_placeholder_required" if required else "reason.note_placeholder"


_FAULT: dict[CancelReason, Fault] = {
    CancelReason.NO_LONGER_NEEDED: Fault.BUYER,
    CancelReason.WRONG_ITEM: Fault.BUYER,
    CancelReason.DUPLICATE_ORDER: Fault.BUYER,
    CancelReason.CHANGE_ADDRESS: Fault.BUYER,
    CancelReason.SHIPPING_TOO_LONG: Fault.SELLER,
    CancelReason.OUT_OF_STOCK: Fault.SELLER,
    CancelReason.SELLER_ASKED: Fault.SELLER,
    CancelReason.CANNOT_CONTACT_SELLER: Fault.SELLER,
    CancelReason.OTHER: Fault.NONE,
}

NOTE_MAX_LENGTH = 500
MESSAGE_MAX_LENGTH = 500


def clean_message(message: str) -> str:
    """A seller's message (a refusal, a counter-proposal) must tell the buyer why, within
    the length the app allows."""
    cleaned = message.strip()
    if not cleaned:
        raise InvalidMessage("error.message_required")
    if len(cleaned) > MESSAGE_MAX_LENGTH:
        raise InvalidMessage("error.message_too_long", limit=str(MESSAGE_MAX_LENGTH))
    if has_control(cleaned):
        raise InvalidMessage("error.message_control")
    return cleaned


def all_reasons() -> list[CancelReason]:
    """Every reason, in display order; both flows list exactly these."""
    return list(CancelReason)


@dataclass(frozen=True)
class ReasonChoice:
    """What the buyer picked on the reason step: the reason and an optional note."""

    reason: CancelReason
    note: str = ""
