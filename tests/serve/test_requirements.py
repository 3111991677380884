"""Where the browser or nginx is missing their tests skip, except where CI says they are
required (CANCEL_ORDER_REQUIRE_BROWSER=1, set by .ci/run): there they fail."""

from __future__ import annotations

import pytest
from _pytest.outcomes import Failed, Skipped

from tests.serve import browser


def test_a_missing_browser_skips_where_it_is_not_required(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(browser, "CHROMIUM", "/nowhere/chromium")
    monkeypatch.delenv("CANCEL_ORDER_REQUIRE_BROWSER", raising=False)
    with pytest.raises(Skipped), browser.chromium():
        pass


def test_a_missing_browser_fails_where_it_is_required(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(browser, "CHROMIUM", "/nowhere/chromium")
    monkeypatch.setenv("CANCEL_ORDER_REQUIRE_BROWSER", "1")
    with pytest.raises(Failed, match="required"), browser.chromium():
        pass
