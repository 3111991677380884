"""The views a trainer can show: the buyer's mobile app and desktop website, and the
support agent's desk.

Kept free of Textual so the command line can check `--view` and `--flow` before anything
is drawn.
"""

from __future__ import annotations

from enum import StrEnum


class Flow(StrEnum):
    APP = "app"
    WEB = "web"
    DESK = "desk"
    """The support desk: not a buyer's flow, a third view on the same data."""

    @property
    def other(self) -> Flow:
        """The other buyer's flow (the desk's is the app)."""
        return Flow.WEB if self is Flow.APP else Flow.APP

    @property
    def next(self) -> Flow:
        """The view F4 switches to: app → website → desk → app."""
        return VIEW_CYCLE[(VIEW_CYCLE.index(self) + 1) % len(VIEW_CYCLE)]

    @property
    def is_buyer(self) -> bool:
        return self is not Flow.DESK


VIEW_CYCLE = (Flow.APP, Flow.WEB, Flow.DESK)
BUYER_FLOWS = (Flow.APP, Flow.WEB)
"""The buyer's two flows: what `--flow`, the screenshots and the demo choose from."""
FLOW_CODES = tuple(flow.value for flow in BUYER_FLOWS)
VIEW_CODES = tuple(flow.value for flow in VIEW_CYCLE)
"""What `--view` chooses from."""
