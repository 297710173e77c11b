"""Pair kits in a real headless Chromium: the Kit of the pair under review (its introduction
shown, the .eml and .ics downloaded), then the zip of the accepted pairs' kits, in English
and in French. Screenshots go to tests/artifacts/ (kit-*.png)."""

from __future__ import annotations

import email.policy
import zipfile
from email.parser import BytesParser

import icalendar
import pytest

from ..e2e_support import choose
from ..shared import ARTIFACTS

pytestmark = pytest.mark.e2e
CELL = "[role=gridcell]"


def shot(page, name: str, selector: str | None = None) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    target = page.locator(selector) if selector else page
    target.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def click_pair(page, needle: str) -> None:
    page.locator(f"#pairs-table {CELL}", has_text=needle).first.click()
    page.wait_for_function(
        f"document.querySelector('#pair-review').innerText.includes({needle!r})",
        timeout=60_000)
    page.wait_for_timeout(500)


def message(page) -> str:
    return page.locator("#kit-msg textarea").input_value()


def download(page, name_end: str, tmp_path):
    link = page.locator(f"#kit-files a[download$='{name_end}']").first
    with page.expect_download(timeout=60_000) as info:
        link.click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return path


def kit_of(page, needle: str) -> None:
    """Review the pair named ``needle`` and ask for its kit."""
    click_pair(page, needle)
    page.click("#kit-btn")
    page.wait_for_selector("#kit-preview .kit-body", timeout=120_000)
    page.wait_for_selector("#kit-files a[download$='.ics']", timeout=60_000)
    page.wait_for_timeout(800)


def test_kit_of_a_pair_then_the_zip_of_accepted_pairs(page, tmp_path):
    page.get_by_role("tab", name="Pairs").click()
    page.wait_for_timeout(500)
    # an active pair of the demo, French speakers: the introduction is in French
    kit_of(page, "Yanis Belkacem")
    assert "Kit of Yanis Belkacem → Michel Garnier ready" in message(page)
    preview = page.locator("#kit-preview").inner_text()
    assert "Introduction of Yanis Belkacem → Michel Garnier, in French" in preview
    assert "Bonjour Yanis, bonjour Michel" in preview and "Vos premiers sujets" in preview
    href = page.locator("#kit-preview a.kit-mailto").get_attribute("href") or ""
    assert href.startswith("mailto:yanis.belkacem@lumen.example,michel.garnier@lumen.example?")
    page.locator("#kit-actions").scroll_into_view_if_needed()
    shot(page, "kit-01-en-preview")
    shot(page, "kit-02-en-preview-card", "#kit-preview")
    eml = download(page, ".eml", tmp_path)
    mail = BytesParser(policy=email.policy.default).parsebytes(eml.read_bytes())
    assert mail["Subject"] == "Présentation de Yanis Belkacem et Michel Garnier"
    assert len(mail["To"].addresses) == 2
    ics = download(page, ".ics", tmp_path)
    event = icalendar.Calendar.from_ical(ics.read_text(encoding="utf-8")).walk("VEVENT")[0]
    assert len(event.get("ATTENDEE")) == 2

    # no accepted pair yet (the demo's are active): the zip says so
    page.click("#kits-btn")
    page.wait_for_function("document.querySelector('#kit-msg textarea').value"
                           ".includes('No accepted pair')", timeout=60_000)
    # the demo's rejected pair, accepted, then all accepted pairs' kits in one zip
    choose(page, "filter-status", "rejected")
    page.wait_for_timeout(1500)
    click_pair(page, "Jade Robin")
    page.wait_for_function("!document.querySelector('#accept-btn').disabled", timeout=30_000)
    page.click("#accept-btn")
    page.wait_for_function("document.querySelector('#pair-status textarea').value"
                           ".includes('accepted')", timeout=60_000)
    page.click("#kits-btn")
    page.wait_for_selector("#kit-files a[download$='.zip']", timeout=120_000)
    assert "1 kit(s) in the zip" in message(page)
    page.locator("#kit-actions").scroll_into_view_if_needed()
    shot(page, "kit-03-en-zip")
    archive = zipfile.ZipFile(download(page, ".zip", tmp_path))
    assert sorted(archive.namelist()) == ["P039_P013.eml", "P039_P013.ics", "P039_P013.txt",
                                          "checkin-en.xlsx", "index.html"]
    assert "mailto:" in archive.read("index.html").decode()
    assert not page.errors, page.errors


def test_the_kit_in_french(page, tmp_path):
    page.get_by_role("radio", name="fr").check()
    page.wait_for_function(
        "document.querySelector('#people-table').innerText.includes('préférence')",
        timeout=30_000)
    page.wait_for_timeout(1000)
    page.get_by_role("tab", name="Binômes").click()
    page.wait_for_timeout(500)
    assert page.locator("#kit-btn").inner_text() == "Kit : présenter ce binôme"
    kit_of(page, "Yanis Belkacem")
    assert "Kit de Yanis Belkacem → Michel Garnier prêt" in message(page)
    preview = page.locator("#kit-preview").inner_text()
    assert "Présentation de Yanis Belkacem → Michel Garnier, en français" in preview
    assert "Ouvrir dans la messagerie" in preview and "heure locale" in preview
    page.locator("#kit-actions").scroll_into_view_if_needed()
    shot(page, "kit-04-fr-preview")
    # the previous test accepted the demo's rejected pair: its kit, zipped, in French
    page.click("#kits-btn")
    page.wait_for_selector("#kit-files a[download$='.zip']", timeout=120_000)
    assert "1 kit(s) dans le zip" in message(page)
    page.locator("#kit-actions").scroll_into_view_if_needed()
    shot(page, "kit-05-fr-zip")
    archive = zipfile.ZipFile(download(page, ".zip", tmp_path))
    assert "checkin-fr.xlsx" in archive.namelist()
    assert "Kits des binômes" in archive.read("index.html").decode()
    # another pair chosen: the previous kit goes
    click_pair(page, "Mehdi")
    page.wait_for_function("!document.querySelector('#kit-preview .kit-body')",
                           timeout=30_000)
    assert not page.errors, page.errors
