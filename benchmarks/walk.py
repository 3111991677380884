"""Child process for the step, list and memory measures: walk a flow with Textual's Pilot.

``python -m benchmarks.walk OUT DB FLOW WALKS`` opens the app headless on DB (100×30, English,
animations off: ``app.animation_level = "none"``), walks FLOW's steps WALKS times, and writes
to OUT the time of every step and the peak resident memory of the process. The app is built
as ``cancel-order`` builds it: its package imported before Textual (which sets the frame
rate), the data kept out of the collector's sight, and the idle collector on.

A step's time runs from just before its key is sent to the moment the last frame of the
screen it leads to was drawn: every frame Textual computes goes through ``App._display``
(headless, it is computed and then not written to a terminal), so the walk records when
each one happened, then waits until the app is idle and the expected screen is current.
Waiting costs at least 20 ms but is not counted; only the frame times are.
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


async def walk(db: Path, flow: Flow, walks: int) -> dict[str, list[float]]:
    from tui.app import CancelOrderApp
    from tui.i18n import Language
    from tui.idle_collector import IdleCollector, kept_for_good

    with kept_for_good():  # as the command line builds the app (tui/cli.py)
        app = CancelOrderApp(
            db, Language("en"), idle_collector=IdleCollector(), **flow.app_options()
        )
    frames = record_frames(app)
    samples: dict[str, list[float]] = {step.name: [] for step in flow.steps}
    async with app.run_test(size=SIZE) as pilot:
        app.animation_level = "none"
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
    return samples


def main(out: str, db: str, flow: str, walks: str) -> None:
    samples = asyncio.run(walk(Path(db), FLOWS[flow], int(walks)))
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    Path(out).write_text(json.dumps({"steps_ms": samples, "peak_rss_mb": peak_kb / 1024}))


if __name__ == "__main__":
    main(*sys.argv[1:])
