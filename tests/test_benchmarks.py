"""The benchmark runs end to end on the smallest size: a check that it works, never a timing.

The numbers it prints are not looked at here: timings belong in the README's table.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.datasets import demo_raw, scale_orders
from benchmarks.flows import MOBILE
from benchmarks.report import p95

ROOT = Path(__file__).resolve().parent.parent


def test_scaled_data_keeps_every_other_table_and_unique_numbers() -> None:
    raw = demo_raw()
    scaled = scale_orders(raw, 300)
    ids = [order["id"] for order in scaled["orders"].values()]
    assert len(ids) == len(set(ids)) == 300
    assert list(scaled["orders"]) == [str(n) for n in range(1, 301)]
    assert all(scaled[table] == raw[table] for table in raw if table != "orders")
    referenced = {e["order_id"] for e in raw["events"].values()}
    assert ids.count(next(iter(referenced))) == 1


def test_nearest_rank_percentile() -> None:
    assert p95([5.0]) == 5.0
    assert p95([float(n) for n in range(1, 21)]) == 19.0
    assert p95([float(n) for n in range(1, 11)]) == 10.0


@pytest.mark.slow
def test_benchmark_smoke_run_reports_every_measure(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "benchmarks", "--sizes", "50", "--repeat", "1", "--quick"]
    done = subprocess.run(
        [*command, "--json", str(out), "--workdir", str(tmp_path / "work")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(out.read_text())
    assert results["settings"]["bytecode_compiled"] is True  # as an installed copy has it
    assert set(results["startup"]) == {"demo", "50"}
    for entry in results["startup"].values():
        assert entry["median_app_ms"] > 0 and entry["median_bare_ms"] > 0 and entry["ratio"] > 0
        # the first key is answered after the first frame, in both apps
        assert min(entry["app_ms"]) > min(entry["first_frame_app_ms"])
        assert min(entry["bare_ms"]) > min(entry["first_frame_bare_ms"])
    steps = results["steps"]["mobile"]["50"]
    assert list(steps) == [step.name for step in MOBILE.steps]
    assert all(s["median_ms"] > 0 and s["p95_ms"] >= s["median_ms"] for s in steps.values())
    assert results["saving"]["50"]["median_ours_ms"] > 0
    assert results["saving"]["50"]["median_stock_ms"] > 0
    assert results["memory"]["50"]["median_mb"] > 0
    assert results["lists"]["50"]["median_ms"] > 0
    assert results["blocks"]["50"]["max_ms"] > 0
    assert len(results["targets"]) == 9
    assert "| target | limit | measured | met |" in done.stdout
    assert "start-up to the first key answered" in done.stdout
    assert not list((tmp_path / "work").glob("run-*")), "scratch copies were left behind"
