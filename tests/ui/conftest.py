"""Fixtures of the page's tests: the app serving the demo programme on a free loopback port
(the browser is the suite's, tests/conftest.py)."""

from __future__ import annotations

import pytest

from ..e2e_support import AppServer


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app on a fresh copy of the demo programme, for one test module."""
    app = AppServer(tmp_path_factory.mktemp("e2e") / "workspace", "--demo").wait()
    yield app
    app.stop()
