"""The pieces the facade delegates to: the cohort cache, stored pairs placed on a cohort,
the pairing steps, the demo files, the themes' and health's inputs."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

import recommender
from recommender import HashingEmbedder, MatchParams, Person, Recommender, demo_path, load_demo
from recommender.insights.health import judging_day
from recommender.insights.themes import ThemeParams, name_words, programme_themes
from recommender.matching.cache import CohortCache, cohort_arrays, located_pairs
from recommender.matching.kernel import EdgeScores
from recommender.matching.pairing import (
    located,
    matching_cohort,
    paired_people,
    partner_suggestions,
    rules_broken,
    run_suggestions,
    scored_pair,
)
from recommender.records import Pair, PairSuggestion, StoredPair


@pytest.fixture
def arrays(rec: Recommender):
    return cohort_arrays(rec.people(), rec.segments(), rec.encoder.encode, rec.params)


def position(arrays, person_id: str) -> int:
    return next(i for i, p in enumerate(arrays.people) if p.id == person_id)


def test_the_cache_rebuilds_only_when_what_shapes_the_arrays_changes(arrays):
    cache, builds = CohortCache(), []

    def build():
        builds.append(1)
        return arrays

    params = MatchParams()
    cache.get("v1", "m", params, build)
    cache.get("v1", "m", MatchParams(min_score=0.5), build)  # scoring only: same arrays
    assert len(builds) == 1
    cache.get("v2", "m", params, build)  # another process imported people
    cache.get("v2", "other", params, build)
    cache.get("v2", "other", MatchParams(background_weight=0.1), build)
    assert len(builds) == 4


def test_pairs_of_people_outside_the_cohort_are_left_out(arrays):
    pairs = [StoredPair("j1", "s1", "accepted"), StoredPair("new", "s2", "accepted")]
    located = located_pairs(arrays.people, pairs)
    assert [(p.pair.key, p.mentor, p.mentee) for p in located] == [
        (("j1", "s1"), position(arrays, "j1"), position(arrays, "s1"))]


def test_a_run_keeps_kept_pairs_and_rules_out_decided_ones(arrays):
    pairs = [StoredPair("j1", "s1", "active"), StoredPair("j2", "s2", "rejected"),
             StoredPair("j2", "s1", "proposed"), StoredPair("j1", "s2", "proposed", locked=True)]
    run, kept = matching_cohort(arrays, located_pairs(arrays.people, pairs))
    at = {p.id: i for i, p in enumerate(arrays.people)}
    assert [p.pair.key for p in kept] == [("j1", "s1"), ("j1", "s2")]
    assert run.cohort.excluded == {(at["j1"], at["s1"]), (at["j2"], at["s2"]),
                                   (at["j1"], at["s2"])}
    assert arrays.cohort.excluded == set()  # the cached arrays are left as they were


def test_run_suggestions_put_kept_pairs_first_with_their_status(arrays):
    at = {p.id: i for i, p in enumerate(arrays.people)}
    run, kept = matching_cohort(arrays, located_pairs(arrays.people,
                                                      [StoredPair("j1", "s1", "active")]))
    empty = np.zeros(0, np.int64)
    new = EdgeScores(np.array([at["j2"]]), np.array([at["s2"]]), np.array([0.5]),
                     {"coverage": np.array([0.5])}, {"coverage": np.array([0.5])})
    suggestions = run_suggestions(run, kept, new, MatchParams())
    assert [((s.mentor_id, s.mentee_id), s.status)
            for s in suggestions] == [(("j1", "s1"), "active"), (("j2", "s2"), "proposed")]
    assert paired_people(kept, new) == {at["j1"], at["s1"], at["j2"], at["s2"]}
    none = EdgeScores(empty, empty, np.zeros(0), {}, {})
    assert paired_people([], none) == set()


def test_partners_are_ranked_best_first_without_closed_pairs(arrays):
    mentors = partner_suggestions(arrays, [], "s1", 5, True, MatchParams())
    assert "j1" in {m.mentor_id for m in mentors}
    located = located_pairs(arrays.people, [StoredPair("j1", "s1", "rejected")])
    mentors = partner_suggestions(arrays, located, "s1", 5, True, MatchParams())
    assert mentors and "j1" not in {m.mentor_id for m in mentors}
    scores = [m.score for m in mentors]
    assert scores == sorted(scores, reverse=True)


def test_one_pair_is_scored_on_the_whole_cohort_with_its_stored_decision(rec, arrays):
    at = {p.id: i for i, p in enumerate(arrays.people)}
    pair = located(arrays, [], "j1", "s1")
    assert (pair.mentor, pair.mentee, pair.pair.status) == (at["j1"], at["s1"], "proposed")
    fresh = scored_pair(arrays, pair, rec.params)
    assert fresh == rec.explain_pair("j1", "s1") and isinstance(fresh, Pair)
    assert abs(sum(fresh.parts.values()) - fresh.score) < 1e-12
    stored = located(arrays, located_pairs(arrays.people, [Pair("j1", "s1", "rejected",
                                                                locked=True, version=3)]),
                     "j1", "s1")
    decided = scored_pair(arrays, stored, rec.params)
    assert (decided.status, decided.locked) == ("rejected", True)
    assert decided.score == fresh.score
    assert "already exists, was rejected or ended" in rules_broken(arrays, stored, rec.params)
    assert "already exists, was rejected or ended" not in rules_broken(arrays, pair, rec.params)


def test_pair_suggestion_and_stored_pair_are_one_record():
    assert PairSuggestion is Pair and StoredPair is Pair


def test_the_demo_is_importable_from_the_package():
    assert recommender.load_demo is load_demo
    assert recommender.demo_path is demo_path
    assert demo_path("demo_people.csv").is_file()


def test_themes_never_label_with_names_and_need_notes():
    people = [Person("a", "Anne-Sophie Dupré", 1)]
    assert name_words(people) == frozenset({"anne", "sophie", "dupre"})
    calls = []

    def encode(texts):
        calls.append(texts)
        return HashingEmbedder().encode(texts)

    assert programme_themes([], people, [], encode, ThemeParams()) == []
    assert calls == []


def test_health_is_judged_from_the_given_day_or_today():
    assert judging_day("2025-03-01") == dt.date(2025, 3, 1)
    assert judging_day(dt.date(2024, 1, 2)) == dt.date(2024, 1, 2)
    assert judging_day(None) == dt.date.today()


def test_every_setting_the_cohort_reads_invalidates_the_cached_arrays():
    """A setting build_cohort reads but COHORT_SETTINGS misses would be silently ignored
    when changed on a running Recommender (the cached arrays would be reused)."""
    import re
    from pathlib import Path

    import recommender.matching.cohort as cohort_module
    from recommender.matching.params import COHORT_SETTINGS

    read = set(re.findall(r"params\.(\w+)", Path(cohort_module.__file__).read_text()))
    assert read, "build_cohort no longer reads params: update this test"
    assert read <= set(COHORT_SETTINGS), sorted(read - set(COHORT_SETTINGS))


def test_a_rerun_reuses_the_scored_graph_until_profiles_or_scoring_settings_change(
        rec: Recommender, people_rows, monkeypatch):
    import recommender.matching.pairing as pairing

    built = []
    real = pairing.candidate_graph
    monkeypatch.setattr(pairing, "candidate_graph",
                        lambda *a, **k: built.append(1) or real(*a, **k))
    first = rec.suggest_pairs()
    assert len(built) == 1 and first.pairs
    top = first.pairs[0]
    rec.set_pair_status(top.mentor_id, top.mentee_id, "rejected")
    again = rec.suggest_pairs()
    assert len(built) == 1  # a decision does not rescore: it is applied to the kept graph
    assert (top.mentor_id, top.mentee_id) not in {
        (p.mentor_id, p.mentee_id) for p in again.pairs}
    # The same as solving from scratch with the decision applied.
    fresh = Recommender(embedder=HashingEmbedder())
    fresh.add_people(people_rows)
    fresh.set_pair_status(top.mentor_id, top.mentee_id, "rejected")
    assert [(p.mentor_id, p.mentee_id, p.score) for p in fresh.suggest_pairs().pairs] == \
        [(p.mentor_id, p.mentee_id, p.score) for p in again.pairs]
    built.clear()
    rec.suggest_pairs(cross_department_bonus=0.2)  # another scoring setting: rescored
    assert len(built) == 1
    rec.suggest_pairs(max_mentees_per_mentor=1)  # capacity is applied to the kept graph
    assert len(built) == 1
    row = dict(people_rows[0])
    row["wants"] = str(row.get("wants", "")) + " I want to learn Rust."
    rec.add_people([row])
    rec.suggest_pairs()  # profiles changed: rescored
    assert len(built) == 2


def test_a_graph_scored_on_arrays_another_thread_replaced_is_not_kept(rec: Recommender):
    """Thread A scores a graph while thread B rebuilds the arrays (an import in another
    tab): A's graph must never be served for B's arrays (found in review)."""
    import threading

    cache, params = CohortCache(), MatchParams()
    old = cache.get("v1", "m", params, lambda: cohort_arrays(
        rec.people(), rec.segments(), rec.encoder.encode, params))
    new = cohort_arrays(rec.people(), rec.segments(), rec.encoder.encode, params)
    seen: list = []
    b = threading.Thread(target=lambda: seen.append(cache.get("v2", "m", params, lambda: new)))

    def build_while_b_rebuilds() -> EdgeScores:
        b.start()  # B asks for the new arrays while A is still scoring
        b.join(timeout=0.2)
        return EdgeScores(np.array([0]), np.array([1]), np.array([9.0]), {}, {})

    stale, _ = cache.graph(old, params, build_while_b_rebuilds)
    b.join(timeout=10)
    assert seen == [new] and stale.score.tolist() == [9.0]  # A gets what it built...
    fresh = EdgeScores(np.array([1]), np.array([0]), np.array([1.0]), {}, {})
    assert cache.graph(new, params, lambda: fresh)[0] is fresh  # ...B never sees it
    assert cache.graph(old, params, lambda: stale)[0] is stale  # A's arrays: not kept
    assert cache.graph(new, params, lambda: stale)[0] is fresh
