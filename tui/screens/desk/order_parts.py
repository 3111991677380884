"""The desk's order page as text: the facts in the agent's language, and what the buyer sees
in the customer's. The buyer's words come from the very functions the app's and the
website's pages draw with (`status_lines`, `notice_lines`, the action labels), so the desk
can't tell the agent something the buyer's screen doesn't say."""

from __future__ import annotations

from collections.abc import Iterator

from tui.domain.kinds import RefundStatus, Standing
from tui.domain.models import Event, Order
from tui.domain.wording import APP_LABELS, charged, payment_detail, reason_words, web_label
from tui.i18n import Translator
from tui.screens.order_details_parts import notice_lines, status_lines
from tui.service import OrderService
from tui.widgets.card import Line, row


def order_lines(t: Translator, service: OrderService, order: Order) -> Iterator[Line]:
    """Status, dates, items, amounts and the payment method."""
    yield Line(t("desk.section_order"), part="title")
    yield row(t("desk.status"), t(order.status.label_key), value_part="strong")
    yield row(t("desk.placed"), t.datetime(order.placed_at))
    for label, moment in (
        ("desk.paid", order.paid_at),
        ("desk.shipped", order.shipped_at),
        ("desk.closed", order.closed_at),
    ):
        if moment is not None:
            yield row(t(label), t.datetime(moment))
    for item in order.items:
        title = f"{item.quantity} × {item.title}"
        yield Line(title + (f" ({item.variant})" if item.variant else ""), before=0)
    yield row(t("desk.items_total"), t.money(order.subtotal))
    yield row(t("desk.shipping"), t.money(order.shipping))
    if order.discount.minor:
        yield row(t("desk.discount"), f"-{t.money(order.discount)}")
    yield row(t("desk.total"), t.money(order.total), part="strong", value_part="strong")
    method = t(order.payment_method.label_key)
    detail = payment_detail(order)
    method = f"{method} ({detail})" if detail else method
    if not charged(order):
        method = t("details.not_charged", method=method)
    yield row(t("desk.payment_method"), method)


def deadline_lines(t: Translator, service: OrderService, order: Order) -> Iterator[Line]:
    """Every deadline the order waits on, with the time left."""
    yield Line(t("desk.section_deadlines"), part="title")
    found = service.pending_deadlines(order.id)
    if not found:
        yield Line(t("desk.no_deadline"), part="muted")
    for due in found:
        yield Line(t(f"desk_due.{due.kind.value}"))
        left = t.duration(due.left)
        yield Line(t("desk.due_at", date=t.datetime(due.at), left=left), part="muted", indent=2)


def refund_lines(t: Translator, service: OrderService, order: Order) -> Iterator[Line]:
    """The refund: amount, where to, state, and the arrival window in (business) days."""
    yield Line(t("desk.section_refund"), part="title")
    refund, days = service.refund_of(order.id), service.refund_days(order.id)
    if refund is None or days is None:
        yield Line(t("desk.refund_none"), part="muted")
        return
    yield row(t("desk.refund_amount"), t.money(refund.amount), value_part="strong")
    yield row(t("desk.refund_method"), t(refund.method.label_key))
    yield row(t("desk.refund_status"), t(refund.status.label_key))
    yield row(t("desk.refund_started"), t.datetime(refund.created_at))
    window = f"{t.short_date(refund.expected_from)} – {t.short_date(refund.expected_by)}"
    yield row(t("desk.refund_window"), window)
    kind = "business" if days.business else "days"
    yield Line(t(f"desk.refund_range_{kind}", min=days.range_min, max=days.range_max), indent=2)
    if refund.status is RefundStatus.COMPLETED and refund.completed_at is not None:
        yield Line(t("desk.refund_arrived", date=t.short_date(refund.completed_at)), indent=2)
    elif days.late:
        yield Line(t("desk.refund_late"), part="warning", indent=2)
    else:
        left = t(f"desk.refund_left_{kind}", earliest=days.to_earliest, latest=days.to_latest)
        yield Line(left, part="strong", indent=2)


