"""The service's part for the support desk: finding orders, the facts an agent needs, the
replies that fit, and recording a reply or an internal note. Mixed into
`tui.service.OrderService`. The desk never performs the buyer's actions.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from tui.desk_words import reply_text
from tui.domain import desk
from tui.domain.desk import Due, RefundDays
from tui.domain.desk_replies import OrderFacts, Reply, replies
from tui.domain.desk_search import Found, search_orders
from tui.domain.models import EventKind
from tui.i18n import Language, Translator

if TYPE_CHECKING:
    from tui.domain.dispute_models import Dispute
    from tui.domain.models import Buyer, Order, Refund
    from tui.domain.reputation import Reputation
    from tui.domain.rules import BuyerAction
    from tui.domain.settings import Settings
    from tui.domain.state import State, Step
    from tui.store.repository import Repository


class DeskService:
    """The desk's questions and its two records; needs `OrderService`'s plumbing."""

    _repo: Repository

    if TYPE_CHECKING:

        @property
        def settings(self) -> Settings: ...

        @property
        def buyer(self) -> Buyer: ...

        def now(self) -> datetime: ...

        def order(self, order_id: str) -> Order: ...

        def refund_of(self, order_id: str) -> Refund | None: ...

        def dispute_of(self, order_id: str) -> Dispute | None: ...

        def reputation(self) -> Reputation: ...

        def buyer_actions(self, order_id: str) -> list[BuyerAction]: ...

        def _act(self, action: Callable[[State, datetime], Step]) -> Step: ...

    def find_orders(self, query: str) -> list[Found]:
        """The orders a search finds (`tui.domain.desk_search.match`), newest first."""
        return search_orders(self._repo.orders.values(), self.buyer, query)

    def pending_deadlines(self, order_id: str) -> list[Due]:
        """Every deadline the order waits on, with the time left now."""
        return desk.pending_deadlines(
            self.order(order_id), self.dispute_of(order_id), self.settings, self.now()
        )

    def refund_days(self, order_id: str) -> RefundDays | None:
        refund = self.refund_of(order_id)
        return None if refund is None else desk.refund_days(refund, self.settings, self.now())

    def replies(self, order_id: str) -> list[Reply]:
        """The replies that fit the order now (`tui.domain.desk_replies.replies`)."""
        facts = OrderFacts(
            order=self.order(order_id),
            refund=self.refund_of(order_id),
            dispute=self.dispute_of(order_id),
            actions=self.buyer_actions(order_id),
            reputation=self.reputation(),
            settings=self.settings,
            now=self.now(),
        )
        return replies(facts)

    def reply_text(self, order_id: str, reply: Reply, language: Language) -> str:
        """A reply in the customer's language, greeting them by the order's recipient."""
        return reply_text(Translator(language), reply, self.order(order_id).address.recipient)

    def check_desk_text(self, text: str) -> str:
        """The reply or note as it will be recorded; raises `InvalidMessage` otherwise."""
        return desk.clean_desk_text(text)

    def send_reply(self, order_id: str, text: str) -> None:
        """Record what the agent told the buyer; raises `InvalidMessage` for an empty or
        overlong text (nothing saved)."""
        self._record(order_id, EventKind.AGENT_REPLY, text)

    def add_note(self, order_id: str, text: str) -> None:
        """Record an internal note (the buyer never sees it)."""
        self._record(order_id, EventKind.AGENT_NOTE, text)

    def _record(self, order_id: str, kind: EventKind, text: str) -> None:
        desk.clean_desk_text(text)  # refuse before catching up with the clock
        self._act(lambda state, now: desk.record(state, order_id, kind, text, now))
