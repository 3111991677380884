"""The demo plays the article's steps on the real screens, with a caption at each, and the
presenter's keys pause, skip, replay, stop and quit it. Headless, on the demo's own
temporary data; the user's data file never appears."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.demo.helpers import bars, expected_captions, play, slugs, to_the_end, until
from tui.demo.app import DemoApp
from tui.demo.pacing import INSTANT
from tui.domain.models import EventKind
from tui.domain.status import OrderStatus
from tui.flow import Flow
from tui.i18n import Language
from tui.screens.order_details import OrderDetailsScreen
from tui.screens.orders import OrdersScreen
from tui.screenshots.walk import order_to_cancel
from tui.store.demo import default_db_path

FLOWS = {"app": (Flow.APP,), "web": (Flow.WEB,), "both": (Flow.WEB, Flow.APP)}
EN, SW = Language.ENGLISH, Language.SWAHILI
LAST_SCREEN = {"app": "OrderDetailsScreen", "web": "WebResultScreen", "both": "OrderDetailsScreen"}


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A HOME of the test's own: the per-user data file must never be made or touched."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / "data"))
    yield tmp_path
    assert not default_db_path().exists()
    assert not (tmp_path / "home").exists()


def run_to_end(language: Language, flow: str) -> tuple[list[Any], str, Path, OrderStatus | None]:
    seen: dict[str, Any] = {}

    async def presenter(app: DemoApp, pilot: Pilot[Any]) -> None:
        await to_the_end(app)
        seen["history"] = list(app.player.history)
        seen["screen"] = type(app.screen).__name__
        seen["db"] = app.db_path
        if isinstance(app.screen, OrderDetailsScreen):
            seen["status"] = app.service.order(app.screen.order_id).status
        assert app.translator.language is language
        await pilot.press("q")

    play(presenter, language, FLOWS[flow])
    return seen["history"], seen["screen"], seen["db"], seen.get("status")


def check_run(language: Language, flow: str) -> None:
    history, screen, db_path, status = run_to_end(language, flow)
    captions = expected_captions(language, FLOWS[flow])
    assert [(shown.flow, shown.slug) for shown in history] == slugs(FLOWS[flow])
    assert [shown.text for shown in history] == captions
    # Each step's caption was still on the screen on top when its moves were done.
    assert [shown.bar_text for shown in history] == captions
    assert screen == LAST_SCREEN[flow]
    if flow != "web":
        assert status is OrderStatus.CANCELLED  # closed by itself, the refund showing
    assert not db_path.exists() and not db_path.parent.exists()  # the temporary copy is gone


@pytest.mark.parametrize(("language", "flow"), [(SW, "web")], ids=["sw-web"])
def test_the_demo_runs_to_its_end(language: Language, flow: str) -> None:
    check_run(language, flow)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("language", "flow"),
    [(EN, "web"), (SW, "app"), (EN, "both"), (SW, "both")],
    ids=["en-web", "sw-app", "en-both", "sw-both"],
)
def test_the_demo_runs_to_its_end_in_every_language_and_flow(language: Language, flow: str) -> None:
    check_run(language, flow)


@pytest.mark.slow
def test_space_pauses_and_resumes_and_app_keys_do_nothing_meanwhile() -> None:
    pacing = replace(INSTANT, lead=0.05, gap=0.02, key_lead=0.02, key_shown=0.05, hold_min=0.05)

    async def presenter(app: DemoApp, pilot: Pilot[Any]) -> None:
        player = app.player
        await until(lambda: len(player.history) >= 3, "the third step")
        await pilot.press("space")
        before = (len(player.history), player.keys_in_step, type(app.screen))
        await pilot.press("f2", "c", "down")  # the app's keys: the demo's, while it plays
        await asyncio.sleep(0.6)
        assert (len(player.history), player.keys_in_step, type(app.screen)) == before
        assert app.translator.language is EN
        assert all(bar.caption.status == app.translator("demo.paused") for bar in bars(app))
        await pilot.press("space")
        await until(lambda: len(player.history) > before[0] + 1, "the play to go on")
        assert [s.slug for s in player.history] == [
            slug for _, slug in slugs((Flow.WEB,))[: len(player.history)]
        ]
        await pilot.press("q")

    play(presenter, flows=(Flow.WEB,), pacing=pacing)


@pytest.mark.slow
def test_right_arrow_jumps_to_the_next_step() -> None:
    """Each step waits 60 s before its first key: only → brings the end within the test."""
    pacing = replace(INSTANT, lead=60, hold_min=60)
    started = time.monotonic()

    async def presenter(app: DemoApp, pilot: Pilot[Any]) -> None:
        player = app.player
        while not player.at_the_end:
            count = len(player.history)
            await pilot.press("right")
            await until(lambda n=count: len(player.history) > n or player.at_the_end, "→", 10)
        assert [(s.flow, s.slug) for s in player.history] == slugs((Flow.WEB,))
        await pilot.press("q")

    play(presenter, flows=(Flow.WEB,), pacing=pacing)
    assert time.monotonic() - started < 30


@pytest.mark.slow
def test_left_arrow_replays_the_step_from_where_it_began() -> None:
    """← after the request was sent: the step plays again on data as it was before it, so
    the order ends with one request, not two (or a refusal)."""
    pacing = replace(INSTANT, hold_min=60)

    async def presenter(app: DemoApp, pilot: Pilot[Any]) -> None:
        player = app.player
        order_id = order_to_cancel(pilot)

        async def step_done(count: int) -> None:
            await until(lambda: len(player.history) == count, f"step {count}")
            await until(lambda: player.history[-1].screen != "", f"the end of step {count}")

        for count in range(1, 8):
            await step_done(count)
            await pilot.press("right")
        await step_done(8)
        assert player.history[-1].slug == "result"
        await pilot.press("left")
        await step_done(9)
        assert [s.slug for s in player.history][-2:] == ["result", "result"]
        assert player.history[-1].screen == "WebResultScreen"
        requests = [e for e in app.service.events_of(order_id) if e.kind is EventKind.REQUESTED]
        assert len(requests) == 1
        assert app.service.order(order_id).status is OrderStatus.CANCELLATION_REQUESTED
        await pilot.press("q")

    play(presenter, flows=(Flow.WEB,), pacing=pacing)


@pytest.mark.slow
def test_escape_stops_and_leaves_the_app_interactive_where_it_was() -> None:
    pacing = replace(INSTANT, hold_min=60)

    async def presenter(app: DemoApp, pilot: Pilot[Any]) -> None:
        player = app.player
        for count in (1, 2):
            await until(lambda n=count: len(player.history) == n, f"step {count}")
            await pilot.press("right")
        await until(lambda: len(player.history) == 3 and player.history[-1].screen != "", "3")
        page = app.screen
        assert isinstance(page, OrderDetailsScreen)
        await pilot.press("escape")
        await until(lambda: not player.intercepting, "the demo to stop")
        await pilot.pause()
        assert app.screen is page and bars(app) == []
        await pilot.press("escape")  # the app's own key now: back to My orders
        await until(lambda: isinstance(app.screen, OrdersScreen), "My orders")
        await pilot.press("q")  # not the demo's any more: nothing happens
        await pilot.pause()
        assert isinstance(app.screen, OrdersScreen)
        app.exit()

    play(presenter, pacing=pacing)


def test_q_quits_in_the_middle() -> None:
    pacing = replace(INSTANT, lead=60, hold_min=60)
    started = time.monotonic()

    async def presenter(app: DemoApp, pilot: Pilot[Any]) -> None:
        await until(lambda: len(app.player.history) == 1, "the first caption")
        await pilot.press("q")

    play(presenter, pacing=pacing)
    assert time.monotonic() - started < 15
