"""Nothing of a session note's text goes into a kit: not into the introduction, the .eml,
the .ics, the index or the zip, whether or not coordinators may read notes."""

from __future__ import annotations

import dataclasses
import email.policy
import zipfile
from email.parser import BytesParser
from urllib.parse import unquote

import pytest

from recommender.kit import write_kits, zip_kits

from .conftest import MONDAY

SECRET = "Zanzibar-7731"
NOTE = (f"On a parlé du recrutement sur TikTok et des jeunes diplômés. {SECRET} : Sylvie "
        "pense quitter l'entreprise, ne le dites à personne.")


def every_text(kit, folder) -> list[str]:
    """Every text a kit holds, decoded: its parts, the e-mail's decoded body and
    attachment, the files written and zipped."""
    texts = [kit.subject, kit.body, kit.ics, unquote(kit.mailto), kit.html or ""]
    message = BytesParser(policy=email.policy.default).parsebytes(kit.eml)
    texts += [part.get_content() for part in message.walk()
              if not part.is_multipart()]
    texts.append(kit.eml.decode("utf-8", "replace"))
    for path in folder.iterdir():
        if path.suffix == ".zip":
            archive = zipfile.ZipFile(path)
            texts += [archive.read(n).decode("utf-8", "replace") for n in archive.namelist()]
        else:
            texts.append(path.read_bytes().decode("utf-8", "replace"))
    return texts


@pytest.mark.parametrize("visible", [False, True])
def test_a_notes_text_never_reaches_a_kit(workspace, tmp_path, visible):
    workspace.set_notes_visible(visible)
    workspace.add_notes([
        {"mentor_id": "m1", "mentee_id": "s1", "date": "2026-06-01", "text": NOTE,
         "rating": 4},
        {"mentor_id": "m2", "mentee_id": "s2", "date": "2026-06-02",
         "text": f"We compared LinkedIn and short videos. {SECRET} again.", "rating": 2}])
    kits = workspace.pair_kits(first_day=MONDAY)
    folder = tmp_path / "out"
    write_kits(kits, folder, "fr")
    zip_kits(kits, folder / "kits.zip", "fr")
    for kit in kits:
        for text in every_text(kit, folder):
            assert SECRET not in text
            assert "quitter l'entreprise" not in text
    french = next(k for k in kits if k.key == ("m1", "s1"))
    if visible:
        assert "Le programme les lit" in french.body
    else:
        assert "les coordinateurs ne voient que les dates et les notes" in french.body
        assert "Le programme les lit" not in french.body


def test_topic_reasons_are_not_part_of_a_kit(workspace, tmp_path, monkeypatch):
    """Topic reasons may quote past sessions: give the suggested topics a reason holding a
    note's words, and look for them everywhere in the kit (the titles are there)."""
    workspace.add_notes([{"mentor_id": "m1", "mentee_id": "s1", "date": "2026-06-01",
                          "text": NOTE, "rating": 5}])
    topics = workspace.suggest_topics("m1", "s1", k=3, language="fr")
    assert topics
    leaky = [dataclasses.replace(t, reasons=(*t.reasons, f"Abordé le 2026-06-01 : {NOTE}"))
             for t in topics]
    monkeypatch.setattr(type(workspace), "suggest_topics", lambda *a, **k: leaky)
    kit = workspace.pair_kit("m1", "s1", first_day=MONDAY)
    folder = tmp_path / "out"
    write_kits([kit], folder, "fr")
    zip_kits([kit], folder / "kits.zip", "fr")
    texts = every_text(kit, folder)
    for topic in topics:
        assert topic.title in kit.body
    assert not any(SECRET in text or "quitter l'entreprise" in text for text in texts)
