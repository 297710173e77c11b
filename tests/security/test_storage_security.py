"""Security of the store, from a probe's findings: programmes on one PostgreSQL database
never share a schema (names mapped injectively, each schema stamped with the workspace that
owns it), PostgreSQL's own schemas refused before connecting, a wrong password reported in
one line (exit 2), and a workspace's files private to their owner.

The PostgreSQL tests use the throw-away server of ``tests/with_postgres.sh`` and drop every
schema they make.
"""

from __future__ import annotations

import csv
import json
import os
import re
import stat
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from recommender import Recommender
from recommender.storage.store import Store
from recommender.workspace import Workspace, programme_name

from ..pg_support import drop_schema
from ..shared import PEOPLE, CountingEmbedder

# Nothing listens there: a test that must fail before connecting fails the same either way.
NOWHERE = "postgresql://tandem@127.0.0.1:1/tandem_test"
IDENTIFIER = re.compile(r"[a-z][a-z0-9_]*")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022() -> Iterator[None]:
    """The usual umask, which left every file readable by every local user."""
    before = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(before)


@pytest.fixture
def server(postgres_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The test database's URL; every schema made meanwhile is dropped afterwards."""
    password = sa.engine.make_url(postgres_url).password
    if password:  # as a coordinator's ~/.pgpass would give it
        monkeypatch.setenv("PGPASSWORD", str(password))
    before = set(schemas(postgres_url))
    yield postgres_url
    for name in set(schemas(postgres_url)) - before:
        drop_schema(postgres_url, name)


def schemas(url: str) -> list[str]:
    engine = sa.create_engine(Store(url).url)
    try:
        with engine.connect() as conn:
            return list(conn.execute(sa.text("SELECT nspname FROM pg_namespace")).scalars())
    finally:
        engine.dispose()


def open_rec(folder: Path, url: str | None = None) -> Recommender:
    return Recommender.open(folder, embedder=CountingEmbedder(), database_url=url)


def write_config(folder: Path, **config: object) -> None:
    """A workspace folder as an older version left it."""
    folder.mkdir(parents=True)
    (folder / "workspace.json").write_text(json.dumps(
        {"embedder": "hashing", "created": "2025-09-01", "format": 1, **config}))


# ------------------------------------------------------------------ schema names
def test_programme_names_are_injective_ascii_and_fit_postgresql():
    names = ["研究", "营销", "🙂", "研究 2026", "HR 2026", "hr-2026", "hr_2026", "hr 2026",
             "Équipe", "equipe", "Equipe", "équipe", "2026", "_2026", "x" * 50 + "a",
             "x" * 50 + "b", "y" * 200 + "a", "y" * 200 + "b", "PG data", "pg-data",
             "Information Schema", "a__b", "a_b", "a-b"]
    schema_names = [programme_name(n) for n in names]
    assert len(set(schema_names)) == len(names), dict(zip(names, schema_names, strict=True))
    for n, s in zip(names, schema_names, strict=True):
        assert IDENTIFIER.fullmatch(s) and len(s.encode()) <= 63, (n, s)
        assert not s.startswith("pg_"), (n, s)
    # readable: accents folded, a plain name kept as it is
    assert programme_name("Équipe").startswith("equipe__")
    assert programme_name("HR 2026").startswith("hr_2026__")
    assert programme_name("hr_2026") == "hr_2026"
    # the same name always gives the same schema (any machine, composed or decomposed accents)
    assert programme_name("Équipe") == programme_name("E\u0301quipe")


def test_postgresql_schemas_are_refused_before_connecting(tmp_path):
    for name in ("information_schema", "pg_catalog", "pg_toast", "pg_mine"):
        with pytest.raises(ValueError, match=f"'{name}'"):
            Workspace.at(f"{NOWHERE}?workspace={name}")
        with pytest.raises(ValueError, match=f"'{name}'"):
            Workspace.open(tmp_path / "w", f"{NOWHERE}?workspace={name}")
        with pytest.raises(ValueError, match=f"'{name}'"):
            Store(NOWHERE, schema=name)
    # `public` is everyone's: only when asked for by name
    with pytest.raises(ValueError, match="'public'"):
        Workspace.open(tmp_path / "public", NOWHERE)
    assert programme_name("public", explicit=True) == "public"


def test_information_schema_gets_no_table(server, tmp_path):
    with pytest.raises(ValueError, match="information_schema"):
        open_rec(tmp_path / "w", f"{server}?workspace=information_schema").people()
    engine = sa.create_engine(Store(server).url)
    try:
        with engine.connect() as conn:
            assert conn.execute(sa.text(
                "SELECT count(*) FROM pg_tables WHERE schemaname = 'information_schema' "
                "AND tablename IN ('people', 'settings', 'alembic_version')")).scalar() == 0
    finally:
        engine.dispose()


# ------------------------------------------------------------------ programmes kept apart
def test_programmes_with_colliding_old_names_get_their_own_schemas(server, tmp_path):
    """The probe: ./营销 imported after ./研究 saw its 70 people; HR 2026 was hr-2026."""
    folders = [tmp_path / n for n in ("研究", "营销", "🙂", "HR 2026", "hr-2026", "Équipe")]
    recs = [open_rec(f, server) for f in folders]
    try:
        recs[0].add_people([dict(p) for p in PEOPLE])
        recs[3].add_people([dict(PEOPLE[0])])
        used = [r.store.schema for r in recs]
        assert len(set(used)) == len(folders), used
        assert [len(r.people()) for r in recs] == [4, 0, 0, 1, 0, 0]
        assert recs[5].store.schema.startswith("equipe__")
        for folder, schema in zip(folders, used, strict=True):
            config = json.loads((folder / "workspace.json").read_text())
            assert config["name"] == schema and config["programme"] == folder.name
    finally:
        for r in recs:
            r.close()
    # reopened without a URL: the same schema, the same people
    again = open_rec(folders[0])
    try:
        assert again.store.schema == used[0] and len(again.people()) == 4
    finally:
        again.close()


def test_a_schema_holding_another_workspace_is_refused(server, tmp_path):
    """Two folders an older version put in the same schema (`w`): the first one opened
    keeps it, the other is refused, naming both."""
    where = sa.engine.make_url(server)._replace(password=None).render_as_string(False)
    write_config(tmp_path / "研究", database_url=where, name="w")
    write_config(tmp_path / "营销", database_url=where, name="w")
    first = open_rec(tmp_path / "研究")
    first.add_people([dict(p) for p in PEOPLE])
    assert first.store.schema == "w"
    first.close()
    with pytest.raises(ValueError, match=r"'w'.*'研究'.*'营销'|'w'.*'营销'.*'研究'") as refused:
        open_rec(tmp_path / "营销")
    assert "\n" not in str(refused.value)
    # A folder whose settings were edited to point at another programme's schema: refused.
    ours = open_rec(tmp_path / "ours", server)
    ours.close()
    config = json.loads((tmp_path / "ours" / "workspace.json").read_text())
    config["name"] = "w"
    (tmp_path / "ours" / "workspace.json").write_text(json.dumps(config))
    with pytest.raises(ValueError, match="'研究'"):
        open_rec(tmp_path / "ours")
    # Nor through an explicit URL naming a schema of another workspace.
    with pytest.raises(ValueError, match="'研究'"):
        Workspace.at(f"{server}?workspace=w")


def test_a_schema_made_again_by_another_folder_is_refused(server, tmp_path):
    """The schema was dropped (end of retention) and another folder of the same name made
    a new programme there: the first folder does not silently show it."""
    name = f"prog-{uuid.uuid4().hex[:6]}"
    rec = open_rec(tmp_path / "a" / name, server)
    rec.add_people([dict(PEOPLE[0])])
    schema = rec.store.schema
    rec.close()
    drop_schema(server, schema)
    other = open_rec(tmp_path / "b" / name, server)
    assert other.store.schema == schema and not other.people()
    other.close()
    with pytest.raises(ValueError, match=f"'{schema}'.*workspace_id"):
        open_rec(tmp_path / "a" / name)
    # the same folder again, once more on a fresh schema: it is made again with its own id
    drop_schema(server, schema)
    again = open_rec(tmp_path / "b" / name)
    assert not again.people()
    again.close()


def test_workspaces_of_the_older_naming_keep_their_schema(server, tmp_path):
    where = sa.engine.make_url(server)._replace(password=None).render_as_string(False)
    old = Store(server, schema="hr_2026")
    old.fingerprint()  # made as an older version made it: no identity recorded
    old.close()
    write_config(tmp_path / "HR 2026", database_url=where, name="hr_2026")
    rec = open_rec(tmp_path / "HR 2026")
    rec.add_people([dict(p) for p in PEOPLE])
    assert rec.store.schema == "hr_2026"
    rec.close()
    config = json.loads((tmp_path / "HR 2026" / "workspace.json").read_text())
    assert config["name"] == "hr_2026" and config["programme"] == "HR 2026"
    # The same programme opened from another machine's new folder finds it.
    laptop = open_rec(tmp_path / "laptop" / "HR 2026", server)
    assert laptop.store.schema == "hr_2026" and len(laptop.people()) == 4
    laptop.close()
    # Another programme whose old name was the same does not.
    other = open_rec(tmp_path / "elsewhere" / "hr-2026", server)
    assert other.store.schema != "hr_2026" and not other.people()
    other.close()


# ------------------------------------------------------------------ connection errors
def test_a_wrong_password_is_one_line_naming_the_database(server, tmp_path, monkeypatch,
                                                          tandem):
    monkeypatch.delenv("PGPASSWORD", raising=False)
    real = sa.engine.make_url(server)
    wrong = real.set(password="not-the-password-x1").render_as_string(hide_password=False)
    with pytest.raises(ConnectionError) as refused:
        Workspace.open(tmp_path / "w", wrong)
    text = str(refused.value)
    assert "\n" not in text and real.database in text and f"{real.host}:{real.port}" in text
    assert "not-the-password-x1" not in text and str(real.password) not in text
    assert "password authentication failed" in text
    people = tmp_path / "people.csv"
    with people.open("w", newline="", encoding="utf-8") as handle:
        fields = sorted({k for p in PEOPLE for k in p})
        writer = csv.DictWriter(handle, fields)
        writer.writeheader()
        writer.writerows(PEOPLE)
    result = tandem("import", "-q", str(people), "--workspace", str(tmp_path / "cli"),
                    "--database-url", wrong, "--model", "hashing")
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and real.database in lines[0]
    assert "not-the-password-x1" not in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "cli").exists()  # a failed first import leaves no workspace


