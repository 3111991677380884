"""What counts against whom (issue 16, items 17 and 18): a store's seller-fault count and
rating take only cancellations that happened through the seller; the buyer's reputation
takes every request the buyer started; an order cancelled at once has its own outcome."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.domain.factories import NOW, make_order, make_state
from tui.domain.buyer import cancel_order, withdraw
from tui.domain.models import Event, Order, RequestOutcome
from tui.domain.reasons import CancelReason
from tui.domain.reputation import reputation
from tui.domain.seller import agree, rating_permille, refuse
from tui.domain.settings import Settings
from tui.domain.state import State
from tui.domain.status import OrderStatus
from tui.domain.timeline import advance

SETTINGS = Settings(reputation_warn_at=50, reputation_restrict_at=60, reputation_block_at=70)
ENDINGS = ("agree", "refuse", "withdraw", "leave")
Story = tuple[list[tuple[CancelReason, bool, str]], bool]
"""Per order: its reason, whether it was paid, how its request ends; then whether the
clock runs past the seller's time (every request left unanswered closes by itself)."""


@st.composite
def stories(draw: st.DrawFn) -> Story:
    orders = draw(
        st.lists(
            st.tuples(st.sampled_from(list(CancelReason)), st.booleans(), st.sampled_from(ENDINGS)),
            min_size=1,
            max_size=8,
        )
    )
    return orders, draw(st.booleans())


def play(story: Story) -> tuple[State, list[Order], list[Event]]:
    """Each order is cancelled (at once if unpaid, else asked), its request ends as the
    story says, then the clock may run out the seller's time; returns the end state, the
    orders and every event."""
    plan, lapse = story
    orders = [
        make_order(
            OrderStatus.AWAITING_SHIPMENT if paid else OrderStatus.AWAITING_PAYMENT,
            order_id=f"{1000000000000000 + n}",
            paid=paid,
            placed_at=NOW - timedelta(hours=1),
        )
        for n, (_, paid, _) in enumerate(plan)
    ]
    state = make_state(*orders)
    history: list[Event] = []
    later = NOW + timedelta(minutes=5)
    for order, (reason, _, ending) in zip(orders, plan, strict=True):
        note = "Found it cheaper locally" if reason.needs_note else ""
        steps = [cancel_order(state, history, order.id, reason, note, NOW, SETTINGS)]
        if steps[0].state.orders[order.id].status is OrderStatus.CANCELLATION_REQUESTED:
            after = steps[0].state
            if ending == "agree":
                steps.append(agree(after, order.id, later, SETTINGS))
            elif ending == "refuse":
                steps.append(refuse(after, order.id, "Already packed", later))
            elif ending == "withdraw":
                steps.append(withdraw(after, order.id, later))
        for step in steps:
            state, history = step.state, [*history, *step.events]
    if lapse:
        end = NOW + timedelta(hours=SETTINGS.seller_response_hours, minutes=1)
        step = advance(state, end, SETTINGS)
        state, history = step.state, [*history, *step.events]
    return state, orders, history


@settings(max_examples=200, deadline=None)
@given(story=stories())
def test_the_store_counts_only_cancellations_that_happened_the_buyer_every_request(
    story: Story,
) -> None:
    state, orders, history = play(story)
    happened = 0
    for order in orders:
        request = state.orders[order.id].cancellation
        assert request is not None
        if request.reason.blames_seller and request.outcome in (
            RequestOutcome.AGREED,
            RequestOutcome.NO_ANSWER,
        ):
            happened += 1
    store = state.stores["store"]
    assert store.fault_cancellations == happened
    penalty = SETTINGS.seller_fault_penalty_permille * happened
    assert rating_permille(store, SETTINGS) == max(0, 950 - penalty)
    # The buyer's record counts every request the buyer started, whatever came of it.
    assert reputation(history, NOW + timedelta(days=4), SETTINGS).count == len(orders)


def test_a_refused_request_never_counts_against_the_store() -> None:
    order = make_order(OrderStatus.AWAITING_SHIPMENT)
    step = cancel_order(
        make_state(order), [], order.id, CancelReason.OUT_OF_STOCK, "", NOW, SETTINGS
    )
    refused = refuse(step.state, order.id, "We have it in stock", NOW + timedelta(hours=1))
    assert refused.state.stores["store"].fault_cancellations == 0
    lapsed = advance(step.state, NOW + timedelta(hours=73), SETTINGS)  # no answer: it counts
    assert lapsed.state.stores["store"].fault_cancellations == 1


def test_an_order_cancelled_at_once_has_its_own_outcome_and_no_seller_count() -> None:
    order = make_order(OrderStatus.AWAITING_PAYMENT, paid=False)
    step = cancel_order(
        make_state(order), [], order.id, CancelReason.SELLER_ASKED, "", NOW, SETTINGS
    )
    closed = step.state.orders[order.id]
    assert closed.status is OrderStatus.CANCELLED
    assert closed.cancellation is not None
    assert closed.cancellation.outcome is RequestOutcome.CANCELLED_AT_ONCE  # not null: pending
    assert closed.cancellation.answered_at == NOW
    assert step.state.stores["store"].fault_cancellations == 0  # no seller step
    assert step.state.refunds == {}  # nothing was paid


def test_counts_stop_at_their_maximum() -> None:
    from tui.domain.bounds import COUNT_MAX

    order = make_order(OrderStatus.CANCELLATION_REQUESTED, reason=CancelReason.OUT_OF_STOCK)
    state = make_state(order)
    state = state.with_store(
        state.stores["store"].model_copy(update={"fault_cancellations": COUNT_MAX})
    )
    agreed = agree(state, order.id, NOW + timedelta(hours=1), SETTINGS)
    assert agreed.state.stores["store"].fault_cancellations == COUNT_MAX
