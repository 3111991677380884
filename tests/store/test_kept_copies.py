"""Nothing replaced whole is lost (issue 16, item 8): `restore` and `reset` — and the
trainer's reset — keep the file they replace as a numbered copy, journal and all, say
where, and never write one copy over another."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import PAID_ORDER, VERIFYING_ORDER, run_cli
from tui.domain.reasons import CancelReason
from tui.domain.status import OrderStatus
from tui.service import OrderService, open_service
from tui.store.files import journal_path
from tui.store.keep import kept_copies
from tui.store.repository import Repository


def request(service: OrderService, order_id: str) -> None:
    path = service.cancel_path(order_id)
    service.cancel(order_id, CancelReason.NO_LONGER_NEEDED, "", expected=path)


def test_restore_twice_keeps_both_states(db_path: Path, tmp_path: Path) -> None:
    service = open_service(db_path)
    request(service, PAID_ORDER)
    service.close()  # the demo is the backup now, the request in the file
    newest = db_path.read_bytes()
    first = run_cli("restore", "--db", str(db_path), home=tmp_path)
    assert first.returncode == 0, first.stderr
    assert f"kept as {db_path}.replaced.1" in first.stdout
    second = run_cli("restore", "--db", str(db_path), home=tmp_path)
    assert second.returncode == 0, second.stderr
    assert f"kept as {db_path}.replaced.2" in second.stdout
    assert kept_copies(db_path) == [Path(f"{db_path}.replaced.{n}") for n in (1, 2)]
    assert Path(f"{db_path}.replaced.1").read_bytes() == newest  # not overwritten
    kept = Repository.open(Path(f"{db_path}.replaced.1"))
    assert kept.orders[PAID_ORDER].status is OrderStatus.CANCELLATION_REQUESTED


def test_reset_keeps_an_unfolded_journal_with_its_copy(db_path: Path, tmp_path: Path) -> None:
    service = open_service(db_path)
    request(service, VERIFYING_ORDER)  # in the journal only: the app was not closed
    journal = journal_path(db_path).read_bytes()
    result = run_cli("reset", "--db", str(db_path), home=tmp_path)
    assert result.returncode == 0, result.stderr
    kept = Path(f"{db_path}.replaced.1")
    assert f"kept as {kept} and its journal as {kept}.journal" in result.stdout
    assert journal_path(kept).read_bytes() == journal
    assert Repository.open(kept).orders[VERIFYING_ORDER].status is OrderStatus.CANCELLED


def test_the_trainers_reset_keeps_the_data_and_says_where(db_path: Path) -> None:
    service = open_service(db_path)
    request(service, PAID_ORDER)
    first = service.reset_demo()
    request(service, VERIFYING_ORDER)
    second = service.reset_demo()
    assert first == Path(f"{db_path}.replaced.1") and second == Path(f"{db_path}.replaced.2")
    assert Repository.open(first).orders[PAID_ORDER].status is OrderStatus.CANCELLATION_REQUESTED
    assert Repository.open(second).orders[VERIFYING_ORDER].status is OrderStatus.CANCELLED
    assert service.order(PAID_ORDER).status is OrderStatus.AWAITING_SHIPMENT
