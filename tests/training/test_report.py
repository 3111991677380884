"""The class report on a results file of several trainees and attempts, in every format."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.training.helpers import EN, SW, shipped
from tui.training.chart import text_bars
from tui.training.record import AttemptRecord
from tui.training.report import summarize
from tui.training.report_formats import render, to_html
from tui.training.results import new_record

START = datetime(2026, 3, 2, 9, tzinfo=UTC)
ATTEMPTS = [
    # trainee, scenario, score, failed checks
    ("Amina", "paid-unshipped-app", 7, ["buyer-reason"]),
    ("Amina", "paid-unshipped-app", 10, []),
    ("Juma", "paid-unshipped-app", 5, ["buyer-reason", "requested"]),
    ("Juma", "seller-refused", 6, ["options"]),
    ("Juma", "seller-refused", 10, []),
    ("Amina", "cash-on-delivery", 6, ["refund"]),
    ("Neema <script>|x", "cash-on-delivery", 3, ["how", "refund"]),
    ("Neema <script>|x", "retired-scenario", 1, ["gone-check"]),
]


def records() -> list[AttemptRecord]:
    return [
        new_record(
            trainee=trainee,
            scenario=scenario_id,
            score=score,
            max_score=10,
            hints_used=0,
            seconds=90,
            answers=[],
            failed=failed,
            language="en",
            recorded_at=START + timedelta(days=n),
        )
        for n, (trainee, scenario_id, score, failed) in enumerate(ATTEMPTS)
    ]


def scenarios() -> dict[str, object]:
    return {s.id: s for s in shipped()}


def test_the_figures() -> None:
    summary = summarize(records(), scenarios(), EN)  # type: ignore[arg-type]
    assert summary.attempts == 8 and summary.first == START
    by_scenario = {row.scenario: row for row in summary.scenarios}
    app = by_scenario["paid-unshipped-app"]
    assert (app.attempts, app.trainees, app.best) == (3, 2, 100)
    assert round(app.average, 1) == 73.3
    assert [f.check_id for f in app.most_failed] == ["buyer-reason", "requested"]
    assert app.most_failed[0].count == 2
    assert "cancellation with a reason of the buyer's own" in app.most_failed[0].label
    cod = by_scenario["cash-on-delivery"]
    assert cod.most_failed[0].check_id == "refund" and cod.most_failed[0].count == 2
    retired = by_scenario["retired-scenario"]  # no longer shipped: named by its ids
    assert retired.title == "retired-scenario" and retired.most_failed[0].label == "gone-check"
    assert [r.scenario for r in summary.scenarios][-1] == "retired-scenario"
    trainees = {row.trainee: row for row in summary.trainees}
    assert (trainees["Amina"].attempts, trainees["Amina"].full_marks) == (3, 1)
    assert round(trainees["Juma"].average) == 70
    cells = {(c.trainee, c.scenario): c for c in summary.cells}
    assert cells[("Amina", "paid-unshipped-app")].best == (10, 10)
    assert cells[("Juma", "seller-refused")].attempts == 2


def test_markdown_has_tables_and_text_charts() -> None:
    text = render(summarize(records(), scenarios(), EN), "md", EN)  # type: ignore[arg-type]
    assert text.startswith("# Class report")
    assert "## Average score by scenario" in text and "```text" in text
    assert "█" in text and "░" in text
    assert "| Amina | 3 | 2 | 1 | 77% |" in text
    assert "Neema \\<script\\>\\|x" in text  # the name can't break the table or be markup
    swahili = render(summarize(records(), scenarios(), SW), "md", SW)  # type: ignore[arg-type]
    assert "Ripoti ya darasa" in swahili and "Wastani" in swahili


def test_csv_is_one_row_per_trainee_and_scenario() -> None:
    text = render(summarize(records(), scenarios(), EN), "csv", EN)  # type: ignore[arg-type]
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["Trainee", "Scenario", "Title"]
    assert len(rows) == 1 + 6
    amina = next(r for r in rows if r[:2] == ["Amina", "paid-unshipped-app"])
    assert amina[3:7] == ["2", "10", "10", "85"]


def test_csv_cells_never_become_formulas() -> None:
    sneaky = [r.model_copy(update={"trainee": "=HYPERLINK(1)"}) for r in records()[:1]]
    text = render(summarize(sneaky, {}, EN), "csv", EN)
    assert list(csv.reader(io.StringIO(text)))[1][0] == "'=HYPERLINK(1)"


class Checker(HTMLParser):
    """Well-formed (every element closed in order), and what the page would load or run."""

    VOID = {"meta", "br", "img", "link", "input", "hr"}
    SELF_CLOSED_SVG = {"line", "rect"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += attrs
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += attrs

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"unexpected </{tag}>")


def test_html_is_well_formed_self_contained_and_has_the_svg_chart() -> None:
    text = render(summarize(records(), scenarios(), EN), "html", EN)  # type: ignore[arg-type]
    assert text.startswith("<!DOCTYPE html>")
    checker = Checker()
    checker.feed(text)
    checker.close()
    assert checker.errors == [] and checker.stack == []
    assert checker.tags.count("svg") == 2 and checker.tags.count("rect") >= 4
    assert "script" not in checker.tags and "link" not in checker.tags
    assert not [name for name, _ in checker.attributes if name in ("src", "href", "xlink:href")]
    for reference in ("http:", "https:", "url(", "@import", "@font-face"):
        assert reference not in text
    assert "Neema &lt;script&gt;|x" in text


def test_an_empty_report_says_so() -> None:
    for fmt in ("md", "html"):
        assert "No attempts yet." in render(summarize([], {}, EN), fmt, EN)
    assert to_html(summarize([], {}, SW), SW).count("<svg") == 0


@pytest.mark.parametrize("value", [-5.0, 0.0, 33.3, 100.0, 140.0])
def test_text_bars_stay_in_their_width(value: float) -> None:
    (line,) = text_bars([("x\x1b[2J", value)], width=10)
    assert "\x1b" not in line
    assert line.count("█") + line.count("░") == 10


def test_cli_writes_every_format(tmp_path: Path) -> None:
    from tests.conftest import run_cli
    from tui.training.results import append_result

    results = tmp_path / "results.json"
    for record in records():
        append_result(results, record)
    before = results.read_bytes()
    shown = run_cli("report", "--results", str(results), home=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("# Class report") and "█" in shown.stdout
    for name in ("class.csv", "class.html", "class.md"):
        done = run_cli("report", "--results", str(results), "--out", str(tmp_path / name),
                       home=tmp_path)  # fmt: skip
        assert done.returncode == 0, done.stderr
    assert (tmp_path / "class.csv").read_text().startswith("Trainee,Scenario")
    assert "<svg" in (tmp_path / "class.html").read_text()
    assert (tmp_path / "class.md").read_text().startswith("# Class report")
    swahili = run_cli("report", "--results", str(results), "--lang", "sw", "--format", "csv",
                      home=tmp_path)  # fmt: skip
    assert swahili.stdout.startswith("Mwanafunzi,Zoezi")
    assert results.read_bytes() == before
