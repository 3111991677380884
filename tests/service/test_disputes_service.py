"""The service API the dispute screens and the trainer panel use, on the demo data."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tests.conftest import PAID_ORDER, SHIPPED_ORDER
from tui.domain.clock import SimulatedClock
from tui.domain.deadlines import DeadlineKind
from tui.domain.dispute_due import BuyerAction, PlatformAction, SellerAction
from tui.domain.dispute_models import DisputeGround, DisputeState, GroundGroup, Party, RequestType
from tui.domain.errors import (
    ActionNotAllowed,
    DisputeNotAllowed,
    DomainError,
    InvalidAmount,
    InvalidDescription,
    InvalidEvidence,
    InvalidTracking,
)
from tui.domain.models import EventKind
from tui.domain.money import Money
from tui.domain.status import OrderStatus
from tui.service import DisputeRequest, OrderService
from tui.store.files import journal_path
from tui.store.repository import Repository

AWAITING_SELLER = "8197345062031164"
SELLER_REJECTED = "8197345062133407"
ESCALATED = "8197345062024418"
AWAITING_RETURN = "8197345062035591"
RETURN_SHIPPED = "8197345062042276"
REFUNDED = "8197345062028830"
CLOSED_FOR_SELLER = "8197345062012264"
CANCELLED = "8197345062039904"
TOO_EARLY = "8197345062129981"
FAKE_TRACKING = "8197345062055510"
DELIVERED = "8197345062128853"
EXTENSION_ASKED = "8197345062036615"


def usd(minor: int) -> Money:
    return Money(minor=minor, currency="USD")


def open_service(path: Path) -> OrderService:
    repo = Repository.open(path)
    return OrderService(repo, SimulatedClock(repo.meta.clock))


def files(path: Path) -> tuple[bytes, bytes | None]:
    journal = journal_path(path)
    return path.read_bytes(), journal.read_bytes() if journal.exists() else None


def test_what_a_shipped_order_offers(db_path: Path) -> None:
    service = open_service(db_path)
    shipped = service.after_shipping(SHIPPED_ORDER)
    assert shipped.may_open_dispute and shipped.may_confirm_receipt and shipped.may_ask_extension
    assert shipped.protection is not None and shipped.protection.days_left == 33
    assert shipped.tracking_key == "tracking.in_transit"
    early = service.after_shipping(TOO_EARLY)
    assert early.dispute_why_not == "dispute_why_not.too_early"
    assert early.dispute_opens_at == service.order(TOO_EARLY).shipped_at + timedelta(days=3)  # type: ignore[operator]
    assert service.after_shipping(CANCELLED).dispute_why_not == "dispute_why_not.cancelled_before"
    assert service.after_shipping(AWAITING_SELLER).dispute_why_not == "dispute_why_not.open"
    assert service.after_shipping(PAID_ORDER).dispute_why_not == "dispute_why_not.not_shipped"
    assert service.after_shipping(FAKE_TRACKING).tracking_key == "tracking.no_info"
    assert service.after_shipping(DELIVERED).tracking_key == "tracking.delivered"
    assert service.protection(AWAITING_SELLER) is None  # a dispute is open


@pytest.mark.parametrize(
    ("order_id", "state", "party", "kind", "actions"),
    [
        (
            AWAITING_SELLER,
            DisputeState.AWAITING_SELLER,
            Party.SELLER,
            DeadlineKind.DISPUTE_RESPOND,
            (BuyerAction.CHANGE_REQUEST, BuyerAction.CANCEL),
        ),
        (
            SELLER_REJECTED,
            DisputeState.SELLER_REJECTED,
            Party.BUYER,
            DeadlineKind.DISPUTE_ESCALATE,
            (
                BuyerAction.ACCEPT_COUNTER,
                BuyerAction.CHANGE_REQUEST,
                BuyerAction.ESCALATE,
                BuyerAction.CANCEL,
            ),
        ),
        (
            ESCALATED,
            DisputeState.ESCALATED,
            Party.PLATFORM,
            DeadlineKind.DISPUTE_DECIDE,
            (BuyerAction.CANCEL,),
        ),
        (
            AWAITING_RETURN,
            DisputeState.AWAITING_RETURN,
            Party.BUYER,
            DeadlineKind.RETURN_SHIP,
            (BuyerAction.ENTER_RETURN_TRACKING,),
        ),
        (
            RETURN_SHIPPED,
            DisputeState.RETURN_SHIPPED,
            Party.SELLER,
            DeadlineKind.RETURN_CONFIRM,
            (),
        ),
        (REFUNDED, DisputeState.REFUNDED, None, None, ()),
        (CLOSED_FOR_SELLER, DisputeState.CLOSED_FOR_SELLER, None, None, ()),
        (CANCELLED, DisputeState.CANCELLED, None, None, ()),
    ],
)
def test_each_demo_dispute_says_who_acts_by_when(
    db_path: Path,
    order_id: str,
    state: DisputeState,
    party: Party | None,
    kind: DeadlineKind | None,
    actions: tuple[BuyerAction, ...],
) -> None:
    service = open_service(db_path)
    view = service.dispute_view(order_id)
    assert view is not None and view.dispute.state is state
    assert (view.party, view.deadline_kind, view.buyer_actions) == (party, kind, actions)
    if party is not None:
        assert view.deadline is not None and view.left == view.deadline - service.now()
        countdown = service.countdown(order_id)
        assert countdown is not None and countdown.kind is kind
    assert (view.refund is not None) == (state is DisputeState.REFUNDED)
    assert service.dispute_view(SHIPPED_ORDER) is None


def test_opening_a_dispute_is_one_write_and_bad_input_none(db_path: Path) -> None:
    service = open_service(db_path)
    paid = service.order(SHIPPED_ORDER).paid
    assert service.dispute_grounds()[0][0] is GroundGroup.NOT_RECEIVED
    assert service.request_types(DisputeGround.FAKE_TRACKING) == [RequestType.REFUND_ONLY]
    assert service.parse_amount(SHIPPED_ORDER, "12,5") == usd(1250)
    before = files(db_path)
    bad = [
        DisputeRequest(RequestType.REFUND_ONLY, usd(paid.minor + 1), "Broken."),
        DisputeRequest(RequestType.REFUND_ONLY, usd(100), "   "),
        DisputeRequest(RequestType.REFUND_ONLY, usd(100), "x" * 1001),
        DisputeRequest(RequestType.REFUND_ONLY, usd(100), "Broken.", ("../../etc/passwd",)),
        DisputeRequest(RequestType.RETURN_AND_REFUND, usd(100), "Broken."),
    ]
    for request in bad:
        with pytest.raises((InvalidAmount, InvalidDescription, InvalidEvidence)):
            service.check_dispute_request(SHIPPED_ORDER, DisputeGround.DAMAGED, request)
        with pytest.raises(DomainError):
            service.open_dispute(SHIPPED_ORDER, DisputeGround.DAMAGED, request)
        assert files(db_path) == before
    with pytest.raises(InvalidAmount):
        service.parse_amount(SHIPPED_ORDER, "twelve")
    asked = DisputeRequest(RequestType.REFUND_ONLY, usd(1500), " Strap broke. ", ["strap.jpg"])
    view = service.open_dispute(SHIPPED_ORDER, DisputeGround.POOR_QUALITY, asked)
    assert view.dispute.state is DisputeState.AWAITING_SELLER
    assert view.dispute.description == "Strap broke."
    assert service.order(SHIPPED_ORDER).status is OrderStatus.IN_DISPUTE
    assert len(journal_path(db_path).read_bytes().splitlines()) == 2  # one change, one line
    assert service.events_of(SHIPPED_ORDER)[-1].kind is EventKind.DISPUTE_OPENED
    reopened = open_service(db_path)
    assert reopened.dispute_of(SHIPPED_ORDER) == view.dispute


def test_the_buyer_takes_the_offer_as_shown_or_not_at_all(db_path: Path) -> None:
    service = open_service(db_path)
    view = service.dispute_view(SELLER_REJECTED)
    assert view is not None and view.dispute.counter is not None
    before = files(db_path)
    with pytest.raises(ActionNotAllowed):
        service.accept_counter(SELLER_REJECTED, usd(1))
    assert files(db_path) == before
    done = service.accept_counter(SELLER_REJECTED, view.dispute.counter.amount)
    assert done.dispute.state is DisputeState.REFUNDED
    assert done.refund is not None and done.refund.amount == view.dispute.counter.amount


def test_the_buyer_cancels_for_good(db_path: Path) -> None:
    service = open_service(db_path)
    view = service.cancel_dispute(AWAITING_SELLER)
    assert view.dispute.state is DisputeState.CANCELLED
    assert service.after_shipping(AWAITING_SELLER).dispute_why_not == (
        "dispute_why_not.cancelled_before"
    )
    with pytest.raises(DisputeNotAllowed):
        service.open_dispute(
            AWAITING_SELLER,
            DisputeGround.NOT_DELIVERED_ON_TIME,
            DisputeRequest(RequestType.REFUND_ONLY, usd(100), "Again."),
        )


def test_a_return_tracking_number_must_be_one(db_path: Path) -> None:
    service = open_service(db_path)
    before = files(db_path)
    with pytest.raises(InvalidTracking):
        service.ship_return(AWAITING_RETURN, "posted it")
    assert files(db_path) == before
    view = service.ship_return(AWAITING_RETURN, "rb123456789cn")
    assert view.dispute.state is DisputeState.RETURN_SHIPPED
    assert view.seller_actions == (SellerAction.CONFIRM_RETURN,)
    done = service.seller_confirm_return(AWAITING_RETURN)
    assert done.dispute.state is DisputeState.REFUNDED and done.refund is not None


def test_the_trainer_panel_lists_open_disputes_most_urgent_first(db_path: Path) -> None:
    service = open_service(db_path)
    found = service.open_disputes()
    assert {t.view.order.id for t in found} == {
        AWAITING_SELLER,
        SELLER_REJECTED,
        ESCALATED,
        AWAITING_RETURN,
        RETURN_SHIPPED,
    }
    deadlines = [t.view.deadline for t in found]
    assert deadlines == sorted(deadlines)  # type: ignore[type-var]
    escalated = next(t for t in found if t.view.order.id == ESCALATED)
    assert escalated.view.platform_actions == tuple(PlatformAction)
    assert escalated.advice.decision is PlatformAction.FOR_BUYER  # fake tracking, evidence
    decided = service.platform_decide(ESCALATED, PlatformAction.FOR_BUYER_PARTLY, usd(800))
    assert decided.refund is not None and decided.refund.amount == usd(800)


def test_the_trainer_as_seller_and_carrier(db_path: Path) -> None:
    service = open_service(db_path)
    assert [o.id for o in service.extension_requests()] == [EXTENSION_ASKED]
    order = service.grant_extension(EXTENSION_ASKED, 10)
    assert order.extension is not None and order.extension.granted_days == 10
    assert service.protection(EXTENSION_ASKED).extended_days == 10  # type: ignore[union-attr]
    assert PAID_ORDER in [o.id for o in service.shippable_orders()]
    shipped = service.mark_shipped(PAID_ORDER, "LP00799999999999", fake=True, delivery_days=15)
    assert shipped.status is OrderStatus.SHIPPED and shipped.tracking_fake
    assert PAID_ORDER not in [o.id for o in service.deliverable_orders()]
    assert SHIPPED_ORDER in [o.id for o in service.deliverable_orders()]
    delivered = service.mark_delivered(SHIPPED_ORDER)
    assert delivered.delivered_at == service.now()
    view = service.seller_reject_dispute(AWAITING_SELLER, usd(500), "It is on its way.")
    assert view.party is Party.BUYER and view.escalation_opens_at is not None


def test_the_clock_moves_disputes_on(db_path: Path) -> None:
    service = open_service(db_path)
    move = service.advance_clock(timedelta(days=5))
    kinds = {e.kind for e in move.events}
    assert EventKind.DISPUTE_SELLER_SILENT in kinds  # the seller of AWAITING_SELLER said nothing
    assert EventKind.DISPUTE_DECIDED_FOR_BUYER in kinds  # the platform's time ran out
    assert move.dispute_steps >= 2 and move.receipts_confirmed == 1
    assert service.dispute_of(AWAITING_SELLER).state is DisputeState.REFUNDED  # type: ignore[union-attr]
    assert service.order(AWAITING_SELLER).status is OrderStatus.CANCELLED  # all of it back
