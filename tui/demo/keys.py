"""The presenter's keys, told apart from the keys the script presses.

Both reach the app the same way (a `Pilot` press is a key event from the driver, as a real
key is), so the player notes each key it is about to press (`ScriptedKeys.expect`) and the
app lets exactly those through (`take`); every other key while the demo plays is the
presenter's, and none of them reaches the app's screens. A presenter who presses → while the
script presses → changes nothing: one of the two goes to the app, the other moves the demo
on, whichever came first.
"""

from __future__ import annotations

from collections import Counter
from enum import Enum


class Command(Enum):
    PAUSE = "pause"
    """Space: pause, or resume."""
    NEXT = "next"
    """→: finish this step at once and go on to the next."""
    REPLAY = "replay"
    """←: play this step again, from where it began."""
    STOP = "stop"
    """Escape: stop here and leave the app to the presenter."""
    QUIT = "quit"
    """q (and the app's own quit keys): close the app."""


PRESENTER_KEYS = {
    "space": Command.PAUSE,
    "right": Command.NEXT,
    "left": Command.REPLAY,
    "escape": Command.STOP,
    "q": Command.QUIT,
    "ctrl+q": Command.QUIT,
    "ctrl+c": Command.QUIT,
}


class ScriptedKeys:
    """The keys the script has sent and the app has not yet received."""

    def __init__(self) -> None:
        self.pending: Counter[str] = Counter()

    def expect(self, key: str) -> None:
        self.pending[key] += 1

    def take(self, key: str) -> bool:
        """True (and forgotten) if `key` is one the script sent."""
        if self.pending[key] <= 0:
            return False
        self.pending[key] -= 1
        return True

    def clear(self) -> None:
        self.pending.clear()
