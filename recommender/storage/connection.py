"""Where a store is: its URL, its schema, its engine, and its transactions."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.pool import StaticPool

from .files import create_private_file, make_private
from .identity import WorkspaceIdentity, recorded_identity
from .migrate import lock_key, upgrade

__all__ = ["DatabaseConnectionError", "check_schema_name", "find_schema", "normalise_url",
           "url_for_humans"]

logger = logging.getLogger(__name__)

_IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]{0,62}")
_DRIVER_PREFIX = re.compile(r"^connection failed: (connection to server .*? failed: )?(FATAL: )?")
# PostgreSQL's own schemas: its catalogue, and the SQL standard's views of it.
_SYSTEM_SCHEMA = re.compile(r"pg_.*|information_schema")


class DatabaseConnectionError(ConnectionError):
    """The database server could not be reached, or refused to log in (a wrong password,
    no such role or database).

    Attributes:
        where: the database's URL, without its password; ``reason``: the server's or the
            driver's words, on one line.
    """

    def __init__(self, where: str, reason: str):
        self.where, self.reason = where, reason
        verb = "open" if where.startswith("sqlite") else "connect to"
        super().__init__(f"cannot {verb} the database {where}: {reason}")


def url_for_humans(url: str) -> str:
    """``url`` as a person would write it: no password, no driver name
    (``postgresql://tandem@db.internal:5432/tandem``)."""
    parsed = sa.engine.make_url(url)
    return parsed.set(drivername=parsed.get_backend_name())._replace(password=None) \
        .render_as_string(hide_password=False)


def check_schema_name(schema: str) -> str:
    """``schema`` if a workspace may live there.

    Raises:
        ValueError: not a plain lower-case identifier of at most 63 characters, or one of
            PostgreSQL's own schemas (``pg_*``, ``information_schema``), where tables of a
            workspace would mix with the server's catalogue.
    """
    if _SYSTEM_SCHEMA.fullmatch(schema):
        raise ValueError(f"'{schema}' is a PostgreSQL system schema: a workspace cannot live "
                         "there (name the programme otherwise, ?workspace=NAME)")
    if not _IDENTIFIER.fullmatch(schema):
        raise ValueError(f"bad workspace name '{schema}' for a PostgreSQL schema: lower-case "
                         "letters, digits and _, at most 63")
    return schema


def find_schema(url: str, schema: str, name: str, older: str) -> str:
    """The schema to open for the workspace ``name`` on the PostgreSQL database ``url``:
    ``schema``, unless it does not exist yet while ``older`` (the schema an older version
    named after ``name``) exists and records ``name`` as its owner (another folder of the
    same programme opened it since).

    An ``older`` schema that records no owner is not taken: the older naming gave one schema
    to several names (``研究``, ``营销``), so it may be another programme's.

    Raises:
        DatabaseConnectionError: the server cannot be reached or refuses the login.
    """
    if _SYSTEM_SCHEMA.fullmatch(older) or not _IDENTIFIER.fullmatch(older):
        return schema
    probe = Connected(url, older)
    engine = probe._create_engine()
    try:
        probe._check_connection(engine)
        with engine.connect() as conn:
            present = set(conn.execute(sa.text(
                "SELECT nspname FROM pg_namespace WHERE nspname = :new OR nspname = :old"),
                {"new": schema, "old": older}).scalars())
            if schema in present or older not in present:
                return schema
            owner = recorded_identity(conn, older)
    finally:
        engine.dispose()
    if owner is None:
        logger.warning("the schema %s, made by an older version, may hold the workspace '%s' "
                       "(it named that workspace's schema so) but records no owner: this "
                       "workspace gets the schema %s; to keep %s, open it first from the folder "
                       "that made it", older, name, schema, older)
        return schema
    return older if owner.name == name else schema


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
        identity: on PostgreSQL, the workspace opening the schema: the schema must be that
            workspace's, or records it as its owner when it records none (see
            :mod:`.identity`); the owner is then :attr:`identity`. ``None``: not checked.

    Raises:
        ValueError: an unsupported URL, a bad schema name, or PostgreSQL's own schemas.
        DatabaseConnectionError: (on first use) the server cannot be reached or refuses
            the login.
        WorkspaceConflictError: (on first use) the schema is another workspace's.
    """

    def __init__(self, url: str = "sqlite://", schema: str | None = None,
                 identity: WorkspaceIdentity | None = None):
        self.url = normalise_url(url)
        self.backend = sa.engine.make_url(self.url).get_backend_name()
        self.schema: str | None = None
        if self.backend == "postgresql":
            self.schema = check_schema_name(schema or "public")
        self.identity = identity
        self._engine: sa.Engine | None = None

    def __repr__(self) -> str:
        where = sa.engine.make_url(self.url).render_as_string(hide_password=True)
        return f"Store({where!r}{f', schema={self.schema!r}' if self.schema else ''})"

    @property
    def engine(self) -> sa.Engine:
        if self._engine is None:
            engine = self._create_engine()
            try:
                self._check_connection(engine)
                owner = upgrade(engine, self.schema, self.identity)
            except BaseException:
                engine.dispose()
                raise
            self.identity = owner or self.identity
            self._engine = engine
        return self._engine

    def _check_connection(self, engine: sa.Engine) -> None:
        """Connect once, so that a server out of reach or a refused login is one clear
        error, not the driver's traceback (the connection goes back to the pool)."""
        try:
            engine.connect().close()
        except sa.exc.DBAPIError as exc:
            lines = str(exc.orig if exc.orig is not None else exc).splitlines()
            reason = "; ".join(" ".join(line.split()) for line in lines if line.strip())
            # the URL already says where: psycopg's "connection to server at ... failed:"
            reason = _DRIVER_PREFIX.sub("", reason) or reason
            password = sa.engine.make_url(self.url).password
            if password:  # drivers do not echo it; made sure of
                reason = reason.replace(str(password), "***")
            raise DatabaseConnectionError(url_for_humans(self.url), reason) from exc

    def _create_engine(self) -> sa.Engine:
        if self.url in ("sqlite://", "sqlite:///:memory:"):
            # One shared connection, or each thread would see its own empty database.
            return sa.create_engine(self.url, poolclass=StaticPool,
                                    connect_args={"check_same_thread": False})
        if self.backend == "sqlite":
            self._private_file()
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

    def _private_file(self) -> None:
        """The SQLite file created readable by its owner only (SQLite gives its journals
        the file's mode); one an older version left readable by others is tightened."""
        name = sa.engine.make_url(self.url).database
        if not name or name == ":memory:" or name.startswith("file:"):
            return
        path = Path(name)
        if not path.parent.is_dir():
            return  # SQLite's own error says what is missing
        if not create_private_file(path):
            for each in (path, *(path.with_name(path.name + s)
                                 for s in ("-wal", "-shm", "-journal"))):
                make_private(each)

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

