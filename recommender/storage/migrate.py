"""Creating or migrating a store's schema with the Alembic revisions shipped in migrations/."""

from __future__ import annotations

import hashlib
import logging
from importlib import resources
from typing import Any

import sqlalchemy as sa

from .identity import WorkspaceIdentity, claim
from .schema import (
    HEAD_REVISION,
)

__all__ = ["alembic_config", "lock_key", "upgrade"]

logger = logging.getLogger(__name__)


def lock_key(schema: str | None, name: str) -> int:
    digest = hashlib.sha256(f"tandem:{schema}:{name}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


# ---------------------------------------------------------------------- migrations
def alembic_config(connection: sa.Connection | None = None) -> Any:
    """An Alembic ``Config`` for the migrations shipped in the package (no alembic.ini):
    ``command.upgrade(alembic_config(conn), "head")``."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location",
                           str(resources.files("recommender") / "storage" / "migrations"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def _current_revision(conn: sa.Connection) -> str | None:
    if not sa.inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: sa.Engine, schema: str | None,
            identity: WorkspaceIdentity | None = None) -> WorkspaceIdentity | None:
    """Create or migrate the store to :data:`HEAD_REVISION`, in one transaction that other
    processes opening the same store wait for.

    A store made before migrations were Alembic's (no ``alembic_version``) is brought up
    too: every revision checks what is already there.

    Args:
        identity: on PostgreSQL, the workspace opening the schema: checked against the one
            the schema records, or recorded (see :mod:`.identity`).

    Returns:
        the schema's owner when ``identity`` is given (with its id), else ``None``.

    Raises:
        WorkspaceConflictError: the schema is another workspace's.
    """
    with engine.connect() as conn:
        conn.execution_options(tandem_write=True)
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(sa.select(sa.func.pg_advisory_xact_lock(
                    lock_key(schema, "migrate"))))
                exists = conn.execute(sa.text(
                    "SELECT 1 FROM pg_namespace WHERE nspname = :s"), {"s": schema}).first()
                if not exists:
                    conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
            _migrate(conn)
            if identity is None or conn.dialect.name != "postgresql":
                return None
            return claim(conn, str(schema), identity)


def _migrate(conn: sa.Connection) -> None:
    current = _current_revision(conn)
    if current == HEAD_REVISION:
        return
    from alembic import command
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    config = alembic_config(conn)
    if current is not None:
        try:
            ScriptDirectory.from_config(config).get_revision(current)
        except CommandError as exc:
            raise ValueError(f"this workspace's database was made by a newer version "
                             f"(schema revision {current}): upgrade tandem") from exc
    logger.info("migrating the store from revision %s to %s", current, HEAD_REVISION)
    command.upgrade(config, "head")
