"""The notice a tab shows instead of the app when the trainee's file is open elsewhere."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from tui.i18n import Language, Translator
from tui.serve.notice import NoticeApp


@pytest.mark.parametrize("language", [Language.ENGLISH, Language.SWAHILI])
async def test_the_notice_says_so_and_offers_the_way_back(language: Language) -> None:
    t = Translator(language)
    app = NoticeApp("serve.in_use", "amina-juma", language, "")
    opened: list[tuple[str, bool]] = []
    app.open_url = lambda url, *, new_tab=True: opened.append((url, new_tab))  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        assert str(app.query_one("#title", Static).render()) == t("serve.in_use_title")
        message = str(app.query_one("#message", Static).render())
        assert message == t("serve.in_use", name="amina-juma")
        await pilot.press("enter")  # "Try again" has the focus
        await pilot.press("tab", "enter")  # "Another name"
        await pilot.pause()
    lang = language.value
    assert opened == [(f"/?name=amina-juma&lang={lang}", False), (f"/?lang={lang}", False)]


async def test_a_file_that_cannot_be_opened_says_why_as_plain_text() -> None:
    app = NoticeApp("serve.cannot_open", "amina", None, "amina.json: [b]odd[/b]")
    async with app.run_test(size=(80, 24)):
        assert not app.query("#title")
        message = str(app.query_one("#message", Static).render())
        assert message.endswith("amina.json: [b]odd[/b]")
