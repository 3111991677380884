"""The class results file: appended crash-safely, read back exactly, and a file this version
can't read is refused in one line and never written to."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tui.store.demo import demo_path
from tui.training.record import AttemptRecord
from tui.training.results import (
    RESULTS_KIND,
    RESULTS_SCHEMA,
    ResultsError,
    app_version,
    append_result,
    new_record,
    read_results,
)

WHEN = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def record(trainee: str = "Amina", scenario: str = "unpaid-order", score: int = 8) -> AttemptRecord:
    return new_record(
        trainee=trainee,
        scenario=scenario,
        score=score,
        max_score=10,
        hints_used=1,
        seconds=95,
        answers=["b", "a"],
        failed=["no-waiting"],
        language="sw",
        recorded_at=WHEN,
    )


def test_appended_attempts_read_back_exactly(tmp_path: Path) -> None:
    path = tmp_path / "class" / "results.json"  # the folder is made too
    first, second = record(), record("Juma", "seller-refused", 10)
    append_result(path, first)
    append_result(path, second)
    assert read_results(path) == [first, second]
    data = json.loads(path.read_text())
    assert data["results_meta"]["1"] == {"kind": RESULTS_KIND, "schema_version": RESULTS_SCHEMA}
    assert sorted(data["attempts"]) == ["1", "2"]
    document = data["attempts"]["1"]
    assert document["answers"] == ["a", "b"] and document["language"] == "sw"
    assert document["app_version"] == app_version() and document["recorded_at"].startswith("2026")
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_the_real_clock_and_version_are_recorded() -> None:
    made = new_record(
        trainee="A", scenario="s", score=1, max_score=2, hints_used=0, seconds=1,
        answers=[], failed=[], language="en",
    )  # fmt: skip
    assert abs((made.recorded_at - datetime.now(UTC)).total_seconds()) < 60
    assert made.app_version not in ("",)


def test_a_missing_file(tmp_path: Path) -> None:
    assert read_results(tmp_path / "none.json", missing_ok=True) == []
    with pytest.raises(ResultsError, match="no such results file"):
        read_results(tmp_path / "none.json")


def newer(path: Path) -> None:
    path.write_text(
        json.dumps(
            {
                "results_meta": {"1": {"kind": RESULTS_KIND, "schema_version": RESULTS_SCHEMA + 1}},
                "attempts": {},
            }
        )
    )


def nested(path: Path) -> None:
    path.write_text("[" * 100_000 + "]" * 100_000)


def fifo(path: Path) -> None:
    os.mkfifo(path)


REFUSED = {
    "from a newer version": (newer, "written by a newer version of cancel-order"),
    "not JSON": (lambda p: p.write_text("{ not json"), "not a results file (it is not JSON)"),
    "not UTF-8": (lambda p: p.write_bytes(b"\xff\xfe{"), "not a results file"),
    "a data file": (lambda p: p.write_bytes(demo_path().read_bytes()), "no 'results_meta' table"),
    "something else": (
        lambda p: p.write_text('{"results_meta": {"1": {"kind": "x", "schema_version": 1}}}'),
        "it says it is something else",
    ),
    "a bad attempt": (
        lambda p: p.write_text(
            json.dumps(
                {
                    "results_meta": {"1": {"kind": RESULTS_KIND, "schema_version": 1}},
                    "attempts": {"1": {"trainee": "A"}},
                }
            )
        ),
        "table 'attempts', document 1: scenario: Field required",
    ),
    "a top-level list": (lambda p: p.write_text("[]"), "not a results file"),
    "deeply nested": (nested, "not a results file"),
    "a FIFO": (fifo, "not a regular file"),
}


@pytest.mark.parametrize("make", REFUSED.values(), ids=list(REFUSED))
def test_a_file_this_version_cannot_read_is_refused_and_left_alone(
    tmp_path: Path, make: tuple[object, str]
) -> None:
    build, expected = make
    path = tmp_path / "results.json"
    build(path)  # type: ignore[operator]
    before = None if path.is_fifo() else path.read_bytes()
    for attempt in (lambda: read_results(path), lambda: append_result(path, record())):
        with pytest.raises(ResultsError) as raised:
            attempt()
        message = str(raised.value)
        assert "\n" not in message and message.startswith(f"{path}: "), message
        assert expected in message, message
    if before is not None:
        assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["results.json"]


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ResultsError, match="not a regular file"):
        read_results(tmp_path)


def test_an_empty_file_is_a_new_results_file(tmp_path: Path) -> None:
    path = tmp_path / "results.json"
    path.write_bytes(b"")
    assert read_results(path) == []
    append_result(path, record())
    assert len(read_results(path)) == 1


def test_a_score_above_the_maximum_is_not_an_attempt() -> None:
    with pytest.raises(ValueError, match="more than max_score"):
        record(score=11)
