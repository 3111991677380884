"""Snapshots of the demo's caption bar over real screens, in English and Kiswahili: over a
dialog (the reason sheet, the key being pressed shown, the demo paused) and over the trainer
panel (which has a bar of its own at the top).

The screens are reached with the screenshot steps the demo plays; the caption is the one the
demo shows at the next step. Update after a deliberate visual change with
`pytest tests/snapshots/test_demo_screens.py --snapshot-update`, and look at the pictures.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from textual.binding import Binding
from textual.pilot import Pilot

from tests.flows.helpers import make_app
from tests.snapshots.languages import ENGLISH_FIRST
from tests.snapshots.test_screens import SIZE, freeze
from tui.demo.app import captioned
from tui.demo.captions import step_caption
from tui.demo.script import TRAINER_KEY, segment
from tui.flow import Flow
from tui.screenshots.walk import the_app
from tui.widgets.caption_bar import CaptionLayer

APP = segment(Flow.APP)
SLUGS = [step.slug for step in APP.steps]


def at_step(slug: str, key: str, paused: bool = False) -> Any:
    """Play the app's steps before `slug`, then show `slug`'s caption with `key` pressed."""
    index = SLUGS.index(slug)

    async def run_before(pilot: Pilot[Any]) -> None:
        app = the_app(pilot)
        app.animation_level = "none"
        for step in APP.steps[:index]:
            await step.action(pilot)
        t = app.translator
        facts = {"hours": "72", "key": TRAINER_KEY.upper()}
        caption = step_caption(t, APP, index, facts, t("demo.paused") if paused else "")
        layer = CaptionLayer(app, captioned)
        layer.show(replace(caption, key=app.get_key_display(Binding(key, ""))))
        await pilot.pause()
        await freeze(pilot)

    return run_before


CASES = {
    "reasons": at_step("confirm", "ctrl+s", paused=True),
    "trainer": at_step("clock", "3"),
}


@pytest.mark.parametrize("language", ENGLISH_FIRST)
@pytest.mark.parametrize("case", CASES)
def test_caption_bar(snap_compare: Any, db_path: Path, case: str, language: str) -> None:
    app = make_app(db_path, language, "app")
    assert snap_compare(app, terminal_size=SIZE, run_before=CASES[case])
