"""Random days in the life of the demo data, through the service, checked after every step.

Two "windows" (two services on one file) take turns: buyer actions, seller answers,
disputes (buyer, seller, platform), shipping and delivery, and clock moves, stale ones
included. After each step the file itself is read back and must show only legal status
changes, one event per change, at most one refund per order and never more than was paid
(all of it for a closed order, what the dispute settled on for a refunded one), a wallet
that is its start plus completed wallet refunds, no cancelled order ever active again, an
order in dispute exactly while its one dispute is open, and no cancelled dispute reopened.
"""

from __future__ import annotations

import itertools
import json
import shutil
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import ClassVar

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from tui.domain.clock import SimulatedClock
from tui.domain.dispute_due import BuyerAction, PlatformAction
from tui.domain.dispute_models import DisputeGround, DisputeState, RequestType
from tui.domain.errors import DomainError
from tui.domain.kinds import RefundMethod, RefundStatus
from tui.domain.models import EventKind
from tui.domain.money import Money
from tui.domain.reasons import CancelReason
from tui.domain.rules import CancelPath
from tui.domain.status import OrderStatus as S
from tui.service import DisputeRequest, OrderService
from tui.store.demo import demo_path
from tui.store.files import journal_path
from tui.store.load import load_snapshot
from tui.store.repository import Repository
from tui.store.validate import Snapshot

LEGAL = {
    (S.AWAITING_PAYMENT, S.CANCELLED),
    (S.PAYMENT_VERIFYING, S.CANCELLED),
    (S.PAYMENT_VERIFYING, S.AWAITING_SHIPMENT),
    (S.AWAITING_SHIPMENT, S.CANCELLATION_REQUESTED),
    (S.AWAITING_SHIPMENT, S.CANCELLED),
    (S.CANCELLATION_REQUESTED, S.CANCELLED),
    (S.CANCELLATION_REQUESTED, S.AWAITING_SHIPMENT),
    (S.AWAITING_SHIPMENT, S.SHIPPED),
    (S.SHIPPED, S.IN_DISPUTE),
    (S.SHIPPED, S.COMPLETED),
    (S.IN_DISPUTE, S.SHIPPED),
    (S.IN_DISPUTE, S.COMPLETED),
    (S.IN_DISPUTE, S.CANCELLED),
}
"""Every status change the rules may make, written out independently of the rules."""

SAME_STATUS_KINDS = {
    EventKind.REFUND_COMPLETED,
    EventKind.SELLER_REPORTED,
    EventKind.DELIVERED,
    EventKind.RECEIPT_CONFIRMED,
    EventKind.RECEIPT_AUTO_CONFIRMED,
    EventKind.EXTENSION_REQUESTED,
    EventKind.EXTENSION_GRANTED,
    EventKind.EXTENSION_REFUSED,
    EventKind.EXTENSION_LAPSED,
    EventKind.DISPUTE_CHANGED,
    EventKind.DISPUTE_REJECTED,
    EventKind.DISPUTE_ESCALATED,
    EventKind.DISPUTE_AUTO_ESCALATED,
    EventKind.RETURN_SHIPPED,
}
"""Kinds that never change the order's status (others may, or may not: a decision for
the buyer of a return keeps the order in dispute until the item is back)."""
ORDER_IDS = sorted(load_snapshot(demo_path()).orders)
spans = st.sampled_from(
    [timedelta(minutes=30), timedelta(hours=1), timedelta(hours=5), timedelta(days=1)]
) | st.builds(timedelta, hours=st.integers(1, 24 * 25))


def _buyer_actions(service: OrderService, order_id: str) -> tuple[BuyerAction, ...]:
    view = service.dispute_view(order_id)
    return view.buyer_actions if view else ()


def _seller_actions(service: OrderService, order_id: str) -> tuple[object, ...]:
    view = service.dispute_view(order_id)
    return view.seller_actions if view else ()


def _platform_actions(service: OrderService, order_id: str) -> tuple[object, ...]:
    view = service.dispute_view(order_id)
    return view.platform_actions if view else ()


