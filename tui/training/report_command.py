"""`cancel-order report`: the class report from a results file, in Markdown, CSV or HTML.

Bad input (an unknown format or language, a results file that is missing, unreadable, not
a results file or from a newer version, an --out that can't be written) ends with one line
on stderr and exit status 2; the results file is only ever read.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from pathlib import Path
from typing import NoReturn

from tui.i18n import LANGUAGE_CODES, Language, Translator
from tui.training.errors import TrainingError
from tui.training.loader import load_scenarios
from tui.training.report import summarize
from tui.training.report_formats import FORMATS, render
from tui.training.results import default_results_path, read_results

PROG = "cancel-order"
EXIT_BAD_INPUT = 2
SUFFIXES = {".md": "md", ".markdown": "md", ".csv": "csv", ".html": "html", ".htm": "html"}


def fail(message: str) -> NoReturn:
    print(f"{PROG}: error: {' '.join(message.split())}", file=sys.stderr)
    raise SystemExit(EXIT_BAD_INPUT)


class _Parser(argparse.ArgumentParser):
    """Bad arguments get one line, as everywhere in the command line, and exit status 2."""

    def error(self, message: str) -> NoReturn:
        fail(message)


def build_parser() -> _Parser:
    parser = _Parser(
        prog=f"{PROG} report",
        description="The class report of training attempts: per trainee, per scenario, and "
        "per trainee and scenario (attempts, best and average score, the checks most often "
        "failed), with bar charts (text in Markdown, SVG in HTML).",
    )
    parser.add_argument(
        "--results",
        type=Path,
        metavar="PATH",
        help=f"the class results file (default: {default_results_path()})",
    )
    parser.add_argument(
        "--format", metavar="FORMAT", help="md (default), csv or html; or taken from --out's suffix"
    )
    parser.add_argument("--out", type=Path, metavar="PATH", help="write here instead of stdout")
    parser.add_argument("--lang", metavar="LANG", help="en (default) or sw")
    return parser


def report_command(argv: list[str]) -> None:
    args = build_parser().parse_args(argv)
    fmt = args.format
    if fmt is None:
        fmt = SUFFIXES.get(args.out.suffix.lower(), "md") if args.out is not None else "md"
    if fmt not in FORMATS:
        fail(f"unknown format '{fmt}' for --format (choose md, csv or html)")
    language = args.lang or "en"
    if language not in LANGUAGE_CODES:
        fail(f"unknown language '{language}' for --lang (choose en or sw)")
    results = default_results_path() if args.results is None else args.results
    if args.out is not None:
        _check_out(args.out, results)
    try:
        records = read_results(results)
    except TrainingError as error:
        fail(str(error))
    try:
        scenarios = {s.id: s for s in load_scenarios()}
    except TrainingError:
        scenarios = {}  # the report still names scenarios and checks, by their ids
    t = Translator(Language(language))
    text = render(summarize(records, scenarios, t), fmt, t)
    if args.out is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    _write(args.out, text)
    print(f"Report written to {args.out}", file=sys.stderr)


def _check_out(out: Path, results: Path) -> None:
    if out.is_dir():
        fail(f"{out}: is a directory; give --out a file name")
    if not out.parent.is_dir():
        fail(f"{out}: its folder does not exist")
    if out.exists() and not out.is_file():
        fail(f"{out}: not a regular file")
    guarded = [results, results.with_name(results.name + ".bak")]
    if any(_same(out, path) for path in guarded):
        fail(f"{out}: is the results file; the report goes to another file")


def _same(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve()
    except OSError:
        return False


def _write(out: Path, text: str) -> None:
    """Whole or not at all: a temporary file beside `out`, renamed over it."""
    fd, name = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        os.fchmod(fd, 0o644)  # a report is for sharing (mkstemp makes it private)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(name, out)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(name)
        fail(f"{out}: cannot write the report ({error.strerror})")
