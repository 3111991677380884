"""The database's own record: schema version, simulated time, remembered choices."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, StrictInt

from tui.domain.bounds import Moment
from tui.domain.settings import Settings

SCHEMA_VERSION = 4
LANGUAGES = ("en", "sw")


class Meta(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: StrictInt = Field(ge=1)
    clock: Moment
    """The simulated "now" the app starts at."""
    language: str = Field(default="en", pattern=r"^(en|sw)$")
    flow: str = Field(default="app", pattern=r"^(app|web)$")
    """The layout last shown: the mobile app or the website (files without it load as "app")."""
    settings: Settings = Settings()
