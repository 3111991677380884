"""CancelOrderApp: owns the service, the language and the view; screens do the rest."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen

from tui import stylesheets
from tui.domain.errors import DomainError
from tui.flow import Flow
from tui.i18n import Language, Translator
from tui.screens.base import DataPage, recompose_keeping_focus
from tui.screens.too_small import TooSmallScreen, too_small
from tui.service import OrderService, open_service
from tui.theme import ALIEXPRESS_THEME


def app_start() -> Screen[Any]:
    """The app flow's first page (each view's screens are imported when first shown: a
    start imports only what its first page needs)."""
    from tui.screens.profile import ProfileScreen

    return ProfileScreen()


def web_start() -> Screen[Any]:
    """The website's first page."""
    from tui.screens.web.orders import WebOrdersScreen

    return WebOrdersScreen()


def desk_start() -> Screen[Any]:
    """The support desk's first page: finding an order."""
    from tui.screens.desk.search import DeskSearchScreen

    return DeskSearchScreen()


VIEW_COMMANDS = {
    Flow.APP: ("command.flow_app", "notice.flow_app"),
    Flow.WEB: ("command.flow_web", "notice.flow_web"),
    Flow.DESK: ("command.view_desk", "notice.view_desk"),
}
"""Each view's palette entry and the notice that it is shown (catalog keys)."""


class CancelOrderApp(App[None]):
    """The cancel flow, as the mobile app or the website, on one data file.

    The file is loaded and validated before the app is built (`open_service`), so the first
    frame shows real data and the first key is answered at once.
    """

    TITLE = "AliExpress"
    NOTIFICATION_TIMEOUT = 3
    """Seconds a notice shows: long enough to read one sentence (Textual's default is 5)."""
    CSS_PATH = stylesheets.through("orders")
    """What the first page and its All orders need (`tui.stylesheets`): each other screen
    loads its own when first shown. (Loading a sheet then costs a parse of every sheet and
    a restyle of every page open: ~30 ms had All orders loaded its own at the first key.)"""
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (60, "-wide")]
    ENABLE_COMMAND_PALETTE = True
    MODES = {Flow.APP.value: app_start, Flow.WEB.value: web_start, Flow.DESK.value: desk_start}
    """Each view is a mode: its own stack of pages from its first page."""

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
        *,
        service: OrderService | None = None,
    ) -> None:
        self._service = service or open_service(db_path)
        self.db_path = db_path
        self.flow = flow or Flow(self._service.flow)
        # Start in this view's mode: Textual reads the first mode from DEFAULT_MODE.
        self.DEFAULT_MODE = self.flow.value  # type: ignore[misc]
        super().__init__()
        self._translator = Translator(language or Language(self._service.language))
        self.register_theme(ALIEXPRESS_THEME)
        self.theme = ALIEXPRESS_THEME.name

    # -- what pages ask of the app (`tui.host.Host`) --------------------------------

    @property
    def translator(self) -> Translator:
        return self._translator

    @property
    def service(self) -> OrderService:
        return self._service

    def _error_text(self, error: DomainError) -> str:
        return self._translator(error.key, **error.params)

    def shown_generation(self) -> tuple[object, ...]:
        return (self._service.version, self._translator.language)

    # -- the app's life ----------------------------------------------------------------

    def on_mount(self) -> None:
        self._exit_on_signals()
        self._check_size(self.size.width, self.size.height)

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
        """Cover the view with a "make the window larger" note below its usable size."""
        showing = isinstance(self.screen, TooSmallScreen)
        small = too_small(width, height, self.flow.value)
        if small and not showing:
            self.push_screen(TooSmallScreen(self.flow.value))
        elif showing and not small:
            self.pop_screen()

    def on_unmount(self) -> None:
        """Fold the journal into the file (best effort: if that fails, the journal keeps
        every change and the next start reads it)."""
        self._service.close()

    # -- commands ------------------------------------------------------------------------

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The command palette's entries, named in the current language."""
        t = self.translator
        yield SystemCommand(
            t("command.language"), t("command.language_help"), self.action_switch_language
        )
        yield SystemCommand(t("command.trainer"), t("command.trainer_help"), self.action_trainer)
        switching = self.check_action("switch_flow", ()) is not False
        for view, (command, _) in VIEW_COMMANDS.items():
            if switching and view is not self.flow:
                show = partial(self.show_view, view)
                yield SystemCommand(t(command), t(f"{command}_help"), show)
        yield SystemCommand(t("command.theme"), t("command.theme_help"), self.action_change_theme)
        yield SystemCommand(t("command.keys"), t("command.keys_help"), self.action_keys)
        yield SystemCommand(t("command.quit"), t("command.quit_help"), self.action_quit)

    def action_command_palette(self) -> None:
        if not CommandPalette.is_open(self):  # type: ignore[arg-type]
            placeholder = self.translator("command.placeholder")
            self.push_screen(CommandPalette(placeholder=placeholder, id="--command-palette"))

    def action_keys(self) -> None:
        """Every key of the page underneath, named in the current language."""
        from tui.screens.keys import KeysScreen

        if not isinstance(self.screen, KeysScreen):
            self.push_screen(KeysScreen(self.screen))

    async def action_switch_language(self) -> None:
        """Switch English ⇄ Swahili, remember it in the data file, and redraw every page,
        dialogs included (a trainer may switch in the middle of a step)."""
        self._translator = Translator(self._translator.language.other)
        self.keep_language()
        for screen in list(self.screen_stack):
            if isinstance(screen, DataPage):
                await screen.redraw_if_stale()
            else:
                await recompose_keeping_focus(screen)
        self.refresh_bindings()
        self.notify(self.translator("notice.language_switched"), timeout=2)

    def keep_language(self) -> None:
        """Remember the language just chosen in the data file (the training app keeps it
        for the session instead: `tui.training_app`)."""
        try:
            self._service.remember_language(self._translator.language.value)
        except DomainError as error:  # switched here all the same; the file could not say so
            self.notify(self._error_text(error), severity="error", markup=False)

    def action_trainer(self) -> None:
        """Open the trainer panel over whatever is shown; F3 again (or Escape) closes it."""
        from tui.screens.trainer import TrainerScreen

        if isinstance(self.screen, TrainerScreen):
            self.screen.dismiss()
        elif not any(isinstance(s, TrainerScreen) for s in self.screen_stack):
            self.push_screen(TrainerScreen())

    async def action_switch_flow(self) -> None:
        """Show the next view (app → website → desk → app) from its first page."""
        await self.show_view(self.flow.next)

    async def show_view(self, view: Flow) -> None:
        """Show ``view`` from its first page, and remember it. The view left is closed
        (its pages and dialogs), so it starts afresh when shown again."""
        if view is self.flow:
            return
        previous = self.current_mode
        self.flow = view
        try:
            self._service.remember_flow(self.flow.value)
        except DomainError as error:  # switched here all the same; the file could not say so
            self.notify(self._error_text(error), severity="error", markup=False)
        await self.switch_mode(self.flow.value)
        await self.remove_mode(previous)
        self.add_mode(previous, self.MODES[previous])
        self._check_size(self.size.width, self.size.height)
        self.notify(self.translator(VIEW_COMMANDS[view][1]), timeout=2)
