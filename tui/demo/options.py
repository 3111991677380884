"""The demo's command line: `demo [--lang en|sw] [--flow app|web|both] [--speed N] [--loop]`.

Checked before anything is drawn; a bad value stops with one line naming it and exit
status 2, like every other command. Free of Textual, so the checks are quick to test.
"""

from __future__ import annotations

import argparse
import math
from dataclasses import dataclass
from typing import NoReturn

from tui.exits import PROG, fail
from tui.flow import Flow
from tui.i18n import LANGUAGE_CODES, Language

BOTH = "both"
FLOWS = {Flow.APP.value: (Flow.APP,), Flow.WEB.value: (Flow.WEB,), BOTH: (Flow.WEB, Flow.APP)}
"""With both, the website first, as in the source article (Option 1, then Option 2)."""
SLOWEST, FASTEST = 0.5, 3.0


@dataclass(frozen=True)
class DemoOptions:
    language: Language = Language.ENGLISH
    flows: tuple[Flow, ...] = (Flow.WEB, Flow.APP)
    speed: float = 1.0
    loop: bool = False


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        fail(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=f"{PROG} demo",
        description="Play the cancel flow by itself, with a caption for each step, on a "
        "temporary copy of the demo data (your data file is never used). Keys while it "
        "plays: Space pause/resume, → next step, ← replay the step, Escape stop and take "
        "over the app, q quit.",
    )
    parser.add_argument(
        "--lang",
        default=Language.ENGLISH.value,
        metavar="LANG",
        help="en (English, the default) or sw (Kiswahili)",
    )
    parser.add_argument(
        "--flow",
        default=BOTH,
        metavar="FLOW",
        help="app, web, or both (the website, then the app; the default)",
    )
    parser.add_argument(
        "--speed",
        default="1",
        metavar="N",
        help=f"{SLOWEST} (slower) to {FASTEST:g} (faster); default 1",
    )
    parser.add_argument("--loop", action="store_true", help="start again after the end")
    return parser


def parse_options(argv: list[str]) -> DemoOptions:
    """The options, or one line on stderr and exit status 2."""
    args = build_parser().parse_args(argv)
    if args.lang not in LANGUAGE_CODES:
        fail(f"unknown language '{args.lang}' for --lang (choose en or sw)")
    if args.flow not in FLOWS:
        fail(f"unknown flow '{args.flow}' for --flow (choose app, web or both)")
    try:
        speed = float(args.speed)
    except ValueError:
        fail(f"--speed needs a number from {SLOWEST} to {FASTEST:g}, not '{args.speed}'")
    if not math.isfinite(speed) or not SLOWEST <= speed <= FASTEST:
        fail(f"--speed must be from {SLOWEST} to {FASTEST:g}, not {args.speed}")
    return DemoOptions(Language(args.lang), FLOWS[args.flow], speed, args.loop)
