"""How the command line ends on bad input: one line on stderr naming what was wrong, and
exit status 2 (argparse's own status for bad arguments)."""

from __future__ import annotations

import sys
from typing import NoReturn

PROG = "cancel-order"
EXIT_BAD_INPUT = 2


def fail(message: str) -> NoReturn:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    raise SystemExit(EXIT_BAD_INPUT)
