"""Running the demo headless with a scripted presenter, and what it is expected to say."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any, cast

from textual.pilot import Pilot

from tui.demo.app import DemoApp
from tui.demo.captions import step_caption
from tui.demo.command import run_demo
from tui.demo.options import DemoOptions
from tui.demo.pacing import INSTANT, Pacing
from tui.demo.script import TRAINER_KEY, script
from tui.flow import Flow
from tui.i18n import Language, Translator
from tui.widgets.caption_bar import CaptionBar

SIZE = (100, 30)
Presenter = Callable[[DemoApp, Pilot[Any]], Awaitable[None]]


def play(
    presenter: Presenter,
    language: Language = Language.ENGLISH,
    flows: tuple[Flow, ...] = (Flow.APP,),
    pacing: Pacing = INSTANT,
    size: tuple[int, int] = SIZE,
) -> None:
    """The demo as `cancel-order demo` runs it (temporary data, auto-pilot), headless."""

    async def press(pilot: Pilot[Any]) -> None:
        await presenter(cast(DemoApp, pilot.app), pilot)

    run_demo(DemoOptions(language, flows), pacing=pacing, headless=True, size=size, presenter=press)


async def until(done: Callable[[], bool], what: str, timeout: float = 30) -> None:
    started = time.monotonic()
    while not done():
        if time.monotonic() - started > timeout:
            raise AssertionError(f"waited {timeout} s for {what}")
        await asyncio.sleep(0.01)


async def to_the_end(app: DemoApp) -> None:
    await until(lambda: app.player.at_the_end, "the end of the demo")


def slugs(flows: tuple[Flow, ...]) -> list[tuple[str, str]]:
    return [(s.flow.value, step.slug) for s in script(flows) for step in s.steps]


def expected_captions(language: Language, flows: tuple[Flow, ...]) -> list[str]:
    """Every step's sentence, in order, as the catalogs give it (72 h in the demo data)."""
    t = Translator(language)
    facts = {"hours": "72", "key": TRAINER_KEY.upper()}
    return [
        step_caption(t, segment, index, facts).sentence.plain
        for segment in script(flows)
        for index in range(len(segment.steps))
    ]


def bars(app: DemoApp) -> list[CaptionBar]:
    return [bar for screen in app.screen_stack for bar in screen.query(CaptionBar)]
