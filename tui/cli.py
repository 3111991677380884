"""Command line: choose the DB file and language, check both before anything is drawn."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn, TypeVar

from tui.exits import EXIT_BAD_INPUT, PROG, fail
from tui.flow import FLOW_CODES, VIEW_CODES, Flow
from tui.i18n import LANGUAGE_CODES, Language
from tui.progress import TerminalProgress
from tui.store.demo import default_db_path, install_demo
from tui.store.errors import StoreError
from tui.store.files import journal_path
from tui.store.keep import keep_copy
from tui.store.lock import DatabaseInUse, InstanceLock
from tui.store.paths import data_file
from tui.text import inert

DESCRIPTION = """\
A terminal mimic of the AliExpress "cancel an order after payment" flow, as the mobile app
(--view app) or the desktop website (--view web) shows it, for demos and for training
customer-support staff, who also get a support agent's desk (--view desk). Keyboard
first; the mouse works too.

commands:
  run      start the app (the default)
  reset    put the bundled demo data back into the data file; the file replaced is
           kept as <file>.replaced.N (N = 1, 2, ...; its journal as <file>.replaced.N.journal)
  restore  put back the backup of the last good state (<file>.bak); the file replaced
           is kept as <file>.replaced.N (and its journal as <file>.replaced.N.journal)
  screenshots [--out DIR] [--lang en|sw|all] [--flow app|web|all]
           save an SVG of every step of each flow and the illustrated guides
           (guide.en.md, guide.sw.md) in DIR (default: screenshots/); runs the app
           headless on a fresh copy of the demo data, never on your data file
  train --trainee NAME [--scenario ID] [--lang en|sw] [--results PATH]
           training for support staff: a scenario list, each scenario worked on a
           private copy of the data, graded on Finish (see `train --help`)
  report [--results PATH] [--format md|csv|html] [--out PATH] [--lang en|sw]
           the class report of training attempts (see `report --help`)
  serve [--host ADDR] [--port N] [--class-dir DIR] [--code CODE]
           put the app in a web page for a class, one process per browser tab
           (see: cancel-order serve --help)
  demo [--lang en|sw] [--flow app|web|both] [--speed 0.5-3] [--loop]
           play the cancel flow by itself with captions, for a presenter; on a
           temporary copy of the demo data, never your data file (see `demo --help`)

data file:
  Without --db the app uses a per-user file ({default}),
  created from the bundled demo data on first run. With --db PATH it uses PATH,
  created from the demo data if it does not exist. The file is plain TinyDB JSON, a
  regular file of at most 64 MB; a symbolic link is followed (lock files, the journal and
  backups go beside the file it points to), a hard link is refused.
  While the app runs, each change is appended to <file>.journal and flushed to disk;
  closing the app folds the journal into the file (rewritten whole, then swapped in),
  so a crash leaves the old state or the new one, never a mix, and the next start
  reads the journal. One app at a time writes a file: a second one exits with status 2.
"""


T = TypeVar("T")


class OneLineParser(argparse.ArgumentParser):
    """Bad arguments get one line naming what was wrong, and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message}\n")


