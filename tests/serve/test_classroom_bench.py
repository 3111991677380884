"""The classroom benchmark runs end to end with a small class: a check that it works, never a
timing (the numbers belong in docs/performance.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import classroom


@pytest.mark.slow
def test_a_small_class_runs_and_reports_every_measure(tmp_path: Path, capsys: object) -> None:
    out = tmp_path / "classroom.json"
    classroom.main(["--sessions", "2", "--seconds", "5", "--out", str(out)])
    result = json.loads(out.read_text())
    assert result["answered_first_screen"] == 2
    assert result["session_processes"] == 2
    assert result["lost_sessions"] == 0
    assert result["keys"] >= 4
    for measure in ("latency_ms", "rss_mb", "pss_mb"):
        assert result[measure]["max"] > 0
    assert "| key → screen update" in capsys.readouterr().out  # type: ignore[attr-defined]
