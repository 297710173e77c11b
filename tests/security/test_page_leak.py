"""Nothing about the programme reaches a visitor who has not logged in; after the login the
page shows all of it (read when the page loads, not built into it)."""

from __future__ import annotations

import csv
import http.cookiejar
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import replace
from pathlib import Path

import pytest

from recommender.demo import demo_path, load_demo
from recommender.matching.programme import rules_from_dict
from recommender.ui.security import hash_password

from ..e2e_support import AppServer, options_of, ready

USER, PASSWORD = "coord", "correct horse battery staple"
LADDER = ["Zephyrine grade", "Zephyrine lead"]  # a rule naming the organisation's own grades
GAP = 7.5  # a saved setting other than the default


def _demo_people() -> list[dict[str, str]]:
    with demo_path("demo_people.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


SECRETS = sorted({row[k] for row in _demo_people() for k in ("id", "name", "department")
                  if row[k]} | {"Zephyrine"})
"""Person ids, names and department names of the demo programme, and the rules' grades."""


GRADIO_DATA = re.compile(r'"title":\s*"Data"|Queue Data')
"""Gradio's own schemas, whose word "Data" is also a department of the demo."""


def leaks(text: str) -> list[str]:
    """The secrets found in ``text`` as whole words (a department "IT" is not in "ITEM")."""
    text = GRADIO_DATA.sub("", text)
    return [s for s in SECRETS if re.search(rf"(?<![\w-]){re.escape(s)}(?![\w-])", text)]


def demo_workspace(folder: Path) -> Path:
    """The demo programme with saved settings and rules of its own."""
    rec = load_demo(folder, "hashing")
    rec.save_settings(replace(rec.params, min_experience_gap=GAP))
    rec.set_rules(rules_from_dict({"levels": {"ladder": LADDER, "min_steps": 1}}))
    rec.close()
    return folder


def test_the_page_is_built_without_programme_data(tmp_path):
    """The page's config and API description, as built, before anyone asks for them."""
    from recommender import Recommender
    from recommender.ui.coordinator import Coordinator
    from recommender.ui.page import build

    rec = Recommender.open(demo_workspace(tmp_path / "w"), "hashing")
    assert leaks(json.dumps(Coordinator(rec).people_table().to_dict()))  # the check sees them
    demo = build(Coordinator(rec))
    assert leaks(json.dumps(demo.config, default=str)) == []
    assert leaks(json.dumps(demo.get_api_info(all_endpoints=True), default=str)) == []


class Untouchable:
    """A workspace that must not be read."""

    def __getattr__(self, name: str):
        raise AssertionError(f"the page read the workspace ({name}) while being built")


def test_building_the_page_reads_nothing_from_the_workspace():
    from recommender.ui.coordinator import Coordinator
    from recommender.ui.page import build

    build(Coordinator(Untouchable()))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app serving the demo programme to one user."""
    base = tmp_path_factory.mktemp("leak")
    users = f"{USER}:{hash_password(PASSWORD, iterations=1000)}"
    app = AppServer(demo_workspace(base / "workspace"), "--demo", "--embedder", "hashing",
                    env={"TANDEM_USERS": users}).wait()
    app.workspace = base / "workspace"  # type: ignore[attr-defined]
    yield app
    app.stop()


def fetch(url: str, method: str = "GET", opener: urllib.request.OpenerDirector | None = None,
          data: bytes | None = None, kind: str = "application/json") -> tuple[int, str]:
    request = urllib.request.Request(url, data=data, method=method,
                                     headers={"Content-Type": kind} if data else {})
    try:
        with (opener or urllib.request.build_opener()).open(request, timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


def get_routes() -> list[str]:
    """Every GET route Gradio serves without a parameter in its path, for any app."""
    import gradio as gr
    from gradio.routes import App

    with gr.Blocks() as blocks:
        gr.Markdown("x")
    def walk(routes):  # FastAPI keeps an included router (/gradio_api) as one route
        for route in routes:
            inner = getattr(route, "original_router", None)
            yield from walk(inner.routes) if inner is not None else (route,)

    paths = {route.path for route in walk(App.create_app(blocks).routes)
             if "GET" in (getattr(route, "methods", None) or ()) and "{" not in route.path}
    # streams that never end once allowed; they answer 401 first, checked below
    return sorted(paths - {"/gradio_api/dev/reload", "/gradio_api/queue/data"})


@pytest.mark.subprocess
def test_a_visitor_without_login_sees_nothing_of_the_programme(server):
    base = server.url.rstrip("/")
    status, page = fetch(base + "/")
    assert status == 200 and '"auth_required":true' in page.replace(" ", "")
    assert leaks(page) == []
    routes = get_routes()
    assert {"/config", "/gradio_api/info", "/gradio_api/openapi.json"} <= set(routes)
    for path in [*routes, "/?view=api", "/gradio_api/info?all_endpoints=true",
                 "/gradio_api/runs", "/gradio_api/info?page="]:
        status, body = fetch(base + path)
        assert leaks(body) == [], (path, status)
    workspace = urllib.parse.quote(str(server.workspace / "workspace.json"))
    for path in ("/config", "/gradio_api/info", "/gradio_api/openapi.json",
                 "/gradio_api/dev/reload", "/gradio_api/queue/data?session_hash=x",
                 f"/gradio_api/file={workspace}", f"/gradio_api/file/{workspace}"):
        assert fetch(base + path)[0] == 401, path
    # the events themselves, called without a login
    status, body = fetch(base + "/gradio_api/call/refresh", "POST",
                         data=json.dumps({"data": ["en", "", "", "", "", None, None, None,
                                                   None, None, None]}).encode())
    assert status == 401 and leaks(body) == []
    status, body = fetch(base + "/gradio_api/queue/join", "POST",
                         data=json.dumps({"data": [], "fn_index": 0,
                                          "session_hash": "x"}).encode())
    assert status == 401 and leaks(body) == []


@pytest.mark.subprocess
def test_after_login_the_api_reads_the_programme(server):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = urllib.parse.urlencode({"username": USER, "password": PASSWORD}).encode()
    status, _ = fetch(server.url + "login", "POST", opener, form,
                      "application/x-www-form-urlencoded")
    assert status == 200
    status, config = fetch(server.url + "config", opener=opener)
    assert status == 200 and leaks(config) == []  # the page's own config is empty too
    from gradio_client import Client

    client = Client(server.url, auth=(USER, PASSWORD), verbose=False)
    refreshed = client.predict("en", "", "", "", "", None, None, None, None, None, None,
                               api_name="/refresh")
    assert "Michel Garnier" in json.dumps(refreshed, ensure_ascii=False)


@pytest.mark.e2e
def test_the_page_shows_everything_after_login(server, browser):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto(server.url)
    page.get_by_label("username").fill(USER)
    page.get_by_label("password").fill(PASSWORD)
    assert leaks(page.content()) == []  # the login form, as the visitor's browser has it
    page.get_by_role("button", name="Login").click()
    ready(page)
    assert "Reverse mentoring coordinator" in page.locator("#page-header").inner_text()
    assert "participant(s)" in page.locator("#overview").inner_text()
    assert "Michel Garnier" in page.locator("#people-table").inner_text()
    page.get_by_role("button", name="Edit a participant").click()
    assert "(P001)" in options_of(page, "person-dd")
    page.get_by_role("tab", name="Pairs").click()
    assert "Michel Garnier" in page.locator("#pairs-table").inner_text()
    assert "Magasins" in options_of(page, "filter-dept")
    page.get_by_role("button", name="Pair two people by hand").click()
    assert "(P001)" in options_of(page, "manual-mentor")
    assert "(P001)" in options_of(page, "manual-mentee")
    page.get_by_role("button", name="Programme rules").click()
    assert "Zephyrine lead" in page.locator("#rules-text").inner_text()
    page.get_by_role("button", name="Matching settings").click()
    gaps = page.locator("input[type=number]").evaluate_all("xs => xs.map(x => x.value)")
    assert str(GAP) in gaps
    page.get_by_role("tab", name="Sessions").click()
    assert "Michel Garnier" in options_of(page, "session-pair")
    page.get_by_role("tab", name="Topics").click()
    assert "→" in options_of(page, "topic-pair")
    page.get_by_role("button", name="Topic catalogue").click()
    # the table is drawn once the accordion opens: wait for its rows rather than count at once
    page.wait_for_function(
        "document.querySelectorAll('#catalogue-table [role=gridcell]').length > 6",
        timeout=30_000)
    assert "topics" in page.locator("#catalogue-status").inner_text()
    page.get_by_role("tab", name="Settings").click()
    assert page.locator("#notes-visible input").is_checked()  # the demo lets notes be read
    context.close()
