"""The app's package sets Textual's frame rate before Textual reads it, unless the user did."""

from __future__ import annotations

import os
import subprocess
import sys

from tui import FRAMES_PER_SECOND

READ_RATE = "import tui, textual.constants as c; print(c.MAX_FPS)"


def textual_rate(env: dict[str, str]) -> int:
    done = subprocess.run(
        [sys.executable, "-c", READ_RATE], env=env, capture_output=True, text=True, check=True
    )
    return int(done.stdout)


def test_importing_the_app_first_sets_the_frame_rate() -> None:
    env = {k: v for k, v in os.environ.items() if k != "TEXTUAL_FPS"}
    assert textual_rate(env) == FRAMES_PER_SECOND


def test_a_frame_rate_the_user_set_is_kept() -> None:
    env = {k: v for k, v in os.environ.items() if k != "TEXTUAL_FPS"}
    assert textual_rate({**env, "TEXTUAL_FPS": "30"}) == 30
