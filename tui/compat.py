"""The only place a dependency's private name may be used; each is a debt, listed here.

`AppService._process` (textual-serve, checked against 1.1.3)
    Why: textual-serve keeps a browser tab's process there, with no public getter.
    Buys: the process is waited for, and killed if it hangs, when its session ends, so no
    process outlives its tab (`tui.serve.server.Session.stop`).

No private name of Textual's or Rich's is used anywhere (`tests/test_public_api.py`). Each
name here has a contract test (`tests/test_compat.py`) that fails loudly when the dependency
changes it.
"""

from __future__ import annotations

import asyncio
from typing import Any


def served_process(service: Any) -> asyncio.subprocess.Process | None:
    """The process textual-serve's `AppService` started for a browser tab, if any."""
    process: asyncio.subprocess.Process | None = getattr(service, "_process", None)
    return process
