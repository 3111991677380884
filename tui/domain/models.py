"""The domain as pydantic models: what a buyer, a store and an order are."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictInt, model_validator

from tui.domain.bounds import COUNT_MAX, MONEY_MAX, Moment
from tui.domain.kinds import MemberLevel, RefundMethod, RefundStatus
from tui.domain.kinds import RequestOutcome as RequestOutcome  # where it was defined before
from tui.domain.money import Money
from tui.domain.reasons import MESSAGE_MAX_LENGTH, NOTE_MAX_LENGTH, CancelReason
from tui.domain.status import OrderStatus, OrderTab, tab_of

NonEmpty = Annotated[str, Field(min_length=1, max_length=2000)]


class Model(BaseModel):
    """Base for stored models: unknown fields are an error, not silently dropped."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class PaymentMethod(StrEnum):
    CARD = "card"
    WALLET = "wallet"
    CASH_ON_DELIVERY = "cash_on_delivery"

    @property
    def label_key(self) -> str:
        return f"payment.{self.value}"


class Actor(StrEnum):
    BUYER = "buyer"
    SELLER = "seller"
    SYSTEM = "system"
    """The marketplace's own automation: a deadline ran out."""
    PLATFORM = "platform"
    """The marketplace's staff deciding an escalated dispute (the trainer plays them)."""
    AGENT = "agent"
    """A support agent at the desk: replies to the buyer and internal notes, nothing else."""

    @property
    def label_key(self) -> str:
        return f"actor.{self.value}"


class Store(Model):
    id: NonEmpty
    name: NonEmpty
    positive_feedback_permille: StrictInt = Field(ge=0, le=1000)
    """Share of positive feedback in tenths of a percent: 978 shows as 97.8%."""
    followers: StrictInt = Field(default=0, ge=0, le=COUNT_MAX)
    fault_cancellations: StrictInt = Field(default=0, ge=0, le=COUNT_MAX)
    """Cancellations that happened (the seller agreed, or did not answer in time) whose
    reason blamed this seller; each lowers the shown rating. A request refused or withdrawn
    cancelled nothing, so it does not count (docs/data-format.md)."""
    reports: StrictInt = Field(default=0, ge=0, le=COUNT_MAX)
    """Times a buyer reported this seller after such a cancellation."""


class Address(Model):
    recipient: NonEmpty
    phone: NonEmpty
    street: NonEmpty
    city: NonEmpty
    region: str = ""
    postcode: str = ""
    country: NonEmpty


class Buyer(Model):
    name: NonEmpty
    member_level: MemberLevel
    wallet: Money
    address: Address

    @property
    def initials(self) -> str:
        words = [w for w in self.name.split() if w]
        return "".join(w[0] for w in words[:2]).upper() or "?"


class Item(Model):
    title: NonEmpty
    variant: str = ""
    quantity: StrictInt = Field(ge=1, le=999)
    unit_price: Money

    @property
    def subtotal(self) -> Money:
        return self.unit_price.times(self.quantity)


class CancellationRequest(Model):
    """What the buyer asked for when cancelling, and how it ended, kept on the order."""

    reason: CancelReason
    note: str = Field(default="", max_length=NOTE_MAX_LENGTH)
    requested_at: Moment
    outcome: RequestOutcome | None = None
    answered_at: Moment | None = None
    """When the seller agreed or refused, or the buyer withdrew."""
    seller_message: str = Field(default="", max_length=MESSAGE_MAX_LENGTH)
    """What a refusing seller wrote to the buyer."""
    seller_reported: bool = False


class ExtensionOutcome(StrEnum):
    """How the buyer's request to extend purchase protection ended."""

    GRANTED = "granted"
    REFUSED = "refused"
    LAPSED = "lapsed"
    """The seller did not answer in time, or the order left protection first."""


class ProtectionExtension(Model):
    """The buyer's one request to extend purchase protection; only the seller grants it."""

    requested_at: Moment
    outcome: ExtensionOutcome | None = None
    answered_at: Moment | None = None
    granted_days: StrictInt = Field(default=0, ge=0, le=365)
    """Extra days of protection (and of the delivery deadline); 0 unless granted."""


