"""The illustrated guide (guide.en.md, guide.sw.md): the source article, step by step.

The article's structure — title, Option 1 (the website), the seller's response window, the
reputation warning, the three dispute grounds and how to open a dispute on the website,
Option 2 (the app) and how to open one there — with every step a numbered sentence
followed by its picture. The sentences come from the catalogs, and the
words the program shows (buttons, tabs, reasons, results) from the same keys the screens
use, so the handout says what the program says. Catalog text is escaped for Markdown; only
this module adds Markdown (bold labels, lists, pictures).
"""

from __future__ import annotations

import re
import string

from tui.domain.dispute_models import ARTICLE_GROUNDS
from tui.domain.reasons import RECOMMENDED_REASON
from tui.domain.rules import DISPUTE_GROUNDS
from tui.flow import Flow
from tui.i18n import Language, Translator
from tui.screenshots.steps import STEPS
from tui.screenshots.walk import Step

COMMAND = "cancel-order screenshots"
SHIPPED = "shipped"
"""The slug of each flow's picture of the order that can't be cancelled (not a step of it)."""
DISPUTE = "dispute-"
"""The slugs of opening a dispute start so: the guide lists them after the shipped order."""

_MARKDOWN = re.compile(r"([\\`*_\[\]<>|#])")


def guide_file_name(language: Language) -> str:
    return f"guide.{language.value}.md"


def escape(text: str) -> str:
    """Catalog text as literal Markdown: no character of it turns into formatting."""
    return _MARKDOWN.sub(r"\\\1", text)


def bold(text: str) -> str:
    """A word the program shows on screen, as the guide quotes it."""
    return f"**{escape(text)}**"


def fill(template: str, **marked: str) -> str:
    """A catalog sentence: its own words escaped, its placeholders filled with Markdown."""
    parts = []
    for literal, field, _spec, _conversion in string.Formatter().parse(template):
        parts.append(escape(literal))
        if field is not None:
            parts.append(marked[field])
    return "".join(parts)


def web_sentences(t: Translator) -> dict[str, str]:
    return {
        "orders": fill(t("guide.web_orders"), page=bold(t("orders.title"))),
        "to-ship": fill(t("guide.web_to_ship"), tab=bold(t("tab.to_ship"))),
        "more": fill(t("guide.web_more"), more=bold(t("web.more"))),
        "cancel-request": fill(t("guide.web_cancel_request"), entry=bold(t("web.cancel_request"))),
        "select-here": fill(t("guide.web_select_here"), select=bold(t("web.select_here"))),
        "reason": fill(t("guide.web_reason"), reason=bold(t(RECOMMENDED_REASON.label_key))),
        "ok": fill(t("guide.web_ok"), ok=bold(t("web.ok"))),
        "result": fill(t("guide.web_result"), title=bold(t("result.request_title"))),
        SHIPPED: fill(t("guide.web_shipped"), entry=bold(t("web.cancel_request"))),
        "dispute-more": fill(
            t("guide.web_dispute_more"), more=bold(t("web.more")), entry=bold(t("web.open_dispute"))
        ),
        "dispute-form": fill(
            t("guide.web_dispute_form"),
            problem=bold(t("web.problem_label")),
            refund=bold(t("request_type.refund_only")),
            **article_grounds(t),
        ),
        "dispute-review": fill(t("guide.web_dispute_review"), next=bold(t("web.dispute_next"))),
        "dispute-result": fill(
            t("guide.web_dispute_result"),
            submit=bold(t("dispute_form.submit")),
            title=bold(t("dispute_result.title")),
        ),
    }


def app_sentences(t: Translator) -> dict[str, str]:
    return {
        "profile": fill(t("guide.app_profile"), account=bold(t("nav.account"))),
        "order-section": fill(t("guide.app_order_section"), tab=bold(t("tab.to_ship"))),
        "order-details": fill(t("guide.app_details"), page=bold(t("details.title"))),
        "cancel-button": fill(t("guide.app_cancel_button"), button=bold(t("details.cancel_order"))),
        "reasons": fill(t("guide.app_reasons"), reason=bold(t(RECOMMENDED_REASON.label_key))),
        "confirm": fill(t("guide.app_confirm"), confirm=bold(t("confirm.confirm"))),
        "result": fill(t("guide.app_result"), title=bold(t("result.request_title"))),
        SHIPPED: fill(t("guide.app_shipped"), button=bold(t("details.cancel_order"))),
        "dispute-order": fill(
            t("guide.app_dispute_order"),
            page=bold(t("details.title")),
            button=bold(t("app_action.open_dispute")),
        ),
        "dispute-grounds": fill(t("guide.app_dispute_grounds"), **article_grounds(t)),
        "dispute-details": fill(
            t("guide.app_dispute_details"), refund=bold(t("request_type.refund_only"))
        ),
        "dispute-review": fill(t("guide.app_dispute_review"), next=bold(t("dispute_form.next"))),
        "dispute-result": fill(
            t("guide.app_dispute_result"),
            submit=bold(t("dispute_form.submit")),
            title=bold(t("dispute_result.title")),
        ),
    }


