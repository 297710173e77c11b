"""The Topics tab in a browser (issue #26): how well the catalogue answers the programme's
wishes, topics drawn from the programme, merged, renamed and saved as its catalogue, in
English and French, with screenshots to look at."""

from __future__ import annotations

import pytest

from recommender.insights.catalogue import default_catalogue

from ..e2e_support import choose, ready
from ..shared import ARTIFACTS
from .test_walk import has_text

pytestmark = pytest.mark.e2e


def value_of(page, elem_id: str) -> str:
    box = page.locator(f"#{elem_id} textarea, #{elem_id} input")
    return box.first.input_value() if box.count() else page.locator(f"#{elem_id}").inner_text()


def cells(page, elem_id: str) -> list[str]:
    return page.locator(f"#{elem_id} [role=gridcell]").all_inner_texts()


def open_catalogue(page, tab: str, box: str) -> None:
    page.get_by_role("tab", name=tab).click()
    page.wait_for_selector("#topics-btn", state="visible", timeout=30_000)
    page.get_by_role("button", name=box).click()
    page.wait_for_function(
        "document.querySelectorAll('#catalogue-table [role=gridcell]').length > 6",
        timeout=30_000)


def test_topics_drawn_from_the_programme_are_merged_saved_and_used(browser, server):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server.url + "?lang=en")
    ready(page)
    open_catalogue(page, "Topics", "Topic catalogue")
    status = page.locator("#catalogue-status").inner_text()
    assert "catalogue answers" in status and "wishes" in status, status

    page.click("#cohort-draw-btn")
    has_text(page, "catalogue-msg", "drawn from")()
    page.wait_for_selector("#cohort-table", state="visible", timeout=30_000)
    assert "cohort-01" in cells(page, "catalogue-table")
    drawn = cells(page, "cohort-table")
    assert drawn and "cohort-01" in drawn
    page.locator("#catalogue-box").screenshot(path=str(ARTIFACTS / "topics-01-drawn-en.png"))

    page.locator("#merge-ids textarea, #merge-ids input").first.fill("cohort-01, cohort-02")
    page.locator("#merge-title textarea, #merge-title input").first.fill("Young colleagues")
    page.click("#merge-btn")
    has_text(page, "catalogue-msg", "Merged in the table: cohort-01, cohort-02")()
    page.wait_for_timeout(500)
    table = cells(page, "catalogue-table")
    assert "cohort-02" not in table and "Young colleagues" in table
    page.click("#catalogue-save-btn")
    has_text(page, "catalogue-msg", "saved")()
    has_text(page, "catalogue-status", "this programme's own catalogue")()
    page.locator("#catalogue-box").screenshot(path=str(ARTIFACTS / "topics-02-saved-en.png"))

    # next topics now come from the saved catalogue
    choose(page, "topic-pair")
    page.click("#topics-btn")
    page.wait_for_selector("#topics-html .topic-card", timeout=60_000)
    shipped = {title for tp in default_catalogue() for title in tp.title.values()}
    card_titles = page.locator("#topics-html .topic-card h3").all_inner_texts()
    assert card_titles and not [c for c in card_titles if any(t in c for t in shipped)], \
        card_titles
    page.locator("#topics-html").screenshot(path=str(ARTIFACTS / "topics-03-cards-en.png"))

    # in French: the fit said in French, the drawn topics named in French where people wrote it
    page.goto(server.url + "?lang=fr")
    ready(page)
    open_catalogue(page, "Sujets", "Catalogue de sujets")
    assert "Le catalogue de ce programme répond à" in \
        page.locator("#catalogue-status").inner_text()
    page.click("#cohort-draw-btn")
    has_text(page, "catalogue-msg", "tiré(s) de")()
    page.wait_for_selector("#cohort-table", state="visible", timeout=30_000)
    assert "souhaits de" in page.locator("#cohort-table").inner_text()
    page.locator("#catalogue-box").screenshot(path=str(ARTIFACTS / "topics-04-drawn-fr.png"))
    page.click("#catalogue-reset-btn")
    has_text(page, "catalogue-status", "catalogue fourni")()
    assert not errors, errors
    context.close()
