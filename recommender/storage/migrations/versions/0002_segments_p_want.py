"""segments.p_want: how wish-like each profile sentence is (wants start at 1).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from recommender.storage.migrations.helpers import has_column, record_schema_version

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if not has_column("segments", "p_want"):
        op.add_column("segments", sa.Column("p_want", sa.Float, nullable=False,
                                            server_default="0"))
        op.execute(sa.text("UPDATE segments SET p_want = 1 WHERE kind = 'want'"))
    record_schema_version(2)


def downgrade() -> None:
    op.drop_column("segments", "p_want")
