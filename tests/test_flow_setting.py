"""The flow (app or website) is a remembered choice like the language: stored in `meta`."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pydantic import ValidationError
from tinydb import TinyDB

from tui.domain.clock import SimulatedClock
from tui.domain.meta import Meta
from tui.flow import FLOW_CODES, Flow
from tui.service import OrderService
from tui.store.repository import Repository

NOW = datetime(2026, 11, 20, 10, tzinfo=UTC)


def test_meta_accepts_exactly_the_flows() -> None:
    for code in FLOW_CODES:
        assert Meta(schema_version=1, clock=NOW, flow=code).flow == code
    with pytest.raises(ValidationError):
        Meta(schema_version=1, clock=NOW, flow="desktop")


def test_files_without_a_flow_load_as_the_app(db_path: Path) -> None:
    data = json.loads(db_path.read_text())
    assert all("flow" not in doc for doc in data["meta"].values())
    assert Repository.open(db_path).meta.flow == Flow.APP


def test_remember_flow_writes_meta_only_when_it_changes(db_path: Path) -> None:
    repository = Repository.open(db_path)
    service = OrderService(repository, SimulatedClock(repository.meta.clock))
    before = db_path.read_bytes()
    service.remember_flow("app")
    assert db_path.read_bytes() == before
    service.remember_flow("web")
    repository.close()
    with TinyDB(db_path) as db:
        (meta,) = db.table("meta").all()
    assert meta["flow"] == "web"
    assert meta["language"] == "en"
    assert Repository.open(db_path).meta.flow == "web"


def test_other_flow() -> None:
    assert Flow.APP.other is Flow.WEB
    assert Flow.WEB.other is Flow.APP


@pytest.mark.parametrize(
    ("flow", "first_page"), [("web", "WebOrdersScreen"), ("app", "ProfileScreen")]
)
async def test_the_app_starts_in_its_flow_building_only_that_flows_first_page(
    db_path: Path, flow: str, first_page: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.app import CancelOrderApp
    from tui.screens.profile import ProfileScreen
    from tui.screens.web.orders import WebOrdersScreen

    built: list[str] = []
    for page in (ProfileScreen, WebOrdersScreen):
        original = page.compose

        def compose(self, _original=original):  # type: ignore[no-untyped-def]
            built.append(type(self).__name__)
            return _original(self)

        monkeypatch.setattr(page, "compose", compose)
    app = CancelOrderApp(db_path, flow=Flow(flow))
    async with app.run_test() as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == first_page
        assert app.current_mode == flow
    assert built == [first_page]
