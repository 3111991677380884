"""Every refusal of a dispute step: the error class and its catalog key, nothing changed."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.domain.dispute_factories import (
    DAY,
    SETTINGS,
    make_shipped,
    opened,
    request,
    shipped_state,
)
from tests.domain.factories import NOW, ORDER_ID, make_order, make_state, usd
from tui.domain import dispute_desk as desk
from tui.domain import disputes
from tui.domain.dispute_due import PlatformAction
from tui.domain.dispute_input import (
    DESCRIPTION_MAX_LENGTH,
    EVIDENCE_MAX_FILES,
    clean_evidence,
    clean_tracking,
)
from tui.domain.dispute_models import DisputeGround, RequestType
from tui.domain.errors import (
    ActionNotAllowed,
    DisputeNotAllowed,
    DomainError,
    InvalidAmount,
    InvalidDescription,
    InvalidEvidence,
    InvalidMessage,
    InvalidTracking,
)
from tui.domain.money import Money
from tui.domain.state import State
from tui.domain.status import OrderStatus


def refused(action: Callable[[], object], error: type[DomainError], key: str) -> None:
    with pytest.raises(error) as found:
        action()
    assert found.value.key == key


@pytest.mark.parametrize(
    ("asked", "error", "key"),
    [
        (request(amount=1000), InvalidAmount, "error.amount_above_paid"),
        (request(amount=0), InvalidAmount, "error.amount_nothing"),
        (
            request(RequestType.RETURN_AND_REFUND, 500),
            InvalidAmount,
            "error.return_needs_full_amount",
        ),
        (request(description="   "), InvalidDescription, "error.dispute_description_required"),
        (
            request(description="x" * (DESCRIPTION_MAX_LENGTH + 1)),
            InvalidDescription,
            "error.dispute_description_too_long",
        ),
        (
            request(description="bad \x1b[31m"),
            InvalidDescription,
            "error.dispute_description_control",
        ),
        (request(evidence=["../etc/passwd"]), InvalidEvidence, "error.evidence_path"),
        (request(evidence=["C:\\photo.jpg"]), InvalidEvidence, "error.evidence_path"),
        (request(evidence=["a\x07.jpg"]), InvalidEvidence, "error.evidence_control"),
        (request(evidence=["x" * 101]), InvalidEvidence, "error.evidence_too_long"),
        (request(evidence=["a.jpg", "a.jpg"]), InvalidEvidence, "error.evidence_twice"),
        (
            request(evidence=[f"{n}.jpg" for n in range(EVIDENCE_MAX_FILES + 1)]),
            InvalidEvidence,
            "error.evidence_too_many",
        ),
    ],
)
def test_bad_requests_are_refused(
    asked: disputes.DisputeRequest, error: type[DomainError], key: str
) -> None:
    refused(lambda: opened(asked=asked), error, key)


def test_an_amount_in_another_currency_is_refused() -> None:
    asked = disputes.DisputeRequest(
        RequestType.REFUND_ONLY, Money(minor=5, currency="EUR"), "Broken."
    )
    refused(lambda: opened(asked=asked), InvalidAmount, "error.amount_currency")


def test_evidence_names_are_cleaned_not_read() -> None:
    assert clean_evidence([" photo 1.jpg ", "", "video.mp4"]) == ["photo 1.jpg", "video.mp4"]


@pytest.mark.parametrize("text", ["", "   ", "12345", "LP-00", "ABCDEFGHIJ", "LP0071234567890@"])
def test_tracking_numbers_that_are_not_one(text: str) -> None:
    with pytest.raises(InvalidTracking):
        clean_tracking(text)


@pytest.mark.parametrize(
    ("text", "saved"),
    [("lp00712345678901", "LP00712345678901"), ("RB 123-456-789 CN", "RB123456789CN")],
)
def test_tracking_numbers_are_normalised(text: str, saved: str) -> None:
    assert clean_tracking(text) == saved


@pytest.mark.parametrize(
    ("order_state", "at", "key"),
    [
        (make_state(make_order(OrderStatus.AWAITING_SHIPMENT)), NOW, "dispute_why_not.not_shipped"),
        (make_state(make_order(OrderStatus.COMPLETED)), NOW, "dispute_why_not.completed"),
        (make_state(make_order(OrderStatus.CANCELLED)), NOW, "dispute_why_not.closed"),
        (shipped_state(make_shipped(shipped_at=NOW - DAY)), NOW, "dispute_why_not.too_early"),
        (shipped_state(), NOW + 41 * DAY, "dispute_why_not.window_closed"),
    ],
)
def test_when_a_dispute_can_not_be_opened(order_state: State, at: object, key: str) -> None:
    refused(lambda: opened(order_state, at=at), DisputeNotAllowed, key)  # type: ignore[arg-type]


def test_one_dispute_per_order() -> None:
    step = opened()
    refused(lambda: opened(step.state), DisputeNotAllowed, "dispute_why_not.open")
    done = desk.seller_accept(step.state, ORDER_ID, NOW, SETTINGS)
    refused(lambda: opened(done.state), DisputeNotAllowed, "dispute_why_not.closed")


def test_an_unpaid_shipped_order_can_not_be_disputed() -> None:
    unpaid = make_shipped().model_copy(update={"paid_at": None})
    refused(lambda: opened(shipped_state(unpaid)), DisputeNotAllowed, "dispute_why_not.not_paid")


def test_steps_out_of_turn_are_refused() -> None:
    state = opened().state
    later = NOW + 4 * DAY
    refused(
        lambda: disputes.accept_counter(state, ORDER_ID, later, SETTINGS),
        ActionNotAllowed,
        "error.dispute_changed",
    )
    refused(
        lambda: disputes.escalate(state, ORDER_ID, later, SETTINGS),
        ActionNotAllowed,
        "error.dispute_changed",
    )
    refused(
        lambda: disputes.ship_return(state, ORDER_ID, "RB123456789CN", later),
        ActionNotAllowed,
        "error.dispute_changed",
    )
    refused(
        lambda: desk.seller_confirm_return(state, ORDER_ID, later, SETTINGS),
        ActionNotAllowed,
        "error.dispute_changed",
    )
    refused(
        lambda: desk.decide(state, ORDER_ID, PlatformAction.FOR_SELLER, later, SETTINGS),
        ActionNotAllowed,
        "error.dispute_changed",
    )
    no_dispute = shipped_state()
    refused(
        lambda: desk.seller_accept(no_dispute, ORDER_ID, later, SETTINGS),
        ActionNotAllowed,
        "error.dispute_changed",
    )


def test_escalating_too_early_is_refused() -> None:
    rejected = desk.seller_reject(opened().state, ORDER_ID, usd(1), "No.", NOW + DAY)
    refused(
        lambda: disputes.escalate(rejected.state, ORDER_ID, NOW + 3 * DAY - DAY / 24, SETTINGS),
        DisputeNotAllowed,
        "error.escalate_too_early",
    )


def test_a_counter_proposal_offers_less_than_asked_and_says_why() -> None:
    state = opened(asked=request(amount=500)).state
    refused(
        lambda: desk.seller_reject(state, ORDER_ID, usd(500), "No.", NOW),
        InvalidAmount,
        "error.counter_not_less",
    )
    refused(
        lambda: desk.seller_reject(state, ORDER_ID, usd(100), "  ", NOW),
        InvalidMessage,
        "error.message_required",
    )


def test_a_partial_decision_is_between_nothing_and_what_was_asked() -> None:
    rejected = desk.seller_reject(opened().state, ORDER_ID, usd(1), "No.", NOW + DAY)
    up = disputes.escalate(rejected.state, ORDER_ID, NOW + 3 * DAY, SETTINGS).state
    for amount in (usd(0), usd(999), usd(5000)):
        refused(
            lambda amount=amount: desk.decide(  # type: ignore[misc]
                up, ORDER_ID, PlatformAction.FOR_BUYER_PARTLY, NOW, SETTINGS, partial=amount
            ),
            InvalidAmount,
            "error.partial_out_of_range",
        )
    refused(
        lambda: desk.decide(up, ORDER_ID, PlatformAction.FOR_BUYER_PARTLY, NOW, SETTINGS),
        InvalidAmount,
        "error.amount_currency",
    )


def test_a_return_can_not_be_sent_without_a_tracking_number() -> None:
    asked = request(RequestType.RETURN_AND_REFUND, 999)
    accepted = desk.seller_accept(
        opened(ground=DisputeGround.DAMAGED, asked=asked).state, ORDER_ID, NOW, SETTINGS
    )
    refused(
        lambda: disputes.ship_return(accepted.state, ORDER_ID, "in the post", NOW),
        InvalidTracking,
        "error.tracking_format",
    )


def test_the_same_request_again_is_not_a_change() -> None:
    step = opened(asked=request(amount=500))
    refused(
        lambda: disputes.change_request(step.state, ORDER_ID, request(amount=500), NOW + DAY),
        DisputeNotAllowed,
        "error.request_unchanged",
    )
