"""One pair, one score: the list, the explanation, the review and the exports read what the
matching computed, or compute it on the whole cohort, never on a cohort of two; getters
only read; the saved arrays are keyed by every module of the package."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recommender import Recommender, load_demo
from recommender.matching.cache import code_sources
from recommender.ui.coordinator import Coordinator


def check_one_score(rec: Recommender) -> int:
    result = rec.suggest_pairs()
    proposed = [p for p in result.pairs if p.status == "proposed"]
    assert proposed
    listed = {p.key: p for p in rec.pairs()}
    for pair in proposed:
        stored = listed[pair.key]
        assert stored.score == pair.score and dict(stored.parts) == dict(pair.parts)
        explained = rec.explain_pair(pair.mentor_id, pair.mentee_id)
        assert explained.score == pair.score and dict(explained.parts) == dict(pair.parts)
        assert explained.reasons == pair.reasons
        # Scored again on the whole cohort, with the run's settings: the same score (up to
        # float32 rounding of the products), every cohort-relative part included.
        again = rec.explain_pair(pair.mentor_id, pair.mentee_id, params=rec.params)
        assert again.score == pytest.approx(pair.score, abs=1e-6)
        for name, value in pair.parts.items():
            assert again.parts[name] == pytest.approx(value, abs=1e-6), name
        assert sum(again.parts.values()) == pytest.approx(again.score, abs=1e-12)
    return len(proposed)


def test_explain_pair_equals_the_list_for_every_proposed_pair_of_the_demo():
    assert check_one_score(load_demo(embedder="hashing")) >= 10


@pytest.mark.slow
def test_explain_pair_equals_the_list_with_the_default_model():
    assert check_one_score(load_demo()) >= 10


def test_the_review_and_the_export_show_the_listed_score(tmp_path):
    rec = load_demo(embedder="hashing")
    rec.suggest_pairs()
    page = Coordinator(rec, export_dir=tmp_path)
    for pair in rec.pairs(("proposed",)):
        score, parts, _, _ = page._scored(pair, "en", page._people())
        assert (score, parts) == (pair.score, dict(pair.parts))
    stored = {p.key: p for p in rec.pairs()}
    shown = 0
    for pair in rec.pairs(("proposed",)):
        ranked = rec.suggest_mentors(pair.mentee_id, 10)
        for _, alternative, _ in page._alternatives(ranked, "mentor_id", "", page._people(),
                                                    stored, "en", 10):
            if alternative.key in stored:
                assert alternative.score == stored[alternative.key].score
                shown += 1
    assert shown
    exported = json.loads(Path(page.export_pairs("json")).read_text(encoding="utf-8"))
    by_key = {(row["mentor_id"], row["mentee_id"]): row["score"] for row in exported}
    for key, pair in stored.items():
        if pair.status != "rejected":
            assert by_key[key] == pytest.approx(pair.score, abs=5e-5)  # written to 4 places


def test_getters_only_read(rec: Recommender):
    rec.suggest_pairs()
    before = rec.store.fingerprint()
    settings = {k: rec.store.get_setting(k) for k in ("profiles_version", "topics_initialised")}
    rec.segments()
    assert len(rec.topics()) >= 40  # the shipped catalogue, read, not written
    rec.pairs()
    rec.people()
    rec.notes()
    rec.health()
    rec.explain_pair("j1", "s1")
    assert rec.store.fingerprint() == before
    assert {k: rec.store.get_setting(k) for k in settings} == settings
    assert not rec.store.topics_chosen()


def test_the_saved_arrays_are_keyed_by_every_module_of_the_package():
    package, sources = code_sources()
    names = {p.relative_to(package).as_posix() for p in sources}
    assert {"matching/kernel.py", "language/text.py", "intake/forms/apply.py",
            "storage/migrations/helpers.py", "recommender.py"} <= names
