"""A new coordinator's whole walk, in French, on an empty workspace: import an academic
programme's two sign-up forms through the mapping step, set a classic programme and its
rules, match, review (accept, reject, reopen), load the programme's own topic catalogue,
suggest topics, read the insights. A screenshot at each step goes to tests/artifacts/
(walk-*.png), and the time each click took to walk-timings.json (reported, not asserted).
"""

from __future__ import annotations

import pytest

from ..e2e_support import AppServer, ClickTimer, choose
from ..shared import ARTIFACTS, DATA
from .accessibility import serious_violations

pytestmark = pytest.mark.e2e
ACADEMIC = DATA / "programmes" / "academic"
CELL = "[role=gridcell]"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app on an empty workspace (not the demo)."""
    app = AppServer(tmp_path_factory.mktemp("walk") / "workspace").wait()
    yield app
    app.stop()


@pytest.fixture(scope="module")
def page(server, browser):
    # a French browser on its first visit: the page opens in French
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="fr-FR")
    page = context.new_page()
    page.errors = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    context.close()


def shot(page, name: str, selector: str | None = None) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    if selector:
        page.locator(selector).scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"walk-{name}.png"))


def has_text(page, elem_id: str, needle: str, timeout: int = 60_000):
    """A waiter: the element's text (or its text box's value) contains ``needle``."""
    script = (f"(() => {{ const e = document.querySelector('#{elem_id}'); if (!e) return false;"
              f" const box = e.querySelector('textarea, input');"
              f" return (box ? box.value : e.innerText).includes({needle!r}); }})()")
    return lambda: page.wait_for_function(script, timeout=timeout)


def text_of(page, elem_id: str) -> str:
    box = page.locator(f"#{elem_id} textarea, #{elem_id} input")
    return box.first.input_value() if box.count() else page.locator(f"#{elem_id}").inner_text()


def open_tab(page, timer: ClickTimer, label: str, waiter) -> None:
    timer(f"tab {label}", lambda: page.get_by_role("tab", name=label).click(), waiter)
    page.wait_for_timeout(300)


def import_form(page, timer: ClickTimer, name: str, expected: int) -> str:
    page.locator("#people-file input[type=file]").set_input_files(str(ACADEMIC / name))
    page.wait_for_timeout(800)
    timer(f"check {name}", lambda: page.click("#import-btn"),
          lambda: page.wait_for_selector("#map-step", state="visible", timeout=60_000))
    has_text(page, "map-checks", "peuvent être importées")()
    assert f"Les {expected} lignes peuvent être importées" in text_of(page, "map-checks")
    assert "Associer les colonnes du formulaire" in page.locator("#map-step").inner_text()
    shot(page, f"02-mapping-{name[:-4]}", "#map-step")
    failures, _, _ = serious_violations(page, f"fr/mapping step of {name}", "#map-step")
    assert not failures, "\n".join(failures)  # the step the tab-by-tab check cannot open
    timer(f"import {name}", lambda: page.click("#map-import-btn"),
          has_text(page, "import-report", "importé(s)", timeout=180_000))
    page.wait_for_selector("#map-step", state="hidden", timeout=30_000)
    return text_of(page, "import-report")


def test_a_coordinators_walk_in_french(page, server):
    timer = ClickTimer()
    page.goto(server.url)
    has_text(page, "overview", "Par où commencer", timeout=120_000)()
    page.wait_for_timeout(1500)
    assert page.get_by_role("tab", name="Binômes").count() == 1  # French at once
    shot(page, "01-empty")

    # 1. the two sign-up forms, each through the mapping step
    report = import_form(page, timer, "mentors.csv", 35)
    assert "35 participant(s) importé(s) depuis mentors.csv (rôle : mentor)" in report
    assert "Ids créés pour 35 lignes (d'après l'e-mail)" in report
    report = import_form(page, timer, "mentees.csv", 28)
    assert "28 participant(s) importé(s)" in report and "rôle : mentoré" in report
    has_text(page, "overview", "63 participant(s)")()
    page.wait_for_timeout(1000)
    shot(page, "03-imported")

    # 2. a classic programme with its rules
    open_tab(page, timer, "Binômes",
             lambda: page.wait_for_selector("#run-btn", state="visible", timeout=30_000))
    page.get_by_role("button", name="Réglages de l'appariement").click()
    page.get_by_role("radio", name="Classique : le plus expérimenté est le mentor").check()
    page.get_by_role("button", name="Règles du programme").click()
    page.wait_for_selector("#rules-text .cm-content", state="visible", timeout=30_000)
    page.click("#rules-text .cm-content")
    page.keyboard.press("Control+A")
    page.keyboard.insert_text((ACADEMIC / "rules.toml").read_text(encoding="utf-8"))
    timer("save rules", lambda: page.click("#rules-btn"),
          has_text(page, "rules-msg", "Règles enregistrées"))
    shot(page, "04-settings", "#direction")
    timer("run matching", lambda: page.click("#run-btn"),
          has_text(page, "match-summary", "binôme(s) proposé(s)", timeout=300_000))
    summary = text_of(page, "match-summary")
    assert not summary.startswith("0 binôme"), summary
    page.wait_for_timeout(1500)
    assert "Coordination du mentorat" in page.locator("#page-header").inner_text()
    assert "inversé" not in page.locator("#page-header").inner_text()  # a classic programme
    pairs = page.locator("#pairs-table").inner_text()
    assert "échelon(s) de plus que" in pairs, pairs[:800]  # the mentor is the senior
    shot(page, "05-matched", "#pairs-table")

    # 3. review: accept one, reject another, reopen it
    first = page.locator(f"#pairs-table {CELL}").first.inner_text().strip()
    timer("review a pair", lambda: page.locator(f"#pairs-table {CELL}", has_text=first)
          .first.click(), has_text(page, "pair-review", first.rsplit(" (", 1)[0]))
    page.wait_for_function("!document.querySelector('#accept-btn').disabled", timeout=30_000)
    assert "Accord" in text_of(page, "pair-review")
    timer("accept", lambda: page.click("#accept-btn"), has_text(page, "pair-status", "accepté"))
    page.wait_for_function("document.querySelector('#accept-btn').disabled", timeout=30_000)
    shot(page, "06-accepted", "#pair-review")
    choose(page, "filter-status", "proposé")
    page.wait_for_timeout(1500)
    second = page.locator(f"#pairs-table {CELL}").first.inner_text().strip()
    assert second != first
    page.locator(f"#pairs-table {CELL}", has_text=second).first.click()
    has_text(page, "pair-review", second.rsplit(" (", 1)[0])()
    page.wait_for_function("!document.querySelector('#reject-btn').disabled", timeout=30_000)
    timer("reject", lambda: page.click("#reject-btn"), has_text(page, "pair-status", "refusé"))
    choose(page, "filter-status", "refusé")
    page.wait_for_timeout(1500)
    assert second in page.locator("#pairs-table").inner_text()
    page.locator(f"#pairs-table {CELL}", has_text=second).first.click()
    page.wait_for_function("!document.querySelector('#reopen-btn').disabled", timeout=30_000)
    timer("reopen", lambda: page.click("#reopen-btn"), has_text(page, "pair-status", "proposé"))
    shot(page, "07-reopened", "#decisions")

    # 4. the programme's own topics, then next topics for the accepted pair
    open_tab(page, timer, "Sujets",
             lambda: page.wait_for_selector("#topics-btn", state="visible", timeout=30_000))
    page.get_by_role("button", name="Catalogue de sujets").click()
    assert "catalogue fourni" in page.locator("#catalogue-status").inner_text()
    page.locator("#catalogue-file input[type=file]").set_input_files(str(ACADEMIC / "topics.csv"))
    page.wait_for_timeout(800)
    timer("load catalogue", lambda: page.click("#catalogue-load-btn"),
          has_text(page, "catalogue-msg", "chargé"))
    has_text(page, "catalogue-status", "catalogue de ce programme (7 sujets")()
    assert "low-resource" in page.locator("#catalogue-table").inner_text()
    shot(page, "08-catalogue", "#catalogue-box")
    choose(page, "topic-pair", first.rsplit(" (", 1)[0])
    timer("suggest topics", lambda: page.click("#topics-btn"),
          lambda: page.locator("#topics-html .topic-card").first.wait_for(timeout=120_000))
    cards = page.locator("#topics-html").inner_text()
    academic = ("doctorat", "TAL peu doté", "Publier", "postes universitaires", "industrie",
                "Code de recherche", "Bien-être")
    assert any(title in cards for title in academic), cards[:600]
    assert "Pour lancer la conversation" in cards
    shot(page, "09-topics", "#topics-html")

    # 5. the programme's health
    open_tab(page, timer, "Tableau de bord", lambda: page.wait_for_function(
        "document.querySelectorAll('#chart-0 img, #chart-0 svg, #chart-0 canvas').length > 0",
        timeout=120_000))
    page.wait_for_timeout(1500)
    assert "Plot" not in page.locator("#tab-insights").inner_text()
    shot(page, "10-insights")
    timer.write(ARTIFACTS / "walk-timings.json")
    assert not page.errors, page.errors
