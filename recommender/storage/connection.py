"""Where a store is: its URL, its schema, its engine, and its transactions."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy.pool import StaticPool

from .migrate import lock_key, upgrade

__all__ = ["normalise_url"]


_IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]{0,62}")


def normalise_url(url: str) -> str:
    """``url`` with PostgreSQL read through psycopg 3 (``postgresql://`` and ``postgres://``
    name the server; the driver is the one this package installs).

    Raises:
        ValueError: not an SQLite or PostgreSQL URL.
    """
    parsed = sa.engine.make_url(url)
    backend = parsed.get_backend_name()
    if backend in ("postgres", "postgresql"):
        if parsed.drivername in ("postgres", "postgresql"):
            parsed = parsed.set(drivername="postgresql+psycopg")
        return parsed.render_as_string(hide_password=False)
    if backend != "sqlite":
        raise ValueError(f"unsupported database '{backend}': use sqlite:/// or postgresql://")
    return url


class Connected:
    """A store's connection: its URL, its schema on PostgreSQL, an engine made (and the
    schema created or migrated) on first use, and its transactions.

    Args:
        url: an SQLAlchemy URL; ``"sqlite://"`` (the default) is an in-memory store,
            ``"sqlite:///path/store.sqlite"`` a file, ``"postgresql://user@host/db"`` a server
            (read with psycopg 3).
        schema: on PostgreSQL, the schema holding this workspace (created when absent);
            ignored by SQLite.

    Raises:
        ValueError: an unsupported URL, a bad schema name.
    """

    def __init__(self, url: str = "sqlite://", schema: str | None = None):
        self.url = normalise_url(url)
        self.backend = sa.engine.make_url(self.url).get_backend_name()
        self.schema: str | None = None
        if self.backend == "postgresql":
            self.schema = schema or "public"
            if not _IDENTIFIER.fullmatch(self.schema) or self.schema.startswith("pg_"):
                raise ValueError(f"bad workspace name '{self.schema}' for a PostgreSQL schema: "
                                 "lower-case letters, digits and _, at most 63, not pg_...")
        self._engine: sa.Engine | None = None

    def __repr__(self) -> str:
        where = sa.engine.make_url(self.url).render_as_string(hide_password=True)
        return f"Store({where!r}{f', schema={self.schema!r}' if self.schema else ''})"

    @property
    def engine(self) -> sa.Engine:
        if self._engine is None:
            engine = self._create_engine()
            try:
                upgrade(engine, self.schema)
            except BaseException:
                engine.dispose()
                raise
            self._engine = engine
        return self._engine

    def _create_engine(self) -> sa.Engine:
        if self.url in ("sqlite://", "sqlite:///:memory:"):
            # One shared connection, or each thread would see its own empty database.
            return sa.create_engine(self.url, poolclass=StaticPool,
                                    connect_args={"check_same_thread": False})
        if self.backend == "sqlite":
            engine = sa.create_engine(
                self.url, connect_args={"timeout": 30, "check_same_thread": False})

            @sa.event.listens_for(engine, "connect")
            def _pragmas(dbapi_conn: Any, _record: Any) -> None:
                # The driver's own transaction handling is off: transactions are begun below.
                dbapi_conn.isolation_level = None
                # WAL lets several tabs read while one writes; busy timeout makes writers wait.
                cursor = dbapi_conn.cursor()
                cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute("PRAGMA busy_timeout=30000")
                cursor.close()

            @sa.event.listens_for(engine, "begin")
            def _begin(conn: sa.Connection) -> None:
                # A writer takes the write lock before its first read, so what it checks
                # cannot change before it writes; readers keep a snapshot and never wait.
                writes = conn.get_execution_options().get("tandem_write", False)
                conn.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")

            return engine
        # Every connection sees this workspace's schema only.
        return sa.create_engine(self.url, pool_pre_ping=True,
                                connect_args={"options": f"-csearch_path={self.schema}"})

    @contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        """A write transaction (committed at the end, rolled back on any error)."""
        with self.engine.connect() as conn:
            conn.execution_options(tandem_write=True)
            with conn.begin():
                yield conn

    def _lock(self, conn: sa.Connection, name: str) -> None:
        """Serialise writers of ``name`` until the transaction ends (PostgreSQL; a SQLite
        writer already runs alone)."""
        if conn.dialect.name == "postgresql":
            conn.execute(sa.select(sa.func.pg_advisory_xact_lock(lock_key(self.schema, name))))

    def close(self) -> None:
        """Release the database connections."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

