"""The glance at the end of the data file: written with every whole file, trusted only when
the bytes before it are exactly those it was worked out from."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tinydb import TinyDB

from tests.conftest import UNPAID_ORDER
from tui.domain.clock import SimulatedClock
from tui.domain.glance import AccountGlance, Amount, RefundLine, Reputation, Thresholds
from tui.domain.kinds import MemberLevel, RefundMethod, RefundStatus, Standing
from tui.domain.reasons import CancelReason
from tui.domain.rules import CancelPath
from tui.domain.status import OrderTab
from tui.service import OrderService
from tui.store.demo import demo_path
from tui.store.dump import first_page, write_glance
from tui.store.files import journal_path
from tui.store.glance_file import (
    GLANCE_VERSION,
    FirstPage,
    first_page_of,
    read_first_page,
    with_glance,
    without_glance,
)
from tui.store.load import load
from tui.store.repository import Repository


def test_the_bundled_demo_carries_the_glance_of_its_data() -> None:
    """Fails when the demo data is edited without its glance: run
    `python -c "from pathlib import Path; from tui.store.dump import write_glance;
    write_glance(Path('data/demo.json'))"`."""
    found = first_page_of(demo_path().read_bytes())
    assert found is not None, "data/demo.json has no current glance"
    assert found == first_page(load(demo_path()).snapshot)


def test_a_whole_rewrite_ends_with_the_glance_of_what_it_wrote(db_path: Path) -> None:
    repository = Repository.open(db_path)
    service = OrderService(repository, SimulatedClock(repository.meta.clock))
    before = service.account_glance()
    service.cancel(UNPAID_ORDER, CancelReason.WRONG_ITEM, "", expected=CancelPath.INSTANT)
    after = service.account_glance()
    repository.close()  # the change, folded into the file
    assert not journal_path(db_path).exists()
    found = read_first_page(db_path)
    assert found is not None and found.account == after != before
    assert found == first_page(load(db_path).snapshot)
    assert after.counts[OrderTab.TO_PAY] == before.counts[OrderTab.TO_PAY] - 1


def test_a_waiting_journal_means_the_file_is_loaded_first(db_path: Path) -> None:
    repository = Repository.open(db_path)
    repository.save_meta(repository.meta.model_copy(update={"language": "sw"}))
    assert journal_path(db_path).exists()
    assert read_first_page(db_path) is None
    repository.close()
    found = read_first_page(db_path)
    assert found is not None and found.language == "sw"


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_any_byte_changed_before_the_glance_voids_it(data: st.DataObject) -> None:
    original = demo_path().read_bytes()
    end = len(without_glance(original)) - 2  # the tables, before the glance
    at = data.draw(st.integers(0, end - 1), label="position")
    new = data.draw(st.integers(0, 255).filter(lambda b: b != original[at]), label="byte")
    changed = original[:at] + bytes([new]) + original[at + 1 :]
    assert first_page_of(changed) is None


@pytest.mark.parametrize(
    "tamper",
    [
        lambda doc: {**doc, "version": GLANCE_VERSION + 1},
        lambda doc: {**doc, "digest": "1:00000000"},
        lambda doc: {**doc, "language": "fr"},
        lambda doc: {**doc, "flow": "tablet"},
        lambda doc: {**doc, "account": {**doc["account"], "counts": {"all": "17"}}},
        lambda doc: {**doc, "account": {**doc["account"], "counts": {"all": 17}}},
        lambda doc: {**doc, "account": {**doc["account"], "member_level": "bronze"}},
        lambda doc: {**doc, "account": {**doc["account"], "wallet": [1.5, "USD"]}},
        lambda doc: {k: v for k, v in doc.items() if k != "account"},
    ],
    ids=["version", "digest", "language", "flow", "count", "tabs", "level", "float", "missing"],
)
def test_a_glance_that_is_not_exactly_right_is_ignored(tamper: object) -> None:
    data = demo_path().read_bytes()
    body = without_glance(data)
    document = json.loads(data)["glance"]["1"]
    bad = tamper(document)  # type: ignore[operator]
    rest = data[: len(body) - 2]
    tampered = rest + b',\n"glance": ' + json.dumps({"1": bad}).encode() + b"\n}"
    assert first_page_of(data) is not None
    assert first_page_of(tampered) is None


def test_stock_tinydb_reads_it_and_the_app_drops_and_rewrites_it(db_path: Path) -> None:
    with TinyDB(db_path) as db:
        assert "glance" in db.tables() and len(db.table("orders")) == 30
    loaded = load(db_path).snapshot
    assert "glance" not in loaded.extra
    repository = Repository.open(db_path)
    repository.save_meta(repository.meta.model_copy(update={"language": "sw"}))
    repository.close()
    text = db_path.read_text()
    assert text.count('"glance"') == 1
    assert json.loads(text)["glance"]["1"]["language"] == "sw"


def test_write_glance_leaves_the_tables_byte_for_byte(tmp_path: Path) -> None:
    target = tmp_path / "orders.json"
    tables = without_glance(demo_path().read_bytes())
    target.write_bytes(tables)
    assert read_first_page(target) is None
    write_glance(target)
    written = target.read_bytes()
    assert without_glance(written) == tables
    assert read_first_page(target) == first_page(load(target).snapshot)


def test_a_file_with_no_tables_left_gets_no_glance() -> None:
    with pytest.raises(ValueError):
        with_glance(b"[]", first_page(load(demo_path()).snapshot))


moments = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
).map(lambda moment: moment + timedelta(microseconds=0))
amounts = st.builds(Amount, st.integers(0, 10**12), st.sampled_from(["USD", "TZS", "KES"]))
glances = st.builds(
    AccountGlance,
    name=st.text(min_size=1, max_size=40),
    initials=st.text(max_size=2),
    member_level=st.sampled_from(MemberLevel),
    wallet=amounts,
    counts=st.fixed_dictionaries({tab: st.integers(0, 10**6) for tab in OrderTab}),
    reputation=st.builds(
        Reputation,
        st.integers(0, 100),
        st.sampled_from(Standing),
        st.integers(1, 365),
        st.none() | moments,
    ),
    thresholds=st.builds(Thresholds, st.integers(1, 9), st.integers(1, 9), st.integers(1, 9)),
    refunds=st.lists(
        st.builds(
            RefundLine,
            order_id=st.text(alphabet="0123456789", min_size=8, max_size=20),
            amount=amounts,
            method=st.sampled_from(RefundMethod),
            status=st.sampled_from(RefundStatus),
            expected_from=moments,
            expected_by=moments,
            completed_at=st.none() | moments,
        ),
        max_size=5,
    ).map(tuple),
)


@settings(max_examples=80, deadline=None)
@given(glances, st.sampled_from(["en", "sw"]), st.sampled_from(["app", "web"]))
def test_what_is_written_is_what_is_read(glance: AccountGlance, language: str, flow: str) -> None:
    first = FirstPage(language, flow, glance)
    data = with_glance(without_glance(demo_path().read_bytes()), first)
    assert first_page_of(data) == first


def test_putting_the_demo_back_writes_its_glance_for_the_language_kept(db_path: Path) -> None:
    repository = Repository.open(db_path)
    repository.reset_to_demo("sw")
    repository.close()
    found = read_first_page(db_path)
    assert found is not None and found.language == "sw"
    assert found == first_page(load(db_path).snapshot)
    assert db_path.read_text().count('"glance"') == 1
