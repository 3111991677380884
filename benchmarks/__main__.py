"""``python -m benchmarks``: measure start-up, steps, saving, memory and lists at each size.

Every measure runs in fresh processes, each on its own copy of the data set; a ratio is
always taken against its baseline measured in this same run, the two interleaved so that
a busy machine slows both alike. Prints a Markdown table and writes the results as JSON.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks import report
from benchmarks.datasets import write_dataset
from benchmarks.flows import LIST_STEP, available_flows
from tui.store.demo import demo_path

HEADLESS = "textual.drivers.headless_driver:HeadlessDriver"
CHILD_TIMEOUT_S = 180


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument(
        "--sizes", default="50,1000,10000", help="order counts (default: %(default)s)"
    )
    parser.add_argument(
        "--repeat", type=int, default=5, help="fresh processes per measure and size"
    )
    parser.add_argument(
        "--walks",
        type=int,
        default=4,
        help="walks of each flow per process (4 × 5 processes: 20 samples a step, so the p95 "
        "is a percentile, not the slowest sample)",
    )
    parser.add_argument("--saves", type=int, default=5, help="cancellations timed per process")
    parser.add_argument("--quick", action="store_true", help="one walk and two saves per process")
    parser.add_argument(
        "--json", type=Path, default=Path(".bench/results.json"), help="where to write the results"
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        default=None,
        help="data sets and scratch files (default: a temporary folder)",
    )
    args = parser.parse_args(argv)
    args.sizes = [int(s) for s in args.sizes.split(",")]
    if args.quick:
        args.walks, args.saves = 1, 2
    return args


class Runner:
    """Starts the child processes, each on a fresh copy of its data set."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.env = {
            **os.environ,
            "TEXTUAL_DRIVER": HEADLESS,
            "COLUMNS": "100",
            "LINES": "30",
            "PYTHONPATH": os.pathsep.join(
                filter(None, [str(Path.cwd()), os.environ.get("PYTHONPATH")])
            ),
        }

    def child(self, module: str, db: Path | None, *args: str) -> tuple[dict[str, Any], float]:
        """Run ``python -m module OUT [copy of db] args``; return its JSON and start time."""
        scratch = Path(tempfile.mkdtemp(dir=self.workdir, prefix="run-"))
        try:
            out = scratch / "out.json"
            command = [sys.executable, "-m", module, str(out)]
            if db is not None:
                copy = scratch / "orders.json"
                shutil.copyfile(db, copy)
                command.append(str(copy))
            command += args
            started = time.monotonic()
            try:
                done = subprocess.run(
                    command, env=self.env, capture_output=True, text=True, timeout=CHILD_TIMEOUT_S
                )
            except subprocess.TimeoutExpired:
                raise RuntimeError(
                    f"{' '.join(command[2:])} took over {CHILD_TIMEOUT_S} s and was stopped"
                ) from None
            if done.returncode != 0 or not out.exists():
                raise RuntimeError(
                    f"{' '.join(command[2:])} failed ({done.returncode}):\n{done.stderr[-3000:]}"
                )
            return json.loads(out.read_text()), started
        finally:
            shutil.rmtree(scratch, ignore_errors=True)

    def startup(self, db: Path | None) -> tuple[float, float]:
        """Milliseconds from starting the process to its first frame, and to its first key
        answered (``o`` pressed at the first frame, its screen drawn): `benchmarks.startup`."""
        result, started = self.child("benchmarks.startup", db)
        return (
            (float(result["ready"]) - started) * 1000,
            (float(result["answered"]) - started) * 1000,
        )


def compile_bytecode() -> bool:
    """Compile the app's modules, as installing it does (pip writes the ``.pyc`` files).

    The children import the app from this tree. Where ``PYTHONDONTWRITEBYTECODE`` is set (it
    is on the machine these numbers come from) Python would otherwise compile every module
    from source at every start, a cost no installed copy pays: ~15 ms of start-up, and more
    in the first showing of each page. True if every module compiled."""
    import tui

    folders = [Path(tui.__file__).parent, Path(__file__).parent]
    return all(compileall.compile_dir(folder, quiet=1) for folder in folders)


def interleaved(repeat: int, *measures: Callable[[], Any]) -> list[list[Any]]:
    """Run the measures in turn, ``repeat`` rounds, so slow moments hit all of them."""
    samples: list[list[Any]] = [[] for _ in measures]
    for _ in range(repeat):
        for index, measure in enumerate(measures):
            samples[index].append(measure())
    return samples


def measure_startup(runner: Runner, db: Path, repeat: int) -> dict[str, Any]:
    """Start-up to the first key answered (the measure with targets), and to the first frame
    beside it; each against a bare Textual app started in the same rounds."""
    bare, app = interleaved(repeat, lambda: runner.startup(None), lambda: runner.startup(db))
    answered_app, answered_bare = [a for _, a in app], [a for _, a in bare]
    frame_app, frame_bare = [f for f, _ in app], [f for f, _ in bare]
    median_app, median_bare = report.median(answered_app), report.median(answered_bare)
    return {
        "app_ms": answered_app,
        "bare_ms": answered_bare,
        "median_app_ms": median_app,
        "median_bare_ms": median_bare,
        "ratio": median_app / median_bare,
        "first_frame_app_ms": frame_app,
        "first_frame_bare_ms": frame_bare,
        "first_frame_ratio": report.median(frame_app) / report.median(frame_bare),
    }


