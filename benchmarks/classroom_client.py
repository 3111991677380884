"""A browser tab without the browser: textual-serve's websocket protocol, spoken with aiohttp.

What the page's script does (textual-serve's `textual.js`): open `ws://…/ws…?width=&height=`,
send `["resize", {width, height}]`, then each key as `["stdin", text]` with the terminal's
own bytes (Enter is "\\r", ↓ is "\\x1b[B", Ctrl+S is "\\x13"); the server answers with the
app's terminal output as binary frames and a few JSON text frames (`open_url`, `pong`).
Used by the classroom benchmark (`benchmarks.classroom`) and by the tests of `serve`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import time
from typing import Any

import aiohttp

KEYS = {
    "enter": "\r",
    "escape": "\x1b",
    "down": "\x1b[B",
    "up": "\x1b[A",
    "right": "\x1b[C",
    "left": "\x1b[D",
    "tab": "\t",
    "ctrl+s": "\x13",
}
"""The bytes xterm.js sends for the keys the tests and the benchmark press."""
ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()=>][0-9A-Za-z]?"
)


class Tab:
    """One tab's websocket: everything the app drew, and when it last drew."""

    def __init__(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        self.socket = socket
        self.output = bytearray()
        self.messages: list[Any] = []
        self.frame_times: list[float] = []
        self.closed = asyncio.Event()
        self._frame = asyncio.Event()
        self._reader = asyncio.create_task(self._read())

    @classmethod
    async def open(
        cls, http: aiohttp.ClientSession, url: str, width: int = 100, height: int = 30
    ) -> Tab:
        """Connect to `url` (ws://host:port/ws/…) at the given terminal size."""
        socket = await http.ws_connect(f"{url}?width={width}&height={height}")
        return await cls.start(socket, width, height)

    @classmethod
    async def start(
        cls, socket: aiohttp.ClientWebSocketResponse, width: int = 100, height: int = 30
    ) -> Tab:
        """A tab on a websocket already open (as a test client opens it)."""
        tab = cls(socket)
        await tab.send(["resize", {"width": width, "height": height}])
        return tab

    @property
    def frames(self) -> int:
        return len(self.frame_times)

    @property
    def last_frame_at(self) -> float:
        return self.frame_times[-1] if self.frame_times else 0.0

    async def _read(self) -> None:
        try:
            async for message in self.socket:
                if message.type == aiohttp.WSMsgType.BINARY:
                    self.output += message.data
                    self.frame_times.append(time.perf_counter())
                    self._frame.set()
                elif message.type == aiohttp.WSMsgType.TEXT:
                    self.messages.append(json.loads(message.data))
                    self._frame.set()
        finally:
            self.closed.set()
            self._frame.set()

    async def send(self, envelope: list[Any]) -> None:
        await self.socket.send_str(json.dumps(envelope))

    async def press(self, key: str) -> float:
        """Send a key as the page would; the time it was sent (perf_counter)."""
        sent = time.perf_counter()
        await self.send(["stdin", KEYS.get(key, key)])
        return sent

    async def next_frame(self, after_frames: int, timeout: float) -> float:
        """When the first frame after the `after_frames`-th one arrived."""
        async with asyncio.timeout(timeout):
            while self.frames <= after_frames:
                if self.closed.is_set():
                    raise ConnectionError("the session closed")
                self._frame.clear()
                await self._frame.wait()
        return self.frame_times[after_frames]

    async def settle(self, after_frames: int, quiet: float = 0.3, timeout: float = 20) -> None:
        """Wait for a frame after `after_frames`, then for `quiet` seconds without one."""
        await self.next_frame(after_frames, timeout)
        async with asyncio.timeout(timeout):
            while time.perf_counter() - self.last_frame_at < quiet:
                await asyncio.sleep(quiet / 4)

    async def press_and_settle(self, *keys: str, quiet: float = 0.5) -> None:
        for key in keys:
            frames = self.frames
            await self.press(key)
            await self.settle(frames, quiet)

    def text(self) -> str:
        """What the app wrote, without its escape sequences (rows run together)."""
        return ESCAPES.sub("", self.output.decode("utf-8", "replace"))

    async def close(self) -> None:
        await self.socket.close()
        self._reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._reader