class Order(Model):
    id: str = Field(pattern=r"^[0-9]{8,20}$")
    status: OrderStatus
    store_id: NonEmpty
    items: list[Item] = Field(min_length=1)
    shipping: Money
    discount: Money
    payment_method: PaymentMethod
    payment_detail: str = ""
    address: Address
    placed_at: Moment
    paid_at: Moment | None = None
    shipped_at: Moment | None = None
    completed_at: Moment | None = None
    closed_at: Moment | None = None
    tracking_number: str = ""
    reviewed: bool = False
    cancellation: CancellationRequest | None = None
    tracking_fake: bool = False
    """The tracking number is fake or someone else's: tracking never shows this parcel."""
    delivery_days: StrictInt | None = Field(default=None, ge=1, le=120)
    """The seller's promised delivery time from shipping; None: the `delivery_days` setting."""
    delivered_at: Moment | None = None
    """When tracking showed the parcel delivered."""
    receipt_confirmed_at: Moment | None = None
    """When the buyer confirmed receipt (or it confirmed itself after delivery)."""
    extension: ProtectionExtension | None = None

    @model_validator(mode="after")
    def _one_currency(self) -> Order:
        currencies = {i.unit_price.currency for i in self.items}
        currencies |= {self.shipping.currency, self.discount.currency}
        if len(currencies) != 1:
            raise ValueError(f"order mixes currencies: {', '.join(sorted(currencies))}")
        gross = sum(i.unit_price.minor * i.quantity for i in self.items) + self.shipping.minor
        if gross > MONEY_MAX:
            raise ValueError(f"items and shipping add up to more than {MONEY_MAX} minor units")
        if self.shipped_at is None and (self.delivered_at or self.receipt_confirmed_at):
            raise ValueError("an order delivered or received must have been shipped")
        return self

    @property
    def paid(self) -> Money:
        """What the buyer has paid: the total once paid, nothing before. Refunds never
        add up to more than this."""
        return self.total if self.paid_at is not None else Money.zero(self.currency)

    @property
    def cash_on_delivery(self) -> bool:
        return self.payment_method is PaymentMethod.CASH_ON_DELIVERY

    @property
    def pays_on_delivery(self) -> bool:
        """A cash-on-delivery order not paid yet: paid when the parcel arrives (never
        before shipping), so cancelling it refunds nothing."""
        return self.cash_on_delivery and self.paid_at is None

    @property
    def currency(self) -> str:
        return self.shipping.currency

    @property
    def subtotal(self) -> Money:
        total = Money.zero(self.currency)
        for item in self.items:
            total = total + item.subtotal
        return total

    @property
    def total(self) -> Money:
        """What the buyer pays: items plus shipping less discounts."""
        return self.subtotal + self.shipping - self.discount

    @property
    def quantity(self) -> int:
        return sum(item.quantity for item in self.items)

    @property
    def tab(self) -> OrderTab | None:
        return tab_of(self.status, reviewed=self.reviewed)


