"""The class report written out: Markdown (with text bar charts, for the terminal), CSV (for
a spreadsheet) and a self-contained HTML page (with SVG bar charts, for a slide).

Names and titles are data: every format makes them inert its own way (escaped for HTML and
Markdown tables, quoted and guarded against formulas for CSV, control characters shown as
U+FFFD everywhere).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from html import escape

from tui.i18n import Translator
from tui.training.chart import Bar, inert, svg_bars, text_bars
from tui.training.report import Failed, Summary

FORMATS = ("md", "csv", "html")


def render(summary: Summary, fmt: str, t: Translator) -> str:
    if fmt == "csv":
        return to_csv(summary, t)
    if fmt == "html":
        return to_html(summary, t)
    return to_markdown(summary, t)


def _pct(value: float) -> str:
    return f"{round(value)}%"


def _failed(items: Sequence[Failed], t: Translator) -> str:
    return "; ".join(t("training.report.failed_item", check=f.label, count=f.count) for f in items)


def overview(summary: Summary, t: Translator) -> str:
    if not summary.attempts or summary.first is None or summary.last is None:
        return t("training.report.empty")
    return t(
        "training.report.overview",
        attempts=t.plural("training.report.attempts", summary.attempts),
        trainees=t.plural("training.report.trainees", len(summary.trainees)),
        first=t.date(summary.first),
        last=t.date(summary.last),
    )


def scenario_bars(summary: Summary) -> list[Bar]:
    return [(row.title, row.average) for row in summary.scenarios]


def trainee_bars(summary: Summary) -> list[Bar]:
    return [(row.trainee, row.average) for row in summary.trainees]


def _tables(summary: Summary, t: Translator) -> list[tuple[str, list[str], list[list[str]]]]:
    """Each table: its heading, its column names, its rows (plain text, not yet escaped)."""
    h = "training.report.col."
    return [
        (
            t("training.report.by_scenario"),
            [t(h + c) for c in ("scenario", "attempts", "trainees", "best", "average", "failed")],
            [
                [
                    r.title,
                    str(r.attempts),
                    str(r.trainees),
                    _pct(r.best),
                    _pct(r.average),
                    _failed(r.most_failed, t),
                ]
                for r in summary.scenarios
            ],
        ),
        (
            t("training.report.by_trainee"),
            [t(h + c) for c in ("trainee", "attempts", "scenarios", "full_marks", "average")],
            [
                [r.trainee, str(r.attempts), str(r.scenarios), str(r.full_marks), _pct(r.average)]
                for r in summary.trainees
            ],
        ),
        (
            t("training.report.by_cell"),
            [t(h + c) for c in ("trainee", "scenario", "attempts", "best", "average", "failed")],
            [
                [
                    c.trainee,
                    c.title,
                    str(c.attempts),
                    f"{c.best[0]}/{c.best[1]}",
                    _pct(c.average),
                    _failed(c.most_failed, t),
                ]
                for c in summary.cells
            ],
        ),
    ]


_MD_SPECIAL = "\\|<>`*_[]"
"""What Markdown would read as markup or a column break in a table cell."""


def _md_cell(text: str) -> str:
    return "".join("\\" + c if c in _MD_SPECIAL else c for c in inert(text))


def to_markdown(summary: Summary, t: Translator) -> str:
    lines = [f"# {t('training.report.title')}", "", overview(summary, t), ""]
    if not summary.attempts:
        return "\n".join(lines)
    for heading, bars in (
        (t("training.report.chart_scenarios"), scenario_bars(summary)),
        (t("training.report.chart_trainees"), trainee_bars(summary)),
    ):
        lines += [f"## {heading}", "", "```text", *text_bars(bars), "```", ""]
    for heading, columns, rows in _tables(summary, t):
        lines += [f"## {heading}", "", "| " + " | ".join(columns) + " |"]
        lines.append("|" + "|".join("---" for _ in columns) + "|")
        lines += ["| " + " | ".join(_md_cell(cell) for cell in row) + " |" for row in rows]
        lines.append("")
    return "\n".join(lines)


def _csv_cell(text: str) -> str:
    """Inert, and never a spreadsheet formula (a name starting with = + - @ is quoted)."""
    shown = inert(text)
    return "'" + shown if shown[:1] in ("=", "+", "-", "@") else shown


def to_csv(summary: Summary, t: Translator) -> str:
    """One row per trainee and scenario: what a spreadsheet sorts and filters best."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    h = "training.report.col."
    writer.writerow(
        [
            t(h + c)
            for c in (
                "trainee",
                "scenario",
                "title",
                "attempts",
                "best",
                "max",
                "average",
                "failed",
            )
        ]
    )
    for cell in summary.cells:
        writer.writerow(
            [
                _csv_cell(cell.trainee),
                cell.scenario,
                _csv_cell(cell.title),
                cell.attempts,
                cell.best[0],
                cell.best[1],
                round(cell.average),
                _csv_cell(_failed(cell.most_failed, t)),
            ]
        )
    return out.getvalue()


_STYLE = (
    "body{font-family:system-ui,sans-serif;margin:2rem;color:#222;max-width:60rem}"
    "table{border-collapse:collapse;margin:.5rem 0 1.5rem}"
    "th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}"
    "th{background:#f2f2f2}figure{margin:1rem 0}"
)


def to_html(summary: Summary, t: Translator) -> str:
    """One page that opens anywhere offline: inline CSS and SVG, no fonts, links or scripts."""
    title = escape(t("training.report.title"))
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{t.language.value}">',
        '<head><meta charset="utf-8">',
        f"<title>{title}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{title}</h1>",
        f"<p>{escape(overview(summary, t))}</p>",
    ]
    if summary.attempts:
        for heading, bars in (
            (t("training.report.chart_scenarios"), scenario_bars(summary)),
            (t("training.report.chart_trainees"), trainee_bars(summary)),
        ):
            parts.append(f"<figure>\n{svg_bars(bars, heading)}\n</figure>")
        for heading, columns, rows in _tables(summary, t):
            parts.append(f"<h2>{escape(heading)}</h2>")
            parts.append("<table>")
            parts.append("<tr>" + "".join(f"<th>{escape(c)}</th>" for c in columns) + "</tr>")
            for row in rows:
                cells = "".join(f"<td>{escape(inert(cell))}</td>" for cell in row)
                parts.append(f"<tr>{cells}</tr>")
            parts.append("</table>")
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)
