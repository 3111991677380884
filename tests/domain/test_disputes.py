"""Each step of a dispute, one at a time: who may take it, what it changes, what it records."""

from __future__ import annotations

import pytest

from tests.domain.dispute_factories import (
    DAY,
    PAID,
    SETTINGS,
    make_shipped,
    opened,
    request,
    shipped_state,
)
from tests.domain.factories import NOW, ORDER_ID, usd
from tui.domain import dispute_desk as desk
from tui.domain import disputes
from tui.domain.dispute_due import PlatformAction
from tui.domain.dispute_models import (
    Dispute,
    DisputeGround,
    DisputeState,
    OutcomeKind,
    RequestType,
)
from tui.domain.kinds import RefundStatus
from tui.domain.models import Actor, EventKind
from tui.domain.state import State
from tui.domain.status import OrderStatus
from tui.domain.timeline import advance

RETURN = request(RequestType.RETURN_AND_REFUND, 999)


def dispute_of(state: State) -> Dispute:
    dispute = state.disputes[ORDER_ID]
    Dispute.model_validate(dispute.model_dump())  # what the store would load
    return dispute


def test_opening_puts_the_order_in_dispute_and_the_seller_on_the_clock() -> None:
    step = opened()
    dispute = dispute_of(step.state)
    assert dispute.state is DisputeState.AWAITING_SELLER
    assert (dispute.opened_at, dispute.requested_at) == (NOW, NOW)
    assert dispute.amount == PAID and dispute.evidence == ["cable.jpg"]
    assert step.state.orders[ORDER_ID].status is OrderStatus.IN_DISPUTE
    (event,) = step.events
    assert (event.kind, event.actor, event.amount) == (
        EventKind.DISPUTE_OPENED,
        Actor.BUYER,
        PAID,
    )
    assert (event.from_status, event.to_status) == (OrderStatus.SHIPPED, OrderStatus.IN_DISPUTE)


def test_seller_accepting_a_refund_only_request_refunds_it_now() -> None:
    step = opened(asked=request(amount=400))
    after = desk.seller_accept(step.state, ORDER_ID, NOW + DAY, SETTINGS)
    dispute = dispute_of(after.state)
    assert dispute.state is DisputeState.REFUNDED and dispute.ended_at == NOW + DAY
    assert dispute.outcome is not None and dispute.outcome.kind is OutcomeKind.SELLER_ACCEPTED
    refund = after.state.refunds[ORDER_ID]
    assert refund.amount == usd(400) and refund.status is RefundStatus.PROCESSING
    order = after.state.orders[ORDER_ID]
    assert order.status is OrderStatus.COMPLETED and order.completed_at == NOW + DAY
    assert [e.kind for e in after.events] == [EventKind.DISPUTE_ACCEPTED]


def test_a_full_refund_closes_the_order() -> None:
    step = opened()
    after = desk.seller_accept(step.state, ORDER_ID, NOW + DAY, SETTINGS)
    order = after.state.orders[ORDER_ID]
    assert order.status is OrderStatus.CANCELLED and order.closed_at == NOW + DAY
    assert after.state.refunds[ORDER_ID].amount == PAID


def test_seller_accepting_a_return_waits_for_the_item() -> None:
    step = opened(asked=RETURN)
    after = desk.seller_accept(step.state, ORDER_ID, NOW + DAY, SETTINGS)
    dispute = dispute_of(after.state)
    assert dispute.state is DisputeState.AWAITING_RETURN
    assert ORDER_ID not in after.state.refunds
    assert after.state.orders[ORDER_ID].status is OrderStatus.IN_DISPUTE
    shipped = disputes.ship_return(after.state, ORDER_ID, "rb 123 456 789 cn", NOW + 2 * DAY)
    dispute = dispute_of(shipped.state)
    assert dispute.state is DisputeState.RETURN_SHIPPED
    assert dispute.return_tracking == "RB123456789CN"
    assert shipped.events[0].note == "RB123456789CN"
    done = desk.seller_confirm_return(shipped.state, ORDER_ID, NOW + 9 * DAY, SETTINGS)
    assert dispute_of(done.state).state is DisputeState.REFUNDED
    assert done.state.refunds[ORDER_ID].amount == PAID
    assert done.events[0].kind is EventKind.RETURN_RECEIVED