def test_an_unreachable_server_is_one_line(tmp_path):
    with pytest.raises(ConnectionError, match=r"^cannot connect to the database "
                       r"postgresql://tandem@127\.0\.0\.1:1/tandem_test: [^\n]+$"):
        Workspace.open(tmp_path / "w", NOWHERE)


# ------------------------------------------------------------------ file permissions
def test_workspace_files_are_private_to_their_owner(tmp_path, umask_022):
    folder = tmp_path / "prog"
    rec = open_rec(folder)
    rec.add_people([dict(p) for p in PEOPLE])
    assert mode(folder) == 0o700
    private = [folder / "workspace.json", folder / "store.sqlite"]
    private += [p for p in (folder / "store.sqlite-wal", folder / "store.sqlite-shm")
                if p.exists()]
    assert {p.name: oct(mode(p)) for p in private} == {p.name: "0o600" for p in private}
    # and after settings are written again
    rec.save_settings(rec.params)
    rec.close()
    assert mode(folder / "workspace.json") == 0o600
    # a bare store file (the command line's embedding cache) too
    (tmp_path / "cache").mkdir()
    cache = Store(f"sqlite:///{tmp_path / 'cache' / 'embeddings.sqlite'}")
    cache.count_embeddings()
    assert mode(tmp_path / "cache" / "embeddings.sqlite") == 0o600
    cache.close()


def test_files_of_an_older_workspace_are_made_private(tmp_path, umask_022):
    folder = tmp_path / "old"
    rec = open_rec(folder)
    rec.add_people([dict(p) for p in PEOPLE])
    rec.close()
    for path in (folder, *folder.iterdir()):
        path.chmod(0o755 if path.is_dir() else 0o644)
    again = open_rec(folder)
    assert len(again.people()) == 4
    again.close()
    assert mode(folder) == 0o700
    assert mode(folder / "workspace.json") == 0o600 and mode(folder / "store.sqlite") == 0o600
