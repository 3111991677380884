"""The service's part for after shipping: disputes, receipt, protection, and the trainer's
seller, platform and carrier. Mixed into `tui.service.OrderService`, which screens call.

Every action goes through `_act` (catch up with the clock, let the rule decide, save the
new state and its events in one write); a refusal (`DomainError`, with a catalog key)
saves nothing. docs/disputes.md lists the API with the screens each part serves.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from tui.domain import dispute_desk, disputes, shipping
from tui.domain.deadlines import DeadlineKind
from tui.domain.delivery import (
    days_left,
    delivery_deadline,
    dispute_opens_at,
    may_ask_extension,
    may_confirm_receipt,
    may_mark_delivered,
    order_deadlines,
    protection_end,
    why_no_dispute,
)
from tui.domain.dispute_due import (
    PlatformAction,
    buyer_actions,
    escalation_opens_at,
    next_step,
    platform_actions,
    seller_actions,
)
from tui.domain.dispute_input import clean_tracking, parse_amount
from tui.domain.dispute_models import Dispute, DisputeGround, GroundGroup, RequestType
from tui.domain.disputes import DisputeRequest
from tui.domain.errors import ActionNotAllowed, InvalidDays
from tui.domain.models import Order
from tui.domain.money import Money
from tui.domain.status import OrderStatus
from tui.service_dispute_results import AfterShipping, DisputeView, Protection, TrainerDispute

if TYPE_CHECKING:
    from tui.domain.settings import Settings
    from tui.domain.state import State, Step
    from tui.store.repository import Repository

__all__ = ["DisputeRequest", "DisputeService"]


class DisputeService:
    """Queries and actions after shipping; needs `OrderService`'s plumbing."""

    _repo: Repository

    if TYPE_CHECKING:

        @property
        def settings(self) -> Settings: ...

        def now(self) -> datetime: ...

        def order(self, order_id: str) -> Order: ...

        def _act(self, action: Callable[[State, datetime], Step]) -> Step: ...

    # -- what a shipped order offers ---------------------------------------------------------

    def dispute_of(self, order_id: str) -> Dispute | None:
        """The order's dispute, open or ended (an order has at most one)."""
        return self._repo.disputes.get(order_id)

    def protection(self, order_id: str) -> Protection | None:
        """ "Buyer protection: N days left", for a shipped order with no dispute open."""
        order = self.order(order_id)
        end = protection_end(order, self.settings)
        if order.status is not OrderStatus.SHIPPED or end is None:
            return None
        left = max(timedelta(0), end - self.now())
        extended = order.extension.granted_days if order.extension is not None else 0
        return Protection(end, left, days_left(left), extended)

    def extension_answer_by(self, order_id: str) -> datetime | None:
        """When the buyer's extension request lapses unanswered; None if none is waiting."""
        order = self.order(order_id)
        found = order_deadlines(order, self.dispute_of(order_id), self.settings)
        return next((d.at for d in found if d.kind is DeadlineKind.EXTENSION), None)

    def after_shipping(self, order_id: str) -> AfterShipping:
        """What the order page offers after shipping: open a dispute (or why not), confirm
        receipt, ask to extend protection; and the protection left."""
        order, now = self.order(order_id), self.now()
        why_not = why_no_dispute(order, self.dispute_of(order_id), now, self.settings)
        if order.tracking_fake:
            tracking = "tracking.no_info"
        elif order.delivered_at is not None:
            tracking = "tracking.delivered"
        else:
            tracking = "tracking.in_transit"
        return AfterShipping(
            order=order,
            dispute_why_not=None if why_not is None else f"dispute_why_not.{why_not}",
            dispute_opens_at=dispute_opens_at(order, self.settings),
            protection=self.protection(order_id),
            may_confirm_receipt=may_confirm_receipt(order),
            may_ask_extension=may_ask_extension(order, now, self.settings),
            delivery_deadline=delivery_deadline(order, self.settings),
            tracking_key=tracking,
        )

    # -- the dispute form ------------------------------------------------------------------

    def dispute_grounds(self) -> list[tuple[GroundGroup, list[DisputeGround]]]:
        """The grounds under their two headings, in the form's order."""
        return [(group, [g for g in DisputeGround if g.group is group]) for group in GroundGroup]

    def request_types(self, ground: DisputeGround) -> list[RequestType]:
        """Refund only always; return and refund only for an item received."""
        return [t for t in RequestType if ground.allows_return or t is RequestType.REFUND_ONLY]

    def parse_amount(self, order_id: str, text: str) -> Money:
        """A typed amount in the order's currency; raises `InvalidAmount` (catalog key)."""
        return parse_amount(text, self.order(order_id).currency)

    def check_dispute_amount(
        self, order_id: str, ground: DisputeGround, request_type: RequestType, text: str
    ) -> Money:
        """A typed amount as it would be asked, or the refusal: the form's amount step."""
        order = self.order(order_id)
        return disputes.check_amount(order, ground, request_type, self.parse_amount(order_id, text))

    def parse_days(self, text: str) -> int:
        """Typed days (the trainer's); `InvalidDays` unless a whole number (not the range)."""
        cleaned = text.strip()
        if not cleaned.isdecimal() or len(cleaned) > 4:
            raise InvalidDays("error.days_format")
        return int(cleaned)

    def check_tracking(self, text: str) -> str:
        """A typed tracking number as it would be saved; raises `InvalidTracking`."""
        return clean_tracking(text)

    def check_dispute_request(
        self, order_id: str, ground: DisputeGround, request: DisputeRequest
    ) -> DisputeRequest:
        """The request as it would be saved, or the refusal (amount, description, evidence),
        so the form can say what is wrong before the confirm step."""
        return disputes.check_request(self.order(order_id), ground, request)

    # -- a dispute as shown ----------------------------------------------------------------

    def dispute_view(self, order_id: str) -> DisputeView | None:
        dispute = self.dispute_of(order_id)
        if dispute is None:
            return None
        order, now, settings = self.order(order_id), self.now(), self.settings
        step = next_step(dispute, settings)
        escalation = None
        if dispute.state in disputes.NEGOTIATING:
            opens = escalation_opens_at(dispute, settings)
            escalation = opens if opens > now else None
        return DisputeView(
            order=order,
            dispute=dispute,
            party=step.party if step else None,
            deadline_kind=step.deadline.kind if step else None,
            deadline=step.deadline.at if step else None,
            left=max(timedelta(0), step.deadline.at - now) if step else None,
            buyer_actions=tuple(buyer_actions(dispute, now, settings)),
            seller_actions=tuple(seller_actions(dispute)),
            platform_actions=tuple(platform_actions(dispute)),
            escalation_opens_at=escalation,
            refund=self._repo.refunds.get(order_id),
            paid=order.paid,
        )

    def _view(self, order_id: str) -> DisputeView:
        view = self.dispute_view(order_id)
        assert view is not None
        return view

    # -- the buyer's actions ---------------------------------------------------------------

    def open_dispute(
        self, order_id: str, ground: DisputeGround, request: DisputeRequest
    ) -> DisputeView:
        """Open the order's one dispute; the seller has their time to answer."""
        self._act(  # the history as it is after catching up with other windows
            lambda state, now: disputes.open_dispute(
                state, self._repo.events, order_id, ground, request, now, self.settings
            )
        )
        return self._view(order_id)

    def change_dispute(self, order_id: str, request: DisputeRequest) -> DisputeView:
        self._act(lambda state, now: disputes.change_request(state, order_id, request, now))
        return self._view(order_id)

    def accept_counter(self, order_id: str, offer: Money) -> DisputeView:
        """Take the seller's offer as shown (``offer``); refused if it changed meanwhile."""

        def action(state: State, now: datetime) -> Step:
            counter = state.disputes[order_id].counter if order_id in state.disputes else None
            if counter is None or counter.amount != offer:
                raise ActionNotAllowed("error.dispute_changed", state="changed")
            return disputes.accept_counter(state, order_id, now, self.settings)

        self._act(action)
        return self._view(order_id)

    def escalate_dispute(self, order_id: str) -> DisputeView:
        self._act(lambda state, now: disputes.escalate(state, order_id, now, self.settings))
        return self._view(order_id)

    def cancel_dispute(self, order_id: str) -> DisputeView:
        """Give the dispute up, for good: no dispute can be opened on the order again."""
        self._act(lambda state, now: disputes.cancel_dispute(state, order_id, now, self.settings))
        return self._view(order_id)

    def ship_return(self, order_id: str, tracking: str) -> DisputeView:
        """The item is on its way back: its tracking number (checked, `InvalidTracking`)."""
        self._act(lambda state, now: disputes.ship_return(state, order_id, tracking, now))
        return self._view(order_id)

    def confirm_receipt(self, order_id: str) -> Order:
        self._act(lambda state, now: shipping.confirm_receipt(state, order_id, now))
        return self.order(order_id)

    def ask_extension(self, order_id: str) -> Order:
        self._act(lambda state, now: shipping.ask_extension(state, order_id, now, self.settings))
        return self.order(order_id)

    # -- the trainer: seller, platform, carrier ---------------------------------------------

    def open_disputes(self) -> list[TrainerDispute]:
        """Every open dispute, the most urgent first, with the platform's rule as advice."""
        found = []
        for order_id, dispute in self._repo.disputes.items():
            if dispute.is_open:
                view = self._view(order_id)
                advice = dispute_desk.weigh(dispute, view.order, self.now(), self.settings)
                found.append(TrainerDispute(view, advice))
        return sorted(found, key=lambda t: (t.view.deadline or self.now(), t.view.order.id))

    def seller_accept_dispute(self, order_id: str) -> DisputeView:
        self._act(
            lambda state, now: dispute_desk.seller_accept(state, order_id, now, self.settings)
        )
        return self._view(order_id)

    def seller_reject_dispute(self, order_id: str, offer: Money, message: str) -> DisputeView:
        """Reject with a counter-proposal: ``offer`` (less than asked, may be 0) and why."""
        self._act(
            lambda state, now: dispute_desk.seller_reject(state, order_id, offer, message, now)
        )
        return self._view(order_id)

    def seller_confirm_return(self, order_id: str) -> DisputeView:
        self._act(
            lambda state, now: dispute_desk.seller_confirm_return(
                state, order_id, now, self.settings
            )
        )
        return self._view(order_id)

    def platform_decide(
        self, order_id: str, decision: PlatformAction, partial: Money | None = None
    ) -> DisputeView:
        """Decide an escalated dispute; ``partial`` is the amount for `FOR_BUYER_PARTLY`."""
        self._act(
            lambda state, now: dispute_desk.decide(
                state, order_id, decision, now, self.settings, partial=partial
            )
        )
        return self._view(order_id)

    def extension_requests(self) -> list[Order]:
        """Orders whose buyer asked to extend protection, the seller not having answered."""
        pending = [
            (o.extension.requested_at, o.id, o)
            for o in self._repo.orders.values()
            if o.extension is not None
            and o.extension.outcome is None
            and o.status in (OrderStatus.SHIPPED, OrderStatus.IN_DISPUTE)
        ]
        return [order for _, _, order in sorted(pending, key=lambda found: found[:2])]

    def grant_extension(self, order_id: str, days: int) -> Order:
        self._act(
            lambda state, now: shipping.grant_extension(state, order_id, days, now, self.settings)
        )
        return self.order(order_id)

    def refuse_extension(self, order_id: str) -> Order:
        self._act(lambda state, now: shipping.refuse_extension(state, order_id, now))
        return self.order(order_id)

    def shippable_orders(self) -> list[Order]:
        """Orders the trainer can mark shipped (awaiting shipment), oldest payment first."""
        waiting = [
            o for o in self._repo.orders.values() if o.status is OrderStatus.AWAITING_SHIPMENT
        ]
        return sorted(waiting, key=lambda o: (o.paid_at or o.placed_at, o.id))

    def deliverable_orders(self) -> list[Order]:
        """Orders whose tracking the trainer can show as delivered (not a fake number)."""
        found = [o for o in self._repo.orders.values() if may_mark_delivered(o)]
        return sorted(found, key=lambda o: (o.shipped_at or o.placed_at, o.id))

    def mark_shipped(
        self,
        order_id: str,
        tracking: str,
        *,
        fake: bool = False,
        delivery_days: int | None = None,
    ) -> Order:
        """Ship with a tracking number (``fake``: the article's first ground)."""
        self._act(
            lambda state, now: shipping.mark_shipped(
                state, order_id, tracking, now, fake=fake, delivery_days=delivery_days
            )
        )
        return self.order(order_id)

    def mark_delivered(self, order_id: str) -> Order:
        self._act(lambda state, now: shipping.mark_delivered(state, order_id, now))
        return self.order(order_id)
