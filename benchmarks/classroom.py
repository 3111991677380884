"""``python -m benchmarks.classroom``: a class of 30 in their browsers, on this machine.

Starts `cancel-order serve` (loopback, a fresh copy of the demo data per tab), opens N tabs
at once through the websocket as the browser's page does (`benchmarks.classroom_client`),
then has every tab press a key every 2 seconds, like a class working through the cancel
flow: the flow itself once, then back and forth between the account, the To ship list and
an order. It reports whether every session answered, the time from a key to the first
screen update it caused (median, p95, worst, per key), sessions lost, and the memory of
each session's process (RSS, and PSS: what it costs beyond what it shares with the others).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

from benchmarks.classroom_client import Tab
from benchmarks.classroom_procs import children, cpu_seconds, memory_mb
from benchmarks.report import p95

FLOW = ("enter", "down", "down", "enter", "c", "enter", "ctrl+s", "enter", "enter", "escape")
"""The cancel flow (To ship → the third order → Cancel order → the recommended reason →
submit → confirm), then "View order" and back to the list."""
CYCLE = ("escape", "enter", "down", "down", "enter", "escape")
"""Then round and round: the account, To ship, down to the order, its page, back."""
TARGET_P95_MS = 200.0
TARGET_RSS_MB = 90.0
ANSWER_WITHIN_S = 1.9
"""A key with no screen update before the next key (2 s later) counts as unanswered."""


@dataclass
class Tally:
    """What one tab saw."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    first_pass: list[float] = field(default_factory=list)
    """The keys of the first pass through the flow: each screen's first showing (its code
    imported, the models loaded), all the class at once."""
    later: list[float] = field(default_factory=list)
    unanswered: int = 0
    first_screen_s: float | None = None
    lost: bool = False


def keys() -> itertools.chain[str]:
    return itertools.chain(FLOW, itertools.cycle(CYCLE))


async def work(tab: Tab, tally: Tally, until: float, interval: float, offset: float) -> None:
    """Press a key every `interval` seconds until `until`, timing each key's first update."""
    await asyncio.sleep(offset)
    for index, key in enumerate(keys()):
        started = time.perf_counter()
        if started >= until:
            return
        if tab.closed.is_set():
            tally.lost = True
            return
        frames = tab.frames
        sent = await tab.press(key)
        try:
            answered = await tab.next_frame(frames, ANSWER_WITHIN_S)
        except TimeoutError:
            tally.unanswered += 1
        except ConnectionError:
            tally.lost = True
            return
        else:
            ms = (answered - sent) * 1000
            tally.latencies.setdefault(key, []).append(ms)
            (tally.first_pass if index < len(FLOW) + len(CYCLE) else tally.later).append(ms)
        await asyncio.sleep(max(0.0, interval - (time.perf_counter() - started)))


async def sample_memory(
    server_pid: int, peaks: dict[int, tuple[float, float]], stop: asyncio.Event
) -> None:
    """Each session process's highest RSS and PSS, sampled every second."""
    while not stop.is_set():
        for pid in children(server_pid):
            sample = memory_mb(pid)
            if sample is not None:
                old = peaks.get(pid, (0.0, 0.0))
                peaks[pid] = (max(old[0], sample[0]), max(old[1], sample[1]))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), 1.0)


