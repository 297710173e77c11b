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
    assert pair.reasons[0].startswith("No close match: ")
    assert "%" not in pair.reasons[0]  # the pair's one percent is its score
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


def test_reasons_are_worded_for_the_programme_and_the_pair():
    """In a classic programme the mentee's own gift is no "In return" and the mentor is the
    senior; who is junior is read from the pair itself, whatever the setting."""
    from recommender.matching.explain import pair_reasons
    from recommender.records import Person

    mentor = Person("m", "Marc", 20, offers="I coach managers on negotiation.",
                    wants="I want to understand TikTok.", languages=("en",))
    mentee = Person("s", "Sami", 2, offers="I run our TikTok account.",
                    wants="I want to learn negotiation.", languages=("en",))
    quotes = {"want": mentee.wants, "offer": mentor.offers, "reverse_want": mentor.wants,
              "reverse_offer": mentee.offers}
    signals = {"coverage": 0.8, "reverse": 0.7}
    classic = pair_reasons(mentor, mentee, quotes, signals, direction="classic", language="en")
    assert not any(r.startswith("In return") for r in classic)
    assert 'Sami can also bring "I run our TikTok account" to Marc' in " | ".join(classic)
    assert "18 years of experience apart: Marc is the senior mentor" in classic
    reverse_setting = pair_reasons(mentor, mentee, quotes, signals, direction="reverse",
                                   language="fr")
    assert any("Marc est le mentor senior" in r for r in reverse_setting)  # read from the pair
    assert any(r.startswith("En retour, Sami") for r in reverse_setting)
    peer = pair_reasons(mentor, mentee, quotes, signals, direction="peer", language="en")
    assert any(r.startswith("Both ways: Sami") for r in peer)
    assert "Peers: 18 years of experience apart" in peer
