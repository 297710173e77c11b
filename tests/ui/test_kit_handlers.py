"""The Kit action of the review and the zip of accepted pairs' kits, called in process
(no server), on the fake embedder."""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

import pytest

from recommender import HashingEmbedder, load_demo
from recommender.records import KEPT_STATUSES
from recommender.ui.common import pair_key
from recommender.ui.coordinator import Coordinator


@pytest.fixture(scope="module")
def coordinator(tmp_path_factory) -> Coordinator:
    rec = load_demo(None, HashingEmbedder())
    return Coordinator(rec, export_dir=tmp_path_factory.mktemp("exports"))


def mode(path: str | Path) -> int:
    return stat.S_IMODE(Path(path).stat().st_mode)


def test_the_kit_of_an_active_pair_is_shown_and_offered(coordinator):
    view = coordinator.pair_kit(pair_key("P031", "P001"), "fr")
    assert view.ok and "Kit de Yanis Belkacem → Michel Garnier prêt" in view.message
    assert "Présentation de Yanis Belkacem → Michel Garnier, en français" in view.html
    assert 'class="kit-mailto" href="mailto:yanis.belkacem@lumen.example,' in view.html
    assert "Bonjour Yanis, bonjour Michel" in view.html
    assert [Path(f).suffix for f in view.files] == [".eml", ".ics"]
    assert all(mode(f) == 0o600 for f in view.files)
    english = coordinator.pair_kit(pair_key("P031", "P001"), "en")
    assert "Introduction of Yanis Belkacem → Michel Garnier, in French" in english.html


def test_a_proposed_or_missing_pair_gets_a_message(coordinator):
    rejected = coordinator.pair_kit(pair_key("P039", "P013"), "en")
    assert not rejected.ok and rejected.files == [] and "accept this pair first" in \
        rejected.message
    assert coordinator.pair_kit(None, "fr").message == "Choisissez d'abord un binôme."
    assert not coordinator.pair_kit(pair_key("P031", "P999"), "en").ok


def test_user_text_is_escaped_in_the_preview(tmp_path):
    rec = load_demo(None, HashingEmbedder())
    rec.add_people([{"id": "X1", "name": "<img src=x onerror=alert(1)> Nora",
                     "years_experience": 1, "languages": "fr", "role_preference": "mentor",
                     "offers": "Je gère <b>TikTok</b> & Instagram."}])
    rec.add_pair("X1", "P001")
    view = Coordinator(rec, export_dir=tmp_path).pair_kit(pair_key("X1", "P001"), "en")
    assert view.ok and "<img" not in view.html and "&lt;img src=x" in view.html


def test_the_accepted_pairs_kits_come_in_one_zip(coordinator):
    message, path = coordinator.accepted_kits_zip("en")
    assert path is None and message == "No accepted pair yet: accept pairs first."
    coordinator.rec.set_pair_status("P039", "P013", "accepted")
    message, path = coordinator.accepted_kits_zip("fr")
    assert path is not None and mode(path) == 0o600
    assert message.startswith("1 kit(s) dans le zip")
    names = zipfile.ZipFile(path).namelist()
    assert sorted(names) == ["P039_P013.eml", "P039_P013.ics", "P039_P013.txt",
                             "checkin-fr.xlsx", "index.html"]
    assert "Kits des binômes" in zipfile.ZipFile(path).read("index.html").decode()


def test_an_address_left_out_and_a_long_link_are_said(tmp_path):
    rec = load_demo(None, HashingEmbedder())
    rec.add_people([{"id": "X2", "name": "Nora Vidal", "years_experience": 1,
                     "languages": "fr", "role_preference": "mentor",
                     "email": "nora,vidal@lumen.example",
                     "offers": "Je gère notre compte TikTok et je monte des vidéos courtes."}])
    rec.add_pair("X2", "P001", status="accepted")
    view = Coordinator(rec, export_dir=tmp_path).pair_kit(pair_key("X2", "P001"), "fr")
    assert view.ok
    assert "Michel Garnier &lt;michel.garnier@lumen.example&gt;" in view.html
    assert "nora,vidal" not in view.html.split('class="kit-warning"')[0]  # not in To:
    assert "« nora,vidal@lumen.example » n&#x27;est pas une adresse électronique" in view.html
    assert "mailto:michel.garnier@lumen.example?" in view.html
    assert "longue pour un lien" in view.html  # a full introduction is over 2 000 characters
    # Nora's one sentence is her offer: it is not quoted again as a wish of hers
    assert view.html.count("Je gère notre compte TikTok") == 1


def test_settings_or_templates_to_fix_are_a_message(tmp_path):
    rec = load_demo(tmp_path / "ws", HashingEmbedder())
    coordinator = Coordinator(rec, export_dir=tmp_path / "exports")
    rec.workspace = rec.workspace.with_setting("kit", {"meeting_minutes": 5})
    view = coordinator.pair_kit(pair_key("P031", "P001"), "en")
    assert not view.ok and view.files == []
    assert view.message.startswith("No kit: workspace.json: kit: meeting_minutes must be")
    rec.workspace = rec.workspace.with_setting("kit", {})
    folder = rec.kit_template_folder
    folder.mkdir()
    (folder / "intro_fr.txt").write_text("Objet : x\n\n{% include 'y' %}\n", encoding="utf-8")
    view = coordinator.pair_kit(pair_key("P031", "P001"), "en")
    assert not view.ok and "intro_fr.txt, line 3: 'include' is not available" in view.message
    rec.set_pair_status("P039", "P013", "accepted")
    message, path = coordinator.accepted_kits_zip("en")
    assert path is None and "intro_fr.txt, line 3" in message


def test_check_in_answers_imported_on_the_page(coordinator, tmp_path):
    rec = coordinator.rec
    form = rec.checkin_form(tmp_path / "form.csv", "en", ("active",))
    lines = form.read_text(encoding="utf-8-sig").splitlines()
    answered = [line.replace(",,,", ",2026-09-08,4,Good first talk.")
                for line in lines[1:] if line.startswith("P031,P001,")]
    form.write_text("\n".join([lines[0], *answered, *(
        line for line in lines[1:] if not line.startswith("P031,P001,"))]) + "\n",
        encoding="utf-8")
    kept = len(rec.pairs(KEPT_STATUSES))  # accepted pairs are asked too
    assert coordinator.import_checkin(None, "en").message.startswith("Choose the filled")

    result = coordinator.import_checkin(str(form), "en")

    assert result.ok, result.message
    assert result.message.startswith("1 session note(s) stored from 1 pair(s).")
    assert f"No answer yet from {kept - 1} pair(s):" in result.message
    assert "Yanis Belkacem → Michel Garnier" not in result.message
    assert not form.exists()  # the upload is deleted
    notes = rec.notes("P031", "P001")
    assert any(n.date == "2026-09-08" and n.rating == 4 for n in notes)
    bad = tmp_path / "bad.csv"
    bad.write_text(lines[0] + "\nP031,P001,x,y,2026-09-09,9,Hm.\n", encoding="utf-8")
    french = coordinator.import_checkin([str(bad)], "fr")
    assert not french.ok and "bad.csv, row 2, column 'Rating (1-5)'" in french.message
    assert not any(n.date == "2026-09-09" for n in rec.notes("P031", "P001"))