def article_grounds(t: Translator) -> dict[str, str]:
    """The article's three grounds as the dispute form lists them, bold, by placeholder."""
    fake, quality, late = (bold(t(ground.label_key)) for ground in ARTICLE_GROUNDS)
    return {"fake": fake, "late": late, "quality": quality}


def guide_markdown(language: Language, flows: list[Flow], response_hours: int) -> str:
    """The guide for the pictures of `flows`, in `language`; the rules are always in it."""
    t = Translator(language)
    web, app = Flow.WEB in flows, Flow.APP in flows
    out = [f"# {escape(t('guide.title'))}", "", fill(t("guide.intro"), command=f"`{COMMAND}`")]
    if web:
        out += ["", f"## {escape(t('guide.web_title'))}", "", escape(t("guide.web_intro"))]
        out += numbered_steps(t, STEPS[Flow.WEB], web_sentences(t), language)
    hours = str(response_hours)
    out += ["", f"## {fill(t('guide.rule_title'), hours=hours)}", ""]
    out += [fill(t("guide.rule"), hours=hours), escape(t("result.auto_close")), ""]
    out += [escape(t("guide.refund_time")), ""]
    out += [f"- {escape(t(key))}" for key in ("refund.time_card", "refund.time_wallet")]
    out += ["", f"## {escape(t('guide.important_title'))}", ""]
    out += [f"{escape(t('result.reputation'))} {escape(t('guide.reputation_more'))}"]
    out += ["", f"## {escape(t('guide.shipped_title'))}", "", escape(t("guide.shipped_intro")), ""]
    out += [f"> {escape(t('cancel_path.dispute_only'))}", ">"]
    out += [f"> - {escape(t('dispute.' + ground))}" for ground in DISPUTE_GROUNDS]
    out += ["", escape(t("guide.dispute_outcome"))]
    if web:
        out += shipped_picture(t, STEPS[Flow.WEB], web_sentences(t), language)
        out += ["", escape(t("guide.web_dispute_intro"))]
        out += numbered_steps(t, STEPS[Flow.WEB], web_sentences(t), language, dispute=True)
    if app:
        out += ["", f"## {escape(t('guide.app_title'))}"]
        out += numbered_steps(t, STEPS[Flow.APP], app_sentences(t), language)
        out += shipped_picture(t, STEPS[Flow.APP], app_sentences(t), language)
        intro = fill(t("guide.app_dispute_intro"), button=bold(t("app_action.open_dispute")))
        out += ["", intro]
        out += numbered_steps(t, STEPS[Flow.APP], app_sentences(t), language, dispute=True)
    return "\n".join(out) + "\n"


def numbered_steps(
    t: Translator,
    steps: tuple[Step, ...],
    sentences: dict[str, str],
    language: Language,
    *,
    dispute: bool = False,
) -> list[str]:
    """`1. Sentence.` and, indented under it, the picture: one list item per step of
    cancelling, or (``dispute``) of opening a dispute."""
    lines: list[str] = []
    for step in steps:
        if step.slug == SHIPPED or step.slug.startswith(DISPUTE) != dispute:
            continue
        lines += ["", f"{step.number}. {sentences[step.slug]}", ""]
        lines.append(f"   {image(t, step, language)}")
    return lines


def shipped_picture(
    t: Translator, steps: tuple[Step, ...], sentences: dict[str, str], language: Language
) -> list[str]:
    step = next(step for step in steps if step.slug == SHIPPED)
    return ["", sentences[SHIPPED], "", image(t, step, language)]


def image(t: Translator, step: Step, language: Language) -> str:
    """The picture, by a link relative to the guide (both live in the same folder)."""
    if step.slug == SHIPPED:
        alt = t("guide.shipped_picture")
    else:
        alt = t("guide.picture", number=step.number)
    return f"![{escape(alt)}]({step.file_name(language)})"
