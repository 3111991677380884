"""The player: walks the script on the real screens through Textual's `Pilot`, with captions.

It is the app's auto-pilot (`App.run(auto_pilot=player.play)`). Each step: the caption, a
moment to read it, the step's keys one by one (each shown in the bar as it is pressed), then
a hold. The presenter's keys (`tui.demo.keys`) arrive while it waits or between two keys:
Space stops the clock, → plays the rest of the step at once, ← rewinds to where the step
began and plays it again, Escape leaves the app to the presenter where it is, q closes it.

Rewinding replays the flow from its first page, on fresh demo data, at full speed: the app
can't be put back by hand, but the same checked moves always lead to the same place.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from textual import events
from textual.binding import Binding
from textual.pilot import Pilot
from textual.screen import Screen
from textual.timer import Timer

from tui.demo.captions import note_caption, step_caption
from tui.demo.keys import PRESENTER_KEYS, Command, ScriptedKeys
from tui.demo.pacing import Pacing
from tui.demo.script import TRAINER_KEY, Segment
from tui.demo.views import fresh_start
from tui.screenshots.walk import WalkError
from tui.widgets.caption_bar import CaptionLayer

if TYPE_CHECKING:
    from tui.app import CancelOrderApp

MOUSE_PRESSES = (events.MouseDown, events.MouseUp, events.MouseScrollDown, events.MouseScrollUp)


class Replay(Exception):
    """← was pressed: play the current step again."""


class Stopped(Exception):
    """Escape or q: the demo ends here."""

    def __init__(self, command: Command) -> None:
        super().__init__(command.value)
        self.command = command


@dataclass(frozen=True)
class Shown:
    """A step as it was played, for whoever checks the demo (the tests): its caption, and
    the screen on top when its moves were done, and what that screen's caption bar said."""

    flow: str
    slug: str
    text: str
    screen: str = ""
    bar_text: str = ""


class DemoPilot(Pilot[None]):
    """The pilot the steps get: before each key, the player's pause, pace and checks."""

    def __init__(self, player: Player) -> None:
        super().__init__(player.app)
        self.player = player

    async def press(self, *keys: str) -> None:
        for key in keys:
            await self.player.before_key(key)
            await super().press(key)
            self.player.keys_in_step += 1


