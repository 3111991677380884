"""The service's part for the trainer panel: the simulated clock, the seller's answers to
cancellation requests, and putting the demo data back. Mixed into
`tui.service.OrderService`, which screens call.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from tui.domain import seller as seller_rules
from tui.domain.clock import SimulatedClock, moved, parse_duration
from tui.domain.models import Order
from tui.domain.status import OrderStatus
from tui.domain.timeline import advance
from tui.service_errors import SaveFailed
from tui.service_results import ClockMove

if TYPE_CHECKING:
    from tui.domain.meta import Meta
    from tui.domain.settings import Settings
    from tui.domain.state import State, Step
    from tui.store.repository import Repository


class TrainerService:
    """The trainer's controls; needs `OrderService`'s plumbing."""

    _repo: Repository
    clock: SimulatedClock
    version: int

    if TYPE_CHECKING:

        @property
        def settings(self) -> Settings: ...

        @property
        def language(self) -> str: ...

        def now(self) -> datetime: ...

        def order(self, order_id: str) -> Order: ...

        def seller_deadline(self, order_id: str) -> datetime | None: ...

        def _act(self, action: Callable[[State, datetime], Step]) -> Step: ...

        def _save(self, step: Step, meta: Meta | None = None) -> None: ...

        def _sync(self) -> bool: ...

    def parse_duration(self, text: str) -> timedelta:
        """A typed span such as "2d 4h"; raises `InvalidDuration` with a catalog key."""
        return parse_duration(text)

    def advance_clock(self, span: timedelta) -> ClockMove:
        """Move the simulated clock forward and apply everything that falls due meanwhile.

        Raises `InvalidDuration` for a span of nothing or one past the clock's last date,
        `SaveFailed` if the move can't be saved (then the clock stays where it was)."""
        self._sync()
        before = self.now()
        after = moved(before, span)
        step = advance(self._repo.state(), after, self.settings)
        self._save(step, self._repo.meta.model_copy(update={"clock": after}))
        self.clock.set(after)
        return ClockMove(before, after, step.events)

    def pending_requests(self) -> list[Order]:
        """Orders awaiting the seller's answer, the most urgent first."""
        pending = [
            o for o in self._repo.orders.values() if o.status is OrderStatus.CANCELLATION_REQUESTED
        ]
        return sorted(pending, key=lambda o: (self.seller_deadline(o.id) or o.placed_at, o.id))

    def seller_agree(self, order_id: str) -> Order:
        self._act(lambda state, now: seller_rules.agree(state, order_id, now, self.settings))
        return self.order(order_id)

    def check_message(self, message: str) -> str:
        """The seller's message as it will be saved; raises `InvalidMessage`."""
        return seller_rules.clean_message(message)

    def seller_refuse(self, order_id: str, message: str) -> Order:
        self._act(lambda state, now: seller_rules.refuse(state, order_id, message, now))
        return self.order(order_id)

    def reset_demo(self) -> Path | None:
        """Put the bundled demo data back (keeping the language) and its clock with it.

        The file as it was (journal and all) is kept first as a numbered copy, whose path
        is returned for the panel to name (`trainer.reset_kept`). Raises `SaveFailed` if
        either can't be written: then nothing changed."""
        try:
            kept = self._repo.reset_to_demo(self.language)
        except OSError as error:
            raise SaveFailed.of(error) from None
        self.clock = SimulatedClock(self._repo.meta.clock)
        self.version += 1
        return kept
