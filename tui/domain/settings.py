"""Rule settings: figures the sources disagree on, kept as data with the usual defaults."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, StrictInt


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    seller_response_hours: StrictInt = Field(default=72, ge=1, le=720)
    """How long a seller has to answer a cancellation request (one source says 48)."""
