"""Every catalog key the new screens build from domain values exists in both languages."""

from __future__ import annotations

import pytest

from tui.domain.kinds import RefundMethod, RefundStatus, Standing
from tui.domain.models import Actor, EventKind, RequestOutcome
from tui.domain.rules import CancelPath
from tui.domain.timeline import DeadlineKind
from tui.i18n import Language, Translator, load_catalog


def built_keys() -> list[str]:
    keys = [k.label_key for k in EventKind] + [f"actor.{a.value}" for a in Actor]
    keys += [m.label_key for m in RefundMethod] + [s.label_key for s in RefundStatus]
    keys += [f"after.expect_{m.value}" for m in RefundMethod]
    keys += [f"outcome.{o.value}" for o in RequestOutcome]
    keys += [s.label_key for s in Standing] + [f"standing.explain_{s.value}" for s in Standing]
    keys += [f"reputation_warning.{s.value}" for s in Standing if s is not Standing.GOOD]
    keys += [d.label_key for d in DeadlineKind] + [p.explanation_key for p in CancelPath]
    for counter in ("count_closed", "count_verified", "count_refunds"):
        keys += [f"trainer.{counter}.one", f"trainer.{counter}.other"]
    keys += [f"trainer.preset_{p}" for p in ("hour", "day", "3days")]
    return keys


@pytest.mark.parametrize("language", list(Language))
def test_keys_built_from_domain_values_exist(language: Language) -> None:
    catalog = load_catalog(language)
    assert [k for k in built_keys() if k not in catalog] == []


@pytest.mark.parametrize(
    ("language", "one", "three"),
    [
        (Language.ENGLISH, "1 order closed automatically", "3 orders closed automatically"),
        (Language.SWAHILI, "Amri 1 imejifunga yenyewe", "Amri 3 zimejifunga zenyewe"),
    ],
)
def test_plural_forms(language: Language, one: str, three: str) -> None:
    t = Translator(language)
    assert t.plural("trainer.count_closed", 1) == one
    assert t.plural("trainer.count_closed", 3) == three
