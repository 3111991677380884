"""`cancel-order report`: bad input gets one line and exit status 2, and nothing is written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.test_cli import assert_one_line_error
from tui.training.report_command import report_command
from tui.training.results import RESULTS_KIND, append_result, new_record


@pytest.fixture
def results(tmp_path: Path) -> Path:
    path = tmp_path / "results.json"
    append_result(
        path,
        new_record(
            trainee="Amina", scenario="unpaid-order", score=10, max_score=10, hints_used=0,
            seconds=50, answers=[], failed=[], language="en",
        ),
    )  # fmt: skip
    return path


def test_the_help_names_report(tmp_path: Path) -> None:
    assert "report [--results PATH]" in run_cli("--help", home=tmp_path).stdout
    shown = run_cli("report", "--help", home=tmp_path)
    assert shown.returncode == 0 and "--format" in shown.stdout


def test_the_default_results_file(tmp_path: Path) -> None:
    missing = run_cli("report", home=tmp_path)
    assert_one_line_error(missing, "training-results.json", "no such results file")


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["--format", "pdf"], "unknown format 'pdf'"),
        (["--lang", "fr"], "unknown language 'fr'"),
        (["--colour"], "unrecognized arguments: --colour"),
    ],
)
def test_bad_options(tmp_path: Path, results: Path, arguments: list[str], expected: str) -> None:
    outcome = run_cli("report", "--results", str(results), *arguments, home=tmp_path)
    assert_one_line_error(outcome, expected)


def test_a_newer_or_unreadable_results_file_is_refused(tmp_path: Path) -> None:
    newer = tmp_path / "newer.json"
    newer.write_text(
        json.dumps({"results_meta": {"1": {"kind": RESULTS_KIND, "schema_version": 9}}})
    )
    unreadable = tmp_path / "broken.json"
    unreadable.write_text('{"results_meta": ')
    for path, expected in ((newer, "newer version"), (unreadable, "not a results file")):
        before = path.read_bytes()
        out = tmp_path / "report.html"
        outcome = run_cli("report", "--results", str(path), "--out", str(out), home=tmp_path)
        assert_one_line_error(outcome, str(path), expected)
        assert path.read_bytes() == before and not out.exists()


def test_the_report_never_goes_over_the_results(tmp_path: Path, results: Path) -> None:
    before = results.read_bytes()
    for out in (results, results.with_name("results.json.bak"), tmp_path):
        with pytest.raises(SystemExit) as raised:
            report_command(["--results", str(results), "--out", str(out)])
        assert raised.value.code == 2
    assert results.read_bytes() == before
    with pytest.raises(SystemExit):
        report_command(["--results", str(results), "--out", str(tmp_path / "no" / "r.md")])


def test_the_format_follows_the_out_suffix(tmp_path: Path, results: Path) -> None:
    out = tmp_path / "class.HTML"
    report_command(["--results", str(results), "--out", str(out)])
    assert out.read_text().startswith("<!DOCTYPE html>")
    report_command(["--results", str(results), "--out", str(out), "--format", "md"])
    assert out.read_text().startswith("# Class report")
