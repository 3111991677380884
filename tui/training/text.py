"""Text a scenario author writes in both languages, and the small field types they share."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

Words = Annotated[str, Field(min_length=1, max_length=4000)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")]
"""An id a trainer types and a file is named by: lower-case letters, digits, - and _."""
OrderId = Annotated[str, Field(pattern=r"^[0-9]{8,20}$")]


class Model(BaseModel):
    """Scenario parts: unknown fields are an error (a typo must not be silently ignored)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Model):
    """The same words in English and in Kiswahili."""

    en: Words
    sw: Words

    def in_(self, language: str) -> str:
        """The text in `language` ("en" or "sw"); anything else gets English."""
        return self.sw if language == "sw" else self.en
