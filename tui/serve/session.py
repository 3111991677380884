"""What one browser tab's process runs (`python -m tui.serve.session`), then the app itself.

`visitor`: a fresh copy of the demo data in a folder of its own under the server's temporary
folder, removed when the app ends (the server removes the whole temporary folder when it
stops, should a process be killed). `trainee NAME`: the trainee's file in the class folder,
made from the demo data on first use. The app's one-instance lock (`InstanceLock`) keeps a
second tab off a file that is open: that tab is shown a notice (`tui.serve.notice`) instead
of the app, in the page, never an error on the server's console alone.

Started by the server only, with arguments it checked; bad ones still end with status 2.
"""

import argparse
import contextlib
import importlib
import pkgutil
import shutil
import sys
import tempfile
from pathlib import Path

from tui.cli import main as app_main
from tui.exits import EXIT_BAD_INPUT
from tui.i18n import LANGUAGE_CODES, Language
from tui.serve.names import FILE_SUFFIX, is_slug
from tui.store.demo import install_demo
from tui.store.lock import DatabaseInUse, InstanceLock

DB_NAME = "orders.json"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m tui.serve.session")
    parser.add_argument("--lang", choices=(*LANGUAGE_CODES, "auto"), default="auto")
    kinds = parser.add_subparsers(dest="kind", required=True)
    visitor = kinds.add_parser("visitor")
    visitor.add_argument("--temp-root", type=Path, required=True)
    trainee = kinds.add_parser("trainee")
    trainee.add_argument("--class-dir", type=Path, required=True)
    trainee.add_argument("name")
    return parser


WARM_PACKAGES = ("tui.screens", "tui.widgets", "tui.store", "tui.domain")


def warm_up() -> None:
    """Import now what the app would import on each page's first showing (its screens,
    widgets and models): a class starts an exercise all at once, and those first showings,
    30 at a time on 2 cores, queued behind each other (p95 > 1 s). A tab's own start pays
    instead (~0.3 s of CPU), when trainees arrive one by one. Best effort: a module that
    fails to import fails again, visibly, when the app needs it."""
    for package_name in WARM_PACKAGES:
        try:
            package = importlib.import_module(package_name)
        except ImportError:
            continue
        for module in pkgutil.walk_packages(package.__path__, package_name + "."):
            with contextlib.suppress(Exception):
                importlib.import_module(module.name)


def app_args(db: Path, language: Language | None) -> list[str]:
    return ["run", "--db", str(db)] + (["--lang", language.value] if language else [])


def run_visitor(temp_root: Path, language: Language | None) -> None:
    folder = Path(tempfile.mkdtemp(prefix="visitor-", dir=temp_root))
    try:
        db = folder / DB_NAME
        install_demo(db)
        app_main(app_args(db, language))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def claim(db: Path) -> str | None:
    """Make the trainee's file if it is new; `None` if no app has it open, else why not
    (a catalog key). The lock is let go again for the app, which takes it itself."""
    if db.is_dir():
        return "serve.cannot_open"
    lock = InstanceLock(db)
    try:
        lock.acquire()
    except DatabaseInUse:
        return "serve.in_use"
    try:
        if not db.exists():
            install_demo(db)
    finally:
        lock.release()
    return None


def in_use(db: Path) -> bool:
    try:
        with InstanceLock(db):
            return False
    except DatabaseInUse:
        return True


def run_trainee(class_dir: Path, slug: str, language: Language | None) -> None:
    if not is_slug(slug):
        print(f"cancel-order: error: not a trainee's name: {slug!r}", file=sys.stderr)
        raise SystemExit(EXIT_BAD_INPUT)
    db = class_dir / (slug + FILE_SUFFIX)
    problem = claim(db)
    if problem is not None:
        error = f"{db.name}: is a folder, not a file" if problem == "serve.cannot_open" else ""
        show_notice(problem, slug, language, error)
        return
    try:
        app_main(app_args(db, language))
    except SystemExit as stop:
        # Another tab took the file between `claim` and the app's own lock: the app never
        # started, so this tab can still be told, like one that came second.
        if stop.code == EXIT_BAD_INPUT and in_use(db):
            show_notice("serve.in_use", slug, language, "")
            return
        raise


def show_notice(key: str, slug: str, language: Language | None, error: str) -> None:
    from tui.serve.notice import NoticeApp

    NoticeApp(key, slug, language, error).run()


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    language = None if args.lang == "auto" else Language(args.lang)
    warm_up()
    if args.kind == "visitor":
        run_visitor(args.temp_root, language)
    else:
        run_trainee(args.class_dir, args.name, language)


if __name__ == "__main__":
    main()