class Simulation(RuleBasedStateMachine):
    SETTINGS: ClassVar[dict[str, int]] = {}
    """Settings to change in the copy of the demo data before the windows open."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp())
        self.path = self.folder / "orders.json"
        raw = json.loads(demo_path().read_text())
        raw["meta"]["1"]["settings"].update(self.SETTINGS)
        self.path.write_text(json.dumps(raw))
        self.windows = [self._open_window(), self._open_window()]
        self.before = load_snapshot(self.path)
        start = self.before
        self.start_wallet = start.buyer.wallet.minor
        self.completed_at_start = {
            o for o, r in start.refunds.items() if r.status is RefundStatus.COMPLETED
        }

    def _open_window(self) -> OrderService:
        repo = Repository.open(self.path)
        return OrderService(repo, SimulatedClock(repo.meta.clock))

    def teardown(self) -> None:
        for window in self.windows:
            window._repo.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _try(self, action) -> None:  # type: ignore[no-untyped-def]
        """Run an action; a refusal must leave the file and its journal exactly as they were."""
        before = self._files()
        try:
            action()
        except DomainError:
            assert self._files() == before

    def _files(self) -> tuple[bytes, bytes | None]:
        journal = journal_path(self.path)
        return self.path.read_bytes(), journal.read_bytes() if journal.exists() else None

    def _pick(self, data: st.DataObject, fits) -> str:  # type: ignore[no-untyped-def]
        """Mostly an order the action fits (as window 0 sees it), sometimes any order."""
        seen = self.windows[0]
        fitting = [o for o in ORDER_IDS if fits(seen, o)]
        if fitting and data.draw(st.integers(0, 4)):
            return data.draw(st.sampled_from(fitting))
        return data.draw(st.sampled_from(ORDER_IDS))

    # -- the buyer -----------------------------------------------------------------------

    @rule(
        window=st.integers(0, 1),
        reason=st.sampled_from(CancelReason),
        stale=st.integers(0, 5),
        data=st.data(),
    )
    def buyer_cancels(
        self, window: int, reason: CancelReason, stale: int, data: st.DataObject
    ) -> None:
        order_id = self._pick(data, lambda s, o: s.cancel_path(o).can_start)
        service = self.windows[window]
        expected = service.cancel_path(order_id)  # as this window last saw it
        if not stale:  # a screen showing an order as it was before
            expected = CancelPath.REQUEST if expected is CancelPath.INSTANT else CancelPath.INSTANT
        note = "changed my mind [really]" if reason.needs_note else ""
        self._try(lambda: service.cancel(order_id, reason, note, expected=expected))

    @rule(window=st.integers(0, 1), data=st.data())
    def buyer_withdraws(self, window: int, data: st.DataObject) -> None:
        order_id = self._pick(data, lambda s, o: s.can_withdraw(o))
        self._try(lambda: self.windows[window].withdraw(order_id))

    @rule(window=st.integers(0, 1), data=st.data())
    def buyer_reports_seller(self, window: int, data: st.DataObject) -> None:
        order_id = self._pick(data, lambda s, o: s.may_report_seller(o))
        self._try(lambda: self.windows[window].report_seller(order_id))

    # -- the seller ----------------------------------------------------------------------

    @rule(window=st.integers(0, 1), data=st.data())
    def seller_agrees(self, window: int, data: st.DataObject) -> None:
        order_id = self._pick(data, lambda s, o: s.can_withdraw(o))
        self._try(lambda: self.windows[window].seller_agree(order_id))

    @rule(
        window=st.integers(0, 1),
        message=st.sampled_from(["We ship today.", "   ", "Tunatuma leo [kesho]"]),
        data=st.data(),
    )
    def seller_refuses(self, window: int, message: str, data: st.DataObject) -> None:
        order_id = self._pick(data, lambda s, o: s.can_withdraw(o))
        self._try(lambda: self.windows[window].seller_refuse(order_id, message))

    # -- disputes and shipping -------------------------------------------------------------

    @rule(
        window=st.integers(0, 1),
        ground=st.sampled_from(DisputeGround),
        kind=st.sampled_from(RequestType),
        amount=st.integers(0, 6000),
        data=st.data(),
    )
    def buyer_opens_dispute(
        self, window: int, ground: DisputeGround, kind: RequestType, amount: int, data
    ) -> None:  # type: ignore[no-untyped-def]
        order_id = self._pick(data, lambda s, o: s.after_shipping(o).may_open_dispute)
        service = self.windows[window]
        if kind is RequestType.RETURN_AND_REFUND:
            amount = service.order(order_id).paid.minor
        asked = DisputeRequest(kind, Money(minor=amount, currency="USD"), "Broken [really].")
        self._try(lambda: service.open_dispute(order_id, ground, asked))

    @rule(window=st.integers(0, 1), step=st.sampled_from(BuyerAction), data=st.data())
    def buyer_dispute_step(self, window: int, step: BuyerAction, data) -> None:  # type: ignore[no-untyped-def]
        order_id = self._pick(data, lambda s, o: step in _buyer_actions(s, o))
        service = self.windows[window]
        view = service.dispute_view(order_id)
        actions = {
            BuyerAction.ACCEPT_COUNTER: lambda: service.accept_counter(
                order_id,
                view.dispute.counter.amount if view and view.dispute.counter else Money.zero("USD"),
            ),
            BuyerAction.CHANGE_REQUEST: lambda: service.change_dispute(
                order_id,
                DisputeRequest(
                    RequestType.REFUND_ONLY, Money(minor=100, currency="USD"), "Less, then."
                ),
            ),
            BuyerAction.ESCALATE: lambda: service.escalate_dispute(order_id),
            BuyerAction.CANCEL: lambda: service.cancel_dispute(order_id),
            BuyerAction.ENTER_RETURN_TRACKING: lambda: service.ship_return(
                order_id, "RB123456789CN"
            ),
        }
        self._try(actions[step])

    @rule(window=st.integers(0, 1), offer=st.integers(0, 3000), data=st.data())
    def seller_answers_dispute(self, window: int, offer: int, data) -> None:  # type: ignore[no-untyped-def]
        order_id = self._pick(data, lambda s, o: bool(_seller_actions(s, o)))
        service = self.windows[window]
        choice = data.draw(st.sampled_from(["accept", "reject", "return"]))
        actions = {
            "accept": lambda: service.seller_accept_dispute(order_id),
            "reject": lambda: service.seller_reject_dispute(
                order_id, Money(minor=offer, currency="USD"), "Not our fault."
            ),
            "return": lambda: service.seller_confirm_return(order_id),
        }
        self._try(actions[choice])

    @rule(window=st.integers(0, 1), decision=st.sampled_from(PlatformAction), data=st.data())
    def platform_decides(self, window: int, decision: PlatformAction, data) -> None:  # type: ignore[no-untyped-def]
        order_id = self._pick(data, lambda s, o: bool(_platform_actions(s, o)))
        partial = Money(minor=data.draw(st.integers(0, 3000)), currency="USD")
        self._try(lambda: self.windows[window].platform_decide(order_id, decision, partial))

    @rule(window=st.integers(0, 1), data=st.data())
    def shipping_and_delivery(self, window: int, data) -> None:  # type: ignore[no-untyped-def]
        service = self.windows[window]
        choice = data.draw(st.sampled_from(["ship", "fake", "deliver", "confirm", "extend"]))
        if choice in ("ship", "fake"):
            order_id = self._pick(data, lambda s, o: s.order(o).status is S.AWAITING_SHIPMENT)
            fake = choice == "fake"
            self._try(lambda: service.mark_shipped(order_id, "YT2411200000001", fake=fake))
        elif choice == "deliver":
            order_id = self._pick(data, lambda s, o: s.order(o) in s.deliverable_orders())
            self._try(lambda: service.mark_delivered(order_id))
        elif choice == "confirm":
            order_id = self._pick(data, lambda s, o: s.after_shipping(o).may_confirm_receipt)
            self._try(lambda: service.confirm_receipt(order_id))
        else:
            order_id = self._pick(data, lambda s, o: s.after_shipping(o).may_ask_extension)
            self._try(lambda: service.ask_extension(order_id))

    # -- the trainer's clock -------------------------------------------------------------

    @rule(window=st.integers(0, 1), span=spans)
    def clock_moves(self, window: int, span: timedelta) -> None:
        self._try(lambda: self.windows[window].advance_clock(span))

    # -- what must hold after every step -------------------------------------------------

    @invariant()
    def the_file_tells_a_legal_story(self) -> None:
        before, after = self.before, load_snapshot(self.path)
        assert after.meta.clock >= before.meta.clock
        new_events = after.events[len(before.events) :]
        assert after.events[: len(before.events)] == before.events
        for order_id, order in after.orders.items():
            old = before.orders[order_id]
            mine = [e for e in new_events if e.order_id == order_id]
            dispute_changed = before.disputes.get(order_id) != after.disputes.get(order_id)
            if old == order and not dispute_changed:  # only its refund may have changed
                assert {e.kind for e in mine} <= {EventKind.REFUND_COMPLETED}
                continue
            assert mine, f"order {order_id} changed without an event"
            status = old.status
            for event in mine:
                assert event.from_status is status
                if event.kind in SAME_STATUS_KINDS or event.from_status is event.to_status:
                    assert event.to_status is status
                else:
                    assert (event.from_status, event.to_status) in LEGAL
                status = event.to_status
            assert status is order.status
            if old.status is S.CANCELLED:
                assert order.status is S.CANCELLED
        self._refunds_are_right(before, after, new_events)
        self._disputes_are_right(before, after)
        self.before = after

    def _disputes_are_right(self, before: Snapshot, after: Snapshot) -> None:
        assert sorted(after.dispute_doc_ids) == sorted(after.disputes)
        assert len(set(after.dispute_doc_ids.values())) == len(after.disputes)  # one each
        for order_id, order in after.orders.items():
            dispute = after.disputes.get(order_id)
            assert (order.status is S.IN_DISPUTE) == (dispute is not None and dispute.is_open)
            old = before.disputes.get(order_id)
            if old is not None:
                assert dispute is not None and dispute.opened_at == old.opened_at  # never a new one
                if old.state is DisputeState.CANCELLED:
                    assert dispute == old

    def _refunds_are_right(self, before: Snapshot, after: Snapshot, new_events) -> None:  # type: ignore[no-untyped-def]
        order_ids = [r.order_id for r in after.refunds.values()]
        assert len(order_ids) == len(set(order_ids))
        assert sorted(after.refund_doc_ids) == sorted(order_ids)
        assert len(set(after.refund_doc_ids.values())) == len(order_ids)  # a document each
        for order_id, refund in after.refunds.items():
            order = after.orders[order_id]
            dispute = after.disputes.get(order_id)
            assert order.paid_at is not None
            assert refund.amount.minor <= order.paid.minor  # never more than was paid
            if dispute is not None and dispute.state is DisputeState.REFUNDED:
                assert refund.amount == dispute.refunded
            else:
                assert order.status is S.CANCELLED
                assert refund.amount == order.total  # exactly what was paid
        completed_now = {
            o
            for o, r in after.refunds.items()
            if r.status is RefundStatus.COMPLETED
            and (o not in before.refunds or before.refunds[o].status is RefundStatus.PROCESSING)
        }
        completions = [e.order_id for e in new_events if e.kind is EventKind.REFUND_COMPLETED]
        assert sorted(completions) == sorted(completed_now)
        wallet_refunds = sum(
            r.amount.minor
            for o, r in after.refunds.items()
            if r.method is RefundMethod.WALLET
            and r.status is RefundStatus.COMPLETED
            and o not in self.completed_at_start
        )
        assert after.buyer.wallet.minor == self.start_wallet + wallet_refunds


Simulation.TestCase.settings = settings(
    max_examples=6,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_random_days_in_the_life_of_the_demo = Simulation.TestCase


class MoreDays(Simulation):
    """The same machine, many more runs: behind the `slow` marker (CI runs it)."""


MoreDays.TestCase.settings = settings(
    max_examples=60,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
MoreDays.TestCase.pytestmark = [pytest.mark.slow]
test_many_more_random_days = MoreDays.TestCase


class StrictReputation(Simulation):
    """The same, with a buyer one cancellation away from being blocked."""

    SETTINGS: ClassVar[dict[str, int]] = {
        "reputation_warn_at": 1,
        "reputation_restrict_at": 2,
        "reputation_block_at": 3,
    }


StrictReputation.TestCase.settings = settings(
    max_examples=4,
    stateful_step_count=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_random_days_with_a_buyer_close_to_a_block = StrictReputation.TestCase


def test_the_legal_table_has_no_way_out_of_cancelled() -> None:
    assert not [pair for pair in LEGAL if pair[0] is S.CANCELLED]
    assert all(a is not b for a, b in LEGAL)
    assert list(itertools.chain.from_iterable(LEGAL))  # the table is not empty
