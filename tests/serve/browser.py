"""Headless Chromium from Debian's packages, driven with Selenium through chromedriver.

`chromium()` gives a browser, or skips the test where there is none, unless
CANCEL_ORDER_REQUIRE_BROWSER=1 (as `.ci/run` sets it): then a missing browser fails the test.
The page's websocket is watched by a script added before the page's own, which counts what
the app drew and when, so a test waits for the screen to settle after each key.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1200,900",
)
"""Without the background-networking flags the browser's own calls home are refused by a
closed network, and slow everything down."""
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
WATCH = """
window.__co = {bytes: 0, at: 0, text: ""};
const decoder = new TextDecoder();
const PageSocket = window.WebSocket;
window.WebSocket = function (...args) {
  const socket = new PageSocket(...args);
  socket.addEventListener("message", (event) => {
    if (typeof event.data !== "string") {
      window.__co.bytes += event.data.byteLength;
      window.__co.at = performance.now();
      window.__co.text += decoder.decode(new Uint8Array(event.data), {stream: true});
    }
  });
  return socket;
};
window.WebSocket.prototype = PageSocket.prototype;
"""
ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()=>][0-9A-Za-z]?"
)


def require_or_skip(reason: str, env: str = "CANCEL_ORDER_REQUIRE_BROWSER") -> None:
    if os.environ.get(env) == "1":
        pytest.fail(f"{reason}, and {env}=1 says it is required")
    pytest.skip(reason)


class Page:
    """One Chromium with the server's page open in its tabs."""

    def __init__(self, driver: Any) -> None:
        self.driver = driver

    def open(self, url: str, new_tab: bool = False) -> None:
        if new_tab:
            self.driver.switch_to.new_window("tab")
        self.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCH})
        self.driver.get(url)

    def drawn(self) -> tuple[int, float]:
        """Bytes the app sent to this tab, and how long ago the last came (ms)."""
        result = self.driver.execute_script(
            "return [window.__co.bytes, performance.now() - window.__co.at]"
        )
        return int(result[0]), float(result[1])

    def settle(self, since: int, quiet_ms: float = 300, timeout: float = 30) -> None:
        """Wait until the app drew more than `since` bytes, then for `quiet_ms` of quiet."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            count, quiet = self.drawn()
            if count > since and quiet >= quiet_ms:
                return
            time.sleep(0.05)
        raise AssertionError(f"the page did not update within {timeout}s")

    def text(self) -> str:
        return ESCAPES.sub("", str(self.driver.execute_script("return window.__co.text")))

    def press(self, *keys: str) -> None:
        """Each key as a person types it into the terminal, then wait for the redraw."""
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys

        named = {"enter": Keys.ENTER, "down": Keys.DOWN, "up": Keys.UP, "escape": Keys.ESCAPE}
        terminal = self.driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
        for key in keys:
            before = self.drawn()[0]
            if key.startswith("ctrl+"):
                actions = ActionChains(self.driver).key_down(Keys.CONTROL)
                actions.send_keys(key.removeprefix("ctrl+")).key_up(Keys.CONTROL).perform()
            else:
                terminal.send_keys(named.get(key, key))
            self.settle(before, quiet_ms=500)

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / name
        self.driver.save_screenshot(str(path))
        return path

    def requested(self) -> set[str]:
        """Every http(s) and ws(s) address the browser asked for since the last call."""
        urls: set[str] = set()
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            params = message.get("params", {})
            if message["method"] == "Network.requestWillBeSent":
                urls.add(params["request"]["url"])
            elif message["method"] == "Network.webSocketCreated":
                urls.add(params["url"])
        return {url for url in urls if url.split(":")[0] in ("http", "https", "ws", "wss")}


@contextmanager
def chromium() -> Iterator[Page]:
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        require_or_skip("no chromium and chromedriver (apt-get install chromium chromium-driver)")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        require_or_skip("no selenium (pip install -e '.[test]')")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="cancel-order-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    try:
        yield Page(driver)
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
