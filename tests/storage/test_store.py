"""The store's suite on both backends: SQLite files and a real PostgreSQL server.

Every test runs twice (the ``backend`` fixture of ``tests/pg_support.py``); on PostgreSQL
each has its own schema in the test database.
"""

from __future__ import annotations

import os

import numpy as np
import pytest
import sqlalchemy as sa

from recommender import Person, Recommender
from recommender.errors import StaleDecisionError
from recommender.records import Segment, StoredPair
from recommender.storage.schema import SCHEMA_VERSION
from recommender.workspace import Workspace

from ..shared import PEOPLE, CountingEmbedder

NOTE = {"mentor_id": "j1", "mentee_id": "s1", "date": "2026-05-01",
        "text": "We talked about TikTok", "rating": 5}


def open_rec(backend, folder, embedder=None) -> Recommender:
    return Recommender.open(folder, embedder=embedder or CountingEmbedder(),
                            database_url=backend.database_url)


def person(pid: str, **fields) -> Person:
    return Person(id=pid, name=fields.pop("name", pid), years_experience=fields.pop("years", 3.0),
                  offers=fields.pop("offers", "I run our TikTok account"), **fields)


def test_workspace_round_trip(backend, tmp_path):
    rec = open_rec(backend, tmp_path / "w")
    rec.add_people([dict(p) for p in PEOPLE])
    rec.add_notes([NOTE])
    rec.set_pair_status("j1", "s1", "active")
    rec.set_notes_visible(True)
    rec.set_topics([{"id": "t1", "title": "Hybrid work", "description": "Remote days"}])
    rec.close()
    again = open_rec(backend, tmp_path / "w")
    assert [p.id for p in again.people()] == ["j1", "j2", "s1", "s2"]
    assert again.people() == rec.people()
    assert [(n.text, n.rating) for n in again.notes()] == [(NOTE["text"], 5)]
    assert [(p.key, p.status, p.version) for p in again.pairs()] == [(("j1", "s1"), "active", 1)]
    assert again.notes_visible() is True
    assert [t.id for t in again.topics()] == ["t1"]
    assert again.store.get_setting("schema_version") == SCHEMA_VERSION
    assert (again.store.backend == "postgresql") == (backend.name == "postgresql")
    if backend.name == "postgresql":  # the truth is on the server, not in the folder
        assert not (tmp_path / "w" / "store.sqlite").exists()
        assert again.store.schema == backend.schema
    again.close()


def test_embeddings_in_the_database_are_shared_by_every_machine(backend, tmp_path):
    first = CountingEmbedder()
    rec = open_rec(backend, tmp_path / "machine-a", first)
    rec.add_people([dict(p) for p in PEOPLE])
    rec.suggest_pairs()
    assert first.texts > 0
    rec.close()
    # Another machine: its own local folder (settings, indices), the same database.
    other = CountingEmbedder()
    folder = tmp_path / ("machine-b" if backend.name == "postgresql" else "machine-a")
    rec2 = open_rec(backend, folder, other)
    assert len(rec2.people()) == 4
    rec2.suggest_pairs()
    assert len(rec2.segment_index()) == len(rec2.segments())  # built here, from cached vectors
    assert other.texts == 0
    assert rec2.search("TikTok recruiting", k=1)[0].person_id in {"j1", "s1"}
    assert other.texts == 1  # the query only
    rec2.close()


def test_indexes_are_rebuilt_from_the_database_when_missing_or_stale(backend, tmp_path):
    rec = open_rec(backend, tmp_path / "a")
    rec.add_people([dict(p) for p in PEOPLE])
    rec.add_notes([NOTE])
    n = len(rec.segment_index())
    assert len(rec.note_index()) == 1
    rec.close()
    index_file = rec.workspace.index_path("segments").with_suffix(".faiss")
    assert index_file.exists()
    # Someone else (another process or machine) changes the store.
    writer = open_rec(backend, tmp_path / ("b" if backend.name == "postgresql" else "a"))
    writer.store.replace_segments(["s1"], [], writer.model_id)
    writer.add_notes([{**NOTE, "date": "2026-05-08", "text": "Second session"}])
    segments = writer.segments()
    writer.close()
    reopened = open_rec(backend, tmp_path / "a")
    assert set(reopened.segment_index().ids().tolist()) == {s.id for s in segments}
    assert len(reopened.segment_index()) < n
    assert set(reopened.note_index().ids().tolist()) == {note.id for note in reopened.notes()}
    reopened.close()
    index_file.unlink()
    assert len(open_rec(backend, tmp_path / "a").segment_index()) == len(segments)


