"""The web server: the pages asked before the app, and one app process per browser websocket.

Built on textual-serve's public `AppService` (one process per websocket, speaking Textual's
web driver protocol on its pipes) with our own aiohttp routes around it:

- `/` the app's page (first the name form, with `--class-dir`); `/code` the class code form;
- `/ws/{lang}` and `/ws/{lang}/{trainee}` the websockets, each starting one session process
  (`tui.serve.session`): a private copy of the demo data, or the trainee's own file;
- `/static/` textual-serve's own script, styles and fonts: nothing is fetched from elsewhere.

With a class code every route but `/code` needs the code's cookie: without it a browser gets
the code form (for `/`) or 403, and no process is started.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import shlex
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

import textual_serve
from aiohttp import WSCloseCode, web
from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager

from tui.compat import served_process
from tui.i18n import LANGUAGE_CODES, Language
from tui.serve.code import WrongCodes, code_matches, same_token, token_for
from tui.serve.names import BadName, check_name, is_slug
from tui.serve.pages import address, code_page, name_page, terminal_page
from tui.serve.relay import MAX_HEIGHT, MAX_WIDTH, relay, size

STATIC = Path(textual_serve.__file__).resolve().parent / "static"
"""textual-serve's page files: its script (xterm.js inside), styles and Roboto Mono."""
CODE_COOKIE = "cancel_order_class"
CODE_COOKIE_AGE = 12 * 3600
"""A class day: the code is asked again the next morning."""
NO_LANGUAGE = "auto"
"""The websocket's language when the visitor chose none: the data file's own is used."""
STOP_GRACE = 10.0
OPEN_PATHS = frozenset({"/code", "/favicon.ico"})
"""What a browser without the class code may ask for."""
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class ServeSettings:
    """What `cancel-order serve` was asked, checked (`tui.serve.command`)."""

    host: str
    port: int
    class_dir: Path | None = None
    code: str | None = None
    language: Language | None = None
    wrong_code_delay: float = 1.0


def html_response(body: str, status: int = 200) -> web.Response:
    response = web.Response(text=body, status=status, content_type="text/html")
    response.headers["Cache-Control"] = "no-store"
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; script-src 'self' 'unsafe-inline'; "
        "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        "connect-src 'self'; frame-ancestors 'none'"
    )
    return response


def client_address(request: web.Request) -> str:
    """Who is typing codes: the peer, or, behind a proxy on this machine, its X-Real-IP."""
    peer = request.remote or "?"
    forwarded = request.headers.get("X-Real-IP")
    try:
        local = ipaddress.ip_address(peer).is_loopback
    except ValueError:
        local = False
    return forwarded.strip() if forwarded and local else peer


def same_origin(request: web.Request) -> bool:
    """A websocket opened by our own page (or by a program that sends no Origin), not by
    another site's page in the same browser."""
    origin = request.headers.get("Origin")
    return origin is None or urlsplit(origin).netloc == request.host


class Session(AppService):
    """textual-serve's `AppService`, whose `stop` also waits for the process to end (killed
    if it has not quit within `STOP_GRACE` seconds): a session ends with its process, and
    the server stops only when all of them have."""

    @property
    def process(self) -> asyncio.subprocess.Process | None:
        return served_process(self)

    async def ended(self) -> None:
        """When the process has ended, however (quit, crashed, killed)."""
        if self.process is not None:
            await self.process.wait()

    async def stop(self) -> None:
        process = self.process
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(super().stop(), STOP_GRACE)
        if process is None or process.returncode is not None:
            return
        try:
            await asyncio.wait_for(process.wait(), STOP_GRACE)
        except TimeoutError:
            process.kill()
            await process.wait()


