"""The key bar: the keys that apply, in the current language, and a click presses one."""

from __future__ import annotations

from pathlib import Path

from tests.flows.helpers import make_app
from tui.screens.orders import OrdersScreen
from tui.widgets.key_footer import KeyFooter


def bar_text(footer: KeyFooter) -> str:
    return footer.render().plain


async def test_the_bar_lists_the_screens_keys_and_follows_the_language(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        assert "All orders" in bar_text(footer) and "Quit" in bar_text(footer)
        assert "Back" not in bar_text(footer), "the first page has nowhere to go back to"
        await pilot.press("f2")
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        assert "Toka" in bar_text(footer) and "Quit" not in bar_text(footer)


async def test_a_click_on_a_key_presses_it_and_between_keys_does_nothing(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        footer, profile = app.screen.query_one(KeyFooter), app.screen
        text = bar_text(footer)
        assert "Commands" in text, "the palette key sits at the right when there is room"
        await pilot.click(KeyFooter, offset=(text.index(" ^p") - 1, 0))  # the gap before it
        await pilot.pause()
        assert app.screen is profile
        await pilot.click(KeyFooter, offset=(text.index("All orders"), 0))
        await pilot.pause()
        assert isinstance(app.screen, OrdersScreen)


async def test_hovering_a_key_lights_it(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        plain = footer.render()
        await pilot.hover(KeyFooter, offset=(bar_text(footer).index("Quit"), 0))
        await pilot.pause()
        lit = footer.render()
        assert lit.plain == plain.plain and lit.spans != plain.spans


async def test_keys_that_do_not_fit_are_left_out_whole(db_path: Path) -> None:
    app = make_app(db_path, "sw")
    async with app.run_test(size=(70, 24)) as pilot:
        await pilot.press("o")
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        text = bar_text(footer).rstrip()
        name = app.translator.key_name
        shown = [
            name(b.description, b.action)
            for _, b, _, _ in app.screen.active_bindings.values()
            if b.show and name(b.description, b.action)
        ]
        assert len(text) <= 70 and len(shown) > 4
        assert any(text.endswith(description) for description in shown), f"cut: {text!r}"


async def test_the_bar_redraws_only_when_its_keys_change(db_path: Path) -> None:
    """Textual signals after every focus move; the same keys drawn again cost a frame."""
    app = make_app(db_path, "en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        bar_text(footer)
        redraws: list[bool] = []
        redraw = footer.refresh
        footer.refresh = lambda *a, **k: redraws.append(True) or redraw(*a, **k)  # type: ignore[method-assign]
        app.screen.refresh_bindings()
        await pilot.pause()
        assert redraws == []
        await pilot.press("right")  # the next tile: the same keys, nothing to redraw
        await pilot.pause()
        assert redraws == []


async def test_a_dialog_offers_the_apps_keys_too(db_path: Path) -> None:
    """Textual hides the app's keys under a modal screen: every dialog offers F2, F3 and
    F4 itself, so the language can be switched in the middle of a step."""
    from tests.conftest import PAID_ORDER
    from tests.flows.web_helpers import highlight_order, make_web_app, open_web_tab
    from tui.domain.status import OrderTab
    from tui.screens.web.order_menu import OrderMenuScreen

    app = make_web_app(db_path, "en")
    async with app.run_test(size=(120, 30)) as pilot:
        await open_web_tab(pilot, OrderTab.TO_SHIP)
        await highlight_order(pilot, PAID_ORDER)
        await pilot.press("m")
        await pilot.pause()
        menu = app.screen
        assert isinstance(menu, OrderMenuScreen)
        text = bar_text(menu.query_one(KeyFooter))
        assert "f2" in text and "f3" in text and "f4" in text
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen is menu, "the menu stays open"
        from textual.widgets import OptionList

        prompt = menu.query_one(OptionList).get_option("cancel").prompt
        assert str(prompt) == "Ombi la kufuta amri"
