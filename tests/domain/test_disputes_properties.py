"""Properties of disputes under random days: buyers, sellers, the platform and the clock act
in any order (each action preceded by the clock catching up, as the service does).

After every step: refunds never exceed what was paid; at most one open dispute per order,
and an order is in dispute exactly when its dispute is open; every open dispute has one
party to act and a deadline, a final one neither; a cancelled dispute stays cancelled and
is never opened again; every stored model still validates; each order's events run in
time order. And moving the clock in one jump or in many small ones tells the same story,
with no deadline left behind.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from tests.domain.dispute_factories import DAY, SETTINGS, make_shipped, request
from tests.domain.factories import NOW, make_state, usd
from tui.domain import dispute_desk as desk
from tui.domain import disputes, shipping
from tui.domain.delivery import may_ask_extension, may_confirm_receipt, may_mark_delivered
from tui.domain.dispute_due import BuyerAction, PlatformAction, buyer_actions, next_step
from tui.domain.dispute_models import Dispute, DisputeGround, DisputeState, RequestType
from tui.domain.errors import DomainError
from tui.domain.models import Event, Order, PaymentMethod, Refund
from tui.domain.state import State, Step
from tui.domain.status import OrderStatus
from tui.domain.timeline import advance

IDS = ("1000000000000001", "1000000000000002", "1000000000000003")
BUYER = [a.value for a in BuyerAction]

orders = st.builds(
    lambda shipped_days, delivered, fake, method, days: make_shipped(
        shipped_at=NOW - timedelta(days=shipped_days),
        delivered_at=(
            NOW - timedelta(days=min(delivered, shipped_days)) if delivered is not None else None
        ),
        fake=fake and delivered is None,
        method=method,
        delivery_days=days,
    ),
    st.integers(3, 12) | st.integers(0, 50),
    st.none() | st.integers(0, 20),
    st.booleans(),
    st.sampled_from(PaymentMethod),
    st.none() | st.integers(5, 40),
)
spans = st.sampled_from([timedelta(hours=1), DAY, 3 * DAY, 5 * DAY, 11 * DAY]) | st.builds(
    timedelta, hours=st.integers(1, 24 * 4)
)


def in_state(*states: DisputeState) -> Callable[[State, str], bool]:
    def fits(state: State, order_id: str) -> bool:
        dispute = state.disputes.get(order_id)
        return dispute is not None and dispute.state in states

    return fits


class Days(RuleBasedStateMachine):
    state: State

    @initialize(found=st.lists(orders, min_size=1, max_size=len(IDS)))
    def start(self, found: list[Order]) -> None:
        self.now = NOW
        self.state = make_state(
            *(o.model_copy(update={"id": i}) for o, i in zip(found, IDS, strict=False))
        )
        self.events: list[Event] = []
        self.cancelled: set[str] = set()
        self._catch_up()

    # -- plumbing ------------------------------------------------------------------------

    def _catch_up(self) -> None:
        step = advance(self.state, self.now, SETTINGS)
        self._take(step)

    def _take(self, step: Step) -> None:
        self.state = step.state
        self.events += step.events

    def _pick(self, data: st.DataObject, fits: Callable[[State, str], bool]) -> str | None:
        """Mostly an order the step fits, sometimes any (to see refusals)."""
        fitting = [o for o in sorted(self.state.orders) if fits(self.state, o)]
        if fitting and data.draw(st.integers(0, 5)):
            return data.draw(st.sampled_from(fitting))
        return data.draw(st.sampled_from(sorted(self.state.orders)))

    def _try(self, action: Callable[[State], Step]) -> None:
        try:
            step = action(self.state)
        except DomainError:
            return
        self._take(step)

    # -- the buyer -----------------------------------------------------------------------

    @rule(data=st.data(), ground=st.sampled_from(DisputeGround), amount=st.integers(0, 1200))
    def open(self, data: st.DataObject, ground: DisputeGround, amount: int) -> None:
        order_id = self._pick(data, lambda s, o: s.orders[o].status is OrderStatus.SHIPPED)
        kind = data.draw(st.sampled_from(RequestType))
        asked = request(kind, 999 if kind is RequestType.RETURN_AND_REFUND else amount)
        if data.draw(st.booleans()):
            asked = request(kind, asked.amount.minor, evidence=())
        self._try(
            lambda s: disputes.open_dispute(s, (), order_id, ground, asked, self.now, SETTINGS)
        )

    @rule(data=st.data(), amount=st.integers(1, 999))
    def change(self, data: st.DataObject, amount: int) -> None:
        order_id = self._pick(data, in_state(*disputes.NEGOTIATING))
        self._try(lambda s: disputes.change_request(s, order_id, request(amount=amount), self.now))

    @rule(data=st.data())
    def buyer_step(self, data: st.DataObject) -> None:
        order_id = self._pick(
            data,
            lambda s, o: o in s.disputes and bool(buyer_actions(s.disputes[o], self.now, SETTINGS)),
        )
        dispute = self.state.disputes.get(order_id)
        allowed = [a.value for a in buyer_actions(dispute, self.now, SETTINGS)] if dispute else []
        step = data.draw(st.sampled_from(allowed or ["accept_counter"]) | st.sampled_from(BUYER))
        now = self.now
        self._try(
            {
                "accept_counter": lambda s: disputes.accept_counter(s, order_id, now, SETTINGS),
                "escalate": lambda s: disputes.escalate(s, order_id, now, SETTINGS),
                "cancel": lambda s: disputes.cancel_dispute(s, order_id, now, SETTINGS),
                "change_request": lambda s: disputes.change_request(
                    s, order_id, request(amount=500), now
                ),
                "enter_return_tracking": lambda s: disputes.ship_return(
                    s, order_id, "RB123456789CN", now
                ),
            }[step]
        )

    @rule(data=st.data())
    def order_step(self, data: st.DataObject) -> None:
        step = data.draw(st.sampled_from(["confirm", "extend", "deliver"]))
        fits = {
            "confirm": lambda s, o: may_confirm_receipt(s.orders[o]),
            "extend": lambda s, o: may_ask_extension(s.orders[o], self.now, SETTINGS),
            "deliver": lambda s, o: may_mark_delivered(s.orders[o]),
        }[step]
        order_id, now = self._pick(data, fits), self.now
        self._try(
            {
                "confirm": lambda s: shipping.confirm_receipt(s, order_id, now),
                "extend": lambda s: shipping.ask_extension(s, order_id, now, SETTINGS),
                "deliver": lambda s: shipping.mark_delivered(s, order_id, now),
            }[step]
        )

    # -- the seller and the platform ------------------------------------------------------

    @rule(data=st.data(), share=st.integers(0, 99))
    def seller_step(self, data: st.DataObject, share: int) -> None:
        order_id = self._pick(
            data, in_state(DisputeState.AWAITING_SELLER, DisputeState.RETURN_SHIPPED)
        )
        dispute = self.state.disputes.get(order_id)
        offer = usd((dispute.amount.minor if dispute else 1) * share // 100)
        if dispute is not None and dispute.state is DisputeState.RETURN_SHIPPED:
            step = data.draw(st.sampled_from(["confirm_return", "accept"]))
        else:
            step = data.draw(st.sampled_from(["accept", "reject", "reject", "confirm_return"]))
        now = self.now
        self._try(
            {
                "accept": lambda s: desk.seller_accept(s, order_id, now, SETTINGS),
                "reject": lambda s: desk.seller_reject(s, order_id, offer, "No.", now),
                "confirm_return": lambda s: desk.seller_confirm_return(s, order_id, now, SETTINGS),
            }[step]
        )

    @rule(data=st.data(), share=st.integers(0, 99))
    def reject_then_escalate(self, data: st.DataObject, share: int) -> None:
        """The path random steps rarely find: a rejection, three days, an escalation."""
        order_id = self._pick(data, in_state(DisputeState.AWAITING_SELLER))
        dispute = self.state.disputes.get(order_id)
        if dispute is None or dispute.state is not DisputeState.AWAITING_SELLER:
            return
        offer = usd(dispute.amount.minor * share // 100)
        self._try(lambda s: desk.seller_reject(s, order_id, offer, "No.", self.now))
        self.now = max(self.now, dispute.opened_at + 3 * DAY)
        self._catch_up()
        self._try(lambda s: disputes.escalate(s, order_id, self.now, SETTINGS))

    @rule(data=st.data(), days=st.integers(0, 40))
    def extension_answer(self, data: st.DataObject, days: int) -> None:
        order_id = self._pick(
            data, lambda s, o: (r := s.orders[o].extension) is not None and r.outcome is None
        )
        if data.draw(st.booleans()):
            self._try(lambda s: shipping.grant_extension(s, order_id, days, self.now, SETTINGS))
        else:
            self._try(lambda s: shipping.refuse_extension(s, order_id, self.now))

    @rule(data=st.data(), decision=st.sampled_from(PlatformAction), part=st.integers(0, 1000))
    def platform_decides(self, data: st.DataObject, decision: PlatformAction, part: int) -> None:
        order_id = self._pick(data, in_state(DisputeState.ESCALATED))
        self._try(
            lambda s: desk.decide(s, order_id, decision, self.now, SETTINGS, partial=usd(part))
        )

    # -- the clock -----------------------------------------------------------------------

    @rule(span=spans)
    def wait(self, span: timedelta) -> None:
        self.now += span
        self._catch_up()

    @rule(hours=st.lists(st.integers(1, 24 * 4), min_size=1, max_size=6))
    def jumps_or_steps(self, hours: list[int]) -> None:
        end = self.now + timedelta(hours=sum(hours))
        jump = advance(self.state, end, SETTINGS)
        small, events, moment = self.state, [], self.now
        for step_hours in hours:
            moment += timedelta(hours=step_hours)
            step = advance(small, moment, SETTINGS)
            small, events = step.state, events + list(step.events)
        assert small == jump.state
        assert events == list(jump.events)
        first = jump.state.due(SETTINGS).first()
        assert first is None or first[0] > end  # no deadline left behind
        assert all(self.now <= e.at <= end for e in jump.events)
        self.now = end
        self._take(jump)

    # -- what must hold ------------------------------------------------------------------

    @invariant()
    def rules_hold(self) -> None:
        state = self.state
        for order_id, order in state.orders.items():
            Order.model_validate(order.model_dump())
            refund = state.refunds.get(order_id)
            if refund is not None:
                Refund.model_validate(refund.model_dump())
                assert refund.amount.minor <= order.paid.minor  # never more than was paid
            dispute = state.disputes.get(order_id)
            in_dispute = order.status is OrderStatus.IN_DISPUTE
            assert in_dispute == (dispute is not None and dispute.is_open)  # one open at most
            if dispute is None:
                continue
            Dispute.model_validate(dispute.model_dump())
            assert (next_step(dispute, SETTINGS) is None) == dispute.state.is_final
            if order_id in self.cancelled:
                assert dispute.state is DisputeState.CANCELLED
                assert order.status is not OrderStatus.IN_DISPUTE
            if dispute.state is DisputeState.CANCELLED:
                self.cancelled.add(order_id)
            if dispute.state is DisputeState.REFUNDED:
                assert refund is not None and refund.amount == dispute.refunded
            else:
                assert refund is None
        for order_id in state.orders:
            mine = [e.at for e in self.events if e.order_id == order_id]
            assert mine == sorted(mine)  # each change dated at its own time


Days.TestCase.settings = settings(
    max_examples=30,
    stateful_step_count=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestDays = Days.TestCase


class MoreDays(Days):
    """The same machine, many more runs: behind the `slow` marker (CI runs it)."""


MoreDays.TestCase.settings = settings(
    max_examples=300,
    stateful_step_count=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
MoreDays.TestCase.pytestmark = [pytest.mark.slow]
TestManyMoreDays = MoreDays.TestCase
