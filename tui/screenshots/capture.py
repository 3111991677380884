"""Run each flow headless on a fresh copy of the demo data and save an SVG of every step.

Same program and data in, byte-identical files out: the terminal size is fixed, the clock is
the data file's simulated one (it stands still), animations are off, no cursor blinks, the
SVG title is fixed and the id Rich puts into the SVG's class names is replaced by one made
from the file name.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from tui.flow import Flow
from tui.i18n import Language
from tui.screenshots.steps import STEPS
from tui.screenshots.walk import Step, WalkError, settle
from tui.store.demo import install_demo

SIZE = (100, 32)
"""Columns × rows of every picture: the website shows its Account menu (from 100 columns),
the app its phone column, and order details, dialogs and results fit without cutting."""

SVG_TITLE = "AliExpress"
"""The window title drawn at the top of every picture."""

_RICH_ID = re.compile(r"\bterminal-(\d+)-")

Saved = Callable[[Path], None]


def planned_files(languages: list[Language], flows: list[Flow]) -> list[str]:
    """The SVG file names a run writes, in the order it writes them."""
    return [step.file_name(lang) for flow in flows for lang in languages for step in STEPS[flow]]


def capture(out_dir: Path, languages: list[Language], flows: list[Flow], saved: Saved) -> None:
    """Every step of each flow in each language; `saved` hears of each file once written.

    Each flow and language is its own run of the app, in its own process when there is more
    than one core: the runs share nothing, and that halves the wait on two cores.
    """
    runs = [(flow, language) for flow in flows for language in languages]
    workers = min(len(runs), os.cpu_count() or 1)
    if workers <= 1:
        for flow, language in runs:
            for path in capture_run(out_dir, flow, language):
                saved(path)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(capture_run, out_dir, flow, language) for flow, language in runs]
        for future in futures:
            for path in future.result():
                saved(path)


def capture_run(out_dir: Path, flow: Flow, language: Language) -> list[Path]:
    """One run of the app for one flow and language; the files it wrote, in step order."""
    return asyncio.run(capture_flow(out_dir, flow, language))


async def capture_flow(out_dir: Path, flow: Flow, language: Language) -> list[Path]:
    """Walk the flow's steps in order, a picture after each."""
    from tui.app import CancelOrderApp

    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="cancel-order-shots-") as scratch:
        db_path = Path(scratch) / "orders.json"
        install_demo(db_path)  # a fresh copy: never the user's file, never an earlier run's
        with _full_colour():
            app = CancelOrderApp(db_path, language, flow)
        app.animation_level = "none"
        async with app.run_test(size=SIZE) as pilot:
            for step in STEPS[flow]:
                try:
                    await step.action(pilot)
                except WalkError as error:
                    raise WalkError(f"step {step.file_name(language)}: {error}") from None
                target = out_dir / step.file_name(language)
                target.write_bytes((await picture(pilot, step, language)).encode("utf-8"))
                written.append(target)
    return written


async def picture(pilot: Pilot[Any], step: Step, language: Language) -> str:
    """The screen as an SVG, with nothing in it that changes from one run to the next."""
    app = pilot.app
    for screen in app.screen_stack:
        for field in screen.query(Input):
            field.cursor_blink = False  # a blinking cursor is on or off at random
    await settle(pilot)
    svg = app.export_screenshot(title=SVG_TITLE, simplify=True)
    return with_fixed_id(svg, f"{step.name}-{language.value}")


def with_fixed_id(svg: str, unique_id: str) -> str:
    """Rich names the SVG's styles and clip paths `terminal-<number>-…`; use our own name.

    The number is a checksum of the content, so a changed picture would change every line of
    the file; a name from the file name keeps diffs to what changed, and pages that embed
    several pictures inline never mix their styles.
    """
    found = _RICH_ID.search(svg)
    if found is None:
        raise ValueError("the SVG has no terminal-<id> class names to normalise")
    return svg.replace(f"terminal-{found.group(1)}-", f"{unique_id}-")


@contextlib.contextmanager
def _full_colour() -> Iterator[None]:
    """Textual reads NO_COLOR when the app is built; the handout is in colour regardless."""
    saved = os.environ.pop("NO_COLOR", None)
    try:
        yield
    finally:
        if saved is not None:
            os.environ["NO_COLOR"] = saved
