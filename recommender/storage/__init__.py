"""Storage: the truth of a workspace, in SQLite or PostgreSQL.

:mod:`.schema` declares the tables (one SQLAlchemy schema for both databases);
:mod:`.store` reads and writes records in transactions (a rejected batch changes nothing;
decisions checked against versions); :mod:`.migrate` creates or upgrades a store with the
Alembic revisions of :mod:`.migrations`; :mod:`.identity` records which workspace a
PostgreSQL schema belongs to, and :mod:`.files` keeps SQLite files private to their owner.
Records in, records out: nothing above records.
"""