class Player:
    """Plays `segments` on `app`, once or (`loop`) until stopped."""

    def __init__(
        self,
        app: CancelOrderApp,
        segments: tuple[Segment, ...],
        pacing: Pacing,
        loop: bool,
        captioned: Callable[[Screen[Any]], bool],
    ) -> None:
        self.app = app
        self.segments = segments
        self.pacing = pacing
        self.loop = loop
        self.bars = CaptionLayer(app, captioned)
        self.scripted = ScriptedKeys()
        self.history: list[Shown] = []
        self.intercepting = False
        """While True, every key but the script's is the presenter's, and no click lands."""
        self.paused = False
        self.hurry = False
        self.rewinding = False
        self.replay_asked = False
        self.stop: Command | None = None
        self.at_the_end = False
        self.keys_in_step = 0
        self.wake = asyncio.Event()
        self.current: tuple[Segment, int] | None = None
        self.key_timer: Timer | None = None

    # -- what the app hands over -----------------------------------------------------

    def takes(self, event: events.Event) -> bool:
        """True if the demo takes `event` (a presenter's key, a click) from the app."""
        if not self.intercepting or not isinstance(event, events.InputEvent):
            return False
        if event.is_forwarded:
            return False
        if isinstance(event, events.Key):
            if self.scripted.take(event.key):
                return False
            self.command(PRESENTER_KEYS.get(event.key))
            return True
        return isinstance(event, MOUSE_PRESSES)

    def command(self, command: Command | None) -> None:
        if command is None:
            return
        if command is Command.PAUSE and not self.at_the_end:
            self.paused = not self.paused
            self.refresh_caption()
        elif command is Command.NEXT and not self.at_the_end:
            self.hurry = True
        elif command is Command.REPLAY:
            self.replay_asked = True
        elif command in (Command.STOP, Command.QUIT):
            self.stop = command
        self.wake.set()

    def abandon(self) -> None:
        """The app is closing (by any way): end the play at the next check."""
        if self.stop is None:
            self.stop = Command.QUIT
        self.wake.set()

    # -- the play ----------------------------------------------------------------------

    async def play(self, pilot: Pilot[Any]) -> None:
        """The auto-pilot: every step of every segment, then the end (or again, looping)."""
        driver = DemoPilot(self)
        steps = [(segment, i) for segment in self.segments for i in range(len(segment.steps))]
        position = 0
        self.intercepting = True
        try:
            while True:
                if position == len(steps):
                    if await self.the_end():
                        position = len(steps) - 1
                        await self.rewind(driver, *steps[position])
                    else:
                        position = 0
                    continue
                segment, index = steps[position]
                if index == 0 and (position > 0 or self.history):
                    await self.restart(segment)
                try:
                    await self.play_step(driver, segment, index)
                    position += 1
                except Replay:
                    if self.keys_in_step:
                        await self.rewind(driver, segment, index)
        except Stopped as stop:
            self.finish(stop.command)
        except WalkError:
            self.finish(None)

    async def play_step(self, driver: DemoPilot, segment: Segment, index: int) -> None:
        self.current = (segment, index)
        self.hurry, self.keys_in_step = False, 0
        self.refresh_caption()
        shown = Shown(segment.flow.value, segment.steps[index].slug, self.caption_text())
        self.history.append(shown)
        await self.wait(self.pacing.lead)
        await segment.steps[index].action(driver)
        await driver.pause()
        bar = self.bars.shown_on(self.app.screen)
        self.history[-1] = replace(
            shown,
            screen=type(self.app.screen).__name__,
            bar_text=bar.caption.sentence.plain if bar is not None else "",
        )
        await self.wait(self.pacing.hold(len(shown.text)))

    async def restart(self, segment: Segment) -> None:
        """Fresh demo data, both views closed, `segment`'s view on its first page."""
        await fresh_start(self.app, segment.flow)

    async def rewind(self, driver: DemoPilot, segment: Segment, index: int) -> None:
        """Back to where step `index` began: the segment again from its start, at once."""
        self.current = (segment, index)
        self.rewinding = True
        self.refresh_caption()
        try:
            await self.restart(segment)
            for step in segment.steps[:index]:
                await step.action(driver)
        finally:
            self.rewinding = False
            self.replay_asked = False

    async def the_end(self) -> bool:
        """The end: True to play the last step again (←); False to start over (looping)."""
        t = self.app.translator
        if self.loop:
            self.bars.show(note_caption(t, "demo.again"))
            await self.wait(self.pacing.loop_pause)
            return False
        self.at_the_end, self.paused = True, False
        self.bars.show(note_caption(t, "demo.end"))
        try:
            while True:
                self.check()
                self.wake.clear()
                await self.wake.wait()
        except Replay:
            return True
        finally:
            self.at_the_end = False

    def finish(self, command: Command | None) -> None:
        """Stopped, quit, or lost its way: the app is the presenter's (or closes)."""
        self.intercepting = False
        self.scripted.clear()
        self.bars.clear()
        if command is Command.QUIT:
            self.app.exit()
        elif command is Command.STOP:
            self.app.notify(self.app.translator("demo.taken_over"), timeout=4)
        else:
            self.app.notify(self.app.translator("demo.lost"), severity="warning", timeout=8)

    # -- waiting, and the checks made at every wait and key ----------------------------------

    def check(self) -> None:
        if self.stop is not None:
            raise Stopped(self.stop)
        if self.replay_asked and not self.rewinding:
            self.replay_asked = False
            raise Replay

    async def wait(self, seconds: float) -> None:
        """Wait `seconds` of playing time: paused time doesn't count, → ends it, ← and
        Escape break it off (`check`)."""
        loop = asyncio.get_running_loop()
        remaining = seconds
        while True:
            self.check()
            if self.hurry or self.rewinding or remaining <= 0:
                return
            self.wake.clear()
            if self.paused:
                await self.wake.wait()
                continue
            started = loop.time()
            try:
                await asyncio.wait_for(self.wake.wait(), remaining)
            except TimeoutError:
                return
            remaining -= loop.time() - started

    async def before_key(self, key: str) -> None:
        """A moment between keys, then the key in the bar and noted as the script's."""
        await self.wait(self.pacing.gap)
        if not self.rewinding and not self.hurry:
            self.show_key(key)
            await self.wait(self.pacing.key_lead)
        self.check()
        self.scripted.expect(key)

    def show_key(self, key: str) -> None:
        """The key in the bar for a moment (at no pace, not at all)."""
        if self.key_timer is not None:
            self.key_timer.stop()
        if self.pacing.key_shown <= 0:
            return
        self.bars.show_key(self.app.get_key_display(Binding(key, "")))
        self.key_timer = self.app.set_timer(self.pacing.key_shown, lambda: self.bars.show_key(""))

    # -- the caption ---------------------------------------------------------------------

    def facts(self) -> dict[str, str]:
        hours = self.app.service.settings.seller_response_hours
        return {"hours": str(hours), "key": TRAINER_KEY.upper()}

    def refresh_caption(self) -> None:
        if self.current is None or self.at_the_end:
            return
        t = self.app.translator
        status = ""
        if self.rewinding:
            status = t("demo.rewinding")
        elif self.paused:
            status = t("demo.paused")
        segment, index = self.current
        self.bars.show(step_caption(t, segment, index, self.facts(), status))

    def caption_text(self) -> str:
        caption = self.bars.caption
        return caption.sentence.plain if caption is not None else ""
