"""The domain as pydantic models: what a buyer, a store and an order are."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StrictInt, model_validator

from tui.domain.money import Money
from tui.domain.reasons import NOTE_MAX_LENGTH, CancelReason
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


class MemberLevel(StrEnum):
    SILVER = "silver"
    GOLD = "gold"
    PLATINUM = "platinum"
    DIAMOND = "diamond"

    @property
    def label_key(self) -> str:
        return f"member.{self.value}"


class Actor(StrEnum):
    BUYER = "buyer"
    SELLER = "seller"
    SYSTEM = "system"


class Store(Model):
    id: NonEmpty
    name: NonEmpty
    positive_feedback_permille: StrictInt = Field(ge=0, le=1000)
    """Share of positive feedback in tenths of a percent: 978 shows as 97.8%."""
    followers: StrictInt = Field(default=0, ge=0)


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
    """What the buyer asked for when cancelling, kept on the order."""

    reason: CancelReason
    note: str = Field(default="", max_length=NOTE_MAX_LENGTH)
    requested_at: AwareDatetime


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
    placed_at: AwareDatetime
    paid_at: AwareDatetime | None = None
    shipped_at: AwareDatetime | None = None
    completed_at: AwareDatetime | None = None
    closed_at: AwareDatetime | None = None
    tracking_number: str = ""
    reviewed: bool = False
    cancellation: CancellationRequest | None = None

    @model_validator(mode="after")
    def _one_currency(self) -> Order:
        currencies = {i.unit_price.currency for i in self.items}
        currencies |= {self.shipping.currency, self.discount.currency}
        if len(currencies) != 1:
            raise ValueError(f"order mixes currencies: {', '.join(sorted(currencies))}")
        return self

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


class Event(Model):
    """One change of an order: who, from what to what, when (simulated clock), and details."""

    order_id: str
    at: datetime
    actor: Actor
    from_status: OrderStatus
    to_status: OrderStatus
    reason: CancelReason | None = None
    note: str = ""
