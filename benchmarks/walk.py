"""Child process for the step, list, memory and event-loop measures: walk a flow with Pilot.

``python -m benchmarks.walk OUT DB FLOW WALKS`` opens the app headless on DB (100×30, English,
animations off: ``app.animation_level = "none"``), walks FLOW's steps WALKS times, and writes
to OUT the time of every step, the longest time the event loop was blocked, and the peak
resident memory of the process. The app is built as ``cancel-order`` builds it: its package
imported before Textual, the data loaded with `tui.cli.load_for_good`.

A step's time runs from just before its key is sent to the moment the last frame of the
screen it leads to was drawn: every frame Textual computes goes through ``App._display``
(headless, it is computed and then not written to a terminal), so the walk records when
each one happened, then waits until the app is idle and the expected screen is current.
Waiting costs at least 20 ms but is not counted; only the frame times are.

The event loop is watched by a task that asks to run every `TICK_S`: how late it runs is
how long something held the loop (a key's handler, a layout, a save) — the longest wait a
person could have had between pressing a key and anything happening.
"""

from __future__ import annotations

import asyncio
import json
import resource
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchmarks.flows import FLOWS, Flow

if TYPE_CHECKING:
    from textual.pilot import Pilot

SIZE = (100, 30)
SETTLE_LIMIT_S = 120.0
TICK_S = 0.002


class StepFailed(RuntimeError):
    pass


async def settle(pilot: Pilot[Any], frames: list[float], screen: str) -> None:
    """Wait until ``screen`` is current and no frame was drawn while the app sat idle."""
    from textual._wait import wait_for_idle

    deadline = time.monotonic() + SETTLE_LIMIT_S
    while time.monotonic() < deadline:
        seen = len(frames)
        await wait_for_idle(0)
        if len(frames) == seen and type(pilot.app.screen).__name__ == screen:
            return
    raise StepFailed(f"expected {screen}, still on {type(pilot.app.screen).__name__}")


def record_frames(app: Any) -> list[float]:
    """Note the time of every frame the app draws."""
    frames: list[float] = []
    draw = app._display

    def display(screen: Any, renderable: Any) -> None:
        draw(screen, renderable)
        if renderable is not None:
            frames.append(time.perf_counter())

    app._display = display
    return frames


async def watch_loop(longest: list[float]) -> None:
    """Keep in ``longest[0]`` the longest time the loop kept this task waiting past its tick."""
    while True:
        asked = time.perf_counter()
        await asyncio.sleep(TICK_S)
        late = time.perf_counter() - asked - TICK_S
        longest[0] = max(longest[0], late * 1000)


async def walk(db: Path, flow: Flow, walks: int) -> tuple[dict[str, list[float]], float]:
    from tui.app import CancelOrderApp
    from tui.cli import load_for_good
    from tui.i18n import Language
    from tui.service import open_service

    service = load_for_good(open_service, db)  # as the command line builds the app
    app = CancelOrderApp(db, Language("en"), service=service, **flow.app_options())
    frames = record_frames(app)
    samples: dict[str, list[float]] = {step.name: [] for step in flow.steps}
    longest = [0.0]
    async with app.run_test(size=SIZE) as pilot:
        app.animation_level = "none"
        watcher = asyncio.get_running_loop().create_task(watch_loop(longest))
        await settle(pilot, frames, flow.start)
        for _ in range(walks):
            for step in flow.steps:
                if step.before is not None:
                    await step.before(pilot)
                    await settle(pilot, frames, type(app.screen).__name__)
                drawn = len(frames)
                start = time.perf_counter()
                await pilot.press(step.key)
                await settle(pilot, frames, step.screen)
                if len(frames) == drawn:
                    raise StepFailed(f"{flow.name}: '{step.name}' drew nothing")
                samples[step.name].append((frames[-1] - start) * 1000)
        watcher.cancel()
    return samples, longest[0]


def main(out: str, db: str, flow: str, walks: str) -> None:
    samples, longest = asyncio.run(walk(Path(db), FLOWS[flow], int(walks)))
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    Path(out).write_text(
        json.dumps(
            {"steps_ms": samples, "peak_rss_mb": peak_kb / 1024, "longest_block_ms": longest}
        )
    )


if __name__ == "__main__":
    main(*sys.argv[1:])
