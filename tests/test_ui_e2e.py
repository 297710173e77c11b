"""The coordinator workflow in a real headless Chromium (Debian's), driven by Playwright."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .e2e_support import CHROMIUM, CHROMIUM_ARGS, AppServer

pytestmark = pytest.mark.e2e
ARTIFACTS = Path(__file__).parent / "artifacts"
XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    workspace = tmp_path_factory.mktemp("e2e") / "workspace"
    app = AppServer(workspace, "--demo").wait()
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


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.dialogs = []  # type: ignore[attr-defined]
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.errors = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.goto(server.url)
    page.wait_for_selector("#people-table", timeout=60_000)
    yield page
    context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def open_tab(page, label: str) -> None:
    page.get_by_role("tab", name=label).click()
    page.wait_for_timeout(300)


def choose(page, elem_id: str, text: str | None = None) -> str:
    """Pick an option of a Gradio dropdown (the first one, or the one containing text)."""
    page.click(f"#{elem_id} input")
    options = page.locator("[role=option]")
    options.first.wait_for(timeout=10_000)
    option = options.filter(has_text=text).first if text else options.first
    label = option.inner_text()
    option.click()
    page.wait_for_timeout(300)
    return label


def upload(page, elem_id: str, path: Path) -> None:
    page.locator(f"#{elem_id} input[type=file]").set_input_files(str(path))
    page.wait_for_timeout(800)


def test_full_coordinator_workflow(page, tmp_path):
    # Participants: a bad file shows every problem, a good one is imported.
    bad = tmp_path / "bad-people.csv"
    bad.write_text("id;nom;années d'expérience;profil\nN1;Nora;beaucoup;Je veux apprendre\n"
                   "N1;Noé;2;\n", encoding="cp1252")
    upload(page, "people-file", bad)
    page.click("#import-btn")
    report = page.locator("#import-report textarea")
    report.wait_for()
    page.wait_for_function(
        "document.querySelector('#import-report textarea').value.includes('row')")
    text = report.input_value()
    assert "bad-people.csv, row 2, column 'years_experience'" in text
    assert "row 3, column 'id': duplicate id 'N1'" in text
    assert "row 3, column 'profile'" in text
    shot(page, "1-participants-errors")
    good = tmp_path / "new-people.csv"
    good.write_text(
        "id,name,years_experience,department,languages,offers,wants,role_preference\n"
        "N1,Nora Lemaire,1,Marketing,fr;en,J'anime notre chaîne YouTube et je monte des vidéos "
        "courtes.,,mentor\n"
        f"N2,{XSS},24,Achats,fr,,Je veux comprendre comment les jeunes utilisent YouTube.,"
        "mentee\n", encoding="utf-8")
    upload(page, "people-file", good)
    page.click("#import-btn")
    page.wait_for_function(
        "document.querySelector('#import-report textarea').value.includes('Imported 2')")
    page.fill("#people-search textarea, #people-search input", "Nora")
    page.wait_for_timeout(1000)
    assert "Nora Lemaire" in page.locator("#people-table").inner_text()
    shot(page, "2-participants")

    # Pairs: run the matching, accept a pair.
    open_tab(page, "Pairs")
    page.click("#run-btn")
    page.wait_for_function(
        "document.querySelector('#match-summary textarea').value.includes('pair')",
        timeout=120_000)
    assert "proposed" in page.locator("#pairs-table").inner_text()
    label = choose(page, "pair-dd", "[proposed]")
    page.click("#accept-btn")
    page.wait_for_function(
        "document.querySelector('#pair-status textarea').value.includes('accepted')")
    mentor_name = label.split(" → ")[0]
    shot(page, "3-pairs")

    # Sessions: log a note for the accepted pair.
    open_tab(page, "Sessions")
    choose(page, "session-pair", mentor_name)
    page.fill("#note-date textarea, #note-date input", "2026-11-20")
    page.fill("#note-text textarea", "We compared short videos on TikTok and YouTube.")
    page.click("#log-btn")
    page.wait_for_function(
        "document.querySelector('#log-msg textarea').value.includes('logged')")
    page.wait_for_timeout(800)
    assert "2026-11-20" in page.locator("#history").inner_text()
    shot(page, "4-sessions")

    # Topics: next topics with reasons and starters.
    open_tab(page, "Topics")
    choose(page, "topic-pair", mentor_name)
    page.click("#topics-btn")
    page.locator("#topics-html .topic-card").first.wait_for(timeout=60_000)
    assert page.locator("#topics-html .topic-card").count() == 5
    assert re.search(r"Conversation starters|Pour lancer", page.locator("#topics-html").inner_text())
    shot(page, "5-topics")

    # Insights: charts, pairs at risk, themes.
    open_tab(page, "Insights")
    page.click("#refresh-btn")
    page.wait_for_function(
        "/no session|ratings falling|drift/.test(document.querySelector('#risk-table').innerText)"
        " && document.querySelectorAll('.js-plotly-plot, canvas, svg, img').length > 0"
        " && !document.body.innerText.includes('processing')", timeout=90_000)
    page.wait_for_timeout(1000)
    assert "Robert Walsh" in page.locator("#risk-table").inner_text()  # no session since July
    assert re.search(r"\d{4}-\d{2}:\d", page.locator("#themes-table").inner_text())
    shot(page, "6-insights")

    # The French switch relabels the page.
    page.get_by_role("radio", name="fr").check()
    page.wait_for_timeout(1000)
    assert page.get_by_role("tab", name="Binômes").count() == 1
    shot(page, "7-french")
    assert not page.errors, page.errors


def test_user_text_is_rendered_as_text(page):
    page.fill("#people-search textarea, #people-search input", "img")
    page.wait_for_timeout(1000)
    table = page.locator("#people-table")
    if XSS not in table.inner_text():
        pytest.fail("the XSS name should have been imported by the workflow test")
    assert table.locator("img[src=x]").count() == 0
    assert page.locator("img[src=x]").count() == 0
    assert not page.dialogs
