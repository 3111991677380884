"""The cancel flow's sheets and result page are kept once built and refilled for the next
order (`Kept`): a refilled one must show exactly what a new one would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.conftest import PAID_ORDER, VERIFYING_ORDER
from tests.flows.helpers import make_app, open_order_from_profile, stored_order
from tui.app import CancelOrderApp
from tui.screens.base import Kept

SIZE = (100, 40)
KEYS = ("c", "down", "down", "enter", "tab", *"a note [x]", "ctrl+s", "enter")
SHOWN_AFTER = {"c", "enter", "ctrl+s"}  # a sheet opened, a reason chosen, confirm, result


def drawn(app: CancelOrderApp) -> list[str]:
    """The screen as drawn: each cell's text and style."""
    strips = app.screen._compositor.render_strips()
    return [repr([(segment.text, str(segment.style)) for segment in strip]) for strip in strips]


async def cancel(pilot: Pilot[Any], section: str, order_id: str) -> list[tuple[str, list[str]]]:
    """Cancel ``order_id`` through the sheets; what each step drew, and the screens seen."""
    app = pilot.app
    assert isinstance(app, CancelOrderApp)
    await open_order_from_profile(pilot, section, order_id)
    seen = []
    for key in KEYS:
        await pilot.press(key)
        await pilot.pause()
        if key in SHOWN_AFTER:
            seen.append((type(app.screen).__name__, drawn(app)))
    await pilot.press("enter", "escape", "escape")  # result → order → list → account
    await pilot.pause()
    return seen


async def second_cancel(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, *, fresh: bool
) -> tuple[list[Any], list[Any]]:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await cancel(pilot, "to_ship", PAID_ORDER)
        kept = {name: app.get_screen(name) for name in app._installed_screens if "kept-" in name}
        if fresh:  # every sheet composed for what it shows, when shown (none built unseen)
            for name in kept:
                app.uninstall_screen(name)
            monkeypatch.setattr(Kept, "build_when_drawn", classmethod(lambda *args: None))
        seen = await cancel(pilot, "to_ship", VERIFYING_ORDER)
        again = {name: app.get_screen(name) for name in app._installed_screens if "kept-" in name}
    assert stored_order(db_path, VERIFYING_ORDER)["status"] == "cancelled"  # cancelled at once
    return seen, [again[name] is kept.get(name) for name in again]


async def test_a_refilled_sheet_draws_what_a_new_one_draws(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "other.json"
    other.write_bytes(db_path.read_bytes())
    reused, same = await second_cancel(db_path, monkeypatch, fresh=False)
    new, not_same = await second_cancel(other, monkeypatch, fresh=True)
    assert [name for name, _ in reused] == [
        "CancelReasonScreen",
        "CancelReasonScreen",
        "CancelConfirmScreen",
        "CancelResultScreen",
    ]
    assert len(same) == 3 and all(same), "the same three screens, refilled"
    assert not any(not_same)
    for (name, reused_lines), (_, new_lines) in zip(reused, new, strict=True):
        assert reused_lines == new_lines, name


async def test_the_next_sheet_is_built_unseen_once_a_step_is_drawn(
    db_path: Path,
) -> None:
    from tests.conftest import SHIPPED_ORDER

    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_order_from_profile(pilot, "shipped", SHIPPED_ORDER)  # nothing to cancel
        await pilot.pause()
        assert not app.is_screen_installed("kept-CancelReasonScreen")
        await pilot.press("escape", "escape")
        await open_order_from_profile(pilot, "to_ship", PAID_ORDER)
        await pilot.pause()
        sheet = app.get_screen("kept-CancelReasonScreen")
        assert sheet.is_mounted and sheet not in app.screen_stack, "built, not shown"
        assert sheet._compositor.size == app.size, "and laid out (a sheet: the phone's width)"
        await pilot.press("c")
        await pilot.pause()
        assert app.screen is sheet and app.focused is sheet.query_one("#reasons")
        confirm = app.get_screen("kept-CancelConfirmScreen")  # built once the sheet is drawn
        assert confirm.is_mounted and confirm not in app.screen_stack, "built, not shown"
        assert not app.is_screen_installed("kept-CancelResultScreen")
        await pilot.press("enter", "ctrl+s")  # a reason, then Confirm: the result is built
        await pilot.pause()
        assert app.screen is confirm
        result = app.get_screen("kept-CancelResultScreen")
        assert result.is_mounted and result not in app.screen_stack, "built, not shown"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is result
        assert str(result.query_one("#result-title").render()) == "Cancellation request submitted"


async def test_the_website_dialogs_are_kept_and_start_blank_for_the_next_order(
    db_path: Path,
) -> None:
    from textual.widgets import Input, Select

    from benchmarks.flows import highlight_first_cancellable, past_the_prompt
    from tests.flows.web_helpers import make_web_app
    from tui.widgets.card import Card

    app = make_web_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        dialogs = []
        for _ in range(2):
            await highlight_first_cancellable(pilot)
            order_id = app.screen.highlighted_order()  # type: ignore[attr-defined]
            await pilot.press("m", "enter")
            await pilot.pause()
            dialog = app.screen
            dialogs.append(dialog)
            summary = dialog.query_one("#web-cancel-summary", Card).lines
            assert summary[0].value == order_id
            assert dialog.query_one("#web-reason", Select).value is Select.NULL
            assert dialog.query_one("#web-note", Input).value == ""
            await pilot.press("enter")
            await past_the_prompt(pilot)
            await pilot.press("enter", "tab", *"changed my mind", "ctrl+s")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert stored_order(db_path, order_id)["cancellation"]["note"] == "changed my mind"
        assert dialogs[0] is dialogs[1]


async def test_a_kept_sheet_follows_a_language_switch_made_while_it_was_closed(
    db_path: Path,
) -> None:
    from textual.widgets import Static

    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_order_from_profile(pilot, "to_ship", PAID_ORDER)
        await pilot.press("c")
        await pilot.pause()
        sheet = app.screen
        assert (
            str(sheet.query_one("#sheet-title", Static).render())
            == "Select a reason for cancellation"
        )
        await pilot.press("escape", "f2", "c")  # closed, switched to Swahili, opened again
        await pilot.pause()
        assert app.screen is sheet
        title = str(sheet.query_one("#sheet-title", Static).render())
        assert title == "Chagua hapa sababu ya kufuta"
        (submit,) = sheet._bindings.key_to_bindings["ctrl+s"]
        assert submit.description == "Wasilisha"  # its keys translated too
