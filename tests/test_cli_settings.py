"""Settings out of range in the DB file stop the program with the one-line startup error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_cli import assert_one_line_error, run_cli
from tui.store.demo import demo_path


@pytest.mark.parametrize(
    ("setting", "value", "expected"),
    [
        ("processing_days", 0, "settings.processing_days"),
        ("payment_window_hours", 10_000, "settings.payment_window_hours"),
        ("reputation_block_at", 2, "reputation_restrict_at must not be greater than"),
        ("refund_card_max_business_days", 1, "refund_card_min_business_days must not be"),
        ("seller_fault_penalty_permille", 1.5, "settings.seller_fault_penalty_permille"),
    ],
)
def test_setting_out_of_range_is_one_line(
    tmp_path: Path, setting: str, value: object, expected: str
) -> None:
    data = json.loads(demo_path().read_text())
    data["meta"]["1"]["settings"][setting] = value
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    before = path.read_bytes()
    result = run_cli("--db", str(path), home=tmp_path)
    assert_one_line_error(result, str(path), "table 'meta'", expected)
    assert path.read_bytes() == before
