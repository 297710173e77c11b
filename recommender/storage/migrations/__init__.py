"""The store's schema versions, as Alembic migrations run by :mod:`recommender.storage.store`.

Opening a store runs them (``alembic.command.upgrade`` through
:func:`recommender.storage.migrate.alembic_config`, no ``alembic.ini``): a workspace of any older
schema, including those made before the migrations were Alembic's, is brought up to date in
place, in one transaction. Every revision checks what is already there, since a pre-Alembic
store has no ``alembic_version`` and is replayed from the first revision.

Revisions (each also records its number as the ``schema_version`` setting):

- ``0001``: the tables of schema 1;
- ``0002``: ``segments.p_want`` (how wish-like each sentence is; wants start at 1);
- ``0003``: ``pairs.version`` (optimistic versioning of pair decisions).

A new revision goes in ``versions/`` as ``NNNN_what.py`` with ``down_revision`` set to the
previous one; then set :data:`recommender.storage.schema.HEAD_REVISION` and ``SCHEMA_VERSION`` to it
(``tests/test_migrations.py`` checks both, and that the migrated schema equals the tables
declared in ``store.py``). To draft one with Alembic's own commands::

    from alembic import command
    from recommender.storage.migrate import alembic_config
    command.revision(alembic_config(), message="what changes", rev_id="0004")
"""
