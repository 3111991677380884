"""Money as integer minor units with a currency: no float ever touches a price."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, StrictInt

from tui.domain.bounds import MONEY_MAX


class Money(BaseModel):
    """An amount in minor units (cents) of one ISO 4217 currency."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    minor: StrictInt = Field(ge=0, le=MONEY_MAX, description="Amount in minor units, e.g. cents.")
    currency: str = Field(pattern=r"^[A-Z]{3}$")

    def __add__(self, other: Money) -> Money:
        self._check_same_currency(other)
        return Money(minor=self.minor + other.minor, currency=self.currency)

    def __sub__(self, other: Money) -> Money:
        """Subtract, clamped at zero: a discount never makes an order pay the buyer."""
        self._check_same_currency(other)
        return Money(minor=max(0, self.minor - other.minor), currency=self.currency)

    def times(self, quantity: int) -> Money:
        return Money(minor=self.minor * quantity, currency=self.currency)

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(minor=0, currency=currency)

    def _check_same_currency(self, other: Money) -> None:
        if other.currency != self.currency:
            raise ValueError(f"cannot combine {self.currency} with {other.currency}")
