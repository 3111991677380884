"""The two languages a snapshot test is run in.

Every screen's picture is checked in both languages. The default run checks the core cancel
flow (test_screens, test_web_screens) in both and the other screens in English; their
Swahili pictures sit behind the `slow` marker, which CI runs (`.ci/run`), so the default
suite stays within two minutes on two cores.
"""

import pytest

ENGLISH_FIRST = [pytest.param("en", id="en"), pytest.param("sw", id="sw", marks=pytest.mark.slow)]
