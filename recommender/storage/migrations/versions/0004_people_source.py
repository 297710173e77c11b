"""people.source, people.source_form: the file and the form each person was imported from,
so that an import that would update people of another form stops and names them.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from recommender.storage.migrations.helpers import has_column, record_schema_version

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for name, size in (("source", 300), ("source_form", 40)):
        if not has_column("people", name):
            op.add_column("people", sa.Column(name, sa.String(size), nullable=True,
                                              server_default=""))
    record_schema_version(4)


def downgrade() -> None:
    op.drop_column("people", "source_form")
    op.drop_column("people", "source")