class ClassServer:
    """The aiohttp application of one `serve` process, and its open sessions."""

    def __init__(self, settings: ServeSettings, temp_root: Path) -> None:
        self.settings = settings
        self.temp_root = temp_root
        self.token = token_for(settings.code) if settings.code else None
        self.wrong_codes = WrongCodes()
        self.downloads = DownloadManager()
        self.sockets: set[web.WebSocketResponse] = set()
        self.sessions: set[Session] = set()

    def make_app(self) -> web.Application:
        app = web.Application(middlewares=[self.guard])
        app[CLASS_SERVER] = self
        app.add_routes(
            [
                web.get("/", self.index),
                web.get("/favicon.ico", no_icon),
                web.get("/code", self.code_form),
                web.post("/code", self.code_submit),
                web.get("/ws/{lang}", self.websocket),
                web.get("/ws/{lang}/{trainee}", self.websocket),
                web.static("/static", STATIC),
            ]
        )
        app.on_shutdown.append(self.close_sessions)
        return app

    # The class code ------------------------------------------------------------------

    @web.middleware
    async def guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if self.token is None or request.path in OPEN_PATHS:
            return await handler(request)
        if same_token(request.cookies.get(CODE_COOKIE), self.token):
            return await handler(request)
        if request.path == "/" and request.method == "GET":
            raise web.HTTPSeeOther(address("/code", lang=request.query.get("lang")))
        raise web.HTTPForbidden()

    async def code_form(self, request: web.Request) -> web.StreamResponse:
        if self.token is None:
            raise web.HTTPSeeOther("/")
        language, explicit = self.language_of(request)
        return html_response(code_page(language, chosen=explicit))

    async def code_submit(self, request: web.Request) -> web.StreamResponse:
        if self.token is None or self.settings.code is None:
            raise web.HTTPSeeOther("/")
        form = await request.post()
        typed = str(form.get("code", ""))[:200]
        language, explicit = self.language_of(request, form.get("lang"))
        who, now = client_address(request), time.monotonic()
        if self.wrong_codes.refused(who, now):
            return html_response(code_page(language, "serve.code_too_many", explicit), status=429)
        if code_matches(typed, self.settings.code):
            back = web.HTTPSeeOther(address("/", lang=language.value if explicit else None))
            secure = request.secure or request.headers.get("X-Forwarded-Proto") == "https"
            back.set_cookie(
                CODE_COOKIE,
                self.token,
                max_age=CODE_COOKIE_AGE,
                httponly=True,
                samesite="Lax",
                secure=secure,
            )
            raise back
        self.wrong_codes.record(who, now)
        await asyncio.sleep(self.settings.wrong_code_delay)
        return html_response(code_page(language, "serve.code_wrong", explicit), status=403)

    # The pages -----------------------------------------------------------------------

    def language_of(self, request: web.Request, asked: object = None) -> tuple[Language, bool]:
        """The page's language, and whether anyone chose it (then the app starts in it)."""
        asked = asked if asked is not None else request.query.get("lang")
        if isinstance(asked, str) and asked in LANGUAGE_CODES:
            return Language(asked), True
        if self.settings.language is not None:
            return self.settings.language, True
        return Language.ENGLISH, False

    async def index(self, request: web.Request) -> web.StreamResponse:
        language, explicit = self.language_of(request)
        ws_path = f"/ws/{language.value if explicit else NO_LANGUAGE}"
        if self.settings.class_dir is None:
            return html_response(terminal_page(language, ws_path))
        typed = request.query.get("name")
        if typed is None:
            return html_response(name_page(language, chosen=explicit))
        try:
            trainee = check_name(typed)
        except BadName as problem:
            return html_response(name_page(language, typed, problem, explicit), status=400)
        return html_response(terminal_page(language, f"{ws_path}/{quote(trainee.slug)}"))

    # The sessions --------------------------------------------------------------------

    def session_command(self, lang: str, trainee: str | None) -> str:
        """The shell command of one browser tab's process (textual-serve runs it with sh)."""
        command = [sys.executable, "-m", "tui.serve.session", "--lang", lang]
        if trainee is None:
            command += ["visitor", "--temp-root", str(self.temp_root)]
        else:
            assert self.settings.class_dir is not None
            command += ["trainee", "--class-dir", str(self.settings.class_dir), trainee]
        return "exec " + shlex.join(command)

    async def websocket(self, request: web.Request) -> web.StreamResponse:
        lang = request.match_info["lang"]
        trainee = request.match_info.get("trainee")
        if lang not in (*LANGUAGE_CODES, NO_LANGUAGE):
            raise web.HTTPNotFound()
        if (trainee is None) != (self.settings.class_dir is None):
            raise web.HTTPNotFound()
        if trainee is not None and not is_slug(trainee):
            raise web.HTTPNotFound()
        if not same_origin(request):
            raise web.HTTPForbidden()
        socket = web.WebSocketResponse(heartbeat=15)
        await socket.prepare(request)
        service = Session(
            self.session_command(lang, trainee),
            write_bytes=socket.send_bytes,
            write_str=socket.send_str,
            close=lambda: close_quietly(socket),
            download_manager=self.downloads,
        )
        self.sockets.add(socket)
        self.sessions.add(service)
        try:
            await service.start(
                size(request.query.get("width"), 80, MAX_WIDTH),
                size(request.query.get("height"), 24, MAX_HEIGHT),
            )
            # A process that ends without saying so (killed, out of memory) closes the
            # websocket too: the page says "Session ended" and offers Restart.
            watcher = asyncio.ensure_future(close_when_ended(service, socket))
            try:
                await relay(socket, service)
            finally:
                watcher.cancel()
        finally:
            self.sockets.discard(socket)
            # Shielded: a handler cancelled (its browser gone) still ends its process.
            await asyncio.shield(asyncio.ensure_future(self.end(service)))
        return socket

    async def end(self, service: Session) -> None:
        try:
            await service.stop()
        finally:
            self.sessions.discard(service)

    async def close_sessions(self, app: web.Application) -> None:
        """On shutdown: every browser is told its session ended, every process to quit, and
        the server waits for them (each is killed after `STOP_GRACE` seconds)."""
        for socket in list(self.sockets):
            await socket.close(code=WSCloseCode.GOING_AWAY)
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(3 * STOP_GRACE):
                while self.sessions:
                    await asyncio.sleep(0.05)


async def close_when_ended(service: Session, socket: web.WebSocketResponse) -> None:
    await service.ended()
    await socket.close()


async def no_icon(request: web.Request) -> web.StreamResponse:
    """Browsers ask for one; the page has none (204 rather than a 404 in their console)."""
    return web.Response(status=204)


async def close_quietly(socket: web.WebSocketResponse) -> None:
    """The app ended (it quit, or the notice was left): the page shows "Session ended"."""
    await socket.close()


CLASS_SERVER = web.AppKey("class_server", ClassServer)
"""Where the application keeps its `ClassServer` (for tests and tools)."""
