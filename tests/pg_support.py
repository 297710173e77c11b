"""The database backends the store tests run on: SQLite and a real PostgreSQL server.

The server is the throw-away cluster of ``tests/with_postgres.sh`` (``make test`` runs pytest
through it; ``TANDEM_TEST_POSTGRES_URL`` names it). Run without it (``pytest tests/...``),
the session starts its own through the same script, and stops it at the end. No mock stands
in for the database.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa

from recommender.storage.store import Store

POSTGRES_URL_VARIABLE = "TANDEM_TEST_POSTGRES_URL"
SCRIPT = Path(__file__).with_name("with_postgres.sh")
BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """The test server's URL (the database ``tandem_test``)."""
    url = os.environ.get(POSTGRES_URL_VARIABLE)
    if url:
        yield url
        return
    # The script's command prints the URL and waits for its stdin to close; the script's
    # trap then stops the server (also if this process dies: the pipe closes).
    waiter = (f"import os, sys; print(os.environ['{POSTGRES_URL_VARIABLE}'], flush=True); "
              "sys.stdin.read()")
    proc = subprocess.Popen([str(SCRIPT), sys.executable, "-c", waiter], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdin is not None
    url = proc.stdout.readline().strip()
    if not url:
        proc.kill()
        pytest.fail(f"{SCRIPT.name} could not start PostgreSQL (exit {proc.wait()})")
    try:
        yield url
    finally:
        proc.stdin.close()
        proc.wait(timeout=120)


def drop_schema(server_url: str, schema: str) -> None:
    engine = sa.create_engine(Store(server_url).url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    finally:
        engine.dispose()


@dataclass
class Backend:
    """Where a test's workspace lives.

    Attributes:
        name: ``"sqlite"`` or ``"postgresql"``.
        server_url: the PostgreSQL database (``None`` for SQLite).
        schema: this test's own PostgreSQL schema (workspace name).
        folder: a temporary folder for SQLite files.
    """

    name: str
    server_url: str | None
    schema: str
    folder: Path

    @property
    def database_url(self) -> str | None:
        """What ``Recommender.open(..., database_url=)`` takes (``None``: the folder's SQLite)."""
        return f"{self.server_url}?workspace={self.schema}" if self.server_url else None

    def url_for(self, workspace: str) -> str | None:
        """The URL of another workspace (programme) in the same database."""
        return f"{self.server_url}?workspace={self.schema}_{workspace}" if self.server_url \
            else None

    def store(self, name: str = "main") -> Store:
        """A bare store: ``name`` picks the programme (a file or a schema)."""
        if self.server_url:
            schema = self.schema if name == "main" else f"{self.schema}_{name}"
            return Store(self.server_url, schema=schema)
        return Store(f"sqlite:///{self.folder / f'{name}.sqlite'}")


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path,
            monkeypatch: pytest.MonkeyPatch) -> Iterator[Backend]:
    """Each test twice: on SQLite and on PostgreSQL (a fresh schema, dropped afterwards).

    The server's password is also in ``PGPASSWORD``, as a coordinator's ``~/.pgpass`` would
    give it: a folder reopened without a URL uses the one it remembers, without password.
    """
    schema = f"t_{uuid.uuid4().hex[:10]}"
    if request.param == "sqlite":
        yield Backend("sqlite", None, schema, tmp_path)
        return
    url = request.getfixturevalue("postgres_url")
    password = sa.engine.make_url(url).password
    if password:
        monkeypatch.setenv("PGPASSWORD", str(password))
    try:
        yield Backend("postgresql", url, schema, tmp_path)
    finally:
        engine = sa.create_engine(Store(url).url)
        try:
            with engine.connect() as conn:
                schemas = conn.execute(sa.text(
                    "SELECT nspname FROM pg_namespace WHERE nspname LIKE :p"),
                    {"p": f"{schema}%"}).scalars().all()
        finally:
            engine.dispose()
        for name in schemas:
            drop_schema(url, name)
