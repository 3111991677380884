"""The platform's rule: points on record, and what a tie is (docs/disputes.md)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pydantic import ValidationError

from tests.domain.dispute_factories import (
    DAY,
    SETTINGS,
    make_shipped,
    opened,
    request,
    shipped_state,
)
from tests.domain.factories import NOW, ORDER_ID, usd
from tui.domain import dispute_desk as desk
from tui.domain.dispute_due import PlatformAction
from tui.domain.dispute_models import DisputeGround
from tui.domain.kinds import Standing
from tui.domain.models import Actor, Event, EventKind
from tui.domain.reputation import dispute_standing
from tui.domain.settings import Settings
from tui.domain.status import OrderStatus


def weighed(
    *,
    ground: DisputeGround = DisputeGround.POOR_QUALITY,
    evidence: bool = True,
    countered: bool = False,
    standing: Standing = Standing.GOOD,
    fake: bool = False,
    delivered_days_after_shipping: int | None = None,
) -> desk.Weighing:
    shipped_at = NOW - 20 * DAY
    delivered = (
        shipped_at + timedelta(days=delivered_days_after_shipping)
        if delivered_days_after_shipping is not None
        else None
    )
    order = make_shipped(shipped_at=shipped_at, fake=fake, delivered_at=delivered)
    asked = request(evidence=("photo.jpg",) if evidence else ())
    state = opened(shipped_state(order), ground=ground, asked=asked).state
    if countered:
        state = desk.seller_reject(state, ORDER_ID, usd(0), "No.", NOW).state
    dispute = state.disputes[ORDER_ID].model_copy(update={"buyer_standing": standing})
    return desk.weigh(dispute, state.orders[ORDER_ID], NOW + DAY, SETTINGS)


def test_evidence_against_an_answer_is_a_tie_that_the_record_decides() -> None:
    good = weighed(countered=True)
    assert (good.buyer_points, good.seller_points, good.tie) == (1, 1, True)
    assert good.decision is PlatformAction.FOR_BUYER
    for standing in (Standing.WARNED, Standing.RESTRICTED, Standing.BLOCKED):
        assert weighed(countered=True, standing=standing).decision is PlatformAction.FOR_SELLER


def test_nothing_against_nothing_is_a_tie_too() -> None:
    found = weighed(evidence=False)
    assert (found.buyer_points, found.seller_points, found.tie) == (0, 0, True)
    assert found.decision is PlatformAction.FOR_BUYER


def test_more_points_win_whatever_the_record() -> None:
    found = weighed(standing=Standing.BLOCKED)  # evidence, no answer from the seller
    assert (found.tie, found.decision) == (False, PlatformAction.FOR_BUYER)
    found = weighed(evidence=False, countered=True)
    assert (found.tie, found.decision) == (False, PlatformAction.FOR_SELLER)


def test_tracking_counts_for_the_ground_it_proves_or_disproves() -> None:
    fake = weighed(ground=DisputeGround.FAKE_TRACKING, fake=True, countered=True)
    assert (fake.buyer_points, fake.seller_points) == (2, 1)
    genuine = weighed(ground=DisputeGround.FAKE_TRACKING, countered=True, evidence=False)
    assert (genuine.buyer_points, genuine.seller_points) == (0, 2)
    late = weighed(ground=DisputeGround.NOT_DELIVERED_ON_TIME, evidence=False)
    assert (late.buyer_points, late.seller_points) == (0, 1)  # 30 days not over yet
    delivered_late = weighed(
        ground=DisputeGround.NOT_DELIVERED_ON_TIME, evidence=False, delivered_days_after_shipping=31
    )
    assert delivered_late.buyer_points == 1


def test_when_the_platform_runs_out_of_time_the_rule_decides() -> None:
    state = desk.seller_reject(opened().state, ORDER_ID, usd(0), "No.", NOW).state
    up = desk.auto_escalate(state, ORDER_ID, NOW + DAY).state
    dispute = up.disputes[ORDER_ID].model_copy(update={"buyer_standing": Standing.WARNED})
    up = up.with_dispute(dispute)
    step = desk.auto_decide(up, ORDER_ID, NOW + 8 * DAY, SETTINGS)
    (event,) = step.events
    assert (event.kind, event.actor) == (EventKind.DISPUTE_DECIDED_FOR_SELLER, Actor.SYSTEM)
    assert step.state.orders[ORDER_ID].status is OrderStatus.COMPLETED


def event(kind: EventKind, days_ago: int, actor: Actor = Actor.BUYER) -> Event:
    status = OrderStatus.SHIPPED
    return Event(
        order_id=ORDER_ID,
        at=NOW - timedelta(days=days_ago),
        actor=actor,
        kind=kind,
        from_status=status,
        to_status=status,
    )


def test_the_record_counts_cancellations_and_disputes_lost_not_disputes_opened() -> None:
    history = [
        event(EventKind.REQUESTED, 1),
        event(EventKind.DISPUTE_OPENED, 2),
        event(EventKind.DISPUTE_OPENED, 3),
        event(EventKind.DISPUTE_DECIDED_FOR_BUYER, 2, Actor.PLATFORM),
        event(EventKind.DISPUTE_CANCELLED, 4),
    ]
    assert dispute_standing(history, NOW, SETTINGS) is Standing.GOOD  # 2 of 3
    history.append(event(EventKind.RETURN_NOT_SHIPPED, 5, Actor.SYSTEM))
    assert dispute_standing(history, NOW, SETTINGS) is Standing.WARNED
    history.append(event(EventKind.DISPUTE_DECIDED_FOR_SELLER, 40, Actor.PLATFORM))
    assert dispute_standing(history, NOW, SETTINGS) is Standing.WARNED  # out of the window


@pytest.mark.parametrize(
    "values",
    [
        {"dispute_escalate_after_days": 16, "dispute_auto_escalate_days": 15},
        {"delivery_days": 0},
        {"return_ship_days": 61},
        {"dispute_seller_response_days": 0},
    ],
)
def test_dispute_settings_have_ranges(values: dict[str, int]) -> None:
    with pytest.raises(ValidationError):
        Settings(**values)