class EventKind(StrEnum):
    """What happened to an order; the timeline names each kind in the user's language."""

    REQUESTED = "requested"
    """The buyer asked to cancel a paid order."""
    CANCELLED = "cancelled"
    """The buyer cancelled an unpaid (or not yet verified) order at once."""
    WITHDRAWN = "withdrawn"
    SELLER_AGREED = "seller_agreed"
    SELLER_REFUSED = "seller_refused"
    NO_ANSWER = "no_answer"
    """Closed automatically: the seller did not answer in time."""
    NOT_SHIPPED = "not_shipped"
    """Closed automatically: the processing time ran out."""
    NOT_PAID = "not_paid"
    """Closed automatically: not paid within the payment window."""
    PAYMENT_VERIFIED = "payment_verified"
    REFUND_COMPLETED = "refund_completed"
    SELLER_REPORTED = "seller_reported"
    STATUS_CHANGED = "status_changed"
    """A change in a file from an older version that this one cannot name more precisely."""

    # After shipping (tui.domain.shipping); docs/disputes.md tells each one.
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    RECEIPT_CONFIRMED = "receipt_confirmed"
    RECEIPT_AUTO_CONFIRMED = "receipt_auto_confirmed"
    PROTECTION_ENDED = "protection_ended"
    """Completed automatically: buyer protection ran out with no dispute open."""
    EXTENSION_REQUESTED = "extension_requested"
    EXTENSION_GRANTED = "extension_granted"
    EXTENSION_REFUSED = "extension_refused"
    EXTENSION_LAPSED = "extension_lapsed"

    # Disputes (tui.domain.disputes, tui.domain.dispute_desk).
    DISPUTE_OPENED = "dispute_opened"
    DISPUTE_CHANGED = "dispute_changed"
    DISPUTE_ACCEPTED = "dispute_accepted"
    DISPUTE_REJECTED = "dispute_rejected"
    """The seller rejected the request with a counter-proposal (amount and message)."""
    DISPUTE_SELLER_SILENT = "dispute_seller_silent"
    """The seller did not answer in time: the buyer's request is accepted."""
    DISPUTE_COUNTER_ACCEPTED = "dispute_counter_accepted"
    DISPUTE_CANCELLED = "dispute_cancelled"
    DISPUTE_ESCALATED = "dispute_escalated"
    DISPUTE_AUTO_ESCALATED = "dispute_auto_escalated"
    DISPUTE_DECIDED_FOR_BUYER = "dispute_decided_for_buyer"
    DISPUTE_DECIDED_FOR_SELLER = "dispute_decided_for_seller"
    RETURN_SHIPPED = "return_shipped"
    RETURN_NOT_SHIPPED = "return_not_shipped"
    RETURN_RECEIVED = "return_received"
    RETURN_AUTO_RECEIVED = "return_auto_received"

    # The support desk (tui.domain.desk): recorded on the order, never changing it.
    AGENT_REPLY = "agent_reply"
    """What a support agent told the buyer (the note holds the words sent)."""
    AGENT_NOTE = "agent_note"
    """An internal note of the support desk; never shown to the buyer."""

    @property
    def label_key(self) -> str:
        return f"event.{self.value}"

    @property
    def desk_only(self) -> bool:
        """Recorded by the support desk: the desk's timeline shows it, the buyer's
        order history does not (an internal note is not for the buyer's eyes)."""
        return self in (EventKind.AGENT_REPLY, EventKind.AGENT_NOTE)

    @property
    def closes_automatically(self) -> bool:
        return self in (EventKind.NO_ANSWER, EventKind.NOT_SHIPPED, EventKind.NOT_PAID)


class Event(Model):
    """One change of an order: who, from what to what, when (simulated clock), and details."""

    order_id: str
    at: Moment
    actor: Actor
    kind: EventKind
    from_status: OrderStatus
    to_status: OrderStatus
    reason: CancelReason | None = None
    note: str = ""
    amount: Money | None = None
    """The money the step is about: asked, offered, decided (dispute events only)."""

    @property
    def is_dispute_step(self) -> bool:
        return self.kind.value.startswith(("dispute_", "return_"))


class Refund(Model):
    """Money going back for one order, to where it came from: what was paid for a closed
    order, or what a dispute settled on (never more than was paid)."""

    order_id: str = Field(pattern=r"^[0-9]{8,20}$")
    amount: Money
    method: RefundMethod
    status: RefundStatus
    created_at: Moment
    expected_from: Moment
    """The earliest expected arrival; the simulated refund completes then."""
    expected_by: Moment
    """The latest expected arrival, as the buyer is told."""
    completed_at: Moment | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Refund:
        if not self.created_at <= self.expected_from <= self.expected_by:
            raise ValueError("refund dates must run created_at <= expected_from <= expected_by")
        if (self.status is RefundStatus.COMPLETED) != (self.completed_at is not None):
            raise ValueError("a refund has completed_at exactly when it is completed")
        return self
