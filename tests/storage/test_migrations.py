"""Alembic migrations: a new store has exactly the declared schema, and workspaces of every
older schema (made before the migrations were Alembic's) upgrade in place, on a copy of the
demo workspace, on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import shutil
import threading

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from recommender import Recommender, load_demo
from recommender.storage.migrate import alembic_config
from recommender.storage.schema import HEAD_REVISION, SCHEMA_VERSION, metadata
from recommender.storage.store import Store


def schema_differences(store: Store) -> list:
    with store.engine.connect() as conn:
        return compare_metadata(MigrationContext.configure(conn), metadata)


def revision_of(store: Store) -> str:
    with store.engine.connect() as conn:
        return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one()


def test_the_head_revision_is_the_schema_version():
    script = ScriptDirectory.from_config(alembic_config())
    assert script.get_current_head() == HEAD_REVISION
    chain = [r.revision for r in script.walk_revisions("base", "heads")]
    assert len(chain) == SCHEMA_VERSION and chain[0] == HEAD_REVISION


def test_a_new_store_has_exactly_the_declared_schema(backend):
    store = backend.store()
    assert schema_differences(store) == []
    assert revision_of(store) == HEAD_REVISION
    assert store.get_setting("schema_version") == SCHEMA_VERSION
    store.close()


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory):
    """The demo programme (SQLite), with pairs of several statuses."""
    path = tmp_path_factory.mktemp("demo") / "ws"
    rec = load_demo(path, embedder="hashing")
    fresh = [p for p in rec.suggest_pairs(min_experience_gap=12).pairs if p.status == "proposed"]
    rec.set_pair_status(fresh[0].mentor_id, fresh[0].mentee_id, "accepted")
    rec.set_pair_status(fresh[1].mentor_id, fresh[1].mentee_id, "rejected")
    rec.close()
    return path


def contents(rec: Recommender) -> dict:
    return {"people": rec.people(),
            "notes": [(n.id, n.mentor_id, n.mentee_id, n.date, n.text, n.rating)
                      for n in rec.notes()],
            "pairs": sorted((p.key, p.status, p.locked, round(p.score, 6), p.reasons)
                            for p in rec.pairs()),
            "segments": [(s.id, s.person_id, s.kind, s.text) for s in rec.segments()],
            "embeddings": rec.store.count_embeddings(),
            "topics": [t.id for t in rec.topics()]}


def make_legacy(store: Store, version: int) -> None:
    """Turn a store into what release ``version`` left: no alembic_version, the columns
    added later absent, its number in settings."""
    with store.engine.begin() as conn:
        conn.execute(sa.text("DROP TABLE alembic_version"))
        if version < 3:
            conn.execute(sa.text("ALTER TABLE pairs DROP COLUMN version"))
        if version < 2:
            conn.execute(sa.text("ALTER TABLE segments DROP COLUMN p_want"))
            conn.execute(sa.text("DELETE FROM settings WHERE key = 'schema_version'"))
        else:
            conn.execute(sa.text("UPDATE settings SET value = :v WHERE key = 'schema_version'"),
                         {"v": json.dumps(version)})
    with store.engine.connect() as conn:
        assert not sa.inspect(conn).has_table("alembic_version")
    store.close()


@pytest.mark.parametrize("version", [1, 2, 3])
def test_an_older_demo_workspace_upgrades_in_place(backend, demo_folder, tmp_path, monkeypatch,
                                                   version):
    folder = tmp_path / "ws"
    if backend.name == "sqlite":
        shutil.copytree(demo_folder, folder)
    else:  # the same demo programme, loaded into this test's schema
        monkeypatch.setenv("TANDEM_DATABASE_URL", backend.database_url)
        rec = load_demo(folder, embedder="hashing")
        fresh = [p for p in rec.suggest_pairs(min_experience_gap=12).pairs
                 if p.status == "proposed"]
        rec.set_pair_status(fresh[0].mentor_id, fresh[0].mentee_id, "accepted")
        rec.set_pair_status(fresh[1].mentor_id, fresh[1].mentee_id, "rejected")
        rec.close()
    rec = Recommender.open(folder, embedder="hashing")
    before = contents(rec)
    wants = {s.id for s in rec.segments() if s.kind == "want"}
    assert {p.status for p in rec.pairs()} >= {"accepted", "rejected", "active", "proposed"}
    make_legacy(rec.store, version)

    upgraded = Recommender.open(folder, embedder="hashing")
    assert contents(upgraded) == before
    assert schema_differences(upgraded.store) == []
    assert revision_of(upgraded.store) == HEAD_REVISION
    assert upgraded.store.get_setting("schema_version") == SCHEMA_VERSION
    if version < 2:  # wish-likeness of old sentences: their label
        assert {s.id for s in upgraded.segments() if s.p_want == 1.0} == wants
    if version < 3:
        assert {p.version for p in upgraded.pairs()} == {1}
    # It works: matching keeps the decisions, search reads the rebuilt index.
    accepted = {p.key for p in upgraded.pairs() if p.status == "accepted"}
    upgraded.suggest_pairs(min_experience_gap=12)
    assert accepted <= {p.key for p in upgraded.pairs() if p.status == "accepted"}
    assert len(upgraded.search("TikTok", k=3)) == 3
    upgraded.close()


def test_a_store_of_a_newer_version_is_refused(backend):
    store = backend.store()
    store.fingerprint()
    with store.engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    store.close()
    with pytest.raises(ValueError, match="newer version"):
        backend.store().fingerprint()


def test_a_pre_alembic_sqlite_store_with_only_some_tables(tmp_path):
    """Schema 1 as its first release made it, with the segments table only."""
    import sqlite3

    db = tmp_path / "store.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE segments (id INTEGER PRIMARY KEY, person_id VARCHAR(200) "
                     "NOT NULL, kind VARCHAR(10) NOT NULL, position INTEGER NOT NULL, text TEXT "
                     "NOT NULL, confidence FLOAT NOT NULL, model_id VARCHAR(200) NOT NULL)")
        conn.execute("CREATE INDEX ix_segments_person_id ON segments (person_id)")
        conn.execute("INSERT INTO segments VALUES (1, 'a', 'want', 0, 'I want x', 0.9, 'm')")
        conn.execute("INSERT INTO segments VALUES (2, 'a', 'offer', 1, 'I run y', 0.9, 'm')")
    store = Store(f"sqlite:///{db}")
    assert [(s.kind, s.p_want) for s in store.segments()] == [("want", 1.0), ("offer", 0.0)]
    assert store.fingerprint() == {"embeddings": 0, "notes": 0, "pairs": 0, "people": 0,
                                   "segments": 2, "settings": 1, "topics": 0}
    assert revision_of(store) == HEAD_REVISION
    store.close()


def test_processes_opening_a_new_schema_at_once_migrate_it_once(backend):
    stores = [backend.store() for _ in range(6)]
    errors: list[BaseException] = []
    start = threading.Barrier(len(stores))

    def open_it(store: Store) -> None:
        try:
            start.wait()
            store.fingerprint()
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=open_it, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with stores[0].engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM alembic_version")).scalar() == 1
        assert conn.execute(sa.text(
            "SELECT count(*) FROM settings WHERE key = 'schema_version'")).scalar() == 1
    for s in stores:
        s.close()
