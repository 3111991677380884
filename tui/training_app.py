"""TrainingApp: `cancel-order train`. The scenario list, then each attempt in its scenario's
view (the buyer's app, the website or the support desk) on a private copy of the data,
with a brief, hints, the desk's answers, Finish and a result page.

It is the `CancelOrderApp` with one more mode (``training``: the scenario list and the
result pages) and no data file of its own: each attempt opens a fresh `OrderService` on its
run's file, and the view's mode is started afresh for it. Time taken is on the real clock
(`time.monotonic`), never the simulated one.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable
from typing import Any

from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import ModalScreen, Screen

from tui import stylesheets
from tui.app import CancelOrderApp
from tui.flow import Flow
from tui.i18n import Language, Translator
from tui.screens.too_small import TooSmallScreen
from tui.screens.training.answer import AnswerScreen
from tui.screens.training.brief import BriefScreen
from tui.screens.training.finish_confirm import FinishConfirmScreen
from tui.screens.training.hint_confirm import HintConfirmScreen
from tui.screens.training.host import Attempt
from tui.screens.training.leave_confirm import LeaveConfirmScreen
from tui.screens.training.result import ResultScreen
from tui.screens.training.scenario_list import ScenarioListScreen
from tui.service import OrderService, open_service
from tui.store.errors import StoreError
from tui.theme import ALIEXPRESS_THEME
from tui.training.errors import TrainingError
from tui.training.scenario import View
from tui.training.session import TrainingSession
from tui.training.train_command import TrainOptions
from tui.widgets.training_bar import BarKey, BarState, TrainingBar

TRAINING_MODE = "training"


def mode_for_view(view: View) -> str:
    """The app's mode (view) a scenario is worked in: the buyer's app, the website, or the
    support desk (each `View` is a `Flow`)."""
    return Flow(view).value


def scenario_list() -> Screen[Any]:
    return ScenarioListScreen()


class TrainingApp(CancelOrderApp):
    TITLE = "AliExpress · training"
    MODES = {**CancelOrderApp.MODES, TRAINING_MODE: scenario_list}
    CSS_PATH = stylesheets.ALL
    """Every sheet at once: the training pages list none of their own."""

    BINDINGS = [
        Binding("f1", "hint", "key.training.hint", id="training-hint", show=False),
        Binding("f5", "brief", "key.training.brief", id="training-brief", show=False),
        Binding("f6", "answer", "key.training.answer", id="training-answer", show=False),
        Binding("f9", "finish", "key.training.finish", id="training-finish", show=False),
    ]

    def __init__(
        self, options: TrainOptions, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        # No data file of its own (each attempt opens its run's): the view's parts of
        # `CancelOrderApp.__init__` without opening a service.
        self.flow = Flow.APP
        self.DEFAULT_MODE = TRAINING_MODE  # type: ignore[misc]
        App.__init__(self)
        self._translator = Translator(options.language or Language.ENGLISH)
        self.register_theme(ALIEXPRESS_THEME)
        self.theme = ALIEXPRESS_THEME.name
        self.training_session = options.session
        self.first_scenario = options.scenario
        self.clock = clock
        self.current_attempt: Attempt | None = None

    # -- what the training screens ask of the app (`TrainingHost`) ----------------------

    @property
    def session(self) -> TrainingSession:
        return self.training_session

    @property
    def attempt(self) -> Attempt | None:
        return self.current_attempt

    @property
    def service(self) -> OrderService:
        if self.current_attempt is None:
            raise RuntimeError("no scenario is being worked")
        return self.current_attempt.service

    def shown_generation(self) -> tuple[object, ...]:
        attempt = self.current_attempt
        version = None if attempt is None else (id(attempt), attempt.service.version)
        return (version, self._translator.language)

    def elapsed_seconds(self) -> int:
        attempt = self.current_attempt
        return 0 if attempt is None else max(0, int(self.clock() - attempt.started))

    def answers_changed(self) -> None:
        self.update_bars()

    def keep_language(self) -> None:
        """The language is the session's (recorded with each attempt), not the run file's."""

    # -- the app's life ------------------------------------------------------------------

    def on_mount(self) -> None:
        """(Textual then runs `CancelOrderApp.on_mount` too: signals, the size check.)"""
        self.screen_change_signal.subscribe(self, self.screen_changed)
        if self.first_scenario is not None:
            self.start_scenario(self.first_scenario.id)

    @on(events.Unmount)
    def close_attempt(self, event: events.Unmount) -> None:
        """Close the attempt's service, if any (instead of `CancelOrderApp.on_unmount`,
        which `prevent_default` keeps from running: there is no service of its own)."""
        event.prevent_default()
        if self.current_attempt is not None:
            self.current_attempt.service.close()

    # -- the training bar on every page of a run -----------------------------------------

    def bar_state(self) -> BarState | None:
        attempt = self.current_attempt
        if attempt is None:
            return None
        scenario = attempt.scenario
        return BarState(
            title=scenario.title.in_(self._translator.language.value),
            elapsed_seconds=self.elapsed_seconds(),
            limit_seconds=scenario.time_limit_seconds,
            hints_used=attempt.hints_used,
            hints_total=len(scenario.hints),
            answers=len(attempt.answers) if scenario.questions else None,
        )

    def bar_keys(self) -> list[BarKey]:
        attempt = self.current_attempt
        keys = [BarKey("F5", "key.training.brief", "brief")]
        keys.append(BarKey("F1", "key.training.hint", "hint"))
        if attempt is not None and attempt.scenario.questions:
            keys.append(BarKey("F6", "key.training.answer", "answer"))
        keys.append(BarKey("F9", "key.training.finish", "finish"))
        return keys

    def screen_changed(self, screen: Screen[Any]) -> None:
        """Each page of a run gets the training bar (dialogs show the page's underneath)."""
        if self.current_attempt is None or self.current_mode == TRAINING_MODE:
            return
        if isinstance(screen, (ModalScreen, TooSmallScreen)) or screen.query(TrainingBar):
            return
        screen.mount(TrainingBar(self.bar_state, self.bar_keys()))

    def update_bars(self) -> None:
        for bar in self.screen.query(TrainingBar):
            bar.update_from_state()
        for screen in self.screen_stack:
            for bar in screen.query(TrainingBar):
                bar.update_from_state()

    # -- starting and leaving an attempt -------------------------------------------------

    @work(exclusive=True, group="training")
    async def start_scenario(self, scenario_id: str) -> None:
        """Copy the scenario's start to a new private file, open its view on it, and show
        the brief. A failure is one sentence on screen; the list stays."""
        t = self._translator
        if self.current_attempt is not None:
            await self.leave_attempt()
        try:
            run = await asyncio.to_thread(self.training_session.start, scenario_id)
            service = await asyncio.to_thread(open_service, run.data_path)
        except (TrainingError, StoreError) as error:
            self.notify(t("training_ui.error.start", error=str(error)), severity="error")
            return
        self.current_attempt = Attempt(run, service, started=self.clock())
        mode = mode_for_view(run.scenario.view)
        self.flow = Flow(mode)
        await self.switch_mode(mode)
        self.screen_changed(self.screen)
        self._check_size(self.size.width, self.size.height)
        self.refresh_bindings()
        await self.push_screen(BriefScreen(starting=True))

    async def leave_attempt(self) -> None:
        """Back to the scenario list; the run's view is closed, its file left as it is."""
        attempt = self.current_attempt
        if attempt is None:
            return
        mode = self.current_mode
        await self.switch_mode(TRAINING_MODE)
        if mode != TRAINING_MODE:
            await self.remove_mode(mode)
            self.add_mode(mode, self.MODES[mode])
        self.current_attempt = None
        attempt.service.close()
        self.flow = Flow.APP
        self.refresh_bindings()

    # -- the training actions ------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        attempt = self.current_attempt
        if action == "switch_flow":
            return False  # the scenario says where to work
        if action == "trainer":
            return attempt is not None and attempt.scenario.trainer_panel
        if action in ("brief", "hint", "finish", "leave"):
            return attempt is not None
        if action == "answer":
            return attempt is not None and bool(attempt.scenario.questions)
        return True

    def action_trainer(self) -> None:
        if self.check_action("trainer", ()):
            super().action_trainer()

    async def action_switch_flow(self) -> None:
        """A scenario is worked in its own view: no switching."""

    def action_brief(self) -> None:
        if self.current_attempt is None:
            return
        if isinstance(self.screen, BriefScreen):
            self.screen.close(None)
        elif not any(isinstance(s, BriefScreen) for s in self.screen_stack):
            self.push_screen(BriefScreen())

    def action_answer(self) -> None:
        if not self.check_action("answer", ()):
            return
        if isinstance(self.screen, AnswerScreen):
            self.screen.close(None)
        elif not any(isinstance(s, AnswerScreen) for s in self.screen_stack):
            self.push_screen(AnswerScreen())

    @work(exclusive=True, group="training-hint")
    async def action_hint(self) -> None:
        """The next hint, after saying what it costs; shown in the brief."""
        attempt = self.current_attempt
        if attempt is None or any(isinstance(s, HintConfirmScreen) for s in self.screen_stack):
            return
        if attempt.hints_used >= len(attempt.scenario.hints):
            self.notify(self._translator("training_ui.hint.no_more"))
            return
        if not await self.push_screen_wait(HintConfirmScreen()):
            return
        attempt.hints_used += 1
        self.update_bars()
        if isinstance(self.screen, BriefScreen):
            await self.screen.recompose()
        else:
            self.push_screen(BriefScreen())

    @work(exclusive=True, group="training-finish")
    async def action_finish(self) -> None:
        """Grade the attempt and keep it in the results file, then show the result page.
        If it can't be kept, one sentence says so and the attempt goes on as it was."""
        attempt = self.current_attempt
        if attempt is None or any(isinstance(s, FinishConfirmScreen) for s in self.screen_stack):
            return
        if not await self.push_screen_wait(FinishConfirmScreen()):
            return
        language = self._translator.language.value
        try:
            result = await asyncio.to_thread(
                self.training_session.finish,
                attempt.run,
                sorted(attempt.answers),
                attempt.hints_used,
                self.elapsed_seconds(),
                language,
            )
        except TrainingError as error:
            message = self._translator("training_ui.error.finish", error=str(error))
            self.notify(message, severity="error", timeout=10)
            return
        await self.leave_attempt()
        await self.push_screen(ResultScreen(attempt.scenario, result))

    @work(exclusive=True, group="training-leave")
    async def action_leave(self) -> None:
        if self.current_attempt is None:
            return
        if await self.push_screen_wait(LeaveConfirmScreen()):
            await self.leave_attempt()

    # -- commands ------------------------------------------------------------------------

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        t = self._translator
        for name, action in (
            ("brief", self.action_brief),
            ("hint", self.action_hint),
            ("answer", self.action_answer),
            ("finish", self.action_finish),
            ("leave", self.action_leave),
        ):
            if self.check_action(name, ()):
                yield SystemCommand(
                    t(f"training_ui.command.{name}"), t(f"training_ui.command.{name}_help"), action
                )
        for command in super().get_system_commands(screen):
            if command.callback == self.action_switch_flow:
                continue
            if command.callback == self.action_trainer and not self.check_action("trainer", ()):
                continue
            yield command
