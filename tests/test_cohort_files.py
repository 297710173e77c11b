"""The cohort's arrays and scored graphs saved in the workspace folder: a new process over
unchanged profiles and settings reads them instead of computing them, and any doubt
(profiles, settings, code, people, a damaged file) computes them again."""

from __future__ import annotations

import dataclasses
import logging

import numpy as np
import pytest

import recommender.cohort_cache as cohort_cache
import recommender.match as match_stage
from recommender import HashingEmbedder, MatchParams, Recommender
from recommender.cohort_cache import (
    CohortCache,
    cohort_arrays,
    load_cohort,
    load_graph,
    save_cohort,
    save_graph,
)


def opened(path) -> Recommender:
    return Recommender.open(path, embedder=HashingEmbedder())


def pairs(result) -> list[tuple]:
    return [(p.mentor_id, p.mentee_id, p.score, p.reasons) for p in result.pairs]


@pytest.fixture
def folder(tmp_path, people_rows):
    first = opened(tmp_path)
    first.add_people(people_rows)
    first.suggest_pairs()
    return tmp_path


@pytest.fixture
def counted(monkeypatch):
    """How many times the arrays are built and the graph is scored."""
    calls = {"arrays": 0, "graph": 0}
    build, score = cohort_cache.build_cohort, match_stage.candidate_graph

    def counting_build(*args, **kwargs):
        calls["arrays"] += 1
        return build(*args, **kwargs)

    def counting_score(*args, **kwargs):
        calls["graph"] += 1
        return score(*args, **kwargs)

    monkeypatch.setattr(cohort_cache, "build_cohort", counting_build)
    monkeypatch.setattr(match_stage, "candidate_graph", counting_score)
    return calls


def cache_files(path) -> list[str]:
    return sorted(p.name.split("-")[0] for p in (path / "index" / "cohort").glob("*.npz"))


def test_arrays_and_graphs_survive_the_trip_to_disk_field_by_field(rec: Recommender, tmp_path):
    params = MatchParams()
    arrays = cohort_arrays(rec.people(), rec.segments(), rec.encoder.encode, params)
    arrays.cohort.excluded = {(0, 1)}
    save_cohort(tmp_path / "c.npz", arrays)
    cohort, ids = load_cohort(tmp_path / "c.npz")
    assert ids == [p.id for p in arrays.people]
    assert arrays.cohort.lexical_offer is not None  # the sparse fields are exercised
    for f in dataclasses.fields(cohort):
        got, want = getattr(cohort, f.name), getattr(arrays.cohort, f.name)
        if f.name == "excluded":
            assert got == set()  # decisions are never saved with the arrays
        elif hasattr(want, "toarray"):
            assert (got != want).nnz == 0 and got.shape == want.shape
        elif isinstance(want, match_stage.Sentences):
            for g in dataclasses.fields(want):
                assert np.array_equal(getattr(got, g.name), getattr(want, g.name))
        else:
            assert np.array_equal(got, want) and got.dtype == want.dtype, f.name
    graph = match_stage.candidate_graph(arrays.cohort, params)
    save_graph(tmp_path / "g.npz", graph)
    back = load_graph(tmp_path / "g.npz", params)
    assert np.array_equal(back.mentor, graph.mentor) and np.array_equal(back.score, graph.score)
    for name in graph.parts:
        assert np.array_equal(back.parts[name], graph.parts[name])


def test_a_new_process_reads_what_the_last_one_computed(folder, counted, people_rows):
    again = opened(folder)
    result = again.suggest_pairs()
    assert counted == {"arrays": 0, "graph": 0}
    fresh = Recommender(embedder=HashingEmbedder())  # nothing saved anywhere
    fresh.add_people(people_rows)
    assert pairs(result) == pairs(fresh.suggest_pairs())
    assert [u.person_id for u in again.unmatched()] == [u.person_id for u in fresh.unmatched()]


def test_other_scoring_settings_are_scored_and_kept_beside(folder, counted):
    again = opened(folder)
    again.suggest_pairs(cross_department_bonus=0.3)
    assert counted == {"arrays": 0, "graph": 1}
    assert cache_files(folder) == ["cohort", "graph", "graph"]
    opened(folder).suggest_pairs(cross_department_bonus=0.3)
    assert counted == {"arrays": 0, "graph": 1}


def test_changed_profiles_are_computed_again_and_the_old_files_removed(folder, counted,
                                                                       people_rows):
    again = opened(folder)
    row = dict(people_rows[0])
    row["wants"] = str(row.get("wants", "")) + " I want to learn Rust."
    again.add_people([row])
    again.suggest_pairs()
    assert counted == {"arrays": 1, "graph": 1}
    assert cache_files(folder) == ["cohort", "graph"]  # the old cohort's files are gone


def test_a_damaged_file_is_computed_again_with_a_warning(folder, counted, caplog):
    for path in (folder / "index" / "cohort").glob("*.npz"):
        path.write_bytes(path.read_bytes()[:100])
    with caplog.at_level(logging.WARNING):
        mended = pairs(opened(folder).suggest_pairs())
    assert "unreadable" in caplog.text
    assert counted == {"arrays": 1, "graph": 1}
    assert pairs(opened(folder).suggest_pairs()) == mended
    assert counted == {"arrays": 1, "graph": 1}  # the reopening mended the files


def test_files_of_other_code_or_other_people_are_not_read(rec: Recommender, tmp_path,
                                                          monkeypatch):
    params = MatchParams()
    arrays = cohort_arrays(rec.people(), rec.segments(), rec.encoder.encode, params)
    builds = []

    def build():
        builds.append(1)
        return arrays

    CohortCache(folder=tmp_path).get("v1", "m", params, build, lambda c: arrays)
    assert builds == [1]
    CohortCache(folder=tmp_path).get("v1", "m", params, build, lambda c: arrays)
    assert builds == [1]  # read back
    others = arrays._replace(people=arrays.people[::-1])
    CohortCache(folder=tmp_path).get("v1", "m", params, build, lambda c: others)
    assert builds == [1, 1]  # the file was saved for people in another order
    monkeypatch.setattr(cohort_cache, "code_fingerprint", lambda: "another version")
    CohortCache(folder=tmp_path).get("v1", "m", params, build, lambda c: arrays)
    assert builds == [1, 1, 1]


def test_erasing_a_person_erases_the_saved_arrays(folder, people_rows):
    again = opened(folder)
    assert cache_files(folder)
    again.delete_person(people_rows[0]["id"])
    assert cache_files(folder) == []
    assert people_rows[0]["id"] not in {p.mentor_id for p in again.suggest_pairs().pairs}
