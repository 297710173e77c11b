"""Pairing quality on a labelled bilingual cohort (real multilingual model)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from recommender import Recommender
from recommender.language.text import split_sentences

from ..shared import DATA

COHORT = json.loads((DATA / "labelled_cohort.json").read_text())


@pytest.fixture(scope="module")
def labelled() -> Recommender:
    rec = Recommender()  # the default multilingual embedder
    rec.add_people(COHORT["people"])
    return rec


def whole_profile_choice(rec: Recommender) -> dict[str, str]:
    """What plain whole-profile similarity would pick for each senior (the baseline)."""
    people = {p.id: p for p in rec.people()}

    def vector(pid: str) -> np.ndarray:
        p = people[pid]
        v = rec.encoder.encode([" ".join(x for x in (p.profile, p.offers, p.wants) if x)])[0]
        return v

    choice = {}
    for senior, decoy in COHORT["decoys"].items():
        designed = next(m for m, s in COHORT["expected"] if s == senior)
        choice[senior] = max((designed, decoy), key=lambda j: float(vector(j) @ vector(senior)))
    return choice


@pytest.mark.slow
def test_assignment_finds_the_designed_pairs(labelled):
    result = labelled.suggest_pairs()
    found = {(p.mentor_id, p.mentee_id) for p in result.pairs}
    expected = {tuple(p) for p in COHORT["expected"]}
    accuracy = len(found & expected) / len(expected)
    print(f"designed pairs found: {accuracy:.0%}")
    assert accuracy == 1.0, sorted(found)
    assert tuple(COHORT["manager_pair"]) not in found
    assert tuple(COHORT["cross_lingual"]) in found


@pytest.mark.slow
def test_whole_profile_similarity_falls_for_decoys_and_complementarity_does_not(labelled):
    baseline = whole_profile_choice(labelled)
    fooled = [s for s, j in baseline.items() if j == COHORT["decoys"][s]]
    assert fooled, "the decoys should tempt a whole-profile baseline"
    for senior in COHORT["decoys"]:
        ranked = labelled.suggest_mentors(senior, k=3)
        designed = next(m for m, s in COHORT["expected"] if s == senior)
        assert ranked[0].mentor_id == designed, (senior, [r.mentor_id for r in ranked])


@pytest.mark.slow
def test_senior_want_sentence_is_found_in_free_text(labelled):
    wants = {s.person_id: s.text for s in labelled.segments() if s.kind == "want"}
    for senior in ("S1", "S2", "S3", "S5"):
        sentences = split_sentences(labelled.person(senior).profile)
        assert wants[senior] == sentences[-1], senior


@pytest.mark.slow
def test_reasons_quote_both_profiles(labelled):
    pair = next(p for p in labelled.suggest_pairs().pairs if p.mentee_id == "S1")
    assert "TikTok pour attirer de jeunes préparateurs" in pair.reasons[0]
    assert "Je gère le compte TikTok du recrutement" in pair.reasons[0]
    assert pair.parts["coverage"] > 0 and set(pair.parts) == {
        "coverage", "reverse", "cross_department", "lexical", "programme"}


@pytest.mark.slow
def test_designed_pairs_without_languages_or_role_preferences():
    """Files often lack these columns: the experience gap and the texts must still decide."""
    people = [{k: v for k, v in p.items() if k not in ("languages", "role_preference")}
              for p in COHORT["people"]]
    rec = Recommender()
    rec.add_people(people)
    found = {(p.mentor_id, p.mentee_id) for p in rec.suggest_pairs().pairs}
    assert {tuple(p) for p in COHORT["expected"]} <= found
    assert tuple(COHORT["manager_pair"]) not in found


@pytest.mark.slow
def test_a_wish_worded_as_a_gap_is_still_the_one_matched():
    """A senior who never says "I want": the most wish-like sentence carries the match."""
    rec = Recommender()
    rec.add_people([
        {"id": "S", "name": "Paul", "years_experience": 24, "languages": "en",
         "profile": "I have managed supply chains across Europe for two decades. I oversee "
                    "twelve warehouses and their carriers. TikTok remains foreign to me."},
        {"id": "J", "name": "Zoe", "years_experience": 1, "languages": "en",
         "offers": "I make TikTok videos and know how the app works."},
        {"id": "D", "name": "Max", "years_experience": 2, "languages": "en",
         "offers": "I plan warehouse flows and work with carriers every day."},
    ])
    wants = [s.text for s in rec.segments() if s.person_id == "S" and s.kind == "want"]
    ranked = rec.suggest_mentors("S", k=2)
    assert ranked[0].mentor_id == "J", (wants, [(r.mentor_id, r.score) for r in ranked])
    assert "TikTok remains foreign to me" in ranked[0].reasons[0]
