"""Pilot walks of the mobile flow, checked afterwards in the DB file with stock TinyDB."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static

from tests.conftest import (
    CANCELLED_ORDER,
    COMPLETED_ORDER,
    PAID_ORDER,
    PENDING_ORDER,
    SHIPPED_ORDER,
    UNPAID_ORDER,
    VERIFYING_ORDER,
)
from tests.flows.helpers import (
    make_app,
    open_order_from_profile,
    screen_text,
    stored_events,
    stored_order,
)
from tui.domain.reasons import CancelReason
from tui.screens.cancel_confirm import CancelConfirmScreen
from tui.screens.cancel_reason import CancelReasonScreen
from tui.screens.cancel_result import CancelResultScreen
from tui.screens.order_details import OrderDetailsScreen
from tui.screens.orders import OrdersScreen
from tui.screens.profile import ProfileScreen
from tui.widgets.order_list import OrderList
from tui.widgets.phone import PageHeader

SIZE = (100, 30)


async def choose_reason(pilot, reason: CancelReason) -> None:  # type: ignore[no-untyped-def]
    options = pilot.app.screen.query_one("#reasons", OptionList)
    target = list(CancelReason).index(reason)
    while options.highlighted != target:
        await pilot.press("down" if (options.highlighted or 0) < target else "up")
    await pilot.press("enter")
    await pilot.pause()


async def test_request_cancellation_end_to_end(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, ProfileScreen)
        await open_order_from_profile(pilot, "to_ship", PAID_ORDER)
        assert isinstance(app.screen, OrderDetailsScreen)
        assert app.focused is not None and app.focused.id == "cancel-order"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CancelReasonScreen)
        await choose_reason(pilot, CancelReason.NO_LONGER_NEEDED)
        assert not app.screen.query_one("#seller-warning").display
        await pilot.click("#note")
        await pilot.press(*"Nimebadilisha mawazo [sorry]")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CancelConfirmScreen)
        await pilot.press("enter")  # Confirm has focus
        await pilot.pause()
        assert isinstance(app.screen, CancelResultScreen)
        title = str(app.screen.query_one("#result-title", Static).render())
        assert title == "Cancellation request submitted"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OrderDetailsScreen)
        status = str(app.screen.query_one("#status-label", Static).render())
        assert status == "Awaiting cancellation"
        assert not app.screen.query("#cancel-order")

    order = stored_order(db_path, PAID_ORDER)
    assert order["status"] == "cancellation_requested"
    assert order["cancellation"]["reason"] == "no_longer_needed"
    assert order["cancellation"]["note"] == "Nimebadilisha mawazo [sorry]"
    events = stored_events(db_path, PAID_ORDER)
    assert [(e["from_status"], e["to_status"], e["actor"]) for e in events] == [
        ("awaiting_shipment", "cancellation_requested", "buyer")
    ]


@pytest.mark.slow
async def test_status_survives_restart(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_order_from_profile(pilot, "to_ship", PAID_ORDER)
        await pilot.press("c")
        await pilot.pause()
        await choose_reason(pilot, CancelReason.DUPLICATE_ORDER)
        await pilot.press("ctrl+s", "enter")
        await pilot.pause()
    again = make_app(db_path)
    async with again.run_test(size=SIZE) as pilot:
        await open_order_from_profile(pilot, "to_ship", PAID_ORDER)
        status = str(again.screen.query_one("#status-label", Static).render())
        assert status == "Awaiting cancellation"


async def test_unpaid_order_is_cancelled_at_once(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_order_from_profile(pilot, "to_pay", UNPAID_ORDER)
        await pilot.press("c")
        await pilot.pause()
        await choose_reason(pilot, CancelReason.WRONG_ITEM)
        await pilot.press("ctrl+s")
        await pilot.pause()
        consequence = str(app.screen.query_one("#consequence", Static).render())
        assert consequence == "The order will be cancelled at once."
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CancelResultScreen)
        assert str(app.screen.query_one("#result-title", Static).render()) == "Order cancelled"
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert UNPAID_ORDER not in app.screen.query_one(OrderList).order_ids
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        assert str(app.screen.query_one("#section-to_pay").render()).startswith("1\n")
    order = stored_order(db_path, UNPAID_ORDER)
    assert order["status"] == "cancelled"
    assert order["cancellation"]["reason"] == "wrong_item"
    assert order["closed_at"] is not None


@pytest.mark.slow
async def test_payment_verifying_order_is_cancelled_at_once(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_order_from_profile(pilot, "to_ship", VERIFYING_ORDER)
        await pilot.press("c")
        await pilot.pause()
        await choose_reason(pilot, CancelReason.NO_LONGER_NEEDED)
        await pilot.press("ctrl+s", "enter")
        await pilot.pause()
    assert stored_order(db_path, VERIFYING_ORDER)["status"] == "cancelled"


async def test_shipped_order_offers_no_cancel_and_explains_dispute(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_order_from_profile(pilot, "shipped", SHIPPED_ORDER)
        screen = app.screen
        assert isinstance(screen, OrderDetailsScreen)
        assert not screen.query("#cancel-order")
        assert not any(b.binding.action == "act('cancel')" for b in screen.active_bindings.values())
        said = screen_text(screen)
        grounds = [line for line in said.splitlines() if line.startswith("• ")]
        assert len(grounds) == 3
        assert any("tracking number" in g for g in grounds)
        await pilot.press("c")  # does nothing
        await pilot.pause()
        assert app.screen is screen
    assert stored_order(db_path, SHIPPED_ORDER)["status"] == "shipped"


@pytest.mark.slow
async def test_closed_orders_offer_nothing_to_cancel(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        for order_id in (COMPLETED_ORDER, CANCELLED_ORDER, PENDING_ORDER):
            app.push_screen(OrderDetailsScreen(order_id))
            await pilot.pause()
            assert not app.screen.query("#cancel-order")
            await pilot.press("escape")
            await pilot.pause()


async def test_seller_fault_reason_warns_and_other_needs_a_note(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_order_from_profile(pilot, "to_ship", PAID_ORDER)
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("ctrl+s")  # nothing chosen yet
        await pilot.pause()
        assert "Choose a reason" in str(app.screen.query_one("#reason-error", Static).render())
        await choose_reason(pilot, CancelReason.OUT_OF_STOCK)
        warning = app.screen.query_one("#seller-warning", Static)
        assert warning.display and "seller's rating" in str(warning.render())
        note = app.screen.query_one("#note", Input)
        assert note.placeholder == "Add a note (optional)"
        await choose_reason(pilot, CancelReason.OTHER)
        assert not warning.display
        assert app.focused is note and note.placeholder == "Write your reason (required)"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CancelReasonScreen)
        assert "write your reason" in str(app.screen.query_one("#reason-error", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, OrderDetailsScreen)
    assert stored_order(db_path, PAID_ORDER)["status"] == "awaiting_shipment"


@pytest.mark.slow
async def test_back_on_confirm_returns_to_reasons_with_choice_kept(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_order_from_profile(pilot, "to_ship", PAID_ORDER)
        await pilot.press("c")
        await pilot.pause()
        await choose_reason(pilot, CancelReason.CHANGE_ADDRESS)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CancelConfirmScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CancelReasonScreen)
        assert app.screen.selected is CancelReason.CHANGE_ADDRESS
    assert stored_order(db_path, PAID_ORDER)["status"] == "awaiting_shipment"


async def test_whole_flow_in_swahili(db_path: Path) -> None:
    app = make_app(db_path, "sw")
    async with app.run_test(size=SIZE) as pilot:
        tile = str(app.screen.query_one("#section-to_ship").render())
        assert "Kutuma" in tile
        await open_order_from_profile(pilot, "to_ship", PAID_ORDER)
        button = app.screen.query_one("#cancel-order")
        assert "Futa Order" in str(button.render())
        await pilot.press("enter")
        await pilot.pause()
        title = str(app.screen.query_one("#sheet-title", Static).render())
        assert title.startswith("Chagua sababu")
        await choose_reason(pilot, CancelReason.NO_LONGER_NEEDED)
        await pilot.press("ctrl+s", "enter")
        await pilot.pause()
        title = str(app.screen.query_one("#result-title", Static).render())
        assert title == "Ombi la kufuta amri limetumwa"
    assert stored_order(db_path, PAID_ORDER)["status"] == "cancellation_requested"


async def test_language_switch_is_remembered(db_path: Path) -> None:
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # open To ship
        await pilot.pause()
        assert isinstance(app.screen, OrdersScreen)
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen.query_one(PageHeader).title == "Amri zangu"
        name = app.translator.key_name
        footer_keys = {
            name(b.binding.description, b.binding.action)
            for b in app.screen.active_bindings.values()
        }
        assert "Rudi" in footer_keys
    again = make_app(db_path)
    assert again.translator.language.value == "sw"


def css_loaded(app, screen) -> bool:  # type: ignore[no-untyped-def]
    """Textual loads a screen's CSS_PATH only on some routes into the stack: check it did."""
    paths = type(screen).CSS_PATH
    if paths is None:
        return True
    paths = [paths] if isinstance(paths, str) else paths
    module_dir = Path(__import__(type(screen).__module__, fromlist=["_"]).__file__).parent
    loaded = {Path(str(source[0])).resolve() for source in app.stylesheet.source}
    return all((module_dir / p).resolve() in loaded for p in paths)


