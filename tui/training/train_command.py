"""`cancel-order train`: everything before the screens, checked before anything is drawn.

`parse_train(argv)` reads `--trainee NAME [--scenario ID] [--lang en|sw] [--results PATH]`,
loads the scenarios, checks the scenario id and that the results file can take attempts,
and returns what the app needs; any bad input ends with one line and exit status 2 (so a
trainee never works through a scenario whose result can't be kept).
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from tui.i18n import LANGUAGE_CODES, Language
from tui.training.errors import TrainingError
from tui.training.report_command import PROG, fail
from tui.training.results import default_results_path, read_results
from tui.training.scenario import Scenario
from tui.training.session import TrainingSession


@dataclass(frozen=True)
class TrainOptions:
    session: TrainingSession
    scenario: Scenario | None
    """Start this scenario at once; None shows the scenario list."""
    language: Language | None
    """None: the language last used."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        fail(message)


def build_parser() -> _Parser:
    parser = _Parser(
        prog=f"{PROG} train",
        description="Training for support staff: pick a scenario, work it in the app, the "
        "website or the support desk, press Finish to see the score and the rules.",
    )
    parser.add_argument("--trainee", metavar="NAME", required=True, help="who is training")
    parser.add_argument("--scenario", metavar="ID", help="start this scenario at once")
    parser.add_argument("--lang", metavar="LANG", help="en (English) or sw (Kiswahili)")
    parser.add_argument(
        "--results",
        type=Path,
        metavar="PATH",
        help=f"the class results file (default: {default_results_path()})",
    )
    return parser


def parse_train(argv: list[str]) -> TrainOptions:
    args = build_parser().parse_args(argv)
    language = None
    if args.lang is not None:
        if args.lang not in LANGUAGE_CODES:
            fail(f"unknown language '{args.lang}' for --lang (choose en or sw)")
        language = Language(args.lang)
    try:
        session = TrainingSession(args.trainee, results_path=args.results)
        scenario = session.scenario(args.scenario) if args.scenario is not None else None
        if session.results_path.is_dir():
            fail(f"{session.results_path}: is a directory, not a results file")
        read_results(session.results_path, missing_ok=True)
    except TrainingError as error:
        fail(str(error))
    return TrainOptions(session, scenario, language)
