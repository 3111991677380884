"""End to end in a real browser: Debian's headless Chromium opens the served page, a person's
keys go through xterm.js and the websocket to the app, and the visitor's own data file holds
the result. Screenshots go to test-artifacts/."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.serve.browser import chromium
from tests.serve.helpers import (
    CANCEL_FLOW_KEYS,
    order_status,
    serve_command,
    visitor_files,
    wait_for,
)
from tui.i18n import Language, Translator

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PNG = b"\x89PNG\r\n\x1a\n"


def only_this_server(urls: set[str], base: str) -> list[str]:
    netloc = urlsplit(base).netloc
    return sorted(url for url in urls if urlsplit(url).netloc != netloc)


def test_a_visitor_cancels_an_order_in_the_browser(tmp_path: Path) -> None:
    with serve_command(tmp_path) as (_process, url), chromium() as page:
        (temp_root,) = tmp_path.glob("cancel-order-serve-*")
        page.open(url)
        page.settle(0, quiet_ms=500)
        (mine,) = wait_for(lambda: visitor_files(temp_root), what="the first visitor's file")
        page.open(url, new_tab=True)  # a second visitor, on the same machine
        page.settle(0, quiet_ms=500)
        files = wait_for(lambda: len(visitor_files(temp_root)) == 2 and visitor_files(temp_root))
        (theirs,) = [f for f in files if f != mine]
        page.driver.switch_to.window(page.driver.window_handles[0])  # both stay open
        page.press(*CANCEL_FLOW_KEYS)
        wait_for(lambda: order_status(mine) == "cancellation_requested", what="the cancellation")
        shot = page.screenshot("serve-browser-cancelled.png")
        assert shot.read_bytes().startswith(PNG) and shot.stat().st_size > 10_000
        assert order_status(theirs) == "awaiting_shipment"
        assert only_this_server(page.requested(), url) == []
    assert not temp_root.exists()


def test_code_then_name_then_a_second_tab_is_told_in_the_page(tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    class_dir = tmp_path / "class"
    t = Translator(Language.SWAHILI)
    with (
        serve_command(
            tmp_path, "--class-dir", str(class_dir), "--lang", "sw", "--code", "mango-24"
        ) as (_p, url),
        chromium() as page,
    ):
        page.open(url)
        assert t("serve.code_prompt") in page.driver.page_source
        field = page.driver.find_element(By.ID, "field")
        field.send_keys("MANGO 24")
        field.submit()
        assert t("serve.name_prompt") in page.driver.page_source
        field = page.driver.find_element(By.ID, "field")
        field.send_keys("Amina Juma")
        field.submit()
        page.settle(0, quiet_ms=500)
        assert page.driver.current_url.endswith("?lang=sw&name=Amina+Juma")
        wait_for(lambda: (class_dir / "amina-juma.json").exists())
        page.open(f"{url}?name=amina+juma", new_tab=True)
        page.settle(0, quiet_ms=500)
        assert t("serve.in_use_title") in page.text()
        page.screenshot("serve-browser-already-open.png")
        assert only_this_server(page.requested(), url) == []
    assert order_status(class_dir / "amina-juma.json") == "awaiting_shipment"
