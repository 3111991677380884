"""Text and parts of the trainer panel, split out to keep the screen file about behaviour."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from tui.domain.models import Order
from tui.domain.wording import reason_words
from tui.i18n import Translator
from tui.service import ClockMove, OrderService
from tui.widgets.rows import InfoRow
from tui.widgets.trainer import PendingItem


def move_report(t: Translator, move: ClockMove) -> list[str]:
    """What a clock move changed: a headline, counts, then one line per change."""
    lines = [
        t("trainer.moved", span=t.duration(move.after - move.before), now=t.datetime(move.after))
    ]
    figures = {
        "trainer.count_closed": move.closed_automatically,
        "trainer.count_verified": move.payments_verified,
        "trainer.count_refunds": move.refunds_completed,
        "trainer.count_disputes": move.dispute_steps,
        "trainer.count_completed": move.orders_completed,
        "trainer.count_received": move.receipts_confirmed,
    }
    chosen = [t.plural(key, figure) for key, figure in figures.items() if figure]
    lines.append(" · ".join(chosen) if chosen else t("trainer.nothing_changed"))
    for event in move.events:
        lines.append(
            t(
                "trainer.change_line",
                when=t.datetime(event.at),
                order=event.order_id,
                what=t(event.kind.label_key),
            )
        )
    return lines


def pending_item(t: Translator, service: OrderService, order: Order) -> PendingItem:
    """One order awaiting the seller: number, store, amount; reason; time left."""
    store = service.store_of(order)
    what = f"{order.id} · {store.name} · {t.money(order.total)}"
    request = order.cancellation
    why = ""
    if request is not None:  # the reason, and the buyer's note: the trainer answers for
        key, values = reason_words(request.reason, request.note)  # the seller who reads it
        why = t(key, **values)
        if request.note and not values:
            why = f"{why} · {t('trainer.buyer_note', note=request.note)}"
    if request is not None and request.reason.blames_seller:
        why = f"{why}  ⚠ {t('trainer.blames_seller')}"
    countdown = service.countdown(order.id)
    when = ""
    if countdown is not None:
        when = t(
            "trainer.closes_itself",
            left=t.duration(countdown.left),
            date=t.datetime(countdown.at),
        )
    return PendingItem(order.id, what, why, when)


def compose_people(t: Translator, service: OrderService) -> ComposeResult:
    """The buyer's standing and wallet, and each store's shown rating, to see the effects."""
    found = service.reputation()
    with Vertical(id="people-section", classes="trainer-section"):
        yield Static(Content(t("trainer.people")), classes="trainer-heading")
        standing = t(
            "trainer.standing_line",
            standing=t(found.standing.label_key),
            count=found.count,
            days=found.window_days,
        )
        yield InfoRow(service.buyer.name, standing)
        yield InfoRow(t("profile.wallet"), t.money(service.buyer.wallet))
        for store in service.stores():
            rating = t.percent_permille(service.store_rating(store))
            yield InfoRow(
                store.name,
                t(
                    "trainer.store_line",
                    rating=rating,
                    faults=store.fault_cancellations,
                    reports=store.reports,
                ),
            )
