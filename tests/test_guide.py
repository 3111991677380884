"""The illustrated guide follows the source article and says what the program says."""

from __future__ import annotations

import re

import pytest

from tui.domain.reasons import RECOMMENDED_REASON
from tui.domain.rules import DISPUTE_GROUNDS
from tui.flow import Flow
from tui.i18n import Language, Translator
from tui.screenshots.capture import planned_files
from tui.screenshots.guide import escape, fill, guide_markdown
from tui.screenshots.steps import STEPS

BOTH = [Flow.WEB, Flow.APP]
PICTURE = re.compile(r"!\[[^\]]*\]\(([^)]+)\)")


def headings(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("#")]


@pytest.mark.parametrize("language", list(Language), ids=lambda lang: lang.value)
def test_the_article_structure(language: Language) -> None:
    t = Translator(language)
    guide = guide_markdown(language, BOTH, 72)
    assert headings(guide) == [
        f"# {t('guide.title')}",
        f"## {t('guide.web_title')}",
        f"## {t('guide.rule_title', hours=72)}",
        f"### {t('guide.refused_title')}",
        f"### {escape(t('guide.withdraw_title'))}",
        f"## {t('guide.unpaid_title')}",
        f"## {t('guide.cod_title')}",
        f"## {t('guide.important_title')}",
        f"## {t('guide.shipped_title')}",
        f"## {t('guide.app_title')}",
    ]
    for ground in DISPUTE_GROUNDS:
        assert escape(t(f"dispute.{ground}")) in guide
    assert escape(t("result.reputation")) in guide
    assert escape(t("result.auto_close")) in guide


@pytest.mark.parametrize("language", list(Language), ids=lambda lang: lang.value)
def test_every_step_is_a_numbered_sentence_then_its_picture(language: Language) -> None:
    guide = guide_markdown(language, BOTH, 72)
    lines = guide.splitlines()
    assert PICTURE.findall(guide) == planned_files([language], BOTH)
    for flow in BOTH:
        for step in STEPS[flow]:
            at = next(i for i, line in enumerate(lines) if step.file_name(language) in line)
            sentence = lines[at - 2]
            if step.slug != "shipped":
                assert sentence.startswith(f"{step.number}. "), (step.name, sentence)
            assert sentence.endswith("."), (step.name, sentence)


@pytest.mark.parametrize("language", list(Language), ids=lambda lang: lang.value)
def test_the_guide_quotes_the_programs_own_words(language: Language) -> None:
    t = Translator(language)
    guide = guide_markdown(language, BOTH, 72)
    for key in ("tab.to_ship", "web.more", "web.cancel_request", "web.select_here", "web.ok"):
        assert f"**{escape(t(key))}**" in guide, key
    for key in ("details.cancel_order", "confirm.confirm", "result.request_title"):
        assert f"**{escape(t(key))}**" in guide, key
    assert f"**{escape(t(RECOMMENDED_REASON.label_key))}**" in guide


def test_one_flow_leaves_the_other_out_but_keeps_the_rules() -> None:
    t = Translator(Language.ENGLISH)
    guide = guide_markdown(Language.ENGLISH, [Flow.APP], 48)
    assert t("guide.web_title") not in guide and t("guide.app_title") in guide
    assert PICTURE.findall(guide) == planned_files([Language.ENGLISH], [Flow.APP])
    assert f"## {t('guide.rule_title', hours=48)}" in guide


def test_catalog_text_cannot_turn_into_markdown() -> None:
    assert escape("a*b_c [d](e) <f> `g` #h |i \\") == (r"a\*b\_c \[d\](e) \<f\> \`g\` \#h \|i \\")
    assert fill("Click {label} *now*.", label="**OK**") == r"Click **OK** \*now\*."


@pytest.mark.parametrize("language", list(Language), ids=lambda lang: lang.value)
def test_the_cases_beside_the_article_are_in_it(language: Language) -> None:
    """Issue 16, item 23: the instant cancel of an unpaid order, withdrawing, the seller
    refusing, cash on delivery, and a refund completed but not yet at the bank — each in
    the program's own words."""
    t = Translator(language)
    guide = guide_markdown(language, BOTH, 72)
    for key in (
        "cancel_path.instant",
        "result.nothing_charged",
        "withdraw.consequence",
        "withdraw.only_once",
        "status_meaning.awaiting_shipment_cod",
        "result.nothing_paid_cod",
        "after.bank_note",
    ):
        assert f"> {escape(t(key))}" in guide, key
    for key in ("details.withdraw", "web.withdraw", "status.awaiting_shipment", "tab.to_pay"):
        assert f"**{escape(t(key))}**" in guide, key
    assert f"**{escape(t('refund_status.completed'))}**" in guide
    assert fill(t("guide.cod"), hours="72") in guide


@pytest.mark.parametrize("language", list(Language), ids=lambda lang: lang.value)
def test_both_flows_show_how_to_open_a_dispute_on_the_articles_grounds(language: Language) -> None:
    """After each flow's shipped order: the dispute steps, numbered, quoting the program's
    words, the article's three grounds as the form lists them among them."""
    from tui.domain.dispute_models import ARTICLE_GROUNDS

    t = Translator(language)
    guide = guide_markdown(language, BOTH, 72)
    for key in ("web.open_dispute", "app_action.open_dispute", "dispute_result.title"):
        assert f"**{escape(t(key))}**" in guide, key
    for ground in ARTICLE_GROUNDS:
        assert guide.count(f"**{escape(t(ground.label_key))}**") == 2  # once in each flow
    pictures = PICTURE.findall(guide)
    for flow in BOTH:
        slugs = [step.slug for step in STEPS[flow]]
        shipped = slugs.index("shipped")
        assert slugs[shipped + 1 :] and all(s.startswith("dispute-") for s in slugs[shipped + 1 :])
        first = STEPS[flow][shipped + 1].file_name(language)
        assert pictures.index(first) == pictures.index(STEPS[flow][shipped].file_name(language)) + 1
