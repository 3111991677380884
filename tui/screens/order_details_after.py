"""The order details lines about what came after a cancel: the answer, the refund, the history."""

from __future__ import annotations

from collections.abc import Iterator

from tui.domain.kinds import RefundMethod, RefundStatus
from tui.domain.models import Event, Order, RequestOutcome
from tui.domain.wording import reason_words
from tui.i18n import Translator
from tui.service import OrderService
from tui.widgets.card import Line, row

STEP_MARKS = {"done": "✓", "current": "●", "todo": "○"}
STEP_PARTS = {  # (mark, label, value) parts of a progress step in each state
    "done": ("done", "text", "muted"),
    "current": ("accent", "lead", "muted"),
    "todo": ("muted", "muted", "muted"),
}


def request_outcome_lines(t: Translator, order: Order) -> Iterator[Line]:
    """How the cancellation request ended, with the seller's message if they refused."""
    request = order.cancellation
    if request is None or request.outcome is None:
        return
    yield row(t("after.outcome"), t(f"outcome.{request.outcome.value}"))
    if request.answered_at is not None:
        yield row(t("after.answered_at"), t.datetime(request.answered_at))
    if request.outcome is RequestOutcome.REFUSED and request.seller_message:
        yield Line(t("after.seller_says"), part="title")
        yield Line(request.seller_message, part="callout", fill=True)
    if request.seller_reported:
        yield Line(t("after.reported"), part="muted")


def step(state: str, label: str, value: str = "") -> Line:
    """A refund's step: done (✓), current (●) or to come (○), with its date on the right."""
    mark, text, when = STEP_PARTS[state]
    return Line(label, value, part=text, value_part=when, mark=STEP_MARKS[state], mark_part=mark)


def refund_lines(t: Translator, service: OrderService, order: Order) -> Iterator[Line]:
    """The refund: how much, to where, and how far along it is."""
    refund = service.refund_of(order.id)
    if refund is None:
        return
    yield Line(t("after.refund"), part="title")
    yield row(t("after.refund_amount"), t.money(refund.amount), part="strong", value_part="strong")
    method = t(refund.method.label_key)
    if refund.method is RefundMethod.CARD and order.payment_detail:
        method = f"{method} ({order.payment_detail})"
    yield row(t("after.refund_to"), method)
    yield row(t("after.refund_status"), t(refund.status.label_key), value_part="accent")
    window = t(
        "after.window",
        start=t.short_date(refund.expected_from),
        end=t.short_date(refund.expected_by),
    )
    done = refund.status is RefundStatus.COMPLETED
    yield step("done", t("after.step_started"), t.datetime(refund.created_at))
    yield step("done" if done else "current", t("after.step_processing"))
    yield step(
        "done" if done else "todo",
        t("after.step_arrived" if done else "after.step_expected"),
        t.datetime(refund.completed_at) if refund.completed_at else window,
    )
    if done and refund.method is RefundMethod.CARD:
        yield Line(t("after.bank_note"), part="muted")
    elif not done:
        yield Line(t(f"after.expect_{refund.method.value}"), part="muted")


def event_lines(t: Translator, event: Event, *, newest: bool) -> Iterator[Line]:
    """`● Nov 20, 10:00 · You` over what happened, the status change and any note."""
    yield Line(
        f"● {t.datetime(event.at)} · {t(f'actor.{event.actor.value}')}",
        part=("lead" if newest else "muted"),
    )
    what = t(event.kind.label_key)
    note_said = False
    if event.reason is not None:
        key, values = reason_words(event.reason, event.note)
        what = f"{what}: {t(key, **values)}"
        note_said = bool(values)  # "Other": the note is the reason
    if event.amount is not None:
        what = f"{what}: {t.money(event.amount)}"
    yield Line(what, indent=2)
    if event.from_status is not event.to_status:
        change = f"{t(event.from_status.label_key)} → {t(event.to_status.label_key)}"
        yield Line(change, part="muted", indent=2)
    if event.note and not note_said:
        yield Line(f"“{event.note}”", part="note", indent=2)
    yield Line("")


def history_lines(t: Translator, service: OrderService, order: Order) -> Iterator[Line]:
    """Every change of the order, newest first (the support desk's own records aside)."""
    events = [e for e in reversed(service.events_of(order.id)) if not e.kind.desk_only]
    if not events:
        return
    yield Line(t("after.history"), part="title")
    for index, event in enumerate(events):
        yield from event_lines(t, event, newest=index == 0)
