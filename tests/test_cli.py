"""The command line: bad input gets one line and exit status 2, before anything is drawn."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tui.store.demo import demo_path


def assert_one_line_error(result: subprocess.CompletedProcess[str], *expected: str) -> None:
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("cancel-order: error: ")
    for text in expected:
        assert text in lines[0]


def test_help_explains_commands_and_files(tmp_path: Path) -> None:
    result = run_cli("--help", home=tmp_path)
    assert result.returncode == 0
    for text in ("reset", "--db PATH", "--lang", "en", "sw", "demo data", "TinyDB"):
        assert text in result.stdout


def test_help_explains_the_flows(tmp_path: Path) -> None:
    result = run_cli("--help", home=tmp_path)
    for text in ("--flow app|web", "mobile app", "website", "F4"):
        assert text in result.stdout


def test_unknown_language(tmp_path: Path) -> None:
    assert_one_line_error(run_cli("--lang", "fr", home=tmp_path), "unknown language 'fr'")


def test_unknown_flow(tmp_path: Path) -> None:
    assert_one_line_error(run_cli("--flow", "desktop", home=tmp_path), "unknown flow 'desktop'")


def test_unknown_option(tmp_path: Path) -> None:
    assert_one_line_error(run_cli("--colour", home=tmp_path), "--colour")


def test_db_is_a_directory(tmp_path: Path) -> None:
    assert_one_line_error(run_cli("--db", str(tmp_path), home=tmp_path), str(tmp_path), "directory")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"not json at all", "not valid JSON"),
        (b'{"_default": {"1": {"a": 1}}}', "missing table"),
        (b"[]", "not a TinyDB database"),
    ],
)
def test_bad_db_file_is_left_as_it_was(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    assert_one_line_error(run_cli("--db", str(path), home=tmp_path), str(path), expected)
    assert path.read_bytes() == content


def test_invalid_document_names_the_order(tmp_path: Path) -> None:
    data = json.loads(demo_path().read_text())
    data["orders"]["3"]["status"] = "teleported"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    before = path.read_bytes()
    assert_one_line_error(run_cli("--db", str(path), home=tmp_path), "8197345062120046", "status")
    assert path.read_bytes() == before


def test_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "nope" / "db.json"
    assert_one_line_error(run_cli("--db", str(target), home=tmp_path), "folder does not exist")
    assert not target.parent.exists()


def test_reset_restores_demo_data(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    path.write_text("{}")
    result = run_cli("reset", "--db", str(path), home=tmp_path)
    assert result.returncode == 0
    assert str(path) in result.stdout
    assert path.read_bytes() == demo_path().read_bytes()


def test_reset_default_file_goes_to_user_data_dir(tmp_path: Path) -> None:
    result = run_cli("reset", home=tmp_path)
    assert result.returncode == 0
    created = tmp_path / "data" / "cancel-order" / "orders.json"
    assert created.read_bytes() == demo_path().read_bytes()
