"""CancelOrderApp: owns the clock, the service, the language and the flow; screens do the rest."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen
from textual.theme import Theme

from tui.domain.glance import AccountGlance
from tui.domain.status import OrderTab
from tui.flow import Flow
from tui.i18n import Language, Translator
from tui.idle_collector import CHECK_EVERY_S, IdleCollector, kept_for_good
from tui.screens.base import localize_bindings, recompose_keeping_focus
from tui.screens.too_small import TooSmallScreen, too_small
from tui.store.glance_file import read_first_page
from tui.theme import ALIEXPRESS_THEME

if TYPE_CHECKING:
    from tui.service import OrderService
    from tui.store.errors import StoreError
    from tui.store.repository import Repository


def _app_start() -> Screen[Any]:
    from tui.screens.profile import ProfileScreen

    return ProfileScreen()


def _web_start() -> Screen[Any]:
    from tui.screens.web.orders import WebOrdersScreen

    return WebOrdersScreen()


class CancelOrderApp(App[None]):
    """The cancel flow, as the mobile app or the website, on one DB file.

    Raises `StoreError` if the file is unusable. A file the app wrote itself, unchanged since,
    starts faster: Account is drawn from the glance at its end (`tui.store.glance_file`) and
    the file is loaded and validated just after that first frame (see `service`).
    """

    TITLE = "AliExpress"
    CSS_PATH = [
        f"styles/{name}.tcss"
        for name in (
            *("app", "profile", "orders", "order_details", "sheet", "result"),
            *("web", "web_dialogs", "trainer", "too_small"),
        )
    ]
    """Every page's styles, read once at start. A screen's own `CSS_PATH` is read when it is
    first shown, and Textual then restyles every widget of every open page (~200 ms each
    first time); these rules are written for the whole app anyway (ids and classes)."""
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (60, "-wide")]
    ENABLE_COMMAND_PALETTE = True
    MODES = {Flow.APP.value: _app_start, Flow.WEB.value: _web_start}
    DEFAULT_MODE = Flow.APP.value
    """Each flow is a mode: its own screen stack from its first page (and its CSS loaded)."""

    BINDINGS = [
        Binding("f2", "switch_language", "key.language", id="switch-language"),
        Binding("f3", "trainer", "key.trainer", id="trainer"),
        Binding("f4", "switch_flow", "key.switch_flow", id="switch-flow"),
        Binding("ctrl+q", "quit", "key.quit", id="quit", priority=True),
        Binding("ctrl+c", "quit", "key.quit", id="quit-ctrl-c", priority=True, show=False),
        Binding(
            "ctrl+p", "command_palette", "key.palette", id="palette", priority=True, show=False
        ),
    ]

    def __init__(
        self,
        db_path: Path,
        language: Language | None = None,
        flow: Flow | None = None,
        idle_collector: IdleCollector | None = None,
    ) -> None:
        self.db_path = db_path
        self.idle_collector = idle_collector
        """Runs full garbage collections while input pauses (the command line's app only)."""
        self.load_error: StoreError | None = None
        """Why the file failed to load after the first frame, if it did (the app then exits)."""
        self._service: OrderService | None = None
        self._glance: AccountGlance | None = None
        first = None if flow is Flow.WEB else read_first_page(db_path)
        if first is not None and (flow or Flow(first.flow)) is Flow.APP:
            self._glance, start = first.account, Flow.APP
            language = language or Language(first.language)
        else:  # the website's first page lists orders: it needs the models first
            service = self._service = self._open_service()
            start = flow or Flow(service.flow)
            language = language or Language(service.language)
        # Start in this flow's mode: starting in the other and switching built (and drew)
        # the other flow's first page for nothing.
        self.DEFAULT_MODE = start.value  # type: ignore[misc]
        super().__init__()
        self.flow = start
        self.translator = Translator(language)
        localize_bindings(self, self.translator)  # before the first page draws its key bar
        self._start_in_theme(ALIEXPRESS_THEME)

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
        (normally just after the first frame: `on_ready`)."""
        if self._service is None:
            self._service = self._open_service()
        return self._service

    @property
    def repository(self) -> Repository:
        return self.service.repository

    def account_glance(self) -> AccountGlance:
        """What Account shows: the file's glance until the models are loaded."""
        if self._service is None and self._glance is not None:
            return self._glance
        return self.service.account_glance()

    def _start_in_theme(self, theme: Theme) -> None:
        """Start in ``theme`` as if it were Textual's default.

        Setting `App.theme` runs its watcher, which once the app runs parses every stylesheet
        a second time and restyles the first page (~15 ms before the first frame), though
        nothing had been parsed with the old theme. This does what the watcher does, minus
        that; switching theme later (the command palette) goes the usual way.
        """
        self.register_theme(theme)
        self.set_reactive(App.theme, theme.name)
        self.update_classes(
            {f"-theme-{theme.name}": True, "-dark-mode": theme.dark, "-light-mode": not theme.dark},
            update=False,
        )
        self._refresh_truecolor_filter(self.ansi_theme)
        self.stylesheet.set_variables(self.get_css_variables())

    def on_load(self) -> None:
        """Style the app itself before its first page: Textual builds the default mode's page
        (and draws it) before it styles the app, so that page's text would be drawn without
        the app's colours, inherited from it, until something restyled the page."""
        self.stylesheet.apply(self)

    async def on_mount(self) -> None:
        self._exit_on_signals()
        await self._show_flow()
        self._check_size(self.size.width, self.size.height)

    first_page_drawn = False
    """Set once the first page is on screen (Textual's `Ready`)."""

    def on_ready(self) -> None:
        """The first page is drawn: what the next key presses will need is prepared now,
        unseen, while the page is read (each step below runs after the one before)."""
        self.first_page_drawn = True
        if self._service is None and not self._load_after_first_frame():
            return
        self.call_later(self.repository.share_field_sets)
        # Sorting the orders once: every list shown later keeps that order (`NewestFirst`),
        # so the first list opened doesn't sort 10,000 orders then.
        self.call_later(self.service.orders_in, OrderTab.ALL)
        self.call_later(self.service.prepare_deadlines)  # else the first cancel's catch-up
        for screen in self.screen_stack:
            prepare = getattr(screen, "prepare_unseen", None)
            if prepare is not None:
                self.call_later(prepare)
        if self.idle_collector is not None:
            self.call_later(self.idle_collector.start)
            self.set_interval(CHECK_EVERY_S, self.idle_collector.tick, name="idle-collector")

    def _load_after_first_frame(self) -> bool:
        """Load the file Account was drawn from at start, and redraw Account if the rules now
        say something else. If the file fails validation after all (a glance that outlived
        its rules), leave: the command line then says why in one line (`load_error`)."""
        from tui.store.errors import StoreError

        try:
            self._service = self._open_service()
        except StoreError as error:
            self.load_error = error
            self.exit()
            return False
        for screen in self.screen_stack:
            refresh = getattr(screen, "refresh_glance", None)
            if refresh is not None:
                refresh()
        return True

    async def on_event(self, event: events.Event) -> None:
        if self.idle_collector is not None and isinstance(event, events.InputEvent):
            self.idle_collector.input_seen()
        await super().on_event(event)

    def _exit_on_signals(self) -> None:
        """SIGTERM, SIGHUP (terminal closed) and SIGINT end the app cleanly, as Ctrl+Q does.

        Every change is already on disk before the screen says so, so leaving loses nothing.
        """
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(signum, self.exit)

    def on_resize(self, event: events.Resize) -> None:
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int, height: int) -> None:
        """Cover the app with a "make the window larger" note below the usable size."""
        showing = isinstance(self.screen, TooSmallScreen)
        if too_small(width, height) and not showing:
            self.push_screen(TooSmallScreen())
        elif showing and not too_small(width, height):
            self.pop_screen()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's own commands (theme picker included), named in the current language."""
        t = self.translator
        yield SystemCommand(
            t("command.language"), t("command.language_help"), self.action_switch_language
        )
        yield SystemCommand(t("command.trainer"), t("command.trainer_help"), self.action_trainer)
        flow_key = "command.flow_app" if self.flow is Flow.WEB else "command.flow_web"
        yield SystemCommand(t(flow_key), t("command.flow_help"), self.action_switch_flow)
        yield SystemCommand(t("command.theme"), t("command.theme_help"), self.action_change_theme)
        yield SystemCommand(t("command.keys"), t("command.keys_help"), self.action_show_help_panel)
        yield SystemCommand(t("command.quit"), t("command.quit_help"), self.action_quit)

    def action_command_palette(self) -> None:
        if not CommandPalette.is_open(self):  # type: ignore[arg-type]
            placeholder = self.translator("command.placeholder")
            self.push_screen(CommandPalette(placeholder=placeholder, id="--command-palette"))

    async def action_switch_language(self) -> None:
        """Switch English ⇄ Swahili, remember it in the DB, and redraw every open page."""
        self.translator.language = self.translator.language.other
        self.service.remember_language(self.translator.language.value)
        localize_bindings(self, self.translator)
        for screen in self.screen_stack:
            localize_bindings(screen, self.translator)
            await recompose_keeping_focus(screen)
        self.refresh_bindings()
        self.notify(self.translator("notice.language_switched"), timeout=2)

    def action_trainer(self) -> None:
        """Open the trainer panel over whatever is shown; F3 again (or Escape) closes it."""
        from tui.screens.trainer import TrainerScreen

        if isinstance(self.screen, TrainerScreen):
            self.screen.dismiss()
        elif not any(isinstance(s, TrainerScreen) for s in self.screen_stack):
            self.push_screen(TrainerScreen(), callback=self._after_trainer)

    def _after_trainer(self, _: None = None) -> None:
        """The trainer may have moved time or answered for a seller: redraw every page.

        Run as a worker: awaiting the redraw inside the dismiss callback would hold up the
        app's message loop, and with it every key pressed meanwhile.
        """
        self.run_worker(self._redraw_screens(), group="redraw", exclusive=True)

    async def _redraw_screens(self) -> None:
        """Each page redraws itself its own way, or is recomposed keeping its focus."""
        for screen in list(self.screen_stack):
            refresh = getattr(screen, "refresh_data", None)
            if refresh is not None:
                await refresh()
            else:
                await recompose_keeping_focus(screen)
        self.refresh_bindings()

    async def redraw_pages_below(self) -> None:
        """After a change shown on the top page (a cancel's result): every page under it that
        shows orders redraws now, unseen, so going back to it is instant."""
        for screen in self.screen_stack[:-1]:
            redraw = getattr(screen, "orders_changed", None)
            if redraw is not None:
                await redraw()

    async def action_switch_flow(self) -> None:
        """Show the other layout from its first page, and remember it."""
        self.flow = self.flow.other
        self.service.remember_flow(self.flow.value)
        await self._show_flow()
        notice = "notice.flow_web" if self.flow is Flow.WEB else "notice.flow_app"
        self.notify(self.translator(notice), timeout=2)

    async def _show_flow(self) -> None:
        """Switch to the current flow's mode; the other's pages and dialogs are closed, so it
        starts afresh (from its first page, with today's data) when shown again."""
        previous = self.current_mode
        if previous == self.flow.value:
            return
        await self.switch_mode(self.flow.value)
        await self.remove_mode(previous)
        self.add_mode(previous, self.MODES[previous])

    def on_unmount(self) -> None:
        if self.idle_collector is not None:
            self.idle_collector.stop()
        if self._service is not None:
            self.repository.close()
