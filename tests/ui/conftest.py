"""Fixtures of the browser tests: one headless Chromium per module, and the app serving the
demo programme on a free loopback port."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..e2e_support import CHROMIUM, CHROMIUM_ARGS, AppServer


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app on a fresh copy of the demo programme, for one test module."""
    app = AppServer(tmp_path_factory.mktemp("e2e") / "workspace", "--demo").wait()
    yield app
    app.stop()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: run `make browser`")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
