"""`--view app|web|desk` on the command line: a bad value, or `--view` with the older
`--flow`, is one line and exit status 2 before any file is touched; `--view desk` starts
the app on the support desk. In-process (`cli.main`), with the app's `run` replaced, so
no terminal is needed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tui import cli
from tui.app import CancelOrderApp
from tui.flow import Flow
from tui.screens.desk.search import DeskSearchScreen


def one_line_error(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    with pytest.raises(SystemExit) as stopped:
        cli.main(argv)
    assert stopped.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("cancel-order: error: ")
    return lines[0]


@pytest.mark.parametrize("value", ["desktop", "Desk", ""])
def test_an_unknown_view_is_one_line(
    value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "orders.json"
    line = one_line_error(capsys, ["--db", str(db), "--view", value])
    assert f"unknown view '{value}'" in line and "app, web or desk" in line
    assert not db.exists()  # stopped before the data file was made


def test_view_and_flow_together_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "orders.json"
    line = one_line_error(capsys, ["--db", str(db), "--view", "desk", "--flow", "web"])
    assert "--flow" in line and "--view" in line
    assert not db.exists()


def test_screenshots_take_no_view(capsys: pytest.CaptureFixture[str]) -> None:
    assert "--view" in one_line_error(capsys, ["screenshots", "--view", "desk"])


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[CancelOrderApp]:
    """The apps `cli.main` would run; `run` only records them, and the loaded data is
    not frozen for good (`load_for_good` is for the one app of a real command line)."""
    apps: list[CancelOrderApp] = []
    monkeypatch.setattr(CancelOrderApp, "run", lambda self, **_: apps.append(self))
    monkeypatch.setattr(cli, "load_for_good", lambda load, path: load(path))
    return apps


async def test_view_desk_starts_on_the_desk(
    db_path: Path, started: list[CancelOrderApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    cli.main(["--db", str(db_path), "--view", "desk", "--lang", "sw"])
    (app,) = started
    assert app.flow is Flow.DESK and app.DEFAULT_MODE == "desk"
    monkeypatch.undo()  # the real `run_test` below
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.current_mode == "desk"
        assert isinstance(app.screen, DeskSearchScreen)
        assert app.translator.language.value == "sw"


def test_view_web_and_the_older_flow_option(db_path: Path, started: list[CancelOrderApp]) -> None:
    cli.main(["--db", str(db_path), "--view", "web"])
    cli.main(["--db", str(db_path), "--flow", "app"])  # the older option still works
    web, app_view = started
    assert (web.flow, app_view.flow) == (Flow.WEB, Flow.APP)
    assert (web.DEFAULT_MODE, app_view.DEFAULT_MODE) == ("web", "app")
    for app in started:
        app.service.close()


def test_help_names_the_views(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out: Any = capsys.readouterr().out
    assert "--view app|web|desk" in out and "desk" in out
