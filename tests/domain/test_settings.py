"""Settings have bounds and ordered ranges; the DB's one-line error comes from these."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from tui.domain.settings import Settings


def test_defaults_are_the_marketplace_figures() -> None:
    s = Settings()
    assert (s.seller_response_hours, s.processing_days, s.payment_verification_hours) == (72, 7, 24)
    assert (s.refund_card_min_business_days, s.refund_card_max_business_days) == (3, 20)
    assert (s.refund_wallet_min_days, s.refund_wallet_max_days) == (1, 2)
    assert s.reputation_window_days == 30
    assert (s.reputation_warn_at, s.reputation_restrict_at, s.reputation_block_at) == (3, 5, 8)


@pytest.mark.parametrize(
    "bad",
    [
        {"seller_response_hours": 0},
        {"processing_days": 61},
        {"payment_window_hours": -1},
        {"refund_card_min_business_days": 0},
        {"reputation_window_days": 366},
        {"seller_fault_penalty_permille": 101},
        {"processing_days": 7.5},
        {"processing_days": "7"},
        {"refund_wallet_min_days": 3, "refund_wallet_max_days": 2},
        {"reputation_warn_at": 6},
        {"reputation_restrict_at": 9},
        {"unknown_setting": 1},
    ],
)
def test_out_of_range_settings_are_refused(bad: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Settings.model_validate(bad)
