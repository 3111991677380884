"""Which pictures the default run checks.

Every screen's picture exists in both languages and at the sizes that matter, and CI checks
them all (`.ci/run` runs `-m slow`). The default run, kept within two minutes on two cores,
checks each screen once, in English, at its usual size, and of the many states of the
dispute and trainer screens a few. The rest carry the `slow` marker, given here by rule
rather than test by test.
"""

from __future__ import annotations

import pytest

OTHER_SIZES = {
    "test_app_screen_at_40_by_12",
    "test_desk_order_at_80x24",
    "test_narrow_layout",
    "test_too_small_notice",
    "test_trainer_at_80_by_24",
    "test_training_at_80_by_24",
    "test_web_small_terminal",
}


CORE_STEPS = {
    "test_dispute_screens.py": {"web_dispute_box"},
    "test_trainer_screens.py": {"trainer"},
    "test_training_screens.py": {"result"},
}
"""Of the screens that are many variations of one layout, the default run checks these."""
LATER = {"test_more_screens.py", "test_demo_screens.py"}
"""Checked in the slow run only: screens the files above already show in another state."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "snapshots" not in item.path.parts:
            continue
        callspec = getattr(item, "callspec", None)
        params = callspec.params if callspec is not None else {}
        core = CORE_STEPS.get(item.path.name)
        if (
            item.originalname in OTHER_SIZES  # type: ignore[attr-defined]
            or params.get("language") == "sw"
            or item.path.name in LATER
            or (core is not None and params.get("step") not in core)
        ):
            item.add_marker(pytest.mark.slow)
