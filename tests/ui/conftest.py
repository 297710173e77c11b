"""Fixtures of the page's tests: the app serving the demo programme on a free loopback port
(the browser is the suite's, tests/conftest.py)."""

from __future__ import annotations

import pytest

from ..e2e_support import AppServer, ready


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app on a fresh copy of the demo programme, for one test module."""
    app = AppServer(tmp_path_factory.mktemp("e2e") / "workspace", "--demo").wait()
    yield app
    app.stop()


@pytest.fixture
def page(browser, server):
    """A page of the app at 1440x900, loaded and refreshed; the dialogs it opened
    (``page.dialogs``, dismissed) and its script errors (``page.errors``) recorded; downloads
    accepted."""
    context = browser.new_context(viewport={"width": 1440, "height": 900},
                                  accept_downloads=True)
    page = context.new_page()
    page.dialogs = []  # type: ignore[attr-defined]
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.errors = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.goto(server.url)
    ready(page)
    yield page
    context.close()
