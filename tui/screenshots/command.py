"""`cancel-order screenshots`: check the options, take the pictures, write the guides, say where.

Bad options stop it with one line and exit status 2, like every other command. It never
reads or writes the user's data file: each flow runs on its own fresh copy of the demo data.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from tui.exits import fail
from tui.flow import Flow
from tui.i18n import LANGUAGE_CODES, Language
from tui.screenshots.capture import SIZE, capture, planned_files
from tui.screenshots.guide import guide_file_name, guide_markdown
from tui.screenshots.walk import WalkError
from tui.store.demo import demo_path
from tui.store.load import load_snapshot

DEFAULT_OUT = Path("screenshots")
ALL = "all"
REFRESH = "python -m tui screenshots"
"""The command that refreshes the committed `screenshots/` folder, run from the repository."""

_OWN_FILE = re.compile(r"^(?P<flow>app|web)-\d\d-[a-z0-9-]+\.(?P<lang>[a-z]+)\.svg$")


def screenshots_command(
    out: Path | None, lang: str | None, flow: str | None, db: Path | None
) -> None:
    """Take every picture asked for, write the guides, and print what went where."""
    if db is not None:
        fail("--db does not apply to screenshots: they always use a fresh copy of the demo data")
    languages = [Language(code) for code in _choice("--lang", lang, LANGUAGE_CODES)]
    flows = [Flow(code) for code in _choice("--flow", flow, (Flow.WEB.value, Flow.APP.value))]
    out_dir = out if out is not None else DEFAULT_OUT
    if out_dir.exists() and not out_dir.is_dir():
        fail(f"{out_dir}: is not a folder (--out needs a folder for the pictures)")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        stale = remove_stale(out_dir, languages, flows)
    except OSError as error:
        fail(f"{out_dir}: {error.strerror or error}")
    width, height = SIZE
    print(f"Pictures of every step at {width}×{height} into {out_dir}/:", flush=True)
    for name in stale:
        print(f"  removed {out_dir / name} (no longer a step)", flush=True)
    started = time.perf_counter()
    try:
        capture(out_dir, languages, flows, lambda path: print(f"  {path}", flush=True))
        hours = load_snapshot(demo_path()).meta.settings.seller_response_hours
        for language in languages:
            guide = out_dir / guide_file_name(language)
            guide.write_text(guide_markdown(language, flows, hours), encoding="utf-8")
            print(f"  {guide}", flush=True)
    except WalkError as error:
        fail(f"screenshots: {error}")
    except OSError as error:
        fail(f"{out_dir}: {error.strerror or error}")
    pictures = len(planned_files(languages, flows))
    seconds = time.perf_counter() - started
    print(
        f"Wrote {pictures} pictures and {len(languages)} guide(s) to {out_dir.resolve()} "
        f"in {seconds:.0f} s."
    )


def _choice(option: str, value: str | None, codes: tuple[str, ...]) -> list[str]:
    if value is None or value == ALL:
        return list(codes)
    if value not in codes:
        fail(f"unknown value '{value}' for {option} (choose {', '.join(codes)} or {ALL})")
    return [value]


def remove_stale(out_dir: Path, languages: list[Language], flows: list[Flow]) -> list[str]:
    """Delete this command's own pictures that are no longer steps (a step renamed or gone).

    Only files named like ours, of the flows and languages being made, are touched, so an
    `--out` folder shared with other files keeps them.
    """
    planned = set(planned_files(languages, flows))
    codes = {language.value for language in languages}
    removed = []
    for path in sorted(out_dir.glob("*.svg")):
        own = _OWN_FILE.match(path.name)
        if own and own["flow"] in flows and own["lang"] in codes and path.name not in planned:
            path.unlink()
            removed.append(path.name)
    return removed
