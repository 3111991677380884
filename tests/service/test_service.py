"""The service API the screens use: countdowns, clock moves, answers, stale actions, reset."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tests.conftest import CANCELLED_ORDER, PAID_ORDER, PENDING_ORDER, UNPAID_ORDER
from tui.domain.clock import SimulatedClock
from tui.domain.errors import ActionNotAllowed, BuyerBlocked, InvalidDuration
from tui.domain.kinds import RefundStatus, Standing
from tui.domain.reasons import CancelReason
from tui.domain.rules import CancelPath
from tui.domain.status import OrderStatus, OrderTab
from tui.domain.timeline import DeadlineKind
from tui.service import DataChanged, OrderService
from tui.store.repository import Repository

NEW_CARD_REFUND = "8197345062079216"  # closed by the system; its card refund is due in 1 h


def open_service(path: Path) -> OrderService:
    repo = Repository.open(path)
    return OrderService(repo, SimulatedClock(repo.meta.clock))


def test_countdowns(db_path: Path) -> None:
    service = open_service(db_path)
    pending = service.countdown(PENDING_ORDER)
    assert pending is not None and pending.kind is DeadlineKind.RESPOND
    assert pending.left == timedelta(days=2, hours=5)  # requested 19 Nov 15:00, now 20 Nov 10:00
    unpaid = service.countdown(UNPAID_ORDER)
    assert unpaid is not None and unpaid.kind is DeadlineKind.PAY
    paid = service.countdown(PAID_ORDER)
    assert paid is not None and paid.kind is DeadlineKind.SHIP
    assert service.countdown(CANCELLED_ORDER) is None


def test_clock_move_reports_what_changed_and_is_saved(db_path: Path) -> None:
    service = open_service(db_path)
    start = service.now()
    move = service.advance_clock(timedelta(hours=1))
    assert move.refunds_completed == 1 and move.closed_automatically == 0
    assert service.refund_of(NEW_CARD_REFUND).status is RefundStatus.COMPLETED  # type: ignore[union-attr]
    move = service.advance_clock(timedelta(days=3))
    assert move.before == start + timedelta(hours=1)
    assert move.closed_automatically >= 3 and move.payments_verified == 1
    assert open_service(db_path).now() == start + timedelta(days=3, hours=1)


def test_bad_durations_leave_the_clock_alone(db_path: Path) -> None:
    service = open_service(db_path)
    before = db_path.read_bytes()
    for text in ("soon", "0h", "-1d"):
        with pytest.raises(InvalidDuration):
            service.advance_clock(service.parse_duration(text))
    with pytest.raises(InvalidDuration):
        service.advance_clock(timedelta(0))
    assert db_path.read_bytes() == before


def test_request_then_73_hours_closes_and_refunds(db_path: Path) -> None:
    service = open_service(db_path)
    service.cancel(PAID_ORDER, CancelReason.NO_LONGER_NEEDED, "", expected=CancelPath.REQUEST)
    service.advance_clock(timedelta(hours=73))
    assert service.order(PAID_ORDER).status is OrderStatus.CANCELLED
    refund = service.refund_of(PAID_ORDER)
    assert refund is not None and refund.amount == service.order(PAID_ORDER).total


def test_action_from_a_stale_window_is_refused_without_change(db_path: Path) -> None:
    mine, theirs = open_service(db_path), open_service(db_path)
    theirs.seller_agree(PENDING_ORDER)
    before = db_path.read_bytes()
    with pytest.raises(ActionNotAllowed) as error:
        mine.withdraw(PENDING_ORDER)
    assert error.value.key == "error.not_pending"
    assert db_path.read_bytes() == before
    assert mine.order(PENDING_ORDER).status is OrderStatus.CANCELLED  # caught up


def test_another_windows_clock_move_is_followed(db_path: Path) -> None:
    mine, theirs = open_service(db_path), open_service(db_path)
    theirs.advance_clock(timedelta(days=1))
    assert mine.sync() is True
    assert mine.now() == theirs.now()
    theirs.reset_demo()
    mine.sync()
    assert mine.now() == theirs.now()  # a reset elsewhere may move it back


def test_broken_file_meanwhile_is_a_clear_refusal(db_path: Path) -> None:
    service = open_service(db_path)
    db_path.write_text("[]")
    with pytest.raises(DataChanged) as error:
        service.seller_agree(PENDING_ORDER)
    assert error.value.key == "error.file_unreadable"


def test_withdraw_allows_no_second_request(db_path: Path) -> None:
    service = open_service(db_path)
    service.withdraw(PENDING_ORDER)
    assert service.order(PENDING_ORDER).status is OrderStatus.AWAITING_SHIPMENT
    assert service.cancel_path(PENDING_ORDER) is CancelPath.ALREADY_REQUESTED
    assert not service.may_cancel(PENDING_ORDER)


def test_reputation_warns_then_blocks(db_path: Path) -> None:
    service = open_service(db_path)
    assert service.warning_before_next() is Standing.WARNED
    service.cancel(PAID_ORDER, CancelReason.WRONG_ITEM, "", expected=CancelPath.REQUEST)
    assert service.reputation().standing is Standing.WARNED
    repo = service._repo
    strict = repo.meta.settings.model_copy(
        update={"reputation_restrict_at": 3, "reputation_block_at": 3}
    )
    repo.save_meta(repo.meta.model_copy(update={"settings": strict}))
    assert service.reputation().standing is Standing.BLOCKED
    assert not service.may_cancel(UNPAID_ORDER)
    with pytest.raises(BuyerBlocked):
        service.cancel(UNPAID_ORDER, CancelReason.WRONG_ITEM, "", expected=CancelPath.INSTANT)


def test_report_and_rating(db_path: Path) -> None:
    service = open_service(db_path)
    store = service.store_of(service.order(PAID_ORDER))
    before = service.store_rating(store)
    service.cancel(PAID_ORDER, CancelReason.OUT_OF_STOCK, "", expected=CancelPath.REQUEST)
    assert service.may_report_seller(PAID_ORDER)
    service.report_seller(PAID_ORDER)
    store = service.store_of(service.order(PAID_ORDER))
    assert service.store_rating(store) == before  # asked only: nothing cancelled yet
    assert store.reports == 1 and not service.may_report_seller(PAID_ORDER)
    service.seller_agree(PAID_ORDER)
    store = service.store_of(service.order(PAID_ORDER))
    assert service.store_rating(store) == before - service.settings.seller_fault_penalty_permille


def test_remembering_the_language_keeps_another_windows_changes(db_path: Path) -> None:
    mine, theirs = open_service(db_path), open_service(db_path)
    theirs.seller_agree(PENDING_ORDER)
    mine.remember_language("sw")
    again = open_service(db_path)
    assert again.language == "sw"
    assert again.order(PENDING_ORDER).status is OrderStatus.CANCELLED
    db_path.write_text("[]")
    with pytest.raises(DataChanged) as refused:  # an unreadable file: not remembered, said so
        mine.remember_language("en")
    assert refused.value.key == "error.file_unreadable"
    assert db_path.read_text() == "[]"


def test_tab_lists_are_kept_until_an_order_changes(db_path: Path) -> None:
    from tui.domain.status import OrderTab

    service = open_service(db_path)
    to_ship = service.orders_in(OrderTab.TO_SHIP)
    counts = service.tab_counts()
    assert service.orders_in(OrderTab.TO_SHIP) is to_ship, "nothing changed: nothing re-sorted"
    assert [o.placed_at for o in to_ship] == sorted((o.placed_at for o in to_ship), reverse=True)
    assert PAID_ORDER in [o.id for o in to_ship]
    service.cancel(PAID_ORDER, CancelReason.NO_LONGER_NEEDED, "", expected=CancelPath.REQUEST)
    after = {o.id: o for o in service.orders_in(OrderTab.TO_SHIP)}
    assert after[PAID_ORDER].status is OrderStatus.CANCELLATION_REQUESTED, "still to ship"
    assert service.tab_counts() == counts
    service.advance_clock(timedelta(hours=73))  # unanswered: the order closes itself
    closed_to_ship = service.orders_in(OrderTab.TO_SHIP)
    assert PAID_ORDER not in [o.id for o in closed_to_ship]
    new_counts = service.tab_counts()
    assert new_counts[OrderTab.TO_SHIP] == len(closed_to_ship) < counts[OrderTab.TO_SHIP]
    assert all(new_counts[tab] == len(service.orders_in(tab)) for tab in OrderTab)


def test_has_countdown_says_whether_countdown_shows_one(db_path: Path) -> None:
    service = open_service(db_path)
    orders = list(service.orders_in(OrderTab.ALL))
    flags = [service.has_countdown(order) for order in orders]
    assert flags == [service.countdown(order.id) is not None for order in orders]
    assert any(flags) and not all(flags)
