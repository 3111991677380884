"""The database's own record: schema version, simulated time, remembered choices."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, StrictInt, field_validator

from tui.domain.bounds import Moment
from tui.domain.clock import CLOCK_LATEST
from tui.domain.settings import Settings

SCHEMA_VERSION = 4
LANGUAGES = ("en", "sw")


class Meta(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: StrictInt = Field(ge=1)
    clock: Moment
    """The simulated "now" the app starts at; never past `CLOCK_LATEST`, so it can move on."""
    language: str = Field(default="en", pattern=r"^(en|sw)$")
    flow: str = Field(default="app", pattern=r"^(app|web|desk)$")
    """The view last shown: the mobile app, the website or the support desk (files without
    it load as "app")."""
    settings: Settings = Settings()

    @field_validator("clock")
    @classmethod
    def _room_to_move(cls, clock: datetime) -> datetime:
        if clock > CLOCK_LATEST:
            raise ValueError(
                f"must be {CLOCK_LATEST:%Y-%m-%d} at the latest, for the clock to move"
            )
        return clock