@pytest.mark.slow
async def test_every_screen_of_the_flow_has_its_styles(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        seen = [app.screen]
        assert css_loaded(app, app.screen)
        await open_order_from_profile(pilot, "to_ship", PAID_ORDER)
        for keys in (("c",), ("enter", "ctrl+s"), ("enter",)):
            await pilot.press(*keys)
            await pilot.pause()
            seen.append(app.screen)
        for screen in seen:
            assert css_loaded(app, screen), type(screen).__name__
        assert [type(s).__name__ for s in seen] == [
            "ProfileScreen",
            "CancelReasonScreen",
            "CancelConfirmScreen",
            "CancelResultScreen",
        ]


@pytest.mark.parametrize(("width", "frame"), [(100, 48), (60, 48), (59, 59), (52, 52)])
@pytest.mark.slow
async def test_phone_column_on_wide_terminals_full_width_below_60(
    db_path: Path, width: int, frame: int
) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(width, 24)) as pilot:
        await open_order_from_profile(pilot, "to_ship", PAID_ORDER)
        region = app.screen.query_one("PhoneFrame").region
        assert region.width == frame
        assert region.x == (width - frame) // 2


@pytest.mark.slow
async def test_switching_language_keeps_the_focused_tile(db_path: Path) -> None:
    """F2 redraws the page in the other language; Enter still opens what was focused."""
    app = make_app(db_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "section-to_ship"
        await pilot.press("f2")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "section-to_ship"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OrdersScreen)
        assert app.screen.query_one(PageHeader).title == "Amri zangu"