def build_parser() -> OneLineParser:
    parser = OneLineParser(
        prog=PROG,
        usage="%(prog)s [run | reset | restore | screenshots | train | report | serve | demo] "
        "[--db PATH] [--lang en|sw] [--view app|web|desk] [--out DIR]",
        description=DESCRIPTION.format(default=default_db_path()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "command",
        nargs="?",
        default="run",
        choices=("run", "reset", "restore", "screenshots"),
        help=argparse.SUPPRESS,
    )
    parser.add_argument("--db", type=Path, metavar="PATH", help="the data file to use")
    parser.add_argument(
        "--lang",
        metavar="LANG",
        help="language of the app: en (English) or sw (Kiswahili); default: the one last used",
    )
    parser.add_argument(
        "--flow",
        metavar="FLOW",
        help="layout: app (the mobile app) or web (the desktop website); "
        "default: the one last used (F4 switches while running)",
    )
    parser.add_argument(
        "--view",
        metavar="VIEW",
        help="view: app (the mobile app), web (the desktop website) or desk (the support "
        "agent's desk); default: the one last used (F4 switches while running)",
    )
    parser.add_argument(
        "--out", type=Path, metavar="DIR", help="screenshots: the folder to write to"
    )
    return parser


def resolve_db(path: Path | None) -> Path:
    """The real data file to use (symlinks resolved: `tui.store.paths`), created from the
    demo data when it doesn't exist yet; `StoreError` for anything that can't be a data
    file (a folder, a device, a FIFO, a hard link), before any file is made beside it."""
    if path is None:
        path = default_db_path()
        path.parent.mkdir(parents=True, exist_ok=True)
    real, exists = data_file(path)
    if not exists:
        install_demo(real)
    return real


def main(argv: list[str] | None = None) -> None:
    arguments = sys.argv[1:] if argv is None else argv
    if arguments[:1] != ["run"] and arguments[:1] and not arguments[0].startswith("-"):
        gc.enable()  # off since `tui.__main__` for a start-up; these commands run no app
    if arguments[:1] == ["report"]:  # its own options: see tui.training.report_command
        from tui.training.report_command import report_command

        report_command(arguments[1:])
        return
    if arguments[:1] == ["train"]:  # its own options: see tui.training.train_command
        train(arguments[1:])
        return
    if arguments[:1] == ["serve"]:  # its own options: `tui.serve.command`
        from tui.serve.command import serve_command

        serve_command(arguments[1:])
        return
    if arguments[:1] == ["demo"]:  # its own options: `tui.demo.options`
        from tui.demo.command import demo_command

        demo_command(arguments[1:])
        return
    args = build_parser().parse_args(arguments)
    if args.command == "screenshots":
        if args.view is not None:
            fail("screenshots take --flow app|web|all, not --view")
        from tui.screenshots.command import screenshots_command

        screenshots_command(args.out, args.lang, args.flow, args.db)
        return
    if args.out is not None:
        fail("--out is only for the screenshots command")
    language: Language | None = None
    if args.lang is not None:
        if args.lang not in LANGUAGE_CODES:
            fail(f"unknown language '{args.lang}' for --lang (choose en or sw)")
        language = Language(args.lang)
    flow = chosen_view(args.flow, args.view)
    if args.command in ("reset", "restore"):
        if args.db is None:
            default_db_path().parent.mkdir(parents=True, exist_ok=True)
        maintain(args.command, args.db or default_db_path())
        return
    run(args.db, language, flow)


def chosen_view(flow: str | None, view: str | None) -> Flow | None:
    """`--view` (app, web or desk), or the older `--flow` (app or web); not both."""
    if flow is not None and view is not None:
        fail("--flow and --view choose the same thing: give only --view")
    if view is not None:
        if view not in VIEW_CODES:
            fail(f"unknown view '{view}' for --view (choose app, web or desk)")
        return Flow(view)
    if flow is not None:
        if flow not in FLOW_CODES:
            fail(f"unknown flow '{flow}' for --flow (choose app or web)")
        return Flow(flow)
    return None


def run(db: Path | None, language: Language | None, flow: Flow | None) -> None:
    """Open the data file (locked for this app alone), load and validate it, run the app.

    Every problem before the first frame is one line and exit status 2; the app's own
    status follows (never 0 after an error)."""
    lock: InstanceLock | None = None
    try:
        db_path = resolve_db(db)
        lock = InstanceLock(db_path)
        lock.acquire()
        from tui.app import CancelOrderApp
        from tui.service import open_service

        with TerminalProgress(inert(db_path.name)) as progress:
            service = load_for_good(lambda path: open_service(path, progress), db_path)
        app = CancelOrderApp(db_path, language, flow, service=service)
    except DatabaseInUse as error:
        fail(str(error))
    except StoreError as error:
        if lock is not None:
            lock.release()
        fail(with_backup_hint(error))
    except OSError as error:  # the demo data can't be written, a folder went away...
        if lock is not None:
            lock.release()
        fail(f"{error.filename or db or default_db_path()}: {error.strerror or error}")
    try:
        app.run()
    finally:
        lock.release()
    if app.return_code:
        sys.exit(app.return_code)


def train(argv: list[str]) -> None:
    """`train`: every bad input is one line and exit status 2 before anything is drawn
    (`parse_train`); then the training app, on a private copy of the data per attempt."""
    from tui.training.train_command import parse_train
    from tui.training_app import TrainingApp

    app = TrainingApp(parse_train(argv))
    app.run()
    if app.return_code:
        sys.exit(app.return_code)


def load_for_good(load: Callable[[Path], T], path: Path) -> T:
    """Load what the app keeps as long as it runs, then freeze it out of the cyclic garbage
    collector's sight (`gc.freeze`): otherwise each full collection would scan the ~0.7
    million loaded objects at 10,000 orders again (~0.1 s, in the middle of a key press).
    Replaced data is still freed as usual: models hold no reference cycles. Only for the
    command line's one app: tests build many."""
    loaded = load(path)
    gc.freeze()
    gc.enable()  # off since `tui.__main__` (a start-up's imports are for good too)
    return loaded


def with_backup_hint(error: StoreError) -> str:
    """The error, plus the command that puts the last good state back where there is one."""
    from tui.store.backup import usable_backup  # loads the models: only on this path

    if usable_backup(error.path) is None:
        return str(error)
    return f"{error}; restore the last good copy with: {PROG} restore --db {error.path}"


def maintain(command: str, target: Path) -> None:
    """`reset` and `restore`: refused while an app has the file open. Neither destroys
    anything: the file replaced (and its journal) is kept as a numbered copy, named."""
    try:
        real, exists = data_file(target, to_replace=True)
        with InstanceLock(real):
            if command == "reset":
                kept = keep_copy(real) if exists else None
                install_demo(real)
                print(f"Demo data restored in {real}{kept_words(kept)}")
                return
            from tui.store.backup import restore_backup

            kept = restore_backup(real)
    except (DatabaseInUse, StoreError) as error:
        fail(str(error))
    except OSError as error:
        fail(f"{error.filename or target}: {error.strerror or error}")
    print(f"Backup restored in {real}{kept_words(kept)}")


def kept_words(kept: Path | None) -> str:
    """Where the file replaced went, in words ("" if there was none)."""
    if kept is None:
        return ""
    journal = journal_path(kept)
    also = f" and its journal as {journal}" if journal.exists() else ""
    return f" (the file it replaced is kept as {kept}{also})"
