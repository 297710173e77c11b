"""Shared fixtures: a deterministic fake embedder, a small cohort, the store's backends, and
the ``tandem`` command line (see :mod:`tests.shared`)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

from recommender import HashingEmbedder, Recommender

from .e2e_support import CHROMIUM, CHROMIUM_ARGS
from .pg_support import backend, postgres_url  # noqa: F401  (SQLite and PostgreSQL)
from .shared import PEOPLE, CliResult, run_cli


@pytest.fixture
def people_rows() -> list[dict]:
    return [dict(p) for p in PEOPLE]


@pytest.fixture
def rec(people_rows) -> Recommender:
    r = Recommender(embedder=HashingEmbedder())
    r.add_people(people_rows)
    return r


@pytest.fixture
def tandem(tmp_path) -> Callable[..., CliResult]:
    """``tandem ARGS`` run in this process, in ``tmp_path`` unless ``cwd`` is given; its own
    embedding cache there (never the user's ``~/.cache``)."""
    cache = tmp_path / ".tandem-cache"

    def run(*args: str, cwd=None, stdin: str = "") -> CliResult:
        before = os.environ.get("XDG_CACHE_HOME")
        os.environ["XDG_CACHE_HOME"] = str(cache)
        try:
            return run_cli(*args, cwd=cwd or tmp_path, stdin=stdin)
        finally:
            if before is None:
                os.environ.pop("XDG_CACHE_HOME", None)
            else:
                os.environ["XDG_CACHE_HOME"] = before

    return run


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test on the PostgreSQL server is marked ``postgres`` (the fast tier leaves it out)."""
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        if params.get("backend") == "postgresql" or \
                "postgres_url" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.postgres)


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium (Debian's) per test module."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: run `make browser`")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
