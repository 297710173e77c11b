"""The workspace store: the source of truth, in SQLite or PostgreSQL through SQLAlchemy Core.

Everything is written in transactions: a rejected or failed batch leaves the store as it
was. Vectors are stored as raw float32 bytes and structured values as JSON; nothing is
pickled. One SQLAlchemy schema (``metadata`` below) serves both databases; its versions are
Alembic migrations shipped in :mod:`recommender.storage.migrations`, applied when a store is opened.

**Several programmes in one PostgreSQL database: one schema per workspace.** A workspace
on a server lives in its own PostgreSQL schema (``Store(url, schema="hr_2026")``; the
connection's ``search_path`` is that schema alone), rather than in shared tables with a
``workspace`` key column. Why:

- isolation is the database's, not every query's: no statement can read or change another
  programme's rows by forgetting a ``WHERE workspace = ...``, and a new query written next
  year is isolated without anyone thinking of it;
- the tables, keys and queries are the same as SQLite's (a workspace there is its own
  file), so both backends run the very same statements and migrations;
- a programme can be given to its own role (``GRANT USAGE ON SCHEMA``), backed up alone
  (``pg_dump --schema``) and erased at the end of its retention period with one
  ``DROP SCHEMA ... CASCADE``, which matters for personal data;
- each schema carries its own ``alembic_version``, so programmes upgrade one at a time.

Each schema also records the workspace it belongs to (:mod:`.identity`), checked whenever a
workspace opens it: two programmes can never be pointed at one schema unnoticed.

**Concurrency.** Several processes (app workers, the command line) may write at once.
PostgreSQL runs at READ COMMITTED: writes that depend on what is stored are single
statements that check and write together (``UPDATE ... WHERE version = :seen``,
``INSERT ... ON CONFLICT``), rows are locked in a fixed order (ids sorted) so two batches
cannot deadlock, and the topic catalogue and migrations take a transaction-scoped advisory
lock. A file SQLite store starts every write transaction with ``BEGIN IMMEDIATE``: writers
run one at a time, their reads included, and readers are never blocked (WAL).
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import numpy as np
import sqlalchemy as sa

from ..records import Person, Segment, SessionNote, Topic
from .identity import IDENTITY_SETTING
from .pairs import PairTable
from .rows import (
    dialect_insert,
    person_from,
    person_values,
    read_setting,
    vector_from,
    write_setting,
)
from .schema import (
    PROFILES_VERSION,
    TOPICS_CHOSEN,
    embeddings_table,
    metadata,
    notes_table,
    pairs_table,
    people_table,
    segments_table,
    settings_table,
    topics_table,
)

__all__ = ["Store"]

logger = logging.getLogger(__name__)


class Store(PairTable):
    """A workspace's tables behind a small API of whole-batch, transactional operations.

    Args:
        url: an SQLAlchemy URL; ``"sqlite://"`` (the default) is an in-memory store,
            ``"sqlite:///path/store.sqlite"`` a file, ``"postgresql://user@host/db"`` a server
            (read with psycopg 3).
        schema: on PostgreSQL, the schema holding this workspace (created when absent; see
            the module's notes); ignored by SQLite.

    The schema is created or migrated (Alembic, see :mod:`recommender.storage.migrations`) on first
    use.

    Raises:
        ValueError: an unsupported URL, a bad schema name, or a store made by a newer version.
    """








    # ------------------------------------------------------------------ people
    def upsert_people(
        self, people: Sequence[Person], segments: Sequence[Segment] = (), model_id: str = "",
        origin: tuple[str, str] | None = None,
    ) -> tuple[int, int, list[int], list[int]]:
        """Insert new people, update known ones and replace their segments, in one transaction.

        Args:
            people: the validated people.
            segments: their labelled sentences (ids are assigned here).
            model_id: the embedder the segments were labelled with.
            origin: ``(file name, form key)`` they were imported from, kept with them (see
                :meth:`origins`); ``None`` (a person edited or added by hand) keeps what
                was kept.

        Returns:
            ``(added, updated, removed segment ids, new segment ids)``.
        """
        extra = {"source": origin[0], "source_form": origin[1]} if origin else {}
        values = sorted(({**person_values(p), **extra} for p in people), key=lambda v: v["id"])
        ids = [v["id"] for v in values]
        with self._write() as conn:
            existing: set[str] = set()
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                existing.update(conn.execute(
                    sa.select(people_table.c.id).where(people_table.c.id.in_(chunk))
                ).scalars())
            if values:
                # One upsert: a person another process adds meanwhile is updated, not a
                # duplicate key; the rows stay locked (in id order) until the segments are in.
                stmt = dialect_insert(conn, people_table)
                stmt = stmt.on_conflict_do_update(
                    index_elements=[people_table.c.id],
                    set_={c: stmt.excluded[c] for c in values[0] if c != "id"})
                conn.execute(stmt, values)
            removed, added = self._replace_segments(conn, ids, segments, model_id)
        new = sum(i not in existing for i in ids)
        return new, len(ids) - new, removed, added

    def origins(self) -> dict[str, tuple[str, str]]:
        """Person id -> ``(file name, form key)`` they were last imported from (empty
        strings for people added otherwise)."""
        with self.engine.connect() as conn:
            return {i: (s or "", f or "") for i, s, f in conn.execute(sa.select(
                people_table.c.id, people_table.c.source, people_table.c.source_form))}

    def people(self) -> list[Person]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(people_table).order_by(people_table.c.id))
            return [person_from(r) for r in rows]

    def person(self, person_id: str) -> Person | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(people_table).where(people_table.c.id == person_id)
            ).first()
            return person_from(row) if row is not None else None

    def person_ids(self) -> set[str]:
        with self.engine.connect() as conn:
            return set(conn.execute(sa.select(people_table.c.id)).scalars())

    def delete_person(self, person_id: str) -> list[int]:
        """Erase a person: their row, notes, pairs and segments, in one transaction.

        Returns:
            the ids of the segments removed (to drop from the vector index).
        """
        with self._write() as conn:
            conn.execute(sa.select(people_table.c.id).where(people_table.c.id == person_id)
                         .with_for_update())
            seg_ids = list(conn.execute(
                sa.select(segments_table.c.id).where(segments_table.c.person_id == person_id)
            ).scalars())
            conn.execute(segments_table.delete().where(segments_table.c.person_id == person_id))
            conn.execute(notes_table.delete().where(sa.or_(
                notes_table.c.mentor_id == person_id, notes_table.c.mentee_id == person_id)))
            conn.execute(pairs_table.delete().where(sa.or_(
                pairs_table.c.mentor_id == person_id, pairs_table.c.mentee_id == person_id)))
            conn.execute(people_table.delete().where(people_table.c.id == person_id))
            conn.execute(people_table.update().where(people_table.c.manager_id == person_id)
                         .values(manager_id=""))
            write_setting(conn, PROFILES_VERSION, uuid.uuid4().hex)
        return seg_ids

    # ------------------------------------------------------------------ notes
    def add_notes(self, notes: Sequence[SessionNote]) -> list[int]:
        """Store notes in one transaction; return their new ids."""
        if not notes:
            return []
        with self._write() as conn:
            result = conn.execute(
                notes_table.insert().returning(notes_table.c.id, sort_by_parameter_order=True),
                [{"mentor_id": n.mentor_id, "mentee_id": n.mentee_id, "date": n.date,
                  "text": n.text, "rating": n.rating} for n in notes])
            return [int(i) for i in result.scalars()]

    def notes(self, mentor_id: str | None = None, mentee_id: str | None = None) -> list[SessionNote]:
        stmt = sa.select(notes_table).order_by(notes_table.c.date, notes_table.c.id)
        if mentor_id is not None:
            stmt = stmt.where(notes_table.c.mentor_id == mentor_id)
        if mentee_id is not None:
            stmt = stmt.where(notes_table.c.mentee_id == mentee_id)
        with self.engine.connect() as conn:
            return [
                SessionNote(r.mentor_id, r.mentee_id, r.date, r.text, r.rating, int(r.id))
                for r in conn.execute(stmt)
            ]

    # ------------------------------------------------------------------ topics
    def replace_topics(self, topics: Sequence[Topic]) -> None:
        """Replace the catalogue and mark it as chosen, in one transaction."""
        with self._write() as conn:
            self._lock(conn, "topics")  # two first openings both install the default
            conn.execute(topics_table.delete())
            self._insert_topics(conn, topics, start=0)
            write_setting(conn, TOPICS_CHOSEN, True)

    def forget_topics(self) -> None:
        """Drop the workspace's own catalogue: the shipped one applies again."""
        with self._write() as conn:
            self._lock(conn, "topics")
            conn.execute(topics_table.delete())
            write_setting(conn, TOPICS_CHOSEN, False)

    def add_topics(self, topics: Sequence[Topic],
                   default: Callable[[], Sequence[Topic]] | None = None) -> None:
        """Add topics, replacing those whose id is already in the catalogue; when no
        catalogue was chosen yet, ``default()`` is stored first and marked as chosen."""
        with self._write() as conn:
            self._lock(conn, "topics")
            if default is not None and not read_setting(conn, TOPICS_CHOSEN, False):
                conn.execute(topics_table.delete())
                self._insert_topics(conn, default(), start=0)
                write_setting(conn, TOPICS_CHOSEN, True)
            ids = [t.id for t in topics]
            conn.execute(topics_table.delete().where(topics_table.c.id.in_(ids)))
            start = conn.execute(sa.select(sa.func.count()).select_from(topics_table)).scalar()
            self._insert_topics(conn, topics, start=int(start or 0))

    def topics_chosen(self) -> bool:
        """Whether a catalogue was chosen for the workspace (else the shipped one applies)."""
        return bool(self.get_setting(TOPICS_CHOSEN, False))

    @staticmethod
    def _insert_topics(conn: sa.Connection, topics: Sequence[Topic], start: int) -> None:
        if not topics:
            return
        conn.execute(topics_table.insert(), [
            {"id": t.id, "position": start + i, "category": t.category,
             "content": json.dumps({"title": dict(t.title), "description": dict(t.description),
                                    "starters": {k: list(v) for k, v in t.starters.items()}},
                                   ensure_ascii=False)}
            for i, t in enumerate(topics)
        ])

    def topics(self) -> list[Topic]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(topics_table).order_by(topics_table.c.position))
            out = []
            for r in rows:
                c = json.loads(r.content)
                starters = {k: tuple(v) for k, v in c.get("starters", {}).items()}
                out.append(Topic(r.id, c["title"], c["description"], r.category or "", starters))
            return out

    def has_topics(self) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(topics_table.c.id).limit(1)).first() is not None







    # ------------------------------------------------------------------ segments
    def replace_segments(self, person_ids: Sequence[str], segments: Sequence[Segment],
                         model_id: str) -> tuple[list[int], list[int]]:
        """Replace the segments of ``person_ids``; returns ``(removed ids, new ids)``."""
        with self._write() as conn:
            return self._replace_segments(conn, person_ids, segments, model_id)

    @staticmethod
    def _replace_segments(conn: sa.Connection, person_ids: Sequence[str],
                          segments: Sequence[Segment], model_id: str
                          ) -> tuple[list[int], list[int]]:
        removed: list[int] = []
        ordered = sorted(set(person_ids))
        for start in range(0, len(ordered), 500):
            chunk = ordered[start : start + 500]
            # Their people rows are locked first (in id order): two processes replacing the
            # same person's sentences take turns instead of both inserting theirs.
            conn.execute(sa.select(people_table.c.id).where(people_table.c.id.in_(chunk))
                         .order_by(people_table.c.id).with_for_update())
            where = segments_table.c.person_id.in_(chunk)
            removed.extend(conn.execute(sa.select(segments_table.c.id).where(where)).scalars())
            conn.execute(segments_table.delete().where(where))
        # What reads profiles must reread. Written after the people rows are locked: every
        # writer takes people rows first, then this setting, so none waits on another's.
        write_setting(conn, PROFILES_VERSION, uuid.uuid4().hex)
        if not segments:
            return removed, []
        result = conn.execute(
            segments_table.insert().returning(segments_table.c.id, sort_by_parameter_order=True),
            [{"person_id": s.person_id, "kind": s.kind, "position": s.position, "text": s.text,
              "confidence": s.confidence, "p_want": s.p_want, "model_id": model_id}
             for s in segments])
        return removed, [int(i) for i in result.scalars()]

    def segments(self) -> list[Segment]:
        stmt = sa.select(segments_table).order_by(
            segments_table.c.person_id, segments_table.c.position)
        with self.engine.connect() as conn:
            return [Segment(r.person_id, r.kind, int(r.position), r.text, float(r.confidence),
                            float(r.p_want), int(r.id)) for r in conn.execute(stmt)]

    def segment_model_ids(self) -> set[str]:
        with self.engine.connect() as conn:
            return set(conn.execute(sa.select(segments_table.c.model_id).distinct()).scalars())

    # ------------------------------------------------------------------ embeddings cache
    def get_embeddings(self, model_id: str, hashes: Sequence[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(hashes), 500):
                chunk = list(hashes[start : start + 500])
                rows = conn.execute(sa.select(embeddings_table.c.text_hash,
                                              embeddings_table.c.vector).where(
                    sa.and_(embeddings_table.c.model_id == model_id,
                            embeddings_table.c.text_hash.in_(chunk))))
                for h, blob in rows:
                    found[h] = vector_from(blob)
        return found

    def put_embeddings(self, model_id: str, items: Mapping[str, np.ndarray],
                       replace: bool = False) -> None:
        """Cache vectors; a vector another process cached meanwhile is kept as it is (the same
        model gives the same vector for the same text), unless ``replace`` (the reader found
        the stored one damaged)."""
        if not items:
            return
        rows = [{"model_id": model_id, "text_hash": h,
                 "vector": np.asarray(items[h], dtype=np.float32).tobytes()}
                for h in sorted(items)]
        with self._write() as conn:
            stmt = dialect_insert(conn, embeddings_table)
            stmt = stmt.on_conflict_do_update(
                index_elements=[embeddings_table.c.model_id, embeddings_table.c.text_hash],
                set_={"vector": stmt.excluded.vector}) if replace \
                else stmt.on_conflict_do_nothing()
            for start in range(0, len(rows), 1000):
                conn.execute(stmt, rows[start : start + 1000])

    def count_embeddings(self, model_id: str | None = None) -> int:
        stmt = sa.select(sa.func.count()).select_from(embeddings_table)
        if model_id is not None:
            stmt = stmt.where(embeddings_table.c.model_id == model_id)
        with self.engine.connect() as conn:
            return int(conn.execute(stmt).scalar() or 0)

    # ------------------------------------------------------------------ settings
    def get_setting(self, key: str, default: Any = None) -> Any:
        with self.engine.connect() as conn:
            return read_setting(conn, key, default)

    def set_setting(self, key: str, value: Any) -> None:
        with self._write() as conn:
            write_setting(conn, key, value)

    # ------------------------------------------------------------------ whole tables
    def table_rows(self, name: str) -> Iterator[dict[str, Any]]:
        """Every row of the table ``name`` as a dict, in primary-key order (for archives).
        Not the schema's owner (:mod:`.identity`): it says where the rows are, and a copy
        elsewhere is another workspace's."""
        table = metadata.tables[name]
        stmt = sa.select(table).order_by(*table.primary_key.columns)
        if table is settings_table:
            stmt = stmt.where(settings_table.c.key != IDENTITY_SETTING)
        with self.engine.connect() as conn:
            result = conn.execution_options(yield_per=2000).execute(stmt)
            for row in result:
                yield dict(row._mapping)

    def load_rows(self, rows: Mapping[str, Iterable[Mapping[str, Any]]]) -> None:
        """Fill an empty store with whole tables (from an archive), keeping their ids, in
        one transaction.

        Raises:
            ValueError: the store already holds people, notes, pairs, topics or vectors.
        """
        with self._write() as conn:
            self._lock(conn, "topics")
            held = [t.name for t in metadata.sorted_tables if t is not settings_table and
                    conn.execute(sa.select(sa.literal(1)).select_from(t).limit(1)).first()]
            if held:
                raise ValueError(f"the workspace is not empty ({', '.join(held)}): import "
                                 "an archive into a new workspace")
            for name, table_rows in rows.items():
                table = metadata.tables[name]
                if table is settings_table:
                    for r in table_rows:
                        if r["key"] not in ("schema_version", IDENTITY_SETTING):
                            conn.execute(settings_table.delete().where(
                                settings_table.c.key == r["key"]))
                            conn.execute(settings_table.insert().values(**r))
                    continue
                batch: list[Mapping[str, Any]] = []
                for r in table_rows:
                    batch.append(r)
                    if len(batch) == 2000:
                        conn.execute(table.insert(), batch)
                        batch = []
                if batch:
                    conn.execute(table.insert(), batch)
            if conn.dialect.name == "postgresql":
                # Ids were given: the sequences must continue after them.
                for table in (notes_table, segments_table):
                    conn.execute(sa.text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"))
            write_setting(conn, PROFILES_VERSION, uuid.uuid4().hex)

    def profiles_version(self) -> str:
        """A token that changes with every write of people or their sentences (by any
        process): what was computed from the profiles is current while it is the same."""
        return str(self.get_setting(PROFILES_VERSION, ""))

    def fingerprint(self) -> dict[str, int]:
        """Row counts per table: a cheap check that a rejected batch changed nothing."""
        with self.engine.connect() as conn:
            return {
                t.name: int(conn.execute(sa.select(sa.func.count()).select_from(t)).scalar() or 0)
                for t in metadata.sorted_tables
            }


