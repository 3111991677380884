"""How the app starts: from the glance at the end of its file, or from the file loaded first.

A file the app wrote itself, unchanged since, ends with the glance of what Account shows
(`tui.store.glance_file`): Account is drawn from it, with only its own styles read, and the
file is loaded and validated just after that first frame, with the other pages' styles.
Otherwise (another file, the website's first page) everything is loaded first, as before.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.screen import Screen

from tui.domain.glance import AccountGlance
from tui.flow import Flow
from tui.i18n import Language
from tui.idle_collector import IdleCollector, kept_for_good
from tui.store.glance_file import read_first_page

if TYPE_CHECKING:
    from tui.service import OrderService
    from tui.store.errors import StoreError
    from tui.store.repository import Repository

FIRST_PAGE_STYLES = ("app", "profile", "too_small")
"""Account's styles (and the too-small note's, which may cover it at once): the screens that
say `STYLED_AT_START`."""
LATER_STYLES = ("orders", "order_details", "sheet", "result", "web", "web_dialogs", "trainer")
"""Every other page's. Read at start when the file is loaded first (the website's first page
needs its own), else just after Account's first frame, before the next pages are built:
they style nothing on Account (its snapshots would show it), and parsing them is ~10 ms."""


def styles(names: Iterable[str]) -> list[str | PurePath]:
    return [f"styles/{name}.tcss" for name in names]


class StartingApp(App[None]):
    """The start-up half of `CancelOrderApp`: the service, loaded when the start allows."""

    def _open(
        self,
        db_path: Path,
        flow: Flow | None,
        language: Language | None,
        idle_collector: IdleCollector | None,
    ) -> tuple[Flow, Language]:
        """Before `App.__init__`: read the glance or load the file; the flow and language
        to start in (those asked for, else the ones last used)."""
        self.db_path = db_path
        self.idle_collector = idle_collector
        """Runs full garbage collections while input pauses (the command line's app only)."""
        self.load_error: StoreError | None = None
        """Why the file failed to load after the first frame, if it did (the app then exits)."""
        self._service: OrderService | None = None
        self._glance: AccountGlance | None = None
        first = None if flow is Flow.WEB else read_first_page(db_path)
        if first is not None and (flow or Flow(first.flow)) is Flow.APP:
            self._glance = first.account
            start, language = Flow.APP, language or Language(first.language)
        else:  # the website's first page lists orders: it needs the models first
            service = self._service = self._open_service()
            start, language = flow or Flow(service.flow), language or Language(service.language)
        self._later_styles_read = self._glance is None
        return start, language

    def styles_at_start(self) -> list[str | PurePath] | None:
        """Only Account's when it is drawn from the glance; else every page's (`CSS_PATH`)."""
        return None if self._later_styles_read else styles(FIRST_PAGE_STYLES)

    def _open_service(self) -> OrderService:
        """Load and validate the file (raises `StoreError`); for the command line's app, with
        the loaded models kept out of the collector's sight (`kept_for_good`)."""
        from tui.domain.clock import SimulatedClock
        from tui.service import OrderService
        from tui.store.repository import Repository

        keep = kept_for_good() if self.idle_collector is not None else contextlib.nullcontext()
        with keep:
            repository = Repository.open(self.db_path)
        return OrderService(repository, SimulatedClock(repository.meta.clock))

    @property
    def service(self) -> OrderService:
        """The rules and the data; loaded here on first use when the start drew the glance
        (normally just after the first frame: `on_ready`). Raises `StoreError`."""
        if self._service is None:
            self._service = self._open_service()
            for screen in self.screen_stack:  # drawn from the glance: as the rules say now
                refresh = getattr(screen, "refresh_glance", None)
                if refresh is not None:
                    refresh()
        return self._service

    @property
    def repository(self) -> Repository:
        return self.service.repository

    def account_glance(self) -> AccountGlance:
        """What Account shows: the file's glance until the models are loaded."""
        if self._service is None and self._glance is not None:
            return self._glance
        return self.service.account_glance()

    def _read_later_styles(self) -> None:
        """Add the other pages' styles (parsed when next needed; the others stay parsed)."""
        self._later_styles_read = True
        for path in styles(LATER_STYLES):
            self.stylesheet.read(Path(__file__).parent / path)

    def _load_screen_css(self, screen: Screen[Any]) -> None:
        """Textual's hook for each screen shown or installed: one other than Account (a key
        pressed before `on_ready`, a test) gets the other pages' styles first."""
        if not self._later_styles_read and not getattr(screen, "STYLED_AT_START", False):
            self._read_later_styles()
        super()._load_screen_css(screen)

    def _load_after_first_frame(self) -> bool:
        """Load the file Account was drawn from at start, and redraw Account if the rules now
        say something else. If the file fails validation after all (a glance that outlived
        its rules), leave: the command line then says why in one line (`load_error`)."""
        from tui.store.errors import StoreError

        try:
            self.service  # noqa: B018  (loads it)
        except StoreError as error:
            self.load_error = error
            self.exit()
            return False
        return True
