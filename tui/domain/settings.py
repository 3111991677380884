"""Rule settings: figures the sources disagree on, kept as data with the usual defaults.

Bounds are pydantic `Field` limits, so a DB file with a setting out of range is refused at
startup with the store's one-line error (see `tui/store/validate.py`).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, StrictInt, model_validator


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    seller_response_hours: StrictInt = Field(default=72, ge=1, le=720)
    """How long a seller has to answer a cancellation request (one source says 48)."""
    payment_window_hours: StrictInt = Field(default=24, ge=1, le=720)
    """An unpaid order closes itself this long after it was placed."""
    payment_verification_hours: StrictInt = Field(default=24, ge=1, le=72)
    """A payment under verification is accepted this long after it was made."""
    processing_days: StrictInt = Field(default=7, ge=1, le=60)
    """The seller's time to ship, from payment; when it runs out the order closes itself."""

    refund_card_min_business_days: StrictInt = Field(default=3, ge=1, le=60)
    refund_card_max_business_days: StrictInt = Field(default=20, ge=1, le=60)
    refund_wallet_min_days: StrictInt = Field(default=1, ge=1, le=30)
    refund_wallet_max_days: StrictInt = Field(default=2, ge=1, le=30)
    refund_coupon_min_days: StrictInt = Field(default=1, ge=1, le=30)
    refund_coupon_max_days: StrictInt = Field(default=2, ge=1, le=30)

    seller_fault_penalty_permille: StrictInt = Field(default=3, ge=0, le=100)
    """How much one seller-fault cancellation lowers the store's rating (3 = 0.3 points)."""

    reputation_window_days: StrictInt = Field(default=30, ge=1, le=365)
    """The buyer's cancellations are counted over this rolling window."""
    reputation_warn_at: StrictInt = Field(default=3, ge=1, le=100)
    reputation_restrict_at: StrictInt = Field(default=5, ge=1, le=100)
    reputation_block_at: StrictInt = Field(default=8, ge=1, le=100)

    # -- after shipping: buyer protection and disputes (docs/disputes.md) -------------------
    delivery_days: StrictInt = Field(default=30, ge=1, le=120)
    """The seller's promised delivery time, from shipping, unless the order sets its own."""
    dispute_open_after_days: StrictInt = Field(default=3, ge=0, le=30)
    """A dispute can be opened this long after shipping, not before."""
    dispute_close_after_delivery_days: StrictInt = Field(default=15, ge=1, le=90)
    """Protection lasts this long after the delivery deadline, or after receipt is confirmed
    (whichever comes first); then the order completes by itself and no dispute is possible."""
    auto_confirm_days_after_delivery: StrictInt = Field(default=7, ge=1, le=60)
    """Receipt confirms itself this long after tracking shows delivered, unless a dispute
    is open (then it waits for the dispute to end)."""
    protection_extension_max_days: StrictInt = Field(default=30, ge=1, le=90)
    """The most extra days a seller can grant when the buyer asks to extend protection."""
    dispute_seller_response_days: StrictInt = Field(default=5, ge=1, le=30)
    """The seller's time to answer a dispute request (or a request to extend protection);
    silence accepts the dispute request, and leaves protection as it was."""
    dispute_escalate_after_days: StrictInt = Field(default=3, ge=0, le=60)
    """The buyer can escalate a rejected request to the platform this long after opening."""
    dispute_auto_escalate_days: StrictInt = Field(default=15, ge=1, le=90)
    """With no agreement this long after opening, the dispute escalates by itself."""
    dispute_platform_decision_days: StrictInt = Field(default=7, ge=1, le=60)
    """The platform's time to decide an escalated dispute; then it decides by its rules."""
    return_ship_days: StrictInt = Field(default=10, ge=1, le=60)
    """The buyer's time to ship the item back once a return is agreed; if not, the dispute
    closes for the seller."""
    return_confirm_days: StrictInt = Field(default=15, ge=1, le=60)
    """The seller's time to confirm the return arrived; silence counts as arrived, and the
    refund is made."""

    @model_validator(mode="after")
    def _ranges_in_order(self) -> Settings:
        pairs = [
            ("refund_card_min_business_days", "refund_card_max_business_days"),
            ("refund_wallet_min_days", "refund_wallet_max_days"),
            ("refund_coupon_min_days", "refund_coupon_max_days"),
            ("reputation_warn_at", "reputation_restrict_at"),
            ("reputation_restrict_at", "reputation_block_at"),
            ("dispute_escalate_after_days", "dispute_auto_escalate_days"),
        ]
        for low, high in pairs:
            if getattr(self, low) > getattr(self, high):
                raise ValueError(f"{low} must not be greater than {high}")
        return self
