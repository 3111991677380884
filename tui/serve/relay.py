"""What a browser's page sends over its websocket, passed on to the session's process.

textual-serve's page (`textual.js`) sends JSON lists: keys and mouse as `["stdin", text]`,
`["resize", {width, height}]`, `["ping", n]`, `["focus"]`, `["blur"]`. Anything else, or
anything malformed, is ignored: a page is not trusted to be textual-serve's.
"""

from __future__ import annotations

import json

from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService

MAX_WIDTH, MAX_HEIGHT = 1000, 500


def size(value: object, default: int, largest: int) -> int:
    """A terminal dimension from the browser: a whole number in 1..largest, else `default`."""
    try:
        number = int(str(value))
    except ValueError:
        return default
    return number if 1 <= number <= largest else default


async def relay(socket: web.WebSocketResponse, service: AppService) -> None:
    """The browser's messages to the process, as textual-serve's page sends them: keys and
    mouse as `["stdin", text]`, `["resize", {width, height}]`, `["ping", n]`, focus, blur.
    Anything else is ignored."""
    async for message in socket:
        if message.type != WSMsgType.TEXT:
            continue
        try:
            envelope = json.loads(message.data)
        except ValueError:
            continue
        if not isinstance(envelope, list) or not envelope:
            continue
        kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
        if kind == "stdin" and isinstance(data, str):
            await service.send_bytes(data.encode("utf-8"))
        elif kind == "resize" and isinstance(data, dict):
            width = size(data.get("width"), 0, MAX_WIDTH)
            height = size(data.get("height"), 0, MAX_HEIGHT)
            if width and height:
                await service.set_terminal_size(width, height)
        elif kind == "ping" and isinstance(data, str):
            await socket.send_json(["pong", data[:32]])
        elif kind == "blur":
            await service.blur()
        elif kind == "focus":
            await service.focus()