def buyer_lines(t: Translator, service: OrderService, order: Order) -> Iterator[Line]:
    """Who the buyer is, where the order goes, and their standing (cancellations)."""
    buyer, found = service.buyer, service.reputation()
    yield Line(t("desk.section_buyer"), part="title")
    yield Line(order.address.recipient, part="strong")
    yield row(t("desk.buyer_phone"), order.address.phone)
    yield Line(f"{order.address.street}, {order.address.city}, {order.address.country}")
    yield row(t("desk.buyer_level"), t(buyer.member_level.label_key))
    part = "text" if found.standing is Standing.GOOD else "warning"
    yield row(t("desk.standing"), t(found.standing.label_key), value_part=part)
    yield Line(t("desk.standing_count", count=found.count, days=found.window_days), indent=2)
    if found.lifts_at is not None:
        yield Line(t("desk.standing_lifts", date=t.datetime(found.lifts_at)), indent=2)


def store_lines(t: Translator, service: OrderService, order: Order) -> Iterator[Line]:
    store = service.store_of(order)
    yield Line(t("desk.section_store"), part="title")
    yield Line(store.name, part="strong")
    yield row(t("desk.store_rating"), t.percent_permille(service.store_rating(store)))
    yield row(t("desk.store_faults"), str(store.fault_cancellations))
    yield row(t("desk.store_reports"), str(store.reports))


def buyer_view_lines(
    t: Translator, customer: Translator, service: OrderService, order: Order
) -> Iterator[Line]:
    """What the buyer's app and website show for this order, in the customer's language:
    the status banner, the notice, and the buttons (app) and actions (website)."""
    language = t(f"desk.language_{customer.language.value}")
    yield Line(t("desk.section_sees", language=language), part="title")
    yield Line(t("desk.sees_status"), part="muted")
    for text, _ in status_lines(customer, service, order):
        yield Line(f"“{text}”", indent=2)
    notice = notice_lines(customer, service, order)
    if notice:
        yield Line(t("desk.sees_why"), part="muted")
        for line in notice:
            if line.text:
                yield Line(f"“{line.text}”", indent=2)
    actions = service.buyer_actions(order.id)
    path = service.cancel_path(order.id)
    none = t("desk.sees_none")
    app = ", ".join(f"[{customer(APP_LABELS[a])}]" for a in actions) or none
    web = ", ".join(f"[{customer(web_label(a, path))}]" for a in actions) or none
    yield row(t("desk.sees_app"), "")
    yield Line(app, indent=2)
    yield row(t("desk.sees_web"), "")
    yield Line(web, indent=2)


def timeline_lines(t: Translator, service: OrderService, order: Order) -> Iterator[Line]:
    """Every event of the order, newest first, the desk's replies and notes included."""
    yield Line(t("desk.section_timeline"), part="title")
    for index, event in enumerate(reversed(service.events_of(order.id))):
        yield from event_lines(t, event, first=index == 0)


def event_lines(t: Translator, event: Event, *, first: bool = False) -> Iterator[Line]:
    who = t(f"desk_actor.{event.actor.value}")
    yield Line(f"{t.datetime(event.at)} · {who}", part="strong", before=0 if first else 1)
    what = t(event.kind.label_key)
    said = False
    if event.reason is not None:
        key, values = reason_words(event.reason, event.note)
        what, said = f"{what}: {t(key, **values)}", bool(values)
    if event.amount is not None:
        what = f"{what}: {t.money(event.amount)}"
    yield Line(what, indent=2)
    if event.from_status is not event.to_status:
        change = f"{t(event.from_status.label_key)} → {t(event.to_status.label_key)}"
        yield Line(change, part="muted", indent=2)
    if event.note and not said:  # a reply's or note's lines as typed (blank ones left out)
        for text in event.note.splitlines():
            if text.strip():
                yield Line(text, part="note", indent=2)
