"""Every catalog key the dispute screens build from domain values, and every error key the
dispute rules raise, exists in both languages; the article's grounds keep its words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tui.domain.deadlines import DeadlineKind
from tui.domain.dispute_due import BuyerAction, PlatformAction, SellerAction
from tui.domain.dispute_models import (
    ARTICLE_GROUNDS,
    DisputeGround,
    DisputeState,
    GroundGroup,
    OutcomeKind,
    Party,
    RequestType,
)
from tui.domain.models import Actor, EventKind
from tui.i18n import Language, load_catalog

DOMAIN = Path(__file__).resolve().parent.parent / "tui" / "domain"
WHY_NOT = [
    "not_shipped",
    "open",
    "completed",
    "closed",
    "cancelled_before",
    "ended_before",
    "not_paid",
    "too_early",
    "window_closed",
]


def built_keys() -> list[str]:
    keys = [g.label_key for g in DisputeGround] + [g.label_key for g in GroundGroup]
    keys += [r.label_key for r in RequestType] + [p.label_key for p in Party]
    keys += [s.label_key for s in DisputeState] + [s.meaning_key for s in DisputeState]
    keys += [o.label_key for o in OutcomeKind] + [a.label_key for a in BuyerAction]
    keys += [a.label_key for a in SellerAction] + [a.label_key for a in PlatformAction]
    keys += [k.label_key for k in DeadlineKind] + [k.label_key for k in EventKind]
    keys += [a.label_key for a in Actor] + [f"dispute_why_not.{w}" for w in WHY_NOT]
    keys += [f"tracking.{t}" for t in ("in_transit", "delivered", "no_info")]
    keys += [g.article_key for g in ARTICLE_GROUNDS if g.article_key]
    for counter in ("count_disputes", "count_completed", "count_received"):
        keys += [f"trainer.{counter}.one", f"trainer.{counter}.other"]
    return keys


def raised_keys() -> set[str]:
    """The `error.*` keys written out in the dispute rules' source."""
    names = ["delivery", "dispute_desk", "dispute_input", "dispute_settle", "disputes", "shipping"]
    found: set[str] = set()
    for name in names:
        found |= set(re.findall(r'"(error\.[a-z_]+)"', (DOMAIN / f"{name}.py").read_text()))
    problems = ["empty", "too_long", "path", "control", "spaces"]  # error.evidence_{problem}
    return found | {f"error.evidence_{p}" for p in problems}


@pytest.mark.parametrize("language", list(Language))
def test_dispute_keys_exist(language: Language) -> None:
    catalog = load_catalog(language)
    assert [k for k in built_keys() if k not in catalog] == []
    assert len(raised_keys()) > 20
    assert sorted(k for k in raised_keys() if k not in catalog) == []


def test_the_articles_grounds_keep_its_swahili_words() -> None:
    swahili = load_catalog(Language.SWAHILI)
    assert "namba ya kufuatilia" in swahili[DisputeGround.FAKE_TRACKING.label_key].lower()
    assert "mtu mwingine" in swahili[DisputeGround.FAKE_TRACKING.label_key]
    assert "ubora usiofaa" in swahili[DisputeGround.POOR_QUALITY.label_key]
    assert "kwa wakati" in swahili[DisputeGround.NOT_DELIVERED_ON_TIME.label_key]
