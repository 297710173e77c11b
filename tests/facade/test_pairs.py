"""Pairs through the facade: statuses, re-runs, unmatched reasons, one-person rankings."""

from __future__ import annotations

import pytest

from recommender import Recommender


def pairs_of(result):
    return {(p.mentor_id, p.mentee_id) for p in result.pairs}


def test_complementary_pairs_and_reasons(rec):
    result = rec.suggest_pairs()
    assert pairs_of(result) == {("j1", "s1"), ("j2", "s2")}
    pair = next(p for p in result.pairs if p.mentee_id == "s1")
    assert "TikTok" in pair.reasons[0] and pair.score == pytest.approx(sum(pair.parts.values()),
                                                                     abs=1e-3)
    assert {p.status for p in rec.pairs()} == {"proposed"}


def test_accepted_and_locked_pairs_survive_a_rerun(rec):
    rec.suggest_pairs()
    rec.set_pair_status("j1", "s2", "accepted")  # the coordinator's own choice
    rec.set_pair_status("j2", "s1", "proposed", locked=True)
    result = rec.suggest_pairs()
    assert pairs_of(result) == {("j1", "s2"), ("j2", "s1")}
    statuses = {(p.mentor_id, p.mentee_id): (p.status, p.locked) for p in result.pairs}
    assert statuses[("j1", "s2")] == ("accepted", False)
    assert statuses[("j2", "s1")] == ("proposed", True)
    assert len(rec.pairs()) == 2


def test_rejected_pair_is_never_proposed_again(rec):
    rec.set_pair_status("j1", "s1", "rejected")
    result = rec.suggest_pairs()
    assert ("j1", "s1") not in pairs_of(result)
    assert all(p.mentor_id != "j1" or p.mentee_id != "s1" for p in rec.suggest_mentors("s1"))


def test_unmatched_people_get_a_reason(rec):
    rec.add_people([{"id": "x", "name": "Xavier", "years_experience": 30, "languages": "de",
                     "wants": "Ich möchte TikTok verstehen.", "role_preference": "mentee"}])
    result = rec.suggest_pairs()
    reasons = {u.id: u.reason for u in result.unmatched}
    assert reasons["x"] == "as mentee: no shared language with any candidate"


def test_capacity_and_gap_settings(rec):
    rec.add_people([{"id": "s3", "name": "Ana", "years_experience": 25, "languages": "fr;en",
                     "wants": "I want to learn TikTok recruiting for graduates."}])
    assert ("j1", "s3") not in pairs_of(rec.suggest_pairs())  # j1 has capacity 1
    rec.add_people([{"id": "j1", "name": "Inès", "years_experience": 1, "department": "HR",
                     "languages": "fr;en", "capacity": 2, "role_preference": "mentor",
                     "offers": "I run the TikTok account for recruiting and know how "
                               "graduates search jobs."}])
    assert {("j1", "s1"), ("j1", "s3")} <= pairs_of(rec.suggest_pairs())
    capped = rec.suggest_pairs(max_mentees_per_mentor=1)
    assert sum(p.mentor_id == "j1" for p in capped.pairs) == 1
    assert not rec.suggest_pairs(min_experience_gap=40).pairs


def test_manager_and_report_are_never_paired(rec):
    rec.add_people([{"id": "j1", "name": "Inès", "years_experience": 1, "department": "HR",
                     "languages": "fr;en", "manager_id": "s1", "role_preference": "mentor",
                     "offers": "I run the TikTok account for recruiting."}])
    assert ("j1", "s1") not in pairs_of(rec.suggest_pairs())
    assert all(p.mentor_id != "j1" for p in rec.suggest_mentors("s1", k=5))


def test_one_person_rankings(rec):
    mentors = rec.suggest_mentors("s1", k=5)
    assert mentors[0].mentor_id == "j1"
    assert [m.score for m in mentors] == sorted((m.score for m in mentors), reverse=True)
    mentees = rec.suggest_mentees("j2", k=1)
    assert [m.mentee_id for m in mentees] == ["s2"]
    with pytest.raises(KeyError):
        rec.suggest_mentors("nobody")


def test_bad_status_is_refused(rec):
    with pytest.raises(ValueError, match="unknown status"):
        rec.set_pair_status("j1", "s1", "maybe")


def test_several_mentors_per_mentee_when_configured(people_rows):
    from recommender import MatchParams

    rows = [*people_rows, {"id": "j3", "name": "Léo", "years_experience": 1, "languages": "en",
                           "offers": "I post recruiting videos on TikTok for graduates.",
                           "role_preference": "mentor"}]
    rec = Recommender(embedder="hashing", params=MatchParams(max_mentors_per_mentee=2))
    rec.add_people(rows)
    result = rec.suggest_pairs()
    assert sum(p.mentee_id == "s1" for p in result.pairs) == 2


def test_a_decision_on_an_outdated_view_is_refused(rec):
    from recommender.errors import StaleDecisionError

    rec.suggest_pairs()
    shown = {p.key: p for p in rec.pairs()}[("j1", "s1")]
    assert shown.version >= 1
    rec.set_pair_status("j1", "s1", "accepted", expected_version=shown.version)  # first tab
    with pytest.raises(StaleDecisionError, match="changed since it was shown"):
        rec.set_pair_status("j1", "s1", "rejected", expected_version=shown.version)  # second tab
    now = {p.key: p for p in rec.pairs()}[("j1", "s1")]
    assert now.status == "accepted" and now.version == shown.version + 1
