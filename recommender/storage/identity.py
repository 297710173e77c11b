"""Which workspace a PostgreSQL schema belongs to.

Several programmes share one database, one schema each. A schema name alone cannot prove
whose a schema is (an older version gave ``研究`` and ``营销`` the same one; a schema dropped
at the end of its retention period may be made again by another folder), so each schema
records the workspace that made it: its full name and a random id, in the ``settings``
table, written in the transaction that creates or migrates the schema. Every opening of a
workspace checks them (:func:`claim`), and a schema of another workspace is refused.

The record says where the rows are, not what they are: archives never carry it (see
:meth:`~.store.Store.table_rows`), so a programme restored elsewhere gets its own.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from .rows import read_setting, write_setting

__all__ = ["IDENTITY_SETTING", "WorkspaceConflictError", "WorkspaceIdentity", "claim",
           "recorded_identity"]

logger = logging.getLogger(__name__)

IDENTITY_SETTING = "workspace_identity"
"""The setting holding the owner of a schema: ``{"name", "id", "created"}``."""


@dataclass(frozen=True)
class WorkspaceIdentity:
    """A workspace as its schema knows it.

    Attributes:
        name: the workspace's full name (its folder's name, or ``?workspace=NAME``), as
            typed: the schema's name is derived from it, the identity is not.
        id: a random id made with the schema; ``None`` when the workspace does not know it
            yet (a new folder, or another machine's folder of the same programme).
    """

    name: str
    id: str | None = None


class WorkspaceConflictError(ValueError):
    """A schema that belongs to another workspace than the one being opened.

    Attributes:
        schema: the schema; ``found``: its owner; ``opening``: the workspace refused.
    """

    def __init__(self, schema: str, found: WorkspaceIdentity, opening: WorkspaceIdentity):
        self.schema, self.found, self.opening = schema, found, opening
        if found.name != opening.name:
            what = (f"the PostgreSQL schema '{schema}' holds the workspace '{found.name}', "
                    f"not '{opening.name}': refusing to open it, two programmes would share "
                    "their people (a folder made by an older version: remove \"name\" from "
                    "its workspace.json to give it a schema of its own)")
        else:
            what = (f"the PostgreSQL schema '{schema}' of the workspace '{found.name}' was "
                    f"made again since this folder used it (its id is {found.id}, the folder's "
                    f"workspace_id is {opening.id}): it may be another programme of the same "
                    "name; remove workspace_id from the folder's workspace.json to adopt it")
        super().__init__(what)


def _identity_of(value: Any) -> WorkspaceIdentity | None:
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return WorkspaceIdentity(value["name"], str(value["id"]) if value.get("id") else None)
    return None


def recorded_identity(conn: sa.Connection, schema: str) -> WorkspaceIdentity | None:
    """The owner recorded in ``schema`` (any schema of the connection's database; ``None``:
    no such schema, or no owner recorded, as an older version left it)."""
    found = conn.execute(sa.text("SELECT to_regclass(:t)"),
                         {"t": f'"{schema}".settings'}).scalar()
    if found is None:
        return None
    value = conn.execute(sa.text(f'SELECT value FROM "{schema}".settings WHERE key = :k'),
                         {"k": IDENTITY_SETTING}).scalar()
    return _identity_of(json.loads(value)) if value is not None else None


def claim(conn: sa.Connection, schema: str, opening: WorkspaceIdentity) -> WorkspaceIdentity:
    """Check that the schema of ``conn`` (its search path) is ``opening``'s, recording it as
    ``opening``'s when it records no owner; returns the owner (with its id).

    Runs in the transaction that creates or migrates the schema, under its lock: two first
    openings at once record one owner.

    Raises:
        WorkspaceConflictError: the schema is another workspace's.
    """
    found = _identity_of(read_setting(conn, IDENTITY_SETTING))
    if found is None:
        owner = WorkspaceIdentity(opening.name, opening.id or uuid.uuid4().hex)
        write_setting(conn, IDENTITY_SETTING, {
            "name": owner.name, "id": owner.id,
            "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")})
        logger.info("schema %s recorded as the workspace '%s'", schema, owner.name)
        return owner
    if found.name != opening.name or (opening.id is not None and found.id != opening.id):
        raise WorkspaceConflictError(schema, found, opening)
    return found
