"""Medians, percentiles, the targets (issue 15), and the Markdown table."""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from typing import Any

Results = dict[str, Any]


def median(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    """Nearest-rank 95th percentile: with under 20 samples, the slowest one."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


@dataclass(frozen=True)
class Target:
    name: str
    limit: str
    value: float | None
    met: bool | None
    unit: str


def _startup_ratio(results: Results, key: str) -> float | None:
    entry = results["startup"].get(key)
    return None if entry is None else float(entry["ratio"])


def _worst_p95(results: Results, size: str) -> float | None:
    values = [
        step["p95_ms"]
        for steps in results["steps"].values()
        for step in steps.get(size, {}).values()
    ]
    return max(values) if values else None


def _get(results: Results, *path: str) -> float | None:
    node: Any = results
    for part in path:
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return float(node)


def _below(value: float | None, limit: float) -> bool | None:
    return None if value is None else value < limit


def targets(results: Results) -> list[Target]:
    """The issue's targets, each met, missed, or None where that size was not measured."""
    demo, ten_k = _startup_ratio(results, "demo"), _startup_ratio(results, "10000")
    p95_1k, p95_10k = _worst_p95(results, "1000"), _worst_p95(results, "10000")
    save_1k = _get(results, "saving", "1000", "median_ours_ms")
    save_ratio = _get(results, "saving", "10000", "ratio")
    memory = _get(results, "memory", "10000", "median_mb")
    block = _get(results, "blocks", "10000", "max_ms")
    return [
        Target("start-up to interactive, demo data", "≤ 1.3× bare", demo, _at_most(demo, 1.3), "×"),
        Target(
            "start-up to interactive, 10,000 orders (a file the app wrote)",
            "≤ 2× bare",
            ten_k,
            _at_most(ten_k, 2.0),
            "×",
        ),
        Target(
            "start-up to interactive, 10,000 orders (first open)",
            "≤ 2.5× bare",
            ten_k,
            _at_most(ten_k, 2.5),
            "×",
        ),
        Target(
            "longest event-loop block, 10,000 orders", "< 50 ms", block, _below(block, 50), "ms"
        ),
        Target("slowest step p95, 1,000 orders", "< 50 ms", p95_1k, _below(p95_1k, 50), "ms"),
        Target("slowest step p95, 10,000", "< 100 ms", p95_10k, _below(p95_10k, 100), "ms"),
        Target("saving, 1,000 orders", "< 10 ms", save_1k, _below(save_1k, 10), "ms"),
        Target(
            "saving vs stock JSONStorage, 10,000",
            "≥ 5× faster",
            save_ratio,
            None if save_ratio is None else save_ratio >= 5,
            "×",
        ),
        Target("peak memory, 10,000 orders", "< 150 MB", memory, _below(memory, 150), "MB"),
    ]


def _at_most(value: float | None, limit: float) -> bool | None:
    return None if value is None else value <= limit


def _fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "–"
    if unit == "×":
        return f"{value:.2f}×"
    return (
        f"{value:,.1f}{unit and ' ' + unit}"
        if value < 100
        else f"{value:,.0f}{unit and ' ' + unit}"
    )


def _label(size: str) -> str:
    return "demo" if size == "demo" else f"{int(size):,}"


def markdown(results: Results) -> str:
    """The whole report: measures by size, then the targets."""
    sizes = [str(s) for s in results["sizes"]]
    head = "| measure | " + " | ".join(f"{_label(s)} orders" for s in sizes) + " |"
    rule = "|---|" + "---:|" * len(sizes)
    rows = [head, rule]

    def row(name: str, cells: list[str]) -> None:
        rows.append(f"| {name} | " + " | ".join(cells) + " |")

    startup = results["startup"]
    demo = startup.get("demo")
    row(
        "start-up to the first key answered, median (bare Textual app)",
        [
            f"{_fmt(_get(results, 'startup', s, 'median_app_ms'), 'ms')} "
            f"({_fmt(_get(results, 'startup', s, 'median_bare_ms'), 'ms')})"
            for s in sizes
        ],
    )
    row("… ÷ bare", [_fmt(_startup_ratio(results, s), "×") for s in sizes])
    row(
        "start-up to the first frame ÷ bare",
        [_fmt(_get(results, "startup", s, "first_frame_ratio"), "×") for s in sizes],
    )
    row(
        "longest event-loop block in the walks",
        [_fmt(_get(results, "blocks", s, "max_ms"), "ms") for s in sizes],
    )
    for flow, by_size in results["steps"].items():
        names = next(iter(by_size.values())).keys() if by_size else []
        for name in names:
            row(
                f"{flow}: {name} — median / p95",
                [
                    f"{_fmt(by_size[s][name]['median_ms'])} / {_fmt(by_size[s][name]['p95_ms'])} ms"
                    if s in by_size
                    else "–"
                    for s in sizes
                ],
            )
    row(
        "All tab opens (median)",
        [_fmt(_get(results, "lists", s, "median_ms"), "ms") for s in sizes],
    )
    row(
        "saving: ours (median)",
        [_fmt(_get(results, "saving", s, "median_ours_ms"), "ms") for s in sizes],
    )
    row(
        "saving: stock JSONStorage",
        [_fmt(_get(results, "saving", s, "median_stock_ms"), "ms") for s in sizes],
    )
    row("saving: stock ÷ ours", [_fmt(_get(results, "saving", s, "ratio"), "×") for s in sizes])
    row(
        "peak memory (median)", [_fmt(_get(results, "memory", s, "median_mb"), "MB") for s in sizes]
    )
    lines = rows
    if demo is not None:
        lines += [
            "",
            f"Start-up on the bundled demo data, to the first key answered: "
            f"{_fmt(demo['median_app_ms'], 'ms')} against "
            f"{_fmt(demo['median_bare_ms'], 'ms')} for the bare app ({_fmt(demo['ratio'], '×')});"
            f" to the first frame {_fmt(demo['first_frame_ratio'], '×')}.",
        ]
    lines += ["", "| target | limit | measured | met |", "|---|---|---:|---|"]
    for target in results["targets"]:
        met = {True: "yes", False: "**no**", None: "not measured"}[target["met"]]
        value = _fmt(target["value"], target["unit"])
        lines.append(f"| {target['name']} | {target['limit']} | {value} | {met} |")
    return "\n".join(lines) + "\n"
