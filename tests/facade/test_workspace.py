"""Workspace: persistence, embedding cache, FAISS index kept in step with the store."""

from __future__ import annotations

import numpy as np
import pytest

from recommender import Recommender
from recommender.embedding.index import VectorIndex

from ..shared import CountingEmbedder


def test_open_creates_folder_and_persists(tmp_path, people_rows):
    folder = tmp_path / "prog"
    rec = Recommender.open(folder, embedder=CountingEmbedder())
    rec.add_people(people_rows)
    rec.add_notes([{"mentor_id": "j1", "mentee_id": "s1", "date": "2026-05-01",
                    "text": "We talked about TikTok", "rating": 5}])
    rec.set_pair_status("j1", "s1", "active")
    rec.close()
    assert (folder / "workspace.json").exists() and (folder / "README.md").exists()
    again = Recommender.open(folder, embedder=CountingEmbedder())
    assert [p.id for p in again.people()] == ["j1", "j2", "s1", "s2"]
    assert again.notes()[0].rating == 5
    assert again.pairs()[0].status == "active"


def test_unchanged_texts_are_not_embedded_again(tmp_path, people_rows):
    embedder = CountingEmbedder()
    rec = Recommender.open(tmp_path / "w", embedder=embedder)
    rec.add_people(people_rows)
    first = embedder.texts
    assert first > 0
    rec.add_people(people_rows)  # same texts: all from the cache
    rec.suggest_pairs()
    assert embedder.texts == first
    rec.close()
    reopened = CountingEmbedder()
    rec2 = Recommender.open(tmp_path / "w", embedder=reopened)
    rec2.suggest_pairs()
    rec2.segment_index()
    assert reopened.texts == 0


def test_changing_the_model_embeds_everything_again(tmp_path, people_rows):
    rec = Recommender.open(tmp_path / "w", embedder=CountingEmbedder(model_id="model-a"))
    rec.add_people(people_rows)
    rec.close()
    other = CountingEmbedder(model_id="model-b")
    rec2 = Recommender.open(tmp_path / "w", embedder=other)
    rec2.suggest_pairs()
    n_segments = len(rec2.segments())
    assert other.texts >= n_segments
    assert rec2.store.count_embeddings("model-b") >= n_segments
    assert rec2.store.segment_model_ids() == {"model-b"}


def test_delete_person_erases_everything(rec):
    rec.add_notes([{"mentor_id": "j1", "mentee_id": "s1", "date": "2026-05-01", "text": "x y"}])
    rec.suggest_pairs()
    index = rec.segment_index()
    ids_before = set(index.ids().tolist())
    mine = {s.id for s in rec.segments() if s.person_id == "j1"}
    assert mine <= ids_before
    rec.delete_person("j1")
    assert "j1" not in {p.id for p in rec.people()}
    assert not rec.notes()
    assert all("j1" not in (p.mentor_id, p.mentee_id) for p in rec.pairs())
    assert not mine & set(rec.segment_index().ids().tolist())
    assert all(h.person_id != "j1" for h in rec.search("TikTok recruiting", k=10))
    with pytest.raises(KeyError):
        rec.delete_person("j1")


def test_index_rebuilt_when_missing_stale_or_unreadable(tmp_path, people_rows):
    folder = tmp_path / "w"
    rec = Recommender.open(folder, embedder=CountingEmbedder())
    rec.add_people(people_rows)
    n = len(rec.segment_index())
    rec.close()
    faiss_file = folder / "index" / "segments.faiss"
    assert faiss_file.exists()
    faiss_file.write_bytes(b"garbage")  # unreadable
    assert len(Recommender.open(folder, embedder=CountingEmbedder()).segment_index()) == n
    faiss_file.unlink()  # missing
    assert len(Recommender.open(folder, embedder=CountingEmbedder()).segment_index()) == n
    rec3 = Recommender.open(folder, embedder=CountingEmbedder())
    s1_segments = {s.id for s in rec3.segments() if s.person_id == "s1"}
    assert s1_segments
    rec3.store.replace_segments(["s1"], [], rec3.model_id)  # the store moved on: index is stale
    rebuilt = set(rec3.segment_index().ids().tolist())
    assert len(rebuilt) == n - len(s1_segments)
    assert rebuilt == {s.id for s in rec3.segments()}


def test_vector_index_flat_and_ivf_agree_on_exact_neighbours():
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(2000, 32)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    ids = np.arange(10_000, 12_000)
    flat = VectorIndex(32).build(ids, vectors)
    ivf = VectorIndex(32, kind="ivf", nprobe=64).build(ids, vectors)
    _, top_flat = flat.search(vectors[:50], 1)
    _, top_ivf = ivf.search(vectors[:50], 1)
    assert (top_flat[:, 0] == ids[:50]).all()
    assert (top_ivf[:, 0] == ids[:50]).mean() >= 0.95
    assert flat.remove(ids[:10]) == 10 and len(flat) == 1990


def test_topics_replace_and_add(rec):
    assert len(rec.topics()) >= 40
    rec.set_topics([{"id": "t1", "title": "Hybrid work", "description": "Remote days"},
                    {"id": "t1", "language": "fr", "title": "Travail hybride",
                     "description": "Jours à distance"}])
    topics = rec.topics()
    assert [t.id for t in topics] == ["t1"] and topics[0].title["fr"] == "Travail hybride"
    rec.add_topics([{"id": "t2", "title": "Podcasts", "description": "Audio", "starters": "a|b"}])
    assert [t.id for t in rec.topics()] == ["t1", "t2"]
    assert rec.topics()[1].starters["en"] == ("a", "b")


def test_ivf_workspace_option_is_remembered(tmp_path, people_rows):
    rec = Recommender.open(tmp_path / "big", embedder=CountingEmbedder(), index_kind="ivf")
    rec.add_people(people_rows)
    assert rec.index_kind == "ivf"
    assert Recommender.open(tmp_path / "big", embedder=CountingEmbedder()).index_kind == "ivf"
    assert "TikTok" in rec.search("TikTok recruiting", k=1)[0].text


def test_workspace_of_schema_1_is_migrated(tmp_path):
    import sqlite3

    from recommender.storage.schema import SCHEMA_VERSION
    from recommender.storage.store import Store

    db = tmp_path / "store.sqlite"
    with sqlite3.connect(db) as conn:  # the segments table as version 1 made it
        conn.execute("CREATE TABLE segments (id INTEGER PRIMARY KEY, person_id VARCHAR(200) "
                     "NOT NULL, kind VARCHAR(10) NOT NULL, position INTEGER NOT NULL, text TEXT "
                     "NOT NULL, confidence FLOAT NOT NULL, model_id VARCHAR(200) NOT NULL)")
        conn.execute("INSERT INTO segments VALUES (1, 'a', 'want', 0, 'I want x', 0.9, 'm')")
        conn.execute("INSERT INTO segments VALUES (2, 'a', 'offer', 1, 'I run y', 0.9, 'm')")
    store = Store(f"sqlite:///{db}")
    assert [(s.kind, s.p_want) for s in store.segments()] == [("want", 1.0), ("offer", 0.0)]
    assert store.get_setting("schema_version") == SCHEMA_VERSION
