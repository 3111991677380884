"""The two layouts a trainer can show: the mobile app and the desktop website.

Kept free of Textual so the command line can check `--flow` before anything is drawn.
"""

from __future__ import annotations

from enum import StrEnum


class Flow(StrEnum):
    APP = "app"
    WEB = "web"

    @property
    def other(self) -> Flow:
        return Flow.WEB if self is Flow.APP else Flow.APP


FLOW_CODES = tuple(flow.value for flow in Flow)