def test_rejecting_with_a_counter_proposal_hands_the_turn_to_the_buyer() -> None:
    step = opened()
    after = desk.seller_reject(step.state, ORDER_ID, usd(300), " Works here. ", NOW + DAY)
    dispute = dispute_of(after.state)
    assert dispute.state is DisputeState.SELLER_REJECTED
    assert dispute.counter is not None
    assert (dispute.counter.amount, dispute.counter.message) == (usd(300), "Works here.")
    (event,) = after.events
    assert (event.kind, event.amount, event.note) == (
        EventKind.DISPUTE_REJECTED,
        usd(300),
        "Works here.",
    )
    accepted = disputes.accept_counter(after.state, ORDER_ID, NOW + 2 * DAY, SETTINGS)
    assert dispute_of(accepted.state).state is DisputeState.REFUNDED
    assert accepted.state.refunds[ORDER_ID].amount == usd(300)
    assert accepted.state.orders[ORDER_ID].status is OrderStatus.COMPLETED


def test_accepting_an_offer_of_nothing_closes_for_the_seller() -> None:
    step = opened()
    after = desk.seller_reject(step.state, ORDER_ID, usd(0), "No fault found.", NOW + DAY)
    accepted = disputes.accept_counter(after.state, ORDER_ID, NOW + 2 * DAY, SETTINGS)
    assert dispute_of(accepted.state).state is DisputeState.CLOSED_FOR_SELLER
    assert ORDER_ID not in accepted.state.refunds
    assert accepted.state.orders[ORDER_ID].status is OrderStatus.COMPLETED


def test_changing_the_request_gives_the_seller_their_full_time_again() -> None:
    step = opened()
    rejected = desk.seller_reject(step.state, ORDER_ID, usd(100), "No.", NOW + DAY)
    changed = disputes.change_request(rejected.state, ORDER_ID, request(amount=500), NOW + 2 * DAY)
    dispute = dispute_of(changed.state)
    assert dispute.state is DisputeState.AWAITING_SELLER
    assert dispute.counter is None and dispute.amount == usd(500)
    assert dispute.requested_at == NOW + 2 * DAY and dispute.opened_at == NOW
    assert changed.events[0].kind is EventKind.DISPUTE_CHANGED


def test_escalating_then_deciding_for_the_buyer_in_part() -> None:
    rejected = desk.seller_reject(opened().state, ORDER_ID, usd(100), "No.", NOW + DAY)
    up = disputes.escalate(rejected.state, ORDER_ID, NOW + 3 * DAY, SETTINGS)
    dispute = dispute_of(up.state)
    assert dispute.state is DisputeState.ESCALATED and dispute.escalated_at == NOW + 3 * DAY
    decided = desk.decide(
        up.state,
        ORDER_ID,
        PlatformAction.FOR_BUYER_PARTLY,
        NOW + 4 * DAY,
        SETTINGS,
        partial=usd(600),
    )
    dispute = dispute_of(decided.state)
    assert dispute.outcome is not None and dispute.outcome.kind is OutcomeKind.FOR_BUYER_PARTLY
    assert decided.state.refunds[ORDER_ID].amount == usd(600)
    (event,) = decided.events
    assert (event.kind, event.actor) == (EventKind.DISPUTE_DECIDED_FOR_BUYER, Actor.PLATFORM)


def test_deciding_for_the_seller_closes_without_refund() -> None:
    rejected = desk.seller_reject(opened().state, ORDER_ID, usd(100), "No.", NOW + DAY)
    up = disputes.escalate(rejected.state, ORDER_ID, NOW + 3 * DAY, SETTINGS)
    decided = desk.decide(up.state, ORDER_ID, PlatformAction.FOR_SELLER, NOW + 4 * DAY, SETTINGS)
    assert dispute_of(decided.state).state is DisputeState.CLOSED_FOR_SELLER
    assert ORDER_ID not in decided.state.refunds
    assert decided.events[0].kind is EventKind.DISPUTE_DECIDED_FOR_SELLER


def test_deciding_a_return_for_the_buyer_in_full_waits_for_the_item() -> None:
    step = opened(asked=RETURN)
    rejected = desk.seller_reject(step.state, ORDER_ID, usd(100), "No.", NOW + DAY)
    up = disputes.escalate(rejected.state, ORDER_ID, NOW + 3 * DAY, SETTINGS)
    decided = desk.decide(up.state, ORDER_ID, PlatformAction.FOR_BUYER, NOW + 4 * DAY, SETTINGS)
    assert dispute_of(decided.state).state is DisputeState.AWAITING_RETURN


