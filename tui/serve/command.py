"""`cancel-order serve`: check the command line, then serve until Ctrl+C.

Loopback by default. Any other address needs a class code: `--code`, or one is made and
printed. Bad input gets one line and exit status 2, before anything listens.
"""

from __future__ import annotations

import argparse
import asyncio
import errno
import ipaddress
import os
import re
import shutil
import signal
import socket
import sys
import tempfile
from pathlib import Path
from typing import NoReturn

from tui.i18n import LANGUAGE_CODES, Language
from tui.serve.code import BadCode, check_code, generate_code
from tui.serve.server import ClassServer, ServeSettings

EXIT_BAD_INPUT = 2
LABEL = r"[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
HOSTNAME = re.compile(rf"^(?=.{{1,253}}$){LABEL}(\.{LABEL})*$")

DESCRIPTION = """\
Put the app in a web page, one process per browser tab. Each visitor gets a private copy
of the demo data, thrown away when the tab closes; with --class-dir, the first page asks a
trainee's name and keeps that trainee's orders in DIR/<name>.json (one tab at a time: a
second tab on the same name is told so).

Listens on loopback (this machine only) unless --host says otherwise; then browsers must
type a class code first (--code, or one is made and printed). There is no TLS: for https,
put it behind a reverse proxy (docs/classroom.md)."""


class ServeError(Exception):
    """Bad input found after parsing (one line)."""


class OneLineParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"cancel-order: error: {message}\n")


def build_parser() -> OneLineParser:
    parser = OneLineParser(
        prog="cancel-order serve",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", default="8000", help="port to listen on (0: any free one)")
    parser.add_argument("--class-dir", type=Path, metavar="DIR", help="a file per trainee")
    parser.add_argument("--code", help="the class code (made up if needed and not given)")
    parser.add_argument("--lang", metavar="LANG", help="en or sw: the pages' and app's language")
    return parser


def fail(message: str) -> NoReturn:
    print(f"cancel-order: error: {message}", file=sys.stderr)
    raise SystemExit(EXIT_BAD_INPUT)


def check_port(text: str) -> int:
    if not text.isdigit() or not 0 <= int(text) <= 65535:
        raise ServeError(f"--port takes a number from 0 to 65535, not '{text}'")
    return int(text)


def check_host(text: str) -> str:
    """An IP address or a host name; brackets around an IPv6 address are dropped."""
    host = text[1:-1] if text.startswith("[") and text.endswith("]") else text
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        pass
    if not HOSTNAME.match(host):
        raise ServeError(f"--host takes an IP address or a host name, not '{text}'")
    return host


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a name: it may well be reachable from elsewhere


def check_class_dir(path: Path) -> Path:
    """The class folder, made if only its last part is missing, and proven writable."""
    folder = path.expanduser().resolve()
    if folder.exists() and not folder.is_dir():
        raise ServeError(f"--class-dir {path} is not a folder")
    if not folder.exists():
        if not folder.parent.is_dir():
            raise ServeError(f"--class-dir {path}: its parent folder does not exist")
        try:
            folder.mkdir()
        except OSError as error:
            raise ServeError(f"--class-dir {path}: cannot create it ({error.strerror})") from None
    try:
        fd, probe = tempfile.mkstemp(prefix=".write-test-", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as error:
        raise ServeError(f"--class-dir {path} is not writable ({error.strerror})") from None
    return folder


def settings_from(args: argparse.Namespace) -> tuple[ServeSettings, bool]:
    """The checked settings, and whether the class code was made up here (to print it)."""
    port = check_port(args.port)
    host = check_host(args.host)
    language = None
    if args.lang is not None:
        if args.lang not in LANGUAGE_CODES:
            raise ServeError(f"unknown language '{args.lang}' for --lang (choose en or sw)")
        language = Language(args.lang)
    class_dir = check_class_dir(args.class_dir) if args.class_dir is not None else None
    try:
        code = check_code(args.code) if args.code is not None else None
    except BadCode as error:
        raise ServeError(str(error)) from None
    made_up = code is None and not is_loopback(host)
    if made_up:
        code = generate_code()
    settings = ServeSettings(host, port, class_dir, code, language)
    return settings, made_up


def listen_error(settings: ServeSettings, error: OSError) -> str:
    where = f"{settings.host}:{settings.port}"
    if isinstance(error, socket.gaierror):
        return f"cannot listen on {settings.host}: no such host"
    if error.errno == errno.EADDRINUSE:
        return f"cannot listen on {where}: the port is already in use"
    if error.errno == errno.EADDRNOTAVAIL:
        return f"cannot listen on {settings.host}: not an address of this machine"
    if error.errno == errno.EACCES:
        return f"cannot listen on {where}: permission denied (ports below 1024 need root)"
    return f"cannot listen on {where}: {error.strerror or error}"


def banner(settings: ServeSettings, port: int, made_up: bool) -> list[str]:
    host = f"[{settings.host}]" if ":" in settings.host else settings.host
    where = (
        "one file per trainee in " + str(settings.class_dir)
        if settings.class_dir
        else ("a fresh copy of the demo data per tab")
    )
    lines = [f"Serving cancel-order on http://{host}:{port}/ ({where})"]
    if settings.code:
        lines.append(
            f"Class code: {settings.code}" + (" (made up: give it to the class)" if made_up else "")
        )
    lines.append("No TLS: for https put it behind a reverse proxy. Ctrl+C stops.")
    return lines


async def serve(settings: ServeSettings, made_up: bool) -> None:
    from aiohttp import web

    temp_root = Path(tempfile.mkdtemp(prefix="cancel-order-serve-"))
    server = ClassServer(settings, temp_root)
    runner = web.AppRunner(server.make_app(), access_log=None, handle_signals=False)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    try:
        await runner.setup()
        site = web.TCPSite(runner, settings.host, settings.port)
        try:
            await site.start()
        except OSError as error:
            raise ServeError(listen_error(settings, error)) from None
        port = port_of(runner, settings.port)
        print("\n".join(banner(settings, port, made_up)), flush=True)
        await stop.wait()
    finally:
        await runner.cleanup()
        shutil.rmtree(temp_root, ignore_errors=True)


def port_of(runner: object, asked: int) -> int:
    """The port listened on: as asked, or the one the system chose for port 0."""
    for address in getattr(runner, "addresses", []):
        if isinstance(address, tuple) and len(address) >= 2:
            return int(address[1])
    return asked


def serve_command(argv: list[str]) -> None:
    args = build_parser().parse_args(argv)
    try:
        settings, made_up = settings_from(args)
        asyncio.run(serve(settings, made_up))
    except ServeError as error:
        fail(str(error))
