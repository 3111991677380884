"""`cancel-order demo` checks its options before anything is drawn: one line, status 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli
from tui.demo.options import DemoOptions, parse_options
from tui.flow import Flow
from tui.i18n import Language


def test_the_defaults_play_both_flows_in_english_once() -> None:
    assert parse_options([]) == DemoOptions(Language.ENGLISH, (Flow.WEB, Flow.APP), 1.0, False)


def test_every_option() -> None:
    options = parse_options(["--lang", "sw", "--flow", "app", "--speed", "2.5", "--loop"])
    assert options == DemoOptions(Language.SWAHILI, (Flow.APP,), 2.5, True)
    assert parse_options(["--flow", "web"]).flows == (Flow.WEB,)
    assert parse_options(["--flow", "both"]).flows == (Flow.WEB, Flow.APP)


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["--lang", "fr"], "--lang"),
        (["--flow", "desk"], "--flow"),
        (["--speed", "fast"], "--speed"),
        (["--speed", "0.4"], "--speed"),
        (["--speed", "3.5"], "--speed"),
        (["--speed", "nan"], "--speed"),
        (["--db", "x.json"], "--db"),
        (["extra"], "extra"),
    ],
)
def test_a_bad_option_is_one_line_and_status_2(
    argv: list[str], named: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        parse_options(argv)
    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and named in error and "Traceback" not in error


def test_the_command_line_sends_demo_to_its_own_options(tmp_path: Path) -> None:
    done = run_cli("demo", "--speed", "9", home=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith("cancel-order: error: --speed")
    assert done.stderr.count("\n") == 1
    assert not (tmp_path / "data").exists()  # nothing made before the options were good