def start_server(folder: Path) -> tuple[subprocess.Popen[str], str]:
    """`cancel-order serve --port 0` with its temporary folder in `folder`; its address."""
    env = {**os.environ, "TMPDIR": str(folder)}
    server = subprocess.Popen(
        [sys.executable, "-m", "tui", "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert server.stdout is not None
    match = re.search(r"on (http://\S+/) ", server.stdout.readline())
    if match is None:
        server.kill()
        raise SystemExit("serve did not start")
    return server, match.group(1)


async def open_tab(http: aiohttp.ClientSession, url: str, size: tuple[int, int]) -> Tab:
    return await Tab.open(http, url, *size)


async def run(args: argparse.Namespace) -> dict[str, Any]:
    random.seed(args.seed)
    with tempfile.TemporaryDirectory(prefix="classroom-bench-") as folder:
        server, base = start_server(Path(folder))
        ws_url = base.replace("http:", "ws:") + "ws/en"
        peaks: dict[int, tuple[float, float]] = {}
        stop = asyncio.Event()
        sampler = asyncio.create_task(sample_memory(server.pid, peaks, stop))
        size = (args.width, args.height)
        try:
            async with aiohttp.ClientSession() as http:
                opened_at = time.perf_counter()
                tabs = await asyncio.gather(
                    *(open_tab(http, ws_url, size) for _ in range(args.sessions))
                )
                tallies = [Tally() for _ in tabs]

                async def first_screen(tab: Tab, tally: Tally) -> None:
                    try:
                        await tab.settle(0, quiet=0.3, timeout=args.start_timeout)
                        tally.first_screen_s = tab.frame_times[0] - opened_at
                    except (TimeoutError, ConnectionError):
                        tally.lost = True

                await asyncio.gather(
                    *(first_screen(t, y) for t, y in zip(tabs, tallies, strict=True))
                )
                all_started_s = time.perf_counter() - opened_at
                load_before = os.getloadavg()[0]
                sessions = children(server.pid)
                cpu_before = cpu_seconds(server.pid), sum(map(cpu_seconds, sessions))
                began = time.perf_counter()
                until = began + args.seconds
                await asyncio.gather(
                    *(
                        work(tab, tally, until, args.interval, random.uniform(0, args.interval))
                        for tab, tally in zip(tabs, tallies, strict=True)
                        if not tally.lost
                    )
                )
                elapsed = time.perf_counter() - began
                cpu = {
                    "load_average_before": load_before,
                    "server_cores": (cpu_seconds(server.pid) - cpu_before[0]) / elapsed,
                    "sessions_cores": (sum(map(cpu_seconds, sessions)) - cpu_before[1]) / elapsed,
                }
                server_rss = memory_mb(server.pid)
                cpu["server_rss_mb"] = server_rss[0] if server_rss else 0.0
                still_open = sum(not tab.closed.is_set() for tab in tabs)
                for tab in tabs:
                    await tab.close()
        finally:
            stop.set()
            await sampler
            server.send_signal(signal.SIGINT)
            server.wait(timeout=60)
    return summarize(args, tallies, peaks, all_started_s, still_open, cpu)


def summarize(
    args: argparse.Namespace,
    tallies: list[Tally],
    peaks: dict[int, tuple[float, float]],
    all_started_s: float,
    still_open: int,
    cpu: dict[str, float],
) -> dict[str, Any]:
    every = [ms for tally in tallies for values in tally.latencies.values() for ms in values]
    per_key: dict[str, list[float]] = {}
    for tally in tallies:
        for key, values in tally.latencies.items():
            per_key.setdefault(key, []).extend(values)
    firsts = [t.first_screen_s for t in tallies if t.first_screen_s is not None]
    rss = [peak[0] for peak in peaks.values()]
    pss = [peak[1] for peak in peaks.values()]
    return {
        "sessions": args.sessions,
        "seconds": args.seconds,
        "interval_s": args.interval,
        "terminal": f"{args.width}x{args.height}",
        "cpus": os.cpu_count(),
        "answered_first_screen": len(firsts),
        "first_screen_s": {"median": statistics.median(firsts), "max": max(firsts)}
        if firsts
        else None,
        "all_started_s": all_started_s,
        "keys": len(every),
        "unanswered_keys": sum(t.unanswered for t in tallies),
        "lost_sessions": sum(t.lost for t in tallies) + (args.sessions - still_open),
        "latency_ms": {"median": statistics.median(every), "p95": p95(every), "max": max(every)},
        "latency_p95_ms_by_key": {key: p95(values) for key, values in sorted(per_key.items())},
        "session_processes": len(peaks),
        "rss_mb": {"median": statistics.median(rss), "max": max(rss)} if rss else None,
        "pss_mb": {"median": statistics.median(pss), "max": max(pss)} if pss else None,
        "first_pass_p95_ms": p95([ms for t in tallies for ms in t.first_pass]),
        "later_p95_ms": p95([ms for t in tallies for ms in t.later])
        if any(t.later for t in tallies)
        else None,
        **cpu,
    }


def markdown(result: dict[str, Any]) -> str:
    """The results as the table of docs/performance.md's Classroom section."""
    latency, rss, pss = result["latency_ms"], result["rss_mb"], result["pss_mb"]
    met = "met" if latency["p95"] < TARGET_P95_MS else "MISSED"
    rss_met = "met" if rss and rss["max"] < TARGET_RSS_MB else "MISSED"
    rows = [
        (
            "sessions answering (first screen)",
            f"{result['answered_first_screen']} of {result['sessions']}",
            "all",
            "met" if result["answered_first_screen"] == result["sessions"] else "MISSED",
        ),
        ("all first screens drawn after", f"{result['all_started_s']:.1f} s", "", ""),
        (
            "keys pressed / unanswered",
            f"{result['keys']} / {result['unanswered_keys']}",
            "none unanswered",
            "met" if result["unanswered_keys"] == 0 else "MISSED",
        ),
        (
            "key → screen update, median / p95 / max",
            f"{latency['median']:.0f} / {latency['p95']:.0f} / {latency['max']:.0f} ms",
            f"p95 < {TARGET_P95_MS:.0f} ms",
            met,
        ),
        (
            "sessions lost",
            str(result["lost_sessions"]),
            "0",
            "met" if result["lost_sessions"] == 0 else "MISSED",
        ),
        (
            "RSS per session, median / max",
            f"{rss['median']:.0f} / {rss['max']:.0f} MB" if rss else "-",
            f"< {TARGET_RSS_MB:.0f} MB",
            rss_met,
        ),
        (
            "PSS per session, median / max",
            f"{pss['median']:.0f} / {pss['max']:.0f} MB" if pss else "-",
            "",
            "",
        ),
    ]
    lines = ["| measure | result | target | |", "|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    by_key = ", ".join(f"{k} {v:.0f}" for k, v in result["latency_p95_ms_by_key"].items())
    later = "-" if result["later_p95_ms"] is None else f"{result['later_p95_ms']:.0f}"
    lines.append("")
    lines.append(
        f"p95 of the first pass through the flow {result['first_pass_p95_ms']:.0f} ms, "
        f"afterwards {later} ms; by key (ms): {by_key}. "
        f"CPU while working: sessions {result['sessions_cores']:.2f} cores, server "
        f"{result['server_cores']:.2f} ({result['server_rss_mb']:.0f} MB RSS); "
        f"load average before {result['load_average_before']:.2f} "
        f"on {result['cpus']} CPUs; {result['terminal']} terminals."
    )
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.classroom", description=__doc__)
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=120.0, help="how long the class works")
    parser.add_argument("--interval", type=float, default=2.0, help="seconds between keys")
    parser.add_argument("--width", type=int, default=120)
    parser.add_argument("--height", type=int, default=36)
    parser.add_argument("--start-timeout", type=float, default=120.0)
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--out", type=Path, help="also write the results as JSON here")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    result = asyncio.run(run(args))
    if args.out is not None:
        args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(markdown(result))


if __name__ == "__main__":
    main()
