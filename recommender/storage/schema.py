"""The store's tables, one SQLAlchemy schema for SQLite and PostgreSQL, and its version."""

from __future__ import annotations

import sqlalchemy as sa

__all__ = [
    "HEAD_REVISION",
    "PROFILES_VERSION",
    "SCHEMA_VERSION",
    "TOPICS_CHOSEN",
    "embeddings_table",
    "metadata",
    "notes_table",
    "pairs_table",
    "people_table",
    "segments_table",
    "settings_table",
    "topics_table",
]


PROFILES_VERSION = "profiles_version"
"""The setting that changes with every write of people or their sentences."""

TOPICS_CHOSEN = "topics_initialised"
"""The setting that says a catalogue was chosen (else the shipped one applies)."""


SCHEMA_VERSION = 5
"""The schema's version number (kept in the ``settings`` table and in archives)."""


HEAD_REVISION = "0005"
"""The Alembic revision of :data:`SCHEMA_VERSION` (a store already there is not migrated)."""


metadata = sa.MetaData()


people_table = sa.Table(
    "people", metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("name", sa.String(300), nullable=False),
    sa.Column("years_experience", sa.Float, nullable=False),
    sa.Column("department", sa.String(300), default=""),
    sa.Column("role", sa.String(300), default=""),
    sa.Column("location", sa.String(300), default=""),
    sa.Column("languages", sa.String(100), default=""),
    sa.Column("profile", sa.Text, default=""),
    sa.Column("offers", sa.Text, default=""),
    sa.Column("wants", sa.Text, default=""),
    sa.Column("role_preference", sa.String(10), default="either"),
    sa.Column("capacity", sa.Integer),  # NULL: not said
    sa.Column("manager_id", sa.String(200), default=""),
    sa.Column("email", sa.String(300), default=""),
    sa.Column("updated_at", sa.String(40)),
    # where the person was last imported from: the file's name, and the form's key (its
    # columns) so that a renamed export of the same form is the same source
    sa.Column("source", sa.String(300), default=""),
    sa.Column("source_form", sa.String(40), default=""),
    # what a programme's rules read: the level as answered, the time zone (hours east of
    # UTC, NULL: not said), named answers (a JSON list of [name, value]), and the
    # conditions the person set on a partner
    sa.Column("level", sa.String(300), default=""),
    sa.Column("utc_offset", sa.Float),
    sa.Column("attributes", sa.Text, default=""),
    sa.Column("preferences", sa.Text, default=""),
)


notes_table = sa.Table(
    "notes", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("mentor_id", sa.String(200), nullable=False, index=True),
    sa.Column("mentee_id", sa.String(200), nullable=False, index=True),
    sa.Column("date", sa.String(10), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("rating", sa.Integer, nullable=True),
)


topics_table = sa.Table(
    "topics", metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("category", sa.String(200), default=""),
    sa.Column("content", sa.Text, nullable=False),  # JSON: title, description, starters
)


pairs_table = sa.Table(
    "pairs", metadata,
    sa.Column("mentor_id", sa.String(200), primary_key=True),
    sa.Column("mentee_id", sa.String(200), primary_key=True),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("locked", sa.Boolean, nullable=False, default=False),
    sa.Column("score", sa.Float, default=0.0),
    sa.Column("details", sa.Text, default="{}"),  # JSON: parts and reasons
    sa.Column("updated_at", sa.String(40)),
    # Bumped by every write: a decision made on an older view is refused (optimistic locking).
    sa.Column("version", sa.Integer, nullable=False, default=1, server_default="1"),
)


segments_table = sa.Table(
    "segments", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("person_id", sa.String(200), nullable=False, index=True),
    sa.Column("kind", sa.String(10), nullable=False),  # offer / want / other
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("confidence", sa.Float, nullable=False, default=1.0),
    sa.Column("p_want", sa.Float, nullable=False, default=0.0, server_default="0"),
    sa.Column("model_id", sa.String(200), nullable=False),
)


embeddings_table = sa.Table(
    "embeddings", metadata,
    sa.Column("model_id", sa.String(200), primary_key=True),
    sa.Column("text_hash", sa.String(64), primary_key=True),
    sa.Column("vector", sa.LargeBinary, nullable=False),
)


settings_table = sa.Table(
    "settings", metadata,
    sa.Column("key", sa.String(100), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)
