"""The cohort's arrays and scored graphs saved in the workspace folder: a new process over
unchanged profiles and settings reads them instead of computing them, and any doubt
(profiles, settings, code, people, a damaged file) computes them again."""

from __future__ import annotations

import dataclasses
import logging

import numpy as np
import pytest

import recommender.matching.cache as cohort_cache
import recommender.matching.pairing as pairing
from recommender import HashingEmbedder, MatchParams, Recommender
from recommender.matching.cache import (
    CohortCache,
    cohort_arrays,
    load_cohort,
    load_graph,
    save_cohort,
    save_graph,
)
from recommender.matching.candidates import candidate_graph
from recommender.matching.cohort import Sentences
from recommender.matching.kernel import EdgeScores
from recommender.matching.params import SIGNALS


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
    build, score = cohort_cache.build_cohort, pairing.candidate_graph

    def counting_build(*args, **kwargs):
        calls["arrays"] += 1
        return build(*args, **kwargs)

    def counting_score(*args, **kwargs):
        calls["graph"] += 1
        return score(*args, **kwargs)

    monkeypatch.setattr(cohort_cache, "build_cohort", counting_build)
    monkeypatch.setattr(pairing, "candidate_graph", counting_score)
    return calls


def cache_files(path) -> list[str]:
    return sorted(p.name.split("-")[0] for p in (path / "index" / "cohort").glob("*.npz"))


def test_arrays_and_graphs_survive_the_trip_to_disk_field_by_field(rec: Recommender, tmp_path):
    params = MatchParams()
    arrays = cohort_arrays(rec.people(), rec.segments(), rec.encoder.encode, params)
    arrays.cohort.excluded = {(0, 1)}
    save_cohort(tmp_path / "c.npz", arrays, "t1")
    cohort, ids, token = load_cohort(tmp_path / "c.npz")
    assert ids == [p.id for p in arrays.people] and token == "t1"
    assert arrays.cohort.lexical_offer is not None  # the sparse fields are exercised
    for f in dataclasses.fields(cohort):
        got, want = getattr(cohort, f.name), getattr(arrays.cohort, f.name)
        if f.name == "excluded":
            assert got == set()  # decisions are never saved with the arrays
        elif hasattr(want, "toarray"):
            assert (got != want).nnz == 0 and got.shape == want.shape
        elif isinstance(want, Sentences):
            for g in dataclasses.fields(want):
                assert np.array_equal(getattr(got, g.name), getattr(want, g.name))
        else:
            same = np.array_equal(got, want, equal_nan=got.dtype.kind == "f")
            assert same and got.dtype == want.dtype, f.name
    graph = candidate_graph(arrays.cohort, params)
    save_graph(tmp_path / "g.npz", graph, "t1")
    with pytest.raises(ValueError, match="other arrays"):
        load_graph(tmp_path / "g.npz", params, "t2")
    back = load_graph(tmp_path / "g.npz", params, "t1")
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


@pytest.mark.parametrize("damage", ["truncated", "flipped", "flipped late"])
def test_a_damaged_file_is_computed_again_with_a_warning(folder, counted, caplog, damage):
    for path in (folder / "index" / "cohort").glob("*.npz"):
        data = bytearray(path.read_bytes())
        if damage == "truncated":
            data = data[:100]
        else:  # one byte flipped in a zip header or in the data
            for at in range(7 if damage == "flipped" else len(data) // 2, len(data), 997):
                data[at] ^= 0xFF
        path.write_bytes(bytes(data))
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
    erased = again.suggest_pairs().pairs[0].mentor_id
    assert cache_files(folder)
    again.delete_person(erased)
    assert cache_files(folder) == []
    again.suggest_pairs()
    for path in (folder / "index" / "cohort").glob("cohort-*.npz"):
        assert erased not in load_cohort(path)[1]


def test_a_file_saved_while_someone_was_erased_does_not_stay(rec: Recommender, tmp_path):
    """The profiles version moved while the arrays were built (an erasure in another
    process): the file just written goes."""
    params = MatchParams()
    arrays = cohort_arrays(rec.people(), rec.segments(), rec.encoder.encode, params)
    CohortCache(folder=tmp_path).get("v1", "m", params, lambda: arrays, lambda c: arrays,
                                     still_current=lambda: False)
    assert list(tmp_path.glob("cohort-*.npz")) == []


def test_other_cohorts_files_go_even_when_the_current_one_is_read(rec: Recommender, tmp_path):
    params = MatchParams()
    arrays = cohort_arrays(rec.people(), rec.segments(), rec.encoder.encode, params)
    CohortCache(folder=tmp_path).get("v1", "m", params, lambda: arrays)
    CohortCache(folder=tmp_path).get("v2", "m", params, lambda: arrays)
    # A process still on v1 saves it again (it read the version before the change)...
    CohortCache(folder=tmp_path).get("v1", "m", params, lambda: arrays)
    assert len(list(tmp_path.glob("cohort-*.npz"))) == 1
    # ...and the next process on v2 (reading its own file, not building) removes it.
    CohortCache(folder=tmp_path).get("v2", "m", params, lambda: arrays)
    assert len(list(tmp_path.glob("cohort-*.npz"))) == 1


def test_a_graph_is_never_read_for_other_arrays_saved_under_the_same_name(rec: Recommender,
                                                                         tmp_path):
    """Arrays rebuilt under the same name (the file held other people: an import between
    reading the version and the people) must not get the old arrays' graph (found in
    review: it proposed pairs by the old positions)."""
    params = MatchParams()
    arrays = cohort_arrays(rec.people(), rec.segments(), rec.encoder.encode, params)
    others = arrays._replace(people=arrays.people[::-1])
    first = CohortCache(folder=tmp_path)
    first.get("v1", "m", params, lambda: arrays)
    old = candidate_graph(arrays.cohort, params)
    first.graph(arrays, params, lambda: old)
    second = CohortCache(folder=tmp_path)
    got = second.get("v1", "m", params, lambda: others, lambda c: others)
    assert got is others  # the file was for other people: built again
    fresh = EdgeScores(np.array([1]), np.array([0]), np.array([0.5]),
                                   {}, dict.fromkeys(SIGNALS, np.array([0.5])))
    assert second.graph(got, params, lambda: fresh)[0] is fresh


def test_arrays_quoting_sentences_that_changed_are_built_again(rec: Recommender, tmp_path):
    params = MatchParams()
    arrays = cohort_arrays(rec.people(), rec.segments(), rec.encoder.encode, params)
    CohortCache(folder=tmp_path).get("v1", "m", params, lambda: arrays)
    edited = arrays._replace(segments=dict(list(arrays.segments.items())[1:]))
    builds = []
    got = CohortCache(folder=tmp_path).get(
        "v1", "m", params, lambda: builds.append(1) or arrays, lambda c: edited)
    assert builds == [1] and got is arrays


def test_a_failed_write_leaves_no_partial_file(rec: Recommender, tmp_path, monkeypatch, caplog):
    params = MatchParams()
    arrays = cohort_arrays(rec.people(), rec.segments(), rec.encoder.encode, params)

    def full_disk(out, **arrays):
        out.write(b"half a file")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(np, "savez", full_disk)
    with caplog.at_level(logging.WARNING):
        assert CohortCache(folder=tmp_path).get("v1", "m", params, lambda: arrays) is arrays
    assert "not saved" in caplog.text
    assert list(tmp_path.iterdir()) == []