def test_programmes_in_one_database_are_isolated(backend, tmp_path):
    hr = Recommender.open(tmp_path / "hr", embedder=CountingEmbedder(),
                          database_url=backend.url_for("hr"))
    sales = Recommender.open(tmp_path / "sales", embedder=CountingEmbedder(),
                             database_url=backend.url_for("sales"))
    hr.add_people([dict(p) for p in PEOPLE[:2]])
    sales.add_people([dict(p) for p in PEOPLE[2:]])
    hr.add_notes([{**NOTE, "mentor_id": "s2", "mentee_id": "s1"}])
    assert {p.id for p in hr.people()} == {"s1", "s2"}
    assert {p.id for p in sales.people()} == {"j1", "j2"}
    assert not sales.notes() and len(hr.notes()) == 1
    assert {s.person_id for s in sales.segments()} == {"j1", "j2"}
    sales.delete_person("j1")
    assert {p.id for p in hr.people()} == {"s1", "s2"}
    if backend.name == "postgresql":
        assert hr.store.schema != sales.store.schema
        with hr.store.engine.connect() as conn:  # a connection sees its own schema only
            assert conn.execute(sa.text("SHOW search_path")).scalar() == hr.store.schema
    hr.close()
    sales.close()


def test_upsert_people_counts_and_replaces_segments(backend):
    store = backend.store()
    segs = [Segment("a", "offer", 0, "I run TikTok"), Segment("b", "want", 0, "I want x")]
    added, updated, removed, new = store.upsert_people([person("b"), person("a")], segs, "m")
    assert (added, updated, removed, len(new)) == (2, 0, [], 2)
    added, updated, removed, new2 = store.upsert_people(
        [person("a", name="Ana"), person("c")], [Segment("a", "offer", 0, "I edit videos")], "m")
    assert (added, updated, sorted(removed)) == (1, 1, [new[0]])
    assert store.person("a").name == "Ana" and store.person_ids() == {"a", "b", "c"}
    assert [(s.person_id, s.text) for s in store.segments()] == [("a", "I edit videos"),
                                                                ("b", "I want x")]
    assert set(new2).isdisjoint(new)
    store.close()


def test_a_failed_batch_leaves_the_store_as_it_was(backend):
    store = backend.store()
    store.upsert_people([person("a")], [Segment("a", "offer", 0, "I run TikTok")], "m")
    before = store.fingerprint()
    bad = Segment("b", "offer", 0, None)  # type: ignore[arg-type]  # NOT NULL text
    with pytest.raises(sa.exc.IntegrityError):
        store.upsert_people([person("b")], [bad], "m")
    assert store.fingerprint() == before and store.person_ids() == {"a"}
    store.close()


def test_decide_pair_versions(backend):
    store = backend.store()
    pair = StoredPair("a", "b", "proposed", score=0.5, reasons=("r",))
    store.set_pairs([pair])
    (stored,) = store.pairs()
    assert stored.version == 1 and stored.reasons == ("r",)
    store.decide_pair(StoredPair("a", "b", "accepted"), expected_version=1)
    (stored,) = store.pairs()
    assert (stored.status, stored.version, stored.score, stored.reasons) == \
        ("accepted", 2, 0.5, ("r",))  # the decision keeps the pair's score and reasons
    with pytest.raises(StaleDecisionError) as refused:
        store.decide_pair(StoredPair("a", "b", "rejected"), expected_version=1)
    assert (refused.value.found, refused.value.status) == (2, "accepted")
    assert "reload" in str(refused.value)
    with pytest.raises(StaleDecisionError) as gone:
        store.decide_pair(StoredPair("x", "y", "accepted"), expected_version=3)
    assert gone.value.found is None and "no longer exists" in str(gone.value)
    store.decide_pair(StoredPair("x", "y", "accepted"), expected_version=0)  # new, as seen
    with pytest.raises(StaleDecisionError):
        store.decide_pair(StoredPair("x", "y", "rejected"), expected_version=0)
    store.decide_pair(StoredPair("a", "b", "ended"), expected_version=None)
    assert {p.key: (p.status, p.version) for p in store.pairs()} == {
        ("a", "b"): ("ended", 3), ("x", "y"): ("accepted", 1)}
    store.set_pairs([StoredPair("a", "b", "active", score=0.9)])
    assert {p.key: (p.status, p.version, p.score) for p in store.pairs()}[("a", "b")] == \
        ("active", 4, 0.9)
    store.close()


