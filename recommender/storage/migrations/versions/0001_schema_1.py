"""The tables of schema 1.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from recommender.storage.migrations.helpers import has_table, record_schema_version

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A store made before the migrations were Alembic's may hold some of them already.
    if not has_table("people"):
        op.create_table(
            "people",
            sa.Column("id", sa.String(200), primary_key=True),
            sa.Column("name", sa.String(300), nullable=False),
            sa.Column("years_experience", sa.Float, nullable=False),
            sa.Column("department", sa.String(300)),
            sa.Column("role", sa.String(300)),
            sa.Column("location", sa.String(300)),
            sa.Column("languages", sa.String(100)),
            sa.Column("profile", sa.Text),
            sa.Column("offers", sa.Text),
            sa.Column("wants", sa.Text),
            sa.Column("role_preference", sa.String(10)),
            sa.Column("capacity", sa.Integer),
            sa.Column("manager_id", sa.String(200)),
            sa.Column("email", sa.String(300)),
            sa.Column("updated_at", sa.String(40)),
        )
    if not has_table("notes"):
        op.create_table(
            "notes",
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("mentor_id", sa.String(200), nullable=False),
            sa.Column("mentee_id", sa.String(200), nullable=False),
            sa.Column("date", sa.String(10), nullable=False),
            sa.Column("text", sa.Text, nullable=False),
            sa.Column("rating", sa.Integer, nullable=True),
        )
        op.create_index("ix_notes_mentor_id", "notes", ["mentor_id"])
        op.create_index("ix_notes_mentee_id", "notes", ["mentee_id"])
    if not has_table("topics"):
        op.create_table(
            "topics",
            sa.Column("id", sa.String(200), primary_key=True),
            sa.Column("position", sa.Integer, nullable=False),
            sa.Column("category", sa.String(200)),
            sa.Column("content", sa.Text, nullable=False),
        )
    if not has_table("pairs"):
        op.create_table(
            "pairs",
            sa.Column("mentor_id", sa.String(200), primary_key=True),
            sa.Column("mentee_id", sa.String(200), primary_key=True),
            sa.Column("status", sa.String(20), nullable=False),
            sa.Column("locked", sa.Boolean, nullable=False),
            sa.Column("score", sa.Float),
            sa.Column("details", sa.Text),
            sa.Column("updated_at", sa.String(40)),
        )
    if not has_table("segments"):
        op.create_table(
            "segments",
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("person_id", sa.String(200), nullable=False),
            sa.Column("kind", sa.String(10), nullable=False),
            sa.Column("position", sa.Integer, nullable=False),
            sa.Column("text", sa.Text, nullable=False),
            sa.Column("confidence", sa.Float, nullable=False),
            sa.Column("model_id", sa.String(200), nullable=False),
        )
        op.create_index("ix_segments_person_id", "segments", ["person_id"])
    if not has_table("embeddings"):
        op.create_table(
            "embeddings",
            sa.Column("model_id", sa.String(200), primary_key=True),
            sa.Column("text_hash", sa.String(64), primary_key=True),
            sa.Column("vector", sa.LargeBinary, nullable=False),
        )
    if not has_table("settings"):
        op.create_table(
            "settings",
            sa.Column("key", sa.String(100), primary_key=True),
            sa.Column("value", sa.Text, nullable=False),
        )
    record_schema_version(1)


def downgrade() -> None:
    for name in ("settings", "embeddings", "segments", "pairs", "topics", "notes", "people"):
        op.drop_table(name)
