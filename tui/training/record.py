"""One attempt at one scenario, as the results file keeps it and the class report reads it."""

from __future__ import annotations

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StrictInt, model_validator


class AttemptRecord(BaseModel):
    """One attempt at one scenario, as the class report reads it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    trainee: str = Field(min_length=1, max_length=100)
    scenario: str = Field(min_length=1, max_length=64)
    score: StrictInt = Field(ge=0)
    max_score: StrictInt = Field(ge=1)
    hints_used: StrictInt = Field(ge=0)
    seconds: StrictInt = Field(ge=0)
    answers: list[str] = Field(default_factory=list)
    """The statements picked on the desk, by id."""
    failed: list[str] = Field(default_factory=list)
    """The ids of the checks that failed."""
    language: str = Field(default="en", pattern=r"^(en|sw)$")
    app_version: str = Field(max_length=100)
    recorded_at: AwareDatetime
    """When the attempt was finished, on the real clock (the simulated one says nothing)."""

    @model_validator(mode="after")
    def _score_within_max(self) -> AttemptRecord:
        if self.score > self.max_score:
            raise ValueError("score is more than max_score")
        return self
