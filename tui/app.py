"""CancelOrderApp: owns the clock, the service, the language and the flow; screens do the rest."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen
from textual.theme import Theme

from tui.app_start import FIRST_PAGE_STYLES, LATER_STYLES, StartingApp, styles
from tui.domain.status import OrderTab
from tui.flow import Flow
from tui.i18n import Language, Translator
from tui.idle_collector import CHECK_EVERY_S, IdleCollector
from tui.screens.base import localize_bindings, recompose_keeping_focus
from tui.screens.too_small import TooSmallScreen, too_small
from tui.theme import ALIEXPRESS_THEME


def _app_start() -> Screen[Any]:
    from tui.screens.profile import ProfileScreen

    return ProfileScreen()


def _web_start() -> Screen[Any]:
    from tui.screens.web.orders import WebOrdersScreen

    return WebOrdersScreen()


class CancelOrderApp(StartingApp):
    """The cancel flow, as the mobile app or the website, on one DB file.

    Raises `StoreError` if the file is unusable. A file the app wrote itself, unchanged since,
    starts faster: Account is drawn from the glance at its end (`tui.store.glance_file`) and
    the file is loaded and validated just after that first frame (see `service`).
    """

    TITLE = "AliExpress"
    CSS_PATH = styles((*FIRST_PAGE_STYLES, *LATER_STYLES))
    """Every page's styles, read once. A screen's own `CSS_PATH` is read when it is first
    shown, and Textual then restyles every widget of every open page (~200 ms each first
    time); these rules are written for the whole app anyway (ids and classes). A start that
    draws Account from the glance reads only Account's at first (`FIRST_PAGE_STYLES`)."""
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
        start, language = self._open(db_path, flow, language, idle_collector)
        # Start in this flow's mode: starting in the other and switching built (and drew)
        # the other flow's first page for nothing.
        self.DEFAULT_MODE = start.value  # type: ignore[misc]
        super().__init__(css_path=self.styles_at_start())
        self.flow = start
        self.translator = Translator(language)
        localize_bindings(self, self.translator)  # before the first page draws its key bar
        self._start_in_theme(ALIEXPRESS_THEME)

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
        if not self._later_styles_read:
            self._read_later_styles()
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
