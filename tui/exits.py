"""How the command line ends on bad input: one line on stderr naming what was wrong, and
exit status 2 (argparse's own status for bad arguments)."""

from __future__ import annotations

import sys
from typing import NoReturn

from tui.text import inert

PROG = "cancel-order"
EXIT_BAD_INPUT = 2


def fail(message: str) -> NoReturn:
    """One line, whatever the message holds: a line break or an escape sequence in a file
    name is shown as a visible symbol, never sent to the terminal."""
    print(f"{PROG}: error: {inert(message)}", file=sys.stderr)
    raise SystemExit(EXIT_BAD_INPUT)
