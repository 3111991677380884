"""Every file of the bad-DB corpus: one line naming file and problem, exit 2, file untouched."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tui.cli import main
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
    # Issue 16, item 4: structure a recursive parser can't take.
    "deep_nesting.json": "nested more than 1024 levels deep",
    # Item 5: what the loader used to accept and the app broke on later.
    "duplicate_document_id.json": "table 'orders': document id 1 appears twice",
    "duplicate_table.json": "table 'orders' appears twice",
    "naive_event_time.json": "table 'events', document 1: at: Input should have timezone",
    "money_beyond_64_bits.json": "order 8197345062098812: items.0.unit_price.minor",
    "money_above_maximum.json": "shipping.minor: Input should be less than or equal to 10000000",
    "order_total_above_maximum.json": "add up to more than 1000000000000 minor units",
    "count_above_maximum.json": "table 'stores', document 1: followers: Input should be less",
    "clock_at_end_of_time.json": "table 'meta', document 1: clock: Input should be less than 9000",
    "time_before_1970.json": "order 8197345062098812: placed_at: Input should be greater than",
    "wallet_in_another_currency.json": "order 8197345062117781: currency: paid from the wallet",
    "wallet_without_room.json": "table 'buyer', document 1: wallet: with the wallet refunds",
    "mixed_currencies_in_order.json": "order 8197345062098812: document: Value error, order mixes",
    "pending_with_an_outcome.json": "order 8197345062076631: cancellation: an order awaiting",
    "closed_with_a_pending_request.json": "cancellation.outcome: null (awaiting the seller)",
    "cash_on_delivery_paid_before_arrival.json": "order 8197345062093305: paid_at: cash on",
    # Item 5: a journal line is validated as the file is (each beside its `.journal`).
    "journal_sets_schema_99.json": "its journal: table 'meta', document 1: schema_version 99",
    "journal_unknown_table.json": "its journal: line 2: table 'glance' is not one this app",
    "journal_naive_time.json": "its journal: line 2: table 'events', document 99: at: Input",
    "journal_duplicate_document_id.json": "line 2: table 'orders': document id 7 appears twice",
}


def test_every_corpus_file_has_an_expectation() -> None:
    assert sorted(p.name for p in CORPUS.glob("*.json")) == sorted(EXPECTED)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_in_process(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, home: Path, *args: str
) -> tuple[int, str]:
    """`cancel-order ARGS` run here, as `run_cli` runs it in a child: its exit status and
    what it wrote on stderr (the per-user folder moved to ``home``)."""
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    try:
        main(list(args))
    except SystemExit as leaving:
        code = leaving.code if isinstance(leaving.code, int) else 1
    else:
        code = 0
    return code, capsys.readouterr().err


def assert_refused(
    db: Path,
    tmp_path: Path,
    expected: str,
    run: tuple[pytest.CaptureFixture[str], pytest.MonkeyPatch] | None = None,
) -> None:
    """Refused with one line and status 2, the file and its journal untouched: through the
    command line in a child process, or (``run``) the same `main` called here, ~20× faster
    for the corpus, which only varies the file."""
    journal = db.with_name(db.name + ".journal")
    before = digest(db), digest(journal) if journal.exists() else None
    if run is None:
        result = run_cli("--db", str(db), home=tmp_path)
        returncode, stderr = result.returncode, result.stderr
    else:
        returncode, stderr = run_in_process(*run, tmp_path, "--db", str(db))
    assert returncode == 2, stderr[-500:]
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr[-2000:]
    assert lines[0].startswith(f"cancel-order: error: {db}: ")
    assert expected in lines[0]
    assert (digest(db), digest(journal) if journal.exists() else None) == before
    assert not db.with_name(db.name + ".bak").exists()


def corpus_copy(tmp_path: Path, name: str) -> Path:
    db = tmp_path / name
    shutil.copyfile(CORPUS / name, db)
    journal = CORPUS / f"{name}.journal"
    if journal.exists():
        shutil.copyfile(journal, tmp_path / journal.name)
    return db


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_is_refused_and_untouched(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert_refused(corpus_copy(tmp_path, name), tmp_path, EXPECTED[name], (capsys, monkeypatch))


THROUGH_THE_COMMAND = [
    "not_json.json",
    "deep_nesting.json",
    "unknown_status.json",
    "journal_sets_schema_99.json",
    "newer_schema.json",
]
"""One of each kind of problem, through the real command in a child process: the same line
and status as in-process, and no traceback from a real interpreter's exit."""


@pytest.mark.parametrize("name", THROUGH_THE_COMMAND)
def test_bad_file_through_the_command_line(tmp_path: Path, name: str) -> None:
    assert_refused(corpus_copy(tmp_path, name), tmp_path, EXPECTED[name])


def test_every_journal_of_the_corpus_belongs_to_a_file() -> None:
    for journal in CORPUS.glob("*.journal"):
        assert journal.name.removesuffix(".journal") in EXPECTED


@pytest.mark.slow
def test_fifty_megabyte_file(tmp_path: Path) -> None:
    """A huge file that is cut off: refused on its content, quickly, and left alone."""
    db = tmp_path / "huge.json"
    order = (demo_path().read_text().split('"orders": {', 1)[1]).split('"2": ', 1)[0]
    with db.open("w") as handle:
        handle.write('{"orders": {')
        for number in range(1, 50_000):
            handle.write(f'"{number}": {order.strip().rstrip(",")},')
    assert db.stat().st_size > 50 * 1024 * 1024
    assert_refused(db, tmp_path, "not valid JSON")
