"""deploy/nginx/cancel-order.conf, run as it is shipped (only its ports changed) on loopback:
nginx in front of two `serve` processes, each with a class folder of its own, as two machines
that share nothing but the proxy."""

from __future__ import annotations

import contextlib
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from benchmarks.classroom_client import Tab
from tests.serve.browser import require_or_skip
from tests.serve.helpers import serve_command
from tui.i18n import Language, Translator

pytestmark = pytest.mark.nginx
SHIPPED = Path(__file__).resolve().parents[2] / "deploy" / "nginx" / "cancel-order.conf"
NGINX = "/usr/sbin/nginx"
MAIN = """daemon off;
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log info;
events {{ worker_connections 256; }}
http {{
    access_log {dir}/access.log;
    client_body_temp_path {dir}/client_body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    include {dir}/cancel-order.conf;
}}
"""
T = Translator(Language.ENGLISH)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def port_of(url: str) -> int:
    return int(url.rstrip("/").rsplit(":", 1)[1])


@contextlib.contextmanager
def nginx(folder: Path, backends: list[int]) -> Iterator[str]:
    """nginx with the shipped file, its two backends and its port changed; its address."""
    if shutil.which(NGINX) is None and not Path(NGINX).exists():
        require_or_skip("no nginx (apt-get install nginx)", "CANCEL_ORDER_REQUIRE_BROWSER")
    port = free_port()
    site = SHIPPED.read_text()
    site = site.replace("127.0.0.1:8001", f"127.0.0.1:{backends[0]}")
    site = site.replace("127.0.0.1:8002", f"127.0.0.1:{backends[1]}")
    site = site.replace("listen 8080;", f"listen 127.0.0.1:{port};")
    folder.mkdir()
    (folder / "cancel-order.conf").write_text(site)
    (folder / "nginx.conf").write_text(MAIN.format(dir=folder))
    process = subprocess.Popen(
        [NGINX, "-p", str(folder), "-c", str(folder / "nginx.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"nginx did not start: {process.communicate()[1]!r}")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=20)


def backend_of(name: str, folders: list[Path]) -> int:
    """Which backend opened the trainee's file (each has its own class folder)."""
    return next(i for i, folder in enumerate(folders) if (folder / f"{name}.json").exists())


async def test_two_serve_processes_behind_nginx(tmp_path: Path) -> None:
    folders = [tmp_path / "machine-a" / "class", tmp_path / "machine-b" / "class"]
    for folder in folders:
        folder.parent.mkdir()
    machine = [("--class-dir", str(folder), "--code", "mango-24") for folder in folders]
    with (
        serve_command(folders[0].parent, *machine[0]) as (_a, url_a),
        serve_command(folders[1].parent, *machine[1]) as (_b, url_b),
        nginx(tmp_path / "nginx", [port_of(url_a), port_of(url_b)]) as proxy,
    ):
        origin = {"Origin": proxy}
        jar = aiohttp.CookieJar(unsafe=True)  # keeps cookies of an IP address, as browsers do
        async with aiohttp.ClientSession(cookie_jar=jar) as http:
            # The class code, typed through the proxy, is good on both machines.
            async with http.post(f"{proxy}/code", data={"code": "MANGO24"}) as response:
                assert response.status == 200
                assert T("serve.name_heading") in await response.text()
            async with http.get(f"{proxy}/", params={"name": "Amina"}) as response:
                page = await response.text()
            ws_path = re.search(r'data-ws-path="([^"]+)"', page)
            assert ws_path is not None and ws_path.group(1) == "/ws/auto/amina"
            async with http.get(f"{proxy}/static/js/textual.js") as response:
                assert response.status == 200 and len(await response.read()) > 100_000
            # A session connects through the proxy: the websocket upgrades, the app draws.
            ws_url = proxy.replace("http:", "ws:") + ws_path.group(1)
            first = await Tab.start(await http.ws_connect(ws_url, headers=origin))
            await first.settle(0, quiet=0.5)
            home = backend_of("amina", folders)
            # The same trainee again, from another browser: the same machine, so told.
            async with aiohttp.ClientSession(cookie_jar=http.cookie_jar) as other:
                second = await Tab.start(await other.ws_connect(ws_url, headers=origin))
                await second.settle(0, quiet=0.5)
                assert T("serve.in_use_title") in second.text()
                await second.close()
            await first.close()
            # And other trainees reach the other machine too.
            for n in range(12):
                name = f"trainee-{n}"
                url = proxy.replace("http:", "ws:") + f"/ws/auto/{name}"
                tab = await Tab.start(await http.ws_connect(url, headers=origin))
                await tab.next_frame(0, timeout=30)
                await tab.close()
                if backend_of(name, folders) != home:
                    break
            else:
                raise AssertionError("twelve trainees all went to one machine")
        async with (
            aiohttp.ClientSession() as stranger,
            stranger.get(f"{proxy}/", allow_redirects=False) as response,
        ):
            assert response.status == 303  # no code, nothing but the code page
