"""The desk's pure rules: finding an order, deadlines, refund days, replies filled in both
languages, and the desk's records (issue 18)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import PAID_ORDER, PENDING_ORDER, SHIPPED_ORDER
from tui.desk_words import reply_text
from tui.domain.desk import business_days_between, clean_desk_text
from tui.domain.desk_search import MatchedBy, match, search_orders
from tui.domain.errors import InvalidMessage
from tui.domain.refunds import add_business_days
from tui.i18n import Language, Translator
from tui.service import open_service
from tui.store.load import load_snapshot

REFUNDED_CARD = "8197345062079216"  # cancelled, card refund processing


def test_search_by_each_key(db_path: Path) -> None:
    data = load_snapshot(db_path)
    orders, buyer = list(data.orders.values()), data.buyer
    assert [f.order.id for f in search_orders(orders, buyer, PAID_ORDER)] == [PAID_ORDER]
    assert search_orders(orders, buyer, PAID_ORDER)[0].by is MatchedBy.NUMBER
    (last,) = search_orders(orders, buyer, PAID_ORDER[-5:])
    assert (last.order.id, last.by) == (PAID_ORDER, MatchedBy.LAST_DIGITS)
    by_name = search_orders(orders, buyer, "  amina ")
    assert len(by_name) == len(orders) and {f.by for f in by_name} == {MatchedBy.NAME}
    assert search_orders(orders, buyer, "Amína JUMA")  # accents and case ignored
    for phone in ("+255 712 345 678", "0712 345 678", "345678"):
        found = search_orders(orders, buyer, phone)
        assert len(found) == len(orders) and {f.by for f in found} == {MatchedBy.PHONE}
    assert search_orders(orders, buyer, "Baraka") == []
    assert search_orders(orders, buyer, "12") == []  # too few digits for either key
    assert len(search_orders(orders, buyer, "")) == len(orders)
    placed = [f.order.placed_at for f in search_orders(orders, buyer, "")]
    assert placed == sorted(placed, reverse=True)


@given(st.integers(min_value=3, max_value=16))
def test_any_last_digits_find_the_order(length: int) -> None:
    data = load_snapshot(Path(__file__).parents[2] / "data" / "demo.json")
    order = data.orders[PAID_ORDER]
    assert match(order, data.buyer, PAID_ORDER[-length:]) is not None


@given(
    st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 1)),
    st.integers(min_value=0, max_value=40),
)
def test_business_days_between_undoes_adding_them(start: datetime, days: int) -> None:
    start = start.replace(tzinfo=UTC)
    assert business_days_between(start, add_business_days(start, days)) == days


def test_deadlines_list_every_one_soonest_first(db_path: Path) -> None:
    service = open_service(db_path)
    (pending,) = service.pending_deadlines(PENDING_ORDER)
    assert pending.at == service.seller_deadline(PENDING_ORDER)
    assert pending.left == pending.at - service.now()
    shipped = service.pending_deadlines(SHIPPED_ORDER)
    assert shipped and [d.at for d in shipped] == sorted(d.at for d in shipped)
    countdown = service.countdown(SHIPPED_ORDER)
    assert countdown is not None and shipped[0].kind is countdown.kind


def test_card_refund_reply_in_both_languages(db_path: Path) -> None:
    service = open_service(db_path)
    reply = service.replies(REFUNDED_CARD)[0]
    assert reply.id == "refund_on_way"
    refund = service.refund_of(REFUNDED_CARD)
    assert refund is not None
    english = service.reply_text(REFUNDED_CARD, reply, Language.ENGLISH)
    assert english.startswith("Hello Amina,")
    assert "Your refund of US $19.38" in english and "3–20 business days" in english
    assert (
        f"expect it between Nov 20 and {refund.expected_by:%b} {refund.expected_by.day}" in english
    )
    swahili = service.reply_text(REFUNDED_CARD, reply, Language.SWAHILI)
    assert swahili.startswith("Habari Amina,")
    assert "US$\u00a019.38" in swahili and "siku 3–20 za kazi" in swahili
    days = service.refund_days(REFUNDED_CARD)
    assert days is not None and days.business and (days.range_min, days.range_max) == (3, 20)


def test_every_demo_order_has_replies_that_fill_in_both_languages(db_path: Path) -> None:
    service = open_service(db_path)
    for order_id in service.repository.orders:
        found = service.replies(order_id)
        assert found[-1].id == "status"
        for reply in found:
            for language in Language:
                text = reply_text(Translator(language), reply, "Amina Juma")
                assert "{" not in text and order_id in text


def test_replies_fit_the_state(db_path: Path) -> None:
    service = open_service(db_path)
    ids = {
        order_id: [r.id for r in service.replies(order_id)]
        for order_id in service.repository.orders
    }
    assert "cancel_request" in ids[PAID_ORDER]
    assert "pending" in ids[PENDING_ORDER] and "cancel_request" not in ids[PENDING_ORDER]
    assert "shipped" in ids[SHIPPED_ORDER] and "cancel_request" not in ids[SHIPPED_ORDER]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("  ", "desk.error_empty"),
        ("x" * 2001, "desk.error_too_long"),
        ("a\x1bb", "desk.error_control"),
    ],
)
def test_desk_text_is_checked(text: str, key: str) -> None:
    with pytest.raises(InvalidMessage) as raised:
        clean_desk_text(text)
    assert raised.value.key == key
    assert clean_desk_text(" line one\nline two ") == "line one\nline two"


def test_a_note_is_recorded_and_the_order_left_alone(db_path: Path) -> None:
    service = open_service(db_path)
    before = service.order(PAID_ORDER)
    service.add_note(PAID_ORDER, "Called the buyer")
    service.close()
    data = load_snapshot(db_path)
    assert data.orders[PAID_ORDER] == before
    last = [e for e in data.events if e.order_id == PAID_ORDER][-1]
    assert (last.kind.value, last.actor.value, last.note) == (
        "agent_note",
        "agent",
        "Called the buyer",
    )
    assert last.at == service.now()