def test_a_matching_run_never_overwrites_a_decision_taken_meanwhile(backend, tmp_path):
    rec = open_rec(backend, tmp_path / "w")
    rec.add_people([dict(p) for p in PEOPLE])
    rec.suggest_pairs()
    seen = {p.key: p for p in rec.pairs()}
    assert set(seen) == {("j1", "s1"), ("j2", "s2")}
    # A matching run computed from that view...
    run = [StoredPair(*key, "proposed", score=0.99) for key in seen] + \
        [StoredPair("j1", "s2", "proposed", score=0.5)]
    # ...while coordinators decide: j1 -> s1 accepted, j2 -> s2 locked, j1 -> s2 rejected
    # (a pair the run did not see at all).
    rec.set_pair_status("j1", "s1", "accepted", expected_version=seen[("j1", "s1")].version)
    rec.set_pair_status("j2", "s2", "proposed", locked=True,
                        expected_version=seen[("j2", "s2")].version)
    rec.set_pair_status("j1", "s2", "rejected", expected_version=0)
    rec.set_pair_status("j2", "s1", "proposed")  # an unlocked proposal nobody decided on
    skipped = rec.store.replace_proposals(run)
    assert sorted(skipped) == [("j1", "s1"), ("j1", "s2"), ("j2", "s2")]
    after = {p.key: (p.status, p.locked) for p in rec.pairs()}
    assert after == {("j1", "s1"): ("accepted", False), ("j2", "s2"): ("proposed", True),
                     ("j1", "s2"): ("rejected", False)}  # j2 -> s1 dropped, not in the run
    # A run that saw the decisions keeps kept pairs and replaces proposals; a kept pair
    # whose score and reasons are unchanged is not rewritten (the version a coordinator's
    # page holds stays valid), one whose score changed is.
    versions = {p.key: p.version for p in rec.pairs()}
    result = rec.suggest_pairs()
    assert {(p.mentor_id, p.mentee_id) for p in result.pairs} >= {("j1", "s1"), ("j2", "s2")}
    again = {p.key: p for p in rec.pairs()}
    assert (again[("j1", "s1")].status, again[("j1", "s1")].version) == \
        ("accepted", versions[("j1", "s1")])
    assert again[("j1", "s2")].status == "rejected"
    rec.suggest_pairs(lexical_weight=0.8)  # j1 and s1 share rare words: a new score
    rescored = {p.key: p for p in rec.pairs()}[("j1", "s1")]
    assert rescored.score > again[("j1", "s1")].score
    assert (rescored.status, rescored.version) == ("accepted", versions[("j1", "s1")] + 1)
    rec.close()


def test_settings_and_embeddings_are_written_once(backend):
    store = backend.store()
    store.set_setting("k", {"a": 1})
    store.set_setting("k", [2])
    assert store.get_setting("k") == [2]
    vectors = {"h1": np.ones(4, np.float32), "h2": np.zeros(4, np.float32)}
    store.put_embeddings("m", vectors)
    store.put_embeddings("m", {"h1": np.full(4, 7, np.float32), "h3": np.ones(4, np.float32)})
    got = store.get_embeddings("m", ["h1", "h2", "h3", "h4"])
    assert sorted(got) == ["h1", "h2", "h3"] and got["h1"].tolist() == [1, 1, 1, 1]
    assert store.count_embeddings("m") == 3 and store.count_embeddings("other") == 0
    store.close()


def test_workspace_remembers_the_server_without_its_password(backend, tmp_path, monkeypatch):
    if backend.name == "sqlite":
        ws = Workspace.open(tmp_path / "w")
        assert ws.database_url == f"sqlite:///{tmp_path / 'w' / 'store.sqlite'}"
        assert ws.database_schema is None and ws.index_path("x") == tmp_path / "w" / "index" / "x"
        return
    ws = Workspace.open(tmp_path / "w", backend.database_url)
    url = sa.engine.make_url(backend.server_url)
    assert ws.database_schema == backend.schema and ws.database_url == \
        url.render_as_string(hide_password=False)
    stored = (tmp_path / "w" / "workspace.json").read_text()
    assert url.password and url.password not in stored and backend.schema in stored
    assert ws.index_path("segments").parent.parent == tmp_path / "w" / "index"
    # Opened again without a URL: the same database and schema (the password from the
    # environment, as libpq reads it).
    assert os.environ["PGPASSWORD"] == url.password
    again = Recommender.open(tmp_path / "w", embedder=CountingEmbedder())
    assert again.store.schema == backend.schema and again.store.backend == "postgresql"
    again.add_people([dict(PEOPLE[0])])
    assert [p.id for p in again.people()] == ["s1"]
    again.close()
    monkeypatch.delenv("PGPASSWORD")
    monkeypatch.setenv("TANDEM_DATABASE_URL", backend.url_for("other"))
    other = Recommender.open(tmp_path / "w", embedder=CountingEmbedder())
    assert other.store.schema == f"{backend.schema}_other" and not other.people()
    other.close()