def test_cancelling_gives_the_order_back_to_shipping_for_good() -> None:
    step = opened()
    cancelled = disputes.cancel_dispute(step.state, ORDER_ID, NOW + DAY, SETTINGS)
    dispute = dispute_of(cancelled.state)
    assert dispute.state is DisputeState.CANCELLED and dispute.ended_at == NOW + DAY
    assert cancelled.state.orders[ORDER_ID].status is OrderStatus.SHIPPED
    assert cancelled.events[0].kind is EventKind.DISPUTE_CANCELLED
    with pytest.raises(disputes.DisputeNotAllowed) as refused:
        opened(cancelled.state, at=NOW + 2 * DAY)
    assert refused.value.key == "dispute_why_not.cancelled_before"


@pytest.mark.parametrize(
    ("ground", "allowed"),
    [
        (
            g,
            g
            in (
                DisputeGround.POOR_QUALITY,
                DisputeGround.DAMAGED,
                DisputeGround.MISSING_PARTS,
                DisputeGround.WRONG_ITEM,
            ),
        )
        for g in DisputeGround
    ],
)
def test_only_items_received_can_go_back(ground: DisputeGround, allowed: bool) -> None:
    if allowed:
        assert opened(ground=ground, asked=RETURN).events
    else:
        with pytest.raises(disputes.DisputeNotAllowed, match="return_not_received"):
            opened(ground=ground, asked=RETURN)


def test_the_clock_silence_accepts_then_the_return_runs_out() -> None:
    step = opened(asked=RETURN)
    later = advance(step.state, NOW + 30 * DAY, SETTINGS)
    kinds = [e.kind for e in later.events]
    assert kinds == [EventKind.DISPUTE_SELLER_SILENT, EventKind.RETURN_NOT_SHIPPED]
    assert [e.at for e in later.events] == [NOW + 5 * DAY, NOW + 15 * DAY]
    assert dispute_of(later.state).state is DisputeState.CLOSED_FOR_SELLER
    assert later.state.orders[ORDER_ID].status is OrderStatus.COMPLETED
    assert ORDER_ID not in later.state.refunds


def test_a_return_not_confirmed_counts_as_arrived() -> None:
    accepted = desk.seller_accept(opened(asked=RETURN).state, ORDER_ID, NOW, SETTINGS)
    sent = disputes.ship_return(accepted.state, ORDER_ID, "RB123456789CN", NOW + DAY)
    later = advance(sent.state, NOW + 40 * DAY, SETTINGS)
    assert [e.kind for e in later.events][:1] == [EventKind.RETURN_AUTO_RECEIVED]
    assert later.events[0].at == NOW + 16 * DAY
    assert later.state.refunds[ORDER_ID].status is RefundStatus.COMPLETED


def test_no_agreement_escalates_by_itself_and_the_platform_decides_in_time() -> None:
    rejected = desk.seller_reject(opened().state, ORDER_ID, usd(100), "No.", NOW + DAY)
    later = advance(rejected.state, NOW + 30 * DAY, SETTINGS)
    kinds = [e.kind for e in later.events]
    assert kinds[:2] == [EventKind.DISPUTE_AUTO_ESCALATED, EventKind.DISPUTE_DECIDED_FOR_BUYER]
    assert [e.at for e in later.events[:2]] == [NOW + 15 * DAY, NOW + 22 * DAY]
    assert later.events[1].actor is Actor.SYSTEM


def test_a_late_change_still_escalates_at_day_15() -> None:
    rejected = desk.seller_reject(opened().state, ORDER_ID, usd(100), "No.", NOW + DAY)
    changed = disputes.change_request(rejected.state, ORDER_ID, request(amount=800), NOW + 13 * DAY)
    later = advance(changed.state, NOW + 16 * DAY, SETTINGS)
    assert [(e.kind, e.at) for e in later.events] == [
        (EventKind.DISPUTE_AUTO_ESCALATED, NOW + 15 * DAY)
    ]


def test_a_cancelled_dispute_lets_overdue_order_clocks_run_from_the_cancellation() -> None:
    order = make_shipped(delivered_at=NOW - 4 * DAY)
    step = opened(shipped_state(order))
    cancelled = disputes.cancel_dispute(step.state, ORDER_ID, NOW + 10 * DAY, SETTINGS)
    later = advance(cancelled.state, NOW + 10 * DAY, SETTINGS)
    assert [(e.kind, e.at) for e in later.events] == [
        (EventKind.RECEIPT_AUTO_CONFIRMED, NOW + 10 * DAY)
    ]
