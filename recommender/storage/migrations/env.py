"""Alembic's entry point: migrate the connection the store hands over (online only)."""

from __future__ import annotations

from alembic import context

from recommender.storage.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None or context.is_offline_mode():
    raise RuntimeError("the store runs its migrations itself: open it with recommender.storage.store.Store")
context.configure(connection=connection, target_metadata=metadata)
with context.begin_transaction():  # inside the store's transaction: a no-op
    context.run_migrations()
