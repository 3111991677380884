"""Every file of the bad-DB corpus: one line naming file and problem, exit 2, file untouched."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tui.store.demo import demo_path

CORPUS = Path(__file__).parent / "bad_db"

EXPECTED: dict[str, str] = {
    "duplicate_order_id.json": "appears twice",
    "empty.json": "empty",
    "float_money.json": "wallet.minor",
    "latin1_bytes.json": "not UTF-8",
    "missing_field.json": "items: Field required",
    "missing_meta_table.json": "missing table 'meta'",
    "missing_order_id.json": "id: Field required",
    "missing_orders_table.json": "missing table 'orders'",
    "money_as_text.json": "shipping.minor",
    "naive_datetime.json": "placed_at",
    "negative_money.json": "unit_price.minor",
    "newer_schema.json": "newer version of this program",
    "not_json.json": "not valid JSON",
    "schema_zero.json": "schema_version must be a positive whole number",
    "settings_out_of_range.json": "settings.seller_response_hours",
    "stock_tinydb_default_table.json": "missing table 'meta'",
    "table_is_list.json": "table 'orders' is not an object",
    "top_level_list.json": "top level is a list",
    "top_level_string.json": "top level is a string",
    "trailing_garbage.json": "not valid JSON",
    "truncated.json": "not valid JSON",
    "two_buyers.json": "table 'buyer' must hold exactly one document",
    "unknown_field.json": "Extra inputs are not permitted",
    "unknown_status.json": "order 8197345062098812: status",
    "unknown_store.json": "unknown store 'ghost'",
    "whitespace_only.json": "empty",
}


def test_every_corpus_file_has_an_expectation() -> None:
    assert sorted(p.name for p in CORPUS.glob("*.json")) == sorted(EXPECTED)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_refused(db: Path, tmp_path: Path, expected: str) -> None:
    before = digest(db)
    result = run_cli("--db", str(db), home=tmp_path)
    assert result.returncode == 2, result.stderr[-500:]
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr[-2000:]
    assert lines[0].startswith(f"cancel-order: error: {db}: ")
    assert expected in lines[0]
    assert digest(db) == before
    assert not db.with_name(db.name + ".bak").exists()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_is_refused_and_untouched(tmp_path: Path, name: str) -> None:
    db = tmp_path / name
    shutil.copyfile(CORPUS / name, db)
    assert_refused(db, tmp_path, EXPECTED[name])


def test_fifty_megabyte_file(tmp_path: Path) -> None:
    """A huge file that is cut off: refused on its content, quickly, and left alone."""
    db = tmp_path / "huge.json"
    order = (demo_path().read_text().split('"orders": {', 1)[1]).split('"2": ', 1)[0]
    with db.open("w") as handle:
        handle.write('{"orders": {')
        for number in range(1, 60_000):
            handle.write(f'"{number}": {order.strip().rstrip(",")},')
    assert db.stat().st_size > 50 * 1024 * 1024
    assert_refused(db, tmp_path, "not valid JSON")
