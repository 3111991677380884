"""A desk reply in words: the reply's catalog entry in the customer's language, filled with
the order's facts, between a greeting and a sign-off. Pure (no Textual): unit-tested in
both languages, and what the desk's reply box starts from."""

from __future__ import annotations

from datetime import datetime

from tui.domain.desk_replies import At, Fact, Phrase, Reply
from tui.domain.money import Money
from tui.i18n import Translator


def fact_text(t: Translator, fact: Fact) -> str:
    """One fact in words: money as shoppers see it, a day ("Nov 20"), a moment with its
    time ("Nov 23, 2026, 10:00"), a nested catalog entry in the same language."""
    if isinstance(fact, Money):
        return t.money(fact)
    if isinstance(fact, At):
        return t.datetime(fact.moment)
    if isinstance(fact, datetime):
        return t.short_date(fact)
    if isinstance(fact, Phrase):
        return t(fact.key, **{name: fact_text(t, value) for name, value in fact.values.items()})
    return str(fact)


def reply_body(t: Translator, reply: Reply) -> str:
    """The reply's own words, filled in."""
    return t(reply.key, **{name: fact_text(t, value) for name, value in reply.values.items()})


def reply_text(t: Translator, reply: Reply, customer: str) -> str:
    """The whole message: greeting by first name, the reply, the sign-off."""
    first_name = customer.split()[0] if customer.split() else customer
    return t("reply.frame", name=first_name, body=reply_body(t, reply))
