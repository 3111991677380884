"""The server in-process: its pages, the class code, and sessions driven through the
websocket as a browser's page drives them (no browser here: see test_browser.py)."""

from __future__ import annotations

import asyncio
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp
import pytest

from benchmarks.classroom_client import Tab
from tests.serve.helpers import (
    CANCEL_FLOW_KEYS,
    order_status,
    serve_in_process,
    visitor_files,
    wait_for,
)
from tui.i18n import Language, Translator
from tui.serve.code import token_for
from tui.serve.server import CLASS_SERVER, CODE_COOKIE

EN, SW = Translator(Language.ENGLISH), Translator(Language.SWAHILI)


class Resources(HTMLParser):
    """Every address a page makes the browser fetch or go to: src, href, action, CSS url()."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_style = tag == "style"
        for name, value in attrs:
            if name in ("src", "href", "action", "data-ws-path") and value:
                self.urls.append(value)
            if name == "style" and value:
                self.urls += css_urls(value)

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.urls += css_urls(data)


def css_urls(css: str) -> list[str]:
    return [m.strip("'\"") for m in re.findall(r"url\(([^)]*)\)", css)]


def page_resources(page: str) -> list[str]:
    parser = Resources()
    parser.feed(page)
    return parser.urls


def elsewhere(urls: list[str]) -> list[str]:
    """The addresses that would leave this server."""
    return [url for url in urls if urlsplit(url).scheme or urlsplit(url).netloc]


async def test_the_page_fetches_nothing_from_elsewhere(tmp_path: Path) -> None:
    async with serve_in_process(tmp_path) as client:
        response = await client.get("/")
        assert response.status == 200
        page = await response.text()
        urls = page_resources(page)
        assert "/static/js/textual.js" in urls and "/ws/auto" in urls
        assert elsewhere(urls) == []
        assert "fonts.googleapis" not in page
        for url in urls:
            if url.startswith("/static/"):
                fetched = await client.get(url)
                assert fetched.status == 200, url
                if url.endswith(".css"):
                    assert elsewhere(css_urls(await fetched.text())) == []
        script = await (await client.get("/static/js/textual.js")).text()
        assert re.findall(r"https?://[\w.-]+", script) == []
        assert "connect-src 'self'" in response.headers["Content-Security-Policy"]


@pytest.mark.slow  # two session processes driven to the end (~15 s)
async def test_each_visitor_works_on_a_copy_of_their_own(tmp_path: Path) -> None:
    sessions = tmp_path / "sessions"
    async with serve_in_process(tmp_path) as client:
        first = await Tab.start(await client.ws_connect("/ws/en?width=100&height=30"))
        second = await Tab.start(await client.ws_connect("/ws/en?width=100&height=30"))
        await first.settle(0, quiet=0.5)
        await second.settle(0, quiet=0.5)
        files = visitor_files(sessions)
        assert len(files) == 2
        await first.press_and_settle(*CANCEL_FLOW_KEYS)
        mine = wait_for(
            lambda: [f for f in files if order_status(f) == "cancellation_requested"],
            what="the cancellation in one visitor's file",
        )
        assert len(mine) == 1
        other = next(f for f in files if f not in mine)
        assert order_status(other) == "awaiting_shipment"
        await first.close()
        await second.close()
        wait_for(lambda: not list(sessions.iterdir()), what="the visitors' folders removed")


async def test_a_class_dir_asks_the_name_first(tmp_path: Path) -> None:
    async with serve_in_process(tmp_path, class_dir=tmp_path / "class") as client:
        form = await (await client.get("/")).text()
        assert EN("serve.name_heading") in form and 'name="name"' in form
        assert 'name="lang" value=""' in form  # nobody chose: each app keeps its file's
        form = await (await client.get("/", params={"lang": "sw"})).text()
        assert SW("serve.name_heading") in form and 'name="lang" value="sw"' in form
        page = await (await client.get("/", params={"name": " Amina  Juma "})).text()
        assert 'data-ws-path="/ws/auto/amina-juma"' in page
        page = await (await client.get("/", params={"name": "Amina", "lang": "sw"})).text()
        assert 'data-ws-path="/ws/sw/amina"' in page and SW("serve.starting") in page


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("../../etc/passwd", EN("serve.name_bad_character", character="/")),
        ("x" * 41, EN("serve.name_too_long", limit=40)),
        ("-", EN("serve.name_no_letters")),
    ],
)
async def test_a_bad_name_is_asked_again(tmp_path: Path, typed: str, expected: str) -> None:
    async with serve_in_process(tmp_path, class_dir=tmp_path / "class") as client:
        response = await client.get("/", params={"name": typed})
        assert response.status == 400
        page = await response.text()
        assert expected.replace("'", "&#x27;").replace('"', "&quot;") in page
        assert "/ws/" not in page
    assert not (tmp_path / "class").exists() or list((tmp_path / "class").iterdir()) == []


async def test_a_typed_name_is_only_text_on_the_page(tmp_path: Path) -> None:
    async with serve_in_process(tmp_path, class_dir=tmp_path / "class") as client:
        page = await (await client.get("/", params={"name": '"><script>alert(1)</script>'})).text()
        assert "<script>alert" not in page
        assert "&quot;&gt;&lt;script&gt;" in page


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/ws/fr", 404),
        ("/ws/en/amina", 404),  # a name, but no class folder
        ("/ws/auto/..%2Fetc", 404),
        ("/ws/auto/Amina", 404),  # not a file-name form: only what the page itself sends
    ],
)
async def test_websockets_refuse_what_the_page_never_asks(
    tmp_path: Path, path: str, status: int
) -> None:
    class_dir = tmp_path / "class" if "/ws/auto/" in path else None
    async with serve_in_process(tmp_path, class_dir=class_dir) as client:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await client.ws_connect(path)
        assert refused.value.status == status
    assert visitor_files(tmp_path / "sessions") == []


async def test_another_sites_page_gets_no_session(tmp_path: Path) -> None:
    async with serve_in_process(tmp_path) as client:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await client.ws_connect("/ws/en", headers={"Origin": "http://evil.example"})
        assert refused.value.status == 403
        origin = f"http://{client.host}:{client.port}"
        socket = await client.ws_connect("/ws/en", headers={"Origin": origin})
        await socket.close()


@pytest.mark.slow  # two session processes driven to the end (~15 s)
async def test_a_second_tab_on_a_trainees_file_is_told_so(tmp_path: Path) -> None:
    class_dir = tmp_path / "class"
    class_dir.mkdir()
    async with serve_in_process(tmp_path, class_dir=class_dir) as client:
        first = await Tab.start(await client.ws_connect("/ws/en/amina"))
        await first.settle(0, quiet=0.5)
        second = await Tab.start(await client.ws_connect("/ws/en/amina"))
        await second.settle(0, quiet=0.5)
        assert EN("serve.in_use_title") in second.text()
        assert "amina" in second.text()
        await second.press("enter")  # "Try again"
        await asyncio.wait_for(second._frame.wait(), 10)
        async with asyncio.timeout(10):
            while not second.messages:
                await asyncio.sleep(0.05)
        assert second.messages[0] == ["open_url", {"url": "/?name=amina&lang=en", "new_tab": False}]
        await first.press_and_settle(*CANCEL_FLOW_KEYS)  # the first tab is unharmed
        wait_for(lambda: order_status(class_dir / "amina.json") == "cancellation_requested")
        await second.close()
        await first.close()
    assert sorted(p.name for p in class_dir.glob("*.json")) == ["amina.json"]


async def test_without_the_code_nothing_is_served(tmp_path: Path) -> None:
    async with serve_in_process(tmp_path, code="K7QM3XPR") as client:
        response = await client.get("/", allow_redirects=False)
        assert response.status == 303 and response.headers["Location"] == "/code"
        for path in ("/static/js/textual.js", "/?name=x"):
            assert (await client.get(path, allow_redirects=False)).status in (303, 403)
        assert (await client.get("/static/js/textual.js")).status == 403
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await client.ws_connect("/ws/en")
        assert refused.value.status == 403
        forged = {CODE_COOKIE: token_for("WRONGCODE")}
        assert (await client.get("/", cookies=forged, allow_redirects=False)).status == 303
    assert visitor_files(tmp_path / "sessions") == []


async def test_a_wrong_code_is_refused_and_the_right_one_lets_in(tmp_path: Path) -> None:
    async with serve_in_process(tmp_path, code="K7QM3XPR") as client:
        form = await (await client.get("/code")).text()
        assert EN("serve.code_prompt") in form
        wrong = await client.post("/code", data={"code": "K7QM3XPQ"}, allow_redirects=False)
        assert wrong.status == 403
        assert EN("serve.code_wrong") in await wrong.text()
        assert CODE_COOKIE not in wrong.cookies
        right = await client.post("/code", data={"code": "k7qm-3xpr"}, allow_redirects=False)
        assert right.status == 303 and right.headers["Location"] == "/"
        assert right.cookies[CODE_COOKIE]["httponly"]
        page = await client.get("/")  # the client keeps the cookie, as a browser would
        assert page.status == 200 and "/ws/auto" in await page.text()
        tab = await Tab.start(await client.ws_connect("/ws/auto"))
        await tab.settle(0, quiet=0.3)
        await tab.close()


async def test_many_wrong_codes_from_one_address_are_refused_a_while(tmp_path: Path) -> None:
    async with serve_in_process(tmp_path, code="K7QM3XPR") as client:
        for _ in range(5):
            response = await client.post("/code", data={"code": "NOPE1234"})
            assert response.status == 403
        refused = await client.post("/code", data={"code": "K7QM3XPR", "lang": "sw"})
        assert refused.status == 429
        assert SW("serve.code_too_many") in await refused.text()


async def test_a_session_whose_process_dies_ends_in_the_page(tmp_path: Path) -> None:
    """Killed (out of memory, say), the process can't say goodbye: the page is told all
    the same (its websocket closes: the page shows "Session ended" and Restart)."""
    async with serve_in_process(tmp_path) as client:
        tab = await Tab.start(await client.ws_connect("/ws/en"))
        await tab.settle(0, quiet=0.3)
        (session,) = client.app[CLASS_SERVER].sessions
        assert session.process is not None
        session.process.kill()
        await asyncio.wait_for(tab.closed.wait(), 10)
        await tab.close()
