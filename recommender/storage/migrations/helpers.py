"""What the revisions share: looking before changing, and recording the schema number."""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

__all__ = ["has_column", "has_table", "record_schema_version"]


def has_table(name: str) -> bool:
    return sa.inspect(op.get_bind()).has_table(name)


def has_column(table: str, column: str) -> bool:
    return column in {c["name"] for c in sa.inspect(op.get_bind()).get_columns(table)}


def record_schema_version(number: int) -> None:
    """The ``schema_version`` setting (read by older code and written into archives)."""
    op.execute(sa.text("DELETE FROM settings WHERE key = 'schema_version'"))
    op.execute(sa.text("INSERT INTO settings (key, value) VALUES ('schema_version', :v)")
               .bindparams(v=json.dumps(number)))
