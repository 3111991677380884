"""The order details parts about what came after a cancel: the answer, the refund, the history."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from tui.domain.models import Event, Order, RefundMethod, RefundStatus, RequestOutcome
from tui.i18n import Translator
from tui.service import OrderService
from tui.widgets.rows import InfoRow, Section
from tui.widgets.timeline import ProgressSteps, StepText, TimelineEntry, TimelineText


def compose_request_outcome(t: Translator, order: Order) -> ComposeResult:
    """How the cancellation request ended, with the seller's message if they refused."""
    request = order.cancellation
    if request is None or request.outcome is None:
        return
    yield InfoRow(t("after.outcome"), t(f"outcome.{request.outcome.value}"))
    if request.answered_at is not None:
        yield InfoRow(t("after.answered_at"), t.datetime(request.answered_at))
    if request.outcome is RequestOutcome.REFUSED and request.seller_message:
        yield Static(
            Content(t("after.seller_says")), classes="section-title", id="seller-reply-title"
        )
        yield Static(Content(request.seller_message), id="seller-reply")
    if request.seller_reported:
        yield Static(Content(t("after.reported")), classes="muted")


def compose_refund(t: Translator, service: OrderService, order: Order) -> ComposeResult:
    """The refund: how much, to where, and how far along it is."""
    refund = service.refund_of(order.id)
    if refund is None:
        return
    with Section(id="refund"):
        yield Static(Content(t("after.refund")), classes="section-title")
        yield InfoRow(t("after.refund_amount"), t.money(refund.amount), classes="-strong")
        method = t(refund.method.label_key)
        if refund.method is RefundMethod.CARD and order.payment_detail:
            method = f"{method} ({order.payment_detail})"
        yield InfoRow(t("after.refund_to"), method)
        yield InfoRow(t("after.refund_status"), t(refund.status.label_key), classes="-accent")
        window = t(
            "after.window",
            start=t.short_date(refund.expected_from),
            end=t.short_date(refund.expected_by),
        )
        done = refund.status is RefundStatus.COMPLETED
        steps = [
            StepText("done", t("after.step_started"), t.datetime(refund.created_at)),
            StepText("done" if done else "current", t("after.step_processing")),
            StepText(
                "done" if done else "todo",
                t("after.step_arrived" if done else "after.step_expected"),
                t.datetime(refund.completed_at) if refund.completed_at else window,
            ),
        ]
        yield ProgressSteps(steps, id="refund-steps")
        if done and refund.method is RefundMethod.CARD:
            yield Static(Content(t("after.bank_note")), classes="muted")
        elif not done:
            yield Static(Content(t(f"after.expect_{refund.method.value}")), classes="muted")


def timeline_text(t: Translator, event: Event) -> TimelineText:
    change = ""
    if event.from_status is not event.to_status:
        change = f"{t(event.from_status.label_key)} → {t(event.to_status.label_key)}"
    what = t(event.kind.label_key)
    if event.reason is not None:
        what = f"{what}: {t(event.reason.label_key)}"
    return TimelineText(
        when=t.datetime(event.at),
        who=t(f"actor.{event.actor.value}"),
        what=what,
        change=change,
        note=event.note,
    )


def compose_history(t: Translator, service: OrderService, order: Order) -> ComposeResult:
    """Every change of the order, newest first."""
    events = list(reversed(service.events_of(order.id)))
    if not events:
        return
    with Section(id="history"):
        yield Static(Content(t("after.history")), classes="section-title")
        for index, event in enumerate(events):
            yield TimelineEntry(timeline_text(t, event), first=index == 0)