def measure_saving(runner: Runner, db: Path, repeat: int, saves: int) -> dict[str, Any]:
    def save(storage: str) -> list[float]:
        result, _ = runner.child("benchmarks.save", db, storage, str(saves))
        return list(result["save_ms"])

    ours, stock = interleaved(repeat, lambda: save("ours"), lambda: save("stock"))
    flat_ours = [time for sample in ours for time in sample]
    flat_stock = [time for sample in stock for time in sample]
    median_ours, median_stock = report.median(flat_ours), report.median(flat_stock)
    return {
        "ours_ms": flat_ours,
        "stock_ms": flat_stock,
        "median_ours_ms": median_ours,
        "p95_ours_ms": report.p95(flat_ours),
        "median_stock_ms": median_stock,
        "ratio": median_stock / median_ours,
    }


def measure_walks(
    runner: Runner, db: Path, repeat: int, walks: int, flow: str
) -> tuple[dict[str, list[float]], list[float], list[float]]:
    """Each step's times, each process's peak memory and longest event-loop block."""
    steps: dict[str, list[float]] = {}
    memory: list[float] = []
    blocks: list[float] = []
    for _ in range(repeat):
        result, _ = runner.child("benchmarks.walk", db, flow, str(walks))
        for name, times in result["steps_ms"].items():
            steps.setdefault(name, []).extend(times)
        memory.append(result["peak_rss_mb"])
        blocks.append(result["longest_block_ms"])
    return steps, memory, blocks


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    with open("/proc/cpuinfo") if os.path.exists("/proc/cpuinfo") else open(os.devnull) as info:
        names = [line.split(":", 1)[1].strip() for line in info if line.startswith("model name")]
    import textual

    return {
        "cpu": names[0] if names else cpu,
        "cores": os.cpu_count(),
        "os": platform.platform(),
        "python": platform.python_version(),
        "textual": textual.__version__,
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def run(args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    runner = Runner(workdir)
    compiled = compile_bytecode()
    flows = [flow.name for flow in available_flows()]
    results: dict[str, Any] = {
        "machine": machine(),
        "settings": {
            "repeat": args.repeat,
            "walks": args.walks,
            "saves": args.saves,
            "flows": flows,
            "bytecode_compiled": compiled,
        },
        "sizes": args.sizes,
        "startup": {},
        "steps": {flow: {} for flow in flows},
        "saving": {},
        "memory": {},
        "blocks": {},
        "lists": {},
    }
    log("start-up on the demo data")
    results["startup"]["demo"] = measure_startup(runner, demo_path(), args.repeat)
    for size in args.sizes:
        key = str(size)
        db = write_dataset(workdir / "data", size)
        log(f"{size} orders: start-up")
        results["startup"][key] = measure_startup(runner, db, args.repeat)
        memory: list[float] = []
        blocks: list[float] = []
        for flow in flows:
            log(f"{size} orders: {flow} steps")
            try:
                steps, peaks, longest = measure_walks(runner, db, args.repeat, args.walks, flow)
            except RuntimeError as failure:
                if flow == "mobile":
                    raise
                # A walk that breaks at a size is a finding to report, not a reason to lose
                # the rest of the run: its rows show "–" there, and the JSON says why.
                message = str(failure).strip().splitlines()[-1]
                log(f"{size} orders: {flow} walk FAILED: {message}")
                results.setdefault("failures", []).append(
                    {"size": size, "flow": flow, "error": message}
                )
                continue
            results["steps"][flow][key] = {
                name: {
                    "samples_ms": times,
                    "median_ms": report.median(times),
                    "p95_ms": report.p95(times),
                }
                for name, times in steps.items()
            }
            memory += peaks
            blocks += longest
        listing = results["steps"]["mobile"][key][LIST_STEP]
        results["lists"][key] = {"median_ms": listing["median_ms"], "p95_ms": listing["p95_ms"]}
        results["memory"][key] = {"peak_rss_mb": memory, "median_mb": report.median(memory)}
        results["blocks"][key] = {"longest_ms": blocks, "max_ms": max(blocks)}
        log(f"{size} orders: saving")
        results["saving"][key] = measure_saving(runner, db, args.repeat, args.saves)
    results["targets"] = [vars(t) for t in report.targets(results)]
    return results


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    started = time.monotonic()
    if args.workdir is not None:
        args.workdir.mkdir(parents=True, exist_ok=True)
        results = run(args, args.workdir)
    else:
        with tempfile.TemporaryDirectory(prefix="cancel-order-bench-") as folder:
            results = run(args, Path(folder))
    results["duration_s"] = round(time.monotonic() - started, 1)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False))
    print(report.markdown(results))
    print(f"Results written to {args.json} ({results['duration_s']} s).")


if __name__ == "__main__":
    main()
