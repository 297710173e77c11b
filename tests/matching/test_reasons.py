"""Reasons that say what a pair really rests on (issue #10), with the fake embedder."""

from __future__ import annotations

from recommender import HashingEmbedder, Recommender
from recommender.language.text import shorten
from recommender.matching.explain import shared_terms

SENIOR = {"id": "s", "name": "Sonia", "years_experience": 20, "languages": "en",
          "role_preference": "mentee", "department": "Finance",
          "wants": "I want to learn Power Query for our monthly reports."}


def rec_with(*people: dict, **params: float) -> Recommender:
    rec = Recommender(embedder=HashingEmbedder())
    rec.add_people(list(people))
    for name, value in params.items():
        rec.params = rec.params.__class__(**{**rec.params.__dict__, name: value})
    return rec


def test_a_strong_match_says_who_can_help_with_what():
    junior = {"id": "j", "name": "Jade", "years_experience": 1, "languages": "en",
              "role_preference": "mentor", "department": "Data",
              "offers": "I use Power Query for monthly reports every day."}
    pair = rec_with(SENIOR, junior).suggest_pairs().pairs[0]
    assert pair.reasons[0].startswith('Jade can help Sonia with "I want to learn Power Query')
    assert any(r.startswith("Words they share: ") and "query" in r for r in pair.reasons)


def test_a_weak_match_never_says_can_help_and_names_what_it_rests_on():
    junior = {"id": "j", "name": "Jade", "years_experience": 1, "languages": "en",
              "role_preference": "mentor", "department": "Data",
              "offers": "I bake bread for our monthly fair. I fix bikes."}
    rec = rec_with(SENIOR, junior, min_score=0.0)
    pair = rec.explain_pair("j", "s")
    assert not any("can help" in r for r in pair.reasons)
    assert pair.reasons[0].startswith("Weak match (")
    assert "nothing Jade offers answers Sonia's wishes closely" in pair.reasons[0]
    assert '"I want to learn Power Query for our monthly reports"' in pair.reasons[0]


def test_below_the_minimum_score_nobody_is_proposed_and_the_best_candidate_is_named():
    junior = {"id": "j", "name": "Jade", "years_experience": 1, "languages": "en",
              "role_preference": "mentor", "department": "Data",
              "offers": "I bake bread. I fix bikes."}
    rec = rec_with(SENIOR, junior)
    assert rec.explain_pair("j", "s").score < rec.params.min_score
    result = rec.suggest_pairs()
    assert result.pairs == ()
    reasons = {u.id: u.reason for u in result.unmatched}
    assert reasons["s"].startswith("best candidate Jade scores ")
    assert "under the minimum score 0.1" in reasons["s"]
    assert "meilleur candidat Jade" in {u.id: u.reason for u in rec.unmatched("fr")}["s"]


def test_in_return_only_when_the_mentor_stated_a_wish():
    stated = {"id": "j", "name": "Jade", "years_experience": 1, "languages": "en",
              "role_preference": "mentor", "department": "Data",
              "offers": "I use Power Query for monthly reports every day.",
              "wants": "I want to learn budget forecasting."}
    senior = {**SENIOR, "offers": "I run budget forecasting for the group."}
    pair = rec_with(senior, stated).explain_pair("j", "s")
    assert any(r.startswith("In return, Sonia can share") for r in pair.reasons)
    unstated = {**stated, "wants": "", "offers": stated["offers"] + " Budget forecasting."}
    pair = rec_with(senior, unstated).explain_pair("j", "s")
    assert not any(r.startswith("In return") for r in pair.reasons)


def test_quotes_have_no_stray_separators_and_shared_terms_are_content_words():
    assert shorten("Machine Learning;") == "Machine Learning"
    assert shorten("- Canva •") == "Canva"
    assert shared_terms("I want to learn Power Query and SQL", "power query, sql, excel") == [
        "power", "query", "sql"]
