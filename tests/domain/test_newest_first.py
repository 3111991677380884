"""The kept newest-first order of the lists: always what sorting the orders afresh gives."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from tests.domain.factories import NOW, make_order
from tui.domain.models import Order
from tui.domain.newest_first import NewestFirst
from tui.domain.status import OrderStatus, OrderTab

IDS = [f"20000000000000{n:02d}" for n in range(10)]

orders = st.builds(
    make_order,
    st.sampled_from(OrderStatus),
    order_id=st.sampled_from(IDS),
    placed_at=st.integers(-3, 0).map(lambda d: NOW + timedelta(days=d)),  # ties on purpose
)
# Each step replaces the mapping, as every change does: an order put (new or changed) or gone.
steps = st.lists(st.tuples(st.booleans(), orders), max_size=30)


def sorted_afresh(mapping: dict[str, Order], tab: OrderTab) -> tuple[Order, ...]:
    chosen = [o for o in mapping.values() if tab is OrderTab.ALL or o.tab is tab]
    return tuple(sorted(chosen, key=lambda o: o.placed_at, reverse=True))


@given(steps)
def test_every_list_is_what_a_fresh_sort_gives(changes: list[tuple[bool, Order]]) -> None:
    kept = NewestFirst()
    mapping: dict[str, Order] = {}
    for remove, order in changes:
        mapping = dict(mapping)
        if remove:
            mapping.pop(order.id, None)
        else:
            mapping[order.id] = order
        for tab in OrderTab:
            assert kept.listed(mapping, tab) == sorted_afresh(mapping, tab)


def test_a_change_that_moves_no_order_sorts_nothing() -> None:
    kept = NewestFirst()
    mapping = {i: make_order(OrderStatus.AWAITING_SHIPMENT, order_id=i) for i in IDS}
    first = kept.ids(mapping)
    changed = mapping | {IDS[0]: make_order(OrderStatus.CANCELLED, order_id=IDS[0])}
    assert kept.ids(changed) is first
