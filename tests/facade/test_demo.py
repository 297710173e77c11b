"""The bundled demo programme with the real default embedder."""

from __future__ import annotations

import pytest

from recommender import demo_path, load_demo
from recommender.intake.readers import read_table


def test_demo_files_are_big_enough_and_valid():
    people = read_table(demo_path("demo_people.csv"))
    notes = read_table(demo_path("demo_notes.csv"))
    assert len(people) >= 60 and len(notes) >= 40
    langs = {r["languages"] for _, r in people}
    assert any("fr" in x for x in langs) and any("en" in x for x in langs)
    departments = {r["department"] for _, r in people}
    assert len(departments) >= 8


@pytest.fixture(scope="module")
def demo():
    return load_demo()  # default embedder: multilingual USE


@pytest.mark.slow
def test_french_query_finds_english_paraphrase_through_faiss(demo):
    hits = demo.search(
        "J'aimerais apprendre comment les acheteurs de la génération Z se renseignent sur les "
        "produits en ligne avant d'acheter.", k=3)
    assert any(h.person_id == "P007" and "research products online" in h.text for h in hits)


@pytest.mark.slow
def test_demo_seed_scenarios_are_loaded(demo):
    michel, yanis = demo.person("P001"), demo.person("P031")
    assert "magasin" in michel.role.lower() and yanis.years_experience < 1
    sylvie, ines = demo.person("P002"), demo.person("P032")
    assert sylvie.years_experience >= 15 and ines.department == sylvie.department
    assert len(demo.notes("P031", "P001")) >= 3
