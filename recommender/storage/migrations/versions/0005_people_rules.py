"""people.level, utc_offset, attributes, preferences: what a programme's rules read (a level
on its ladder, a time zone, named answers, conditions on a partner).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from recommender.storage.migrations.helpers import has_column, record_schema_version

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    columns = (("level", sa.String(300), ""), ("utc_offset", sa.Float(), None),
               ("attributes", sa.Text(), ""), ("preferences", sa.Text(), ""))
    for name, kind, default in columns:
        if not has_column("people", name):
            op.add_column("people", sa.Column(name, kind, nullable=True,
                                              server_default=default))
    record_schema_version(5)


def downgrade() -> None:
    for name in ("preferences", "attributes", "utc_offset", "level"):
        op.drop_column("people", name)
