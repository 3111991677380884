"""The illustrated guide (guide.en.md, guide.sw.md): the source article, step by step.

The article's structure — title, Option 1 (the website), the seller's response window (and
what follows a request: a refund still on its way at the bank, the seller refusing, the
buyer withdrawing), orders that cancel differently (not paid yet, cash on delivery), the
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

from tui.domain.rules import DISPUTE_GROUNDS
from tui.flow import Flow
from tui.i18n import Language, Translator
from tui.screenshots.sentences import DISPUTE, SENTENCES, SHIPPED
from tui.screenshots.steps import STEPS
from tui.screenshots.walk import Step

COMMAND = "cancel-order screenshots"

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


def sentences(t: Translator, flow: Flow) -> dict[str, str]:
    """Each step's sentence as Markdown: its own words escaped, the program's words bold."""
    return {
        slug: fill(t(said.key), **{name: bold(t(word)) for name, word in said.words.items()})
        for slug, said in SENTENCES[flow].items()
    }


def web_sentences(t: Translator) -> dict[str, str]:
    return sentences(t, Flow.WEB)


def app_sentences(t: Translator) -> dict[str, str]:
    return sentences(t, Flow.APP)


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
    out += ["", fill(t("guide.bank"), status=bold(t("refund_status.completed"))), ""]
    out += quoted(t, "after.bank_note")
    out += after_the_request(t)
    out += other_orders(t, hours)
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


def quoted(t: Translator, *keys: str) -> list[str]:
    """What the program says, word for word, as a quotation."""
    lines: list[str] = []
    for key in keys:
        lines += [">"] if lines else []
        lines.append(f"> {escape(t(key))}")
    return lines


def after_the_request(t: Translator) -> list[str]:
    """The seller refusing, and the buyer withdrawing: the two ways a request ends with the
    order shipped after all."""
    out = ["", f"### {escape(t('guide.refused_title'))}", ""]
    status, label = bold(t("status.awaiting_shipment")), bold(t("after.seller_says"))
    out += [fill(t("guide.refused"), status=status, label=label)]
    out += ["", f"### {escape(t('guide.withdraw_title'))}", ""]
    button, entry, more = bold(t("details.withdraw")), bold(t("web.withdraw")), bold(t("web.more"))
    out += [fill(t("guide.withdraw"), button=button, entry=entry, more=more), ""]
    return out + quoted(t, "withdraw.consequence", "withdraw.only_once")


def other_orders(t: Translator, hours: str) -> list[str]:
    """Orders that cancel differently: not paid yet (at once), cash on delivery."""
    out = ["", f"## {escape(t('guide.unpaid_title'))}", ""]
    out += [fill(t("guide.unpaid"), tab=bold(t("tab.to_pay"))), ""]
    out += quoted(t, "cancel_path.instant", "result.nothing_charged")
    out += ["", f"## {escape(t('guide.cod_title'))}", ""]
    out += [fill(t("guide.cod"), hours=hours), ""]
    return out + quoted(t, "status_meaning.awaiting_shipment_cod", "result.nothing_paid_cod")


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
