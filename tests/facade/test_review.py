"""The facade's review functions: one pair explained, rules named, manual pairs, the
unmatched now, reasons re-worded in another language, imports through a form mapping."""

from __future__ import annotations

import pytest

from recommender import HashingEmbedder, Recommender, ValidationError
from recommender.errors import PairRuleError

from ..shared import FORMS


def test_explain_pair_gives_parts_quotes_and_reasons_in_the_asked_language(rec):
    en = rec.explain_pair("j1", "s1", language="en")
    fr = rec.explain_pair("j1", "s1", language="fr")
    assert sum(en.parts.values()) == pytest.approx(en.score, abs=2e-4)
    assert en.quotes["want"].startswith("I want to understand recruiting on TikTok")
    assert en.quotes["offer"].startswith("I run the TikTok account")
    assert en.reasons[0].startswith("Inès can help Sylvie with")
    assert fr.reasons[0].startswith("Inès peut aider Sylvie sur « I want to understand")
    assert en.score == fr.score


def test_stored_reasons_are_reworded_without_rescoring(rec):
    rec.suggest_pairs()
    stored = {p.key: p for p in rec.pairs()}[("j2", "s2")]
    assert stored.quotes and stored.signals
    assert rec.pair_reasons(stored, "en")[0].startswith('Yanis can help Marc with "Je veux')
    assert rec.pair_reasons(stored, "fr")[0].startswith("Yanis peut aider Marc sur")
    assert any("ans d'expérience d'écart" in r for r in rec.pair_reasons(stored, "fr"))


def test_rules_are_named_and_a_forbidden_manual_pair_is_refused(rec):
    assert rec.rule_violations("j1", "s1") == ()
    # j1 only wants to mentor, and is 17 years junior to s1.
    assert rec.rule_violations("s1", "j1") == ("role preferences or capacity", "experience gap")
    assert "écart d'expérience" in rec.rule_violations("s1", "j1", "fr")
    with pytest.raises(PairRuleError, match="experience gap"):
        rec.add_pair("s1", "j1")
    pair = rec.add_pair("j1", "s2")
    assert pair.status == "accepted" and pair.reasons
    assert {p.key: p.status for p in rec.pairs()}[("j1", "s2")] == "accepted"


def test_unmatched_now_in_french(rec):
    rec.add_pair("j1", "s1")
    left = {u.id: u.reason for u in rec.unmatched("fr")}
    assert set(left) == {"j2", "s2"}
    rec.suggest_pairs()
    assert rec.unmatched("fr") == []


def test_import_through_a_mapping_saves_it_and_reports(tmp_path):
    rec = Recommender.open(tmp_path / "ws", embedder=HashingEmbedder())
    source = FORMS / "google_mentees_en.csv"
    proposal = rec.propose_mapping(source, role="mentee")
    assert rec.saved_mapping(source) is None
    result = rec.import_people(source, mapping=proposal.mapping)
    assert result.stored == 10 and not result.skipped
    assert any("Languages guessed" in line or "'which_languages_do_you_speak' -> languages" in line
               for line in result.report)
    assert rec.saved_mapping(source) == proposal.mapping
    assert {p.role_preference for p in rec.people()} == {"mentee"}


def test_partial_import_keeps_the_valid_rows(tmp_path):
    rec = Recommender(embedder=HashingEmbedder())
    rows = [{"id": "a", "name": "Ana", "years_experience": 1, "offers": "I run TikTok."},
            {"id": "b", "name": "", "years_experience": 20, "wants": "Learn TikTok."},
            {"id": "c", "name": "Cy", "years_experience": -3, "wants": "Learn Python."}]
    with pytest.raises(ValidationError):
        rec.import_people(rows)
    assert rec.people() == []
    result = rec.import_people(rows, partial=True)
    assert result.stored == 1 and [p.id for p in rec.people()] == ["a"]
    assert {p.row for p in result.skipped} == {2, 3}


def test_topics_and_risks_follow_the_asked_language(rec):
    rec.set_pair_status("j2", "s2", "active")  # a French pair
    english = rec.suggest_topics("j2", "s2", k=2, language="en")
    french = rec.suggest_topics("j2", "s2", k=2, language="fr")
    assert [s.topic_id for s in english] == [s.topic_id for s in french]
    assert all(s.language == "en" for s in english) and all(s.language == "fr" for s in french)
    assert english[0].title != french[0].title
    assert any(r == "Not covered in your sessions yet" for r in english[0].reasons)
    rec.add_notes([{"mentor_id": "j2", "mentee_id": "s2", "date": "2026-01-05",
                    "text": "Nous avons parlé des tournées de livraison."}])
    risks = [r for p in rec.health(as_of="2026-06-01", language="fr").pairs
             for r in p.risk_reasons]
    assert any("séance(s) par mois" in r and "0,2" in r for r in risks), risks
