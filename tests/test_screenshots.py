"""The committed `screenshots/` folder is exactly what `python -m tui screenshots` makes today.

Each flow and language is regenerated through the real command line into a temporary
folder (a separate test each, so xdist spreads them over the cores) and compared byte for
byte with the committed files; the guides are compared too, and the folder holds nothing else.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tui.flow import BUYER_FLOWS, Flow
from tui.i18n import Language
from tui.screenshots.capture import SVG_TITLE, planned_files, with_fixed_id
from tui.screenshots.command import REFRESH, remove_stale
from tui.screenshots.guide import guide_file_name, guide_markdown
from tui.store.demo import demo_path
from tui.store.load import load_snapshot

COMMITTED = Path(__file__).resolve().parent.parent / "screenshots"
STALE = (
    f"The committed screenshots are out of date. Look at the change, then refresh them from "
    f"the repository's top folder with:  {REFRESH}  (or: make screenshots) and commit"
)


def differing(made: Path, names: list[str]) -> list[str]:
    """The names whose committed file is missing or differs from the one just made."""
    return [
        name
        for name in names
        if not (COMMITTED / name).is_file()
        or (COMMITTED / name).read_bytes() != (made / name).read_bytes()
    ]


@pytest.mark.slow  # ~15 s each: CI runs it (`-m slow`); `make screenshots` refreshes them
@pytest.mark.parametrize("language", [lang.value for lang in Language])
@pytest.mark.parametrize("flow", [flow.value for flow in BUYER_FLOWS])
def test_committed_pictures_are_current(tmp_path: Path, flow: str, language: str) -> None:
    out = tmp_path / "shots"
    result = run_cli(
        "screenshots", "--flow", flow, "--lang", language, "--out", str(out), home=tmp_path
    )
    assert result.returncode == 0, result.stderr
    names = planned_files([Language(language)], [Flow(flow)])
    for name in names:  # it says where it wrote what
        assert str(out / name) in result.stdout
    assert str(out / guide_file_name(Language(language))) in result.stdout
    assert not (tmp_path / "data").exists(), "the command must not create a user data file"
    assert differing(out, names) == [], STALE


@pytest.mark.parametrize("language", list(Language), ids=lambda lang: lang.value)
def test_committed_guides_are_current(language: Language) -> None:
    hours = load_snapshot(demo_path()).meta.settings.seller_response_hours
    made = guide_markdown(language, [Flow.WEB, Flow.APP], hours)
    committed = COMMITTED / guide_file_name(language)
    assert committed.is_file() and committed.read_text(encoding="utf-8") == made, STALE


def test_committed_folder_holds_only_the_commands_output() -> None:
    everything = planned_files(list(Language), [Flow.WEB, Flow.APP])
    expected = sorted([*everything, *(guide_file_name(lang) for lang in Language)])
    assert sorted(p.name for p in COMMITTED.iterdir()) == expected, STALE


def test_stale_pictures_of_the_command_are_removed_and_nothing_else(tmp_path: Path) -> None:
    keep = planned_files([Language.ENGLISH], [Flow.APP])
    for name in [*keep, "app-09-gone.en.svg", "app-09-gone.sw.svg", "web-01-x.en.svg", "mine.svg"]:
        (tmp_path / name).write_text("<svg/>")
    removed = remove_stale(tmp_path, [Language.ENGLISH], [Flow.APP])
    assert removed == ["app-09-gone.en.svg"]
    left = {p.name for p in tmp_path.iterdir()}
    assert left == {*keep, "app-09-gone.sw.svg", "web-01-x.en.svg", "mine.svg"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--lang", "fr"], "unknown value 'fr' for --lang (choose en, sw or all)"),
        (["--flow", "tv"], "unknown value 'tv' for --flow (choose web, app or all)"),
        (["--db", "x.json"], "--db does not apply to screenshots"),
        (["--out", "{file}"], "is not a folder"),
    ],
)
def test_bad_options_stop_with_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("")
    args = [arg.replace("{file}", str(a_file)) for arg in args]
    result = run_cli("screenshots", *args, home=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr


def test_out_belongs_to_the_screenshots_command(tmp_path: Path) -> None:
    result = run_cli("reset", "--out", str(tmp_path), home=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == "cancel-order: error: --out is only for the screenshots command"


def test_pictures_carry_a_fixed_id_and_title() -> None:
    """Rich's checksum id is gone from every committed picture, replaced by the file's name."""
    pictures = sorted(COMMITTED.glob("*.svg"))
    assert pictures
    for path in pictures:
        text = path.read_text(encoding="utf-8")
        own_id = path.name.removesuffix(".svg").replace(".", "-")
        assert re.search(r"terminal-\d+", text) is None, path.name
        assert f'class="{own_id}-title"' in text and f">{SVG_TITLE}</text>" in text, path.name


def test_fixed_id_replaces_every_use_of_richs_id() -> None:
    svg = '<style>.terminal-123-r1 {}</style><g clip-path="url(#terminal-123-line-0)">'
    assert with_fixed_id(svg, "web-01-orders-en") == (
        '<style>.web-01-orders-en-r1 {}</style><g clip-path="url(#web-01-orders-en-line-0)">'
    )
    with pytest.raises(ValueError):
        with_fixed_id("<svg/>", "x")
