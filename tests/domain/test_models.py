"""Money and order arithmetic: integer minor units, one currency, never negative."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from tui.domain.money import Money

amounts = st.integers(min_value=0, max_value=10**9)


@given(amounts, amounts)
def test_add_and_subtract(a: int, b: int) -> None:
    x, y = Money(minor=a, currency="USD"), Money(minor=b, currency="USD")
    assert (x + y).minor == a + b
    assert (x - y).minor == max(0, a - b)


@given(amounts, st.integers(min_value=1, max_value=999))
def test_times(a: int, quantity: int) -> None:
    assert Money(minor=a, currency="USD").times(quantity).minor == a * quantity


@pytest.mark.parametrize("bad", [{"minor": -1}, {"minor": 1.5}, {"minor": "12"}])
def test_money_refuses_negative_float_or_text(bad: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Money.model_validate({"currency": "USD", **bad})


def test_money_refuses_mixed_currencies() -> None:
    with pytest.raises(ValueError, match="USD with EUR"):
        Money(minor=1, currency="USD") + Money(minor=1, currency="EUR")
