"""pairs.version: bumped by every write, so a decision on an older view is refused.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from recommender.storage.migrations.helpers import has_column, record_schema_version

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if not has_column("pairs", "version"):
        op.add_column("pairs", sa.Column("version", sa.Integer, nullable=False,
                                         server_default="1"))
    record_schema_version(3)


def downgrade() -> None:
    op.drop_column("pairs", "version")
