"""How long the demo gives the audience at each step, in seconds at speed 1."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Pacing:
    lead: float = 1.5
    """The caption alone, before the step's first key."""
    gap: float = 0.7
    """Between two keys of a step."""
    key_lead: float = 0.35
    """The key in the bar before it is pressed, so the audience sees it coming."""
    key_shown: float = 0.9
    """How long the key stays in the bar (from when it is shown)."""
    reading: float = 17.0
    """Characters a second the audience reads: the hold after a step is its caption's length
    at this rate (less the lead already given), and never less than `hold_min`."""
    hold_min: float = 1.5
    loop_pause: float = 5.0
    """The "once more" note before a loop starts again."""

    def hold(self, characters: int) -> float:
        if self.reading <= 0:
            return self.hold_min
        return max(self.hold_min, characters / self.reading - self.lead)

    def at_speed(self, speed: float) -> Pacing:
        """Every wait divided by `speed` (2 plays twice as fast)."""
        return Pacing(
            self.lead / speed,
            self.gap / speed,
            self.key_lead / speed,
            self.key_shown / speed,
            self.reading * speed,
            self.hold_min / speed,
            self.loop_pause / speed,
        )


INSTANT = replace(
    Pacing(), lead=0, gap=0, key_lead=0, key_shown=0, reading=0, hold_min=0, loop_pause=0
)
"""No waiting at all: the tests' pace."""
