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

**Concurrency.** Several processes (app workers, the command line) may write at once.
PostgreSQL runs at READ COMMITTED: writes that depend on what is stored are single
statements that check and write together (``UPDATE ... WHERE version = :seen``,
``INSERT ... ON CONFLICT``), rows are locked in a fixed order (ids sorted) so two batches
cannot deadlock, and the topic catalogue and migrations take a transaction-scoped advisory
lock. A file SQLite store starts every write transaction with ``BEGIN IMMEDIATE``: writers
run one at a time, their reads included, and readers are never blocked (WAL).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.pool import StaticPool

from ..errors import StaleDecisionError
from ..records import PAIR_STATUSES, Pair, Person, Segment, SessionNote, Topic
from .migrate import lock_key, upgrade
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

__all__ = ["Store", "normalise_url"]

logger = logging.getLogger(__name__)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _person_values(p: Person) -> dict[str, Any]:
    return {
        "id": p.id, "name": p.name, "years_experience": p.years_experience,
        "department": p.department, "role": p.role, "location": p.location,
        "languages": ";".join(p.languages), "profile": p.profile, "offers": p.offers,
        "wants": p.wants, "role_preference": p.role_preference, "capacity": p.capacity,
        "manager_id": p.manager_id, "email": p.email, "updated_at": _now(),
    }


def _person_from(row: Any) -> Person:
    m = row._mapping
    return Person(
        id=m["id"], name=m["name"], years_experience=float(m["years_experience"]),
        department=m["department"] or "", role=m["role"] or "", location=m["location"] or "",
        languages=tuple(x for x in (m["languages"] or "").split(";") if x),
        profile=m["profile"] or "", offers=m["offers"] or "", wants=m["wants"] or "",
        role_preference=m["role_preference"] or "either", capacity=int(m["capacity"]),
        manager_id=m["manager_id"] or "", email=m["email"] or "",
    )


def _pair_from(row: Any) -> Pair:
    details = json.loads(row.details or "{}")
    return Pair(row.mentor_id, row.mentee_id, row.status, bool(row.locked),
                float(row.score or 0.0), details.get("parts", {}),
                tuple(details.get("reasons", ())), details.get("quotes", {}),
                details.get("signals", {}), row.updated_at, int(row.version or 1))


def _pair_rows(pairs: Iterable[Pair]) -> list[dict[str, Any]]:
    rows = []
    for p in pairs:
        if p.status not in PAIR_STATUSES:
            raise ValueError(f"unknown pair status '{p.status}'")
        rows.append({
            "mentor_id": p.mentor_id, "mentee_id": p.mentee_id, "status": p.status,
            "locked": bool(p.locked), "score": float(p.score),
            "details": json.dumps({"parts": dict(p.parts), "reasons": list(p.reasons),
                                   "quotes": dict(p.quotes), "signals": dict(p.signals)},
                                  ensure_ascii=False),
            "updated_at": _now(),
        })
    return rows


_IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]{0,62}")


def normalise_url(url: str) -> str:
    """``url`` with PostgreSQL read through psycopg 3 (``postgresql://`` and ``postgres://``
    name the server; the driver is the one this package installs).

    Raises:
        ValueError: not an SQLite or PostgreSQL URL.
    """
    parsed = sa.engine.make_url(url)
    backend = parsed.get_backend_name()
    if backend in ("postgres", "postgresql"):
        if parsed.drivername in ("postgres", "postgresql"):
            parsed = parsed.set(drivername="postgresql+psycopg")
        return parsed.render_as_string(hide_password=False)
    if backend != "sqlite":
        raise ValueError(f"unsupported database '{backend}': use sqlite:/// or postgresql://")
    return url


def _insert(conn: sa.Connection, table: sa.Table) -> Any:
    """The dialect's INSERT (both have ``on_conflict_do_nothing / do_update``)."""
    module = pg_dialect if conn.dialect.name == "postgresql" else sqlite_dialect
    return module.insert(table)


def _pair_key(mentor: Any, mentee: Any) -> Any:
    return sa.and_(pairs_table.c.mentor_id == mentor, pairs_table.c.mentee_id == mentee)


_PAIR_FIELDS = ("status", "locked", "score", "details", "updated_at")


class Store:
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

    def __init__(self, url: str = "sqlite://", schema: str | None = None):
        self.url = normalise_url(url)
        self.backend = sa.engine.make_url(self.url).get_backend_name()
        self.schema: str | None = None
        if self.backend == "postgresql":
            self.schema = schema or "public"
            if not _IDENTIFIER.fullmatch(self.schema) or self.schema.startswith("pg_"):
                raise ValueError(f"bad workspace name '{self.schema}' for a PostgreSQL schema: "
                                 "lower-case letters, digits and _, at most 63, not pg_...")
        self._engine: sa.Engine | None = None

    def __repr__(self) -> str:
        where = sa.engine.make_url(self.url).render_as_string(hide_password=True)
        return f"Store({where!r}{f', schema={self.schema!r}' if self.schema else ''})"

    @property
    def engine(self) -> sa.Engine:
        if self._engine is None:
            engine = self._create_engine()
            try:
                upgrade(engine, self.schema)
            except BaseException:
                engine.dispose()
                raise
            self._engine = engine
        return self._engine

    def _create_engine(self) -> sa.Engine:
        if self.url in ("sqlite://", "sqlite:///:memory:"):
            # One shared connection, or each thread would see its own empty database.
            return sa.create_engine(self.url, poolclass=StaticPool,
                                    connect_args={"check_same_thread": False})
        if self.backend == "sqlite":
            engine = sa.create_engine(
                self.url, connect_args={"timeout": 30, "check_same_thread": False})

            @sa.event.listens_for(engine, "connect")
            def _pragmas(dbapi_conn: Any, _record: Any) -> None:
                # The driver's own transaction handling is off: transactions are begun below.
                dbapi_conn.isolation_level = None
                # WAL lets several tabs read while one writes; busy timeout makes writers wait.
                cursor = dbapi_conn.cursor()
                cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute("PRAGMA busy_timeout=30000")
                cursor.close()

            @sa.event.listens_for(engine, "begin")
            def _begin(conn: sa.Connection) -> None:
                # A writer takes the write lock before its first read, so what it checks
                # cannot change before it writes; readers keep a snapshot and never wait.
                writes = conn.get_execution_options().get("tandem_write", False)
                conn.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")

            return engine
        # Every connection sees this workspace's schema only.
        return sa.create_engine(self.url, pool_pre_ping=True,
                                connect_args={"options": f"-csearch_path={self.schema}"})

    @contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        """A write transaction (committed at the end, rolled back on any error)."""
        with self.engine.connect() as conn:
            conn.execution_options(tandem_write=True)
            with conn.begin():
                yield conn

    def _lock(self, conn: sa.Connection, name: str) -> None:
        """Serialise writers of ``name`` until the transaction ends (PostgreSQL; a SQLite
        writer already runs alone)."""
        if conn.dialect.name == "postgresql":
            conn.execute(sa.select(sa.func.pg_advisory_xact_lock(lock_key(self.schema, name))))

    def close(self) -> None:
        """Release the database connections."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    # ------------------------------------------------------------------ people
    def upsert_people(
        self, people: Sequence[Person], segments: Sequence[Segment] = (), model_id: str = "",
    ) -> tuple[int, int, list[int], list[int]]:
        """Insert new people, update known ones and replace their segments, in one transaction.

        Args:
            people: the validated people.
            segments: their labelled sentences (ids are assigned here).
            model_id: the embedder the segments were labelled with.

        Returns:
            ``(added, updated, removed segment ids, new segment ids)``.
        """
        values = sorted((_person_values(p) for p in people), key=lambda v: v["id"])
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
                stmt = _insert(conn, people_table)
                stmt = stmt.on_conflict_do_update(
                    index_elements=[people_table.c.id],
                    set_={c: stmt.excluded[c] for c in values[0] if c != "id"})
                conn.execute(stmt, values)
            removed, added = self._replace_segments(conn, ids, segments, model_id)
        new = sum(i not in existing for i in ids)
        return new, len(ids) - new, removed, added

    def people(self) -> list[Person]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(people_table).order_by(people_table.c.id))
            return [_person_from(r) for r in rows]

    def person(self, person_id: str) -> Person | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(people_table).where(people_table.c.id == person_id)
            ).first()
            return _person_from(row) if row is not None else None

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
            _put_setting(conn, PROFILES_VERSION, uuid.uuid4().hex)
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
            _put_setting(conn, TOPICS_CHOSEN, True)

    def add_topics(self, topics: Sequence[Topic],
                   default: Callable[[], Sequence[Topic]] | None = None) -> None:
        """Add topics, replacing those whose id is already in the catalogue; when no
        catalogue was chosen yet, ``default()`` is stored first and marked as chosen."""
        with self._write() as conn:
            self._lock(conn, "topics")
            if default is not None and not _get_setting(conn, TOPICS_CHOSEN, False):
                conn.execute(topics_table.delete())
                self._insert_topics(conn, default(), start=0)
                _put_setting(conn, TOPICS_CHOSEN, True)
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

    # ------------------------------------------------------------------ pairs
    def set_pairs(self, pairs: Iterable[Pair]) -> None:
        """Insert or replace pairs (status, lock, score, reasons), in one transaction; each
        written pair's version is one more than the stored one."""
        rows = sorted(_pair_rows(pairs), key=lambda r: (r["mentor_id"], r["mentee_id"]))
        if not rows:
            return
        with self._write() as conn:
            stmt = _insert(conn, pairs_table)
            stmt = stmt.on_conflict_do_update(
                index_elements=[pairs_table.c.mentor_id, pairs_table.c.mentee_id],
                set_={**{c: stmt.excluded[c] for c in _PAIR_FIELDS},
                      "version": pairs_table.c.version + 1})
            conn.execute(stmt, [{**r, "version": 1} for r in rows])

    def decide_pair(self, pair: Pair, expected_version: int | None) -> None:
        """Write one pair's new status and lock if its stored version is still
        ``expected_version`` (``None``: whatever it is; ``0``: the pair did not exist when
        the decision was made). The check and the write are one statement
        (``UPDATE ... WHERE version = :expected``), so two coordinators cannot both decide
        on the same view, on SQLite as on PostgreSQL at READ COMMITTED. A pair not stored yet
        is inserted with the score and reasons of ``pair``.

        Raises:
            StaleDecisionError: the pair changed since that version was read.
        """
        row = _pair_rows([pair])[0]
        key = _pair_key(pair.mentor_id, pair.mentee_id)
        with self._write() as conn:
            for _ in range(2):
                if expected_version != 0:
                    where = key if expected_version is None else \
                        sa.and_(key, pairs_table.c.version == expected_version)
                    updated = conn.execute(pairs_table.update().where(where).values(
                        status=row["status"], locked=row["locked"], updated_at=row["updated_at"],
                        version=pairs_table.c.version + 1)).rowcount
                    if updated == 1:
                        return
                if expected_version is None or expected_version == 0:
                    inserted = conn.execute(_insert(conn, pairs_table).values(
                        **row, version=1).on_conflict_do_nothing()
                        .returning(pairs_table.c.version)).first()
                    if inserted is not None:
                        return
                if expected_version is not None:
                    now = conn.execute(sa.select(pairs_table.c.status, pairs_table.c.version)
                                       .where(key)).first()
                    raise StaleDecisionError(pair.mentor_id, pair.mentee_id, expected_version,
                                             None if now is None else int(now.version),
                                             None if now is None else str(now.status))
                # Inserted by someone else between the two statements: update it now.
            raise RuntimeError(f"pair {pair.mentor_id} -> {pair.mentee_id}: could not be written")

    def replace_proposals(self, pairs: Sequence[Pair]) -> list[tuple[str, str]]:
        """Store a matching run's pairs, as one transaction (a run killed half-way leaves the
        previous proposals as they were).

        ``pairs`` hold each pair as the run saw it: kept pairs (accepted, active, locked)
        with their status then, new proposals as ``proposed``. A decision taken by someone
        else while the run was computing wins:

        - unlocked proposals missing from ``pairs`` are dropped (nobody decided on them);
        - a pair of ``pairs`` is rewritten (score, reasons; version + 1) only where its stored
          status and lock are still the ones the run saw, checked in the ``UPDATE`` itself,
          and only when its score or reasons changed (a rerun rewrites nothing it left as
          it was: versions the coordinator's page holds stay valid);
        - a pair not stored is inserted, unless someone stored it meanwhile
          (``ON CONFLICT DO NOTHING``).

        Returns:
            the pairs of ``pairs`` left as they were because their decision changed.
        """
        rows = sorted(_pair_rows(pairs), key=lambda r: (r["mentor_id"], r["mentee_id"]))
        wanted = {(r["mentor_id"], r["mentee_id"]): r for r in rows}
        unlocked_proposal = sa.and_(pairs_table.c.status == "proposed",
                                    pairs_table.c.locked.is_(False))
        with self._write() as conn:
            # Two matching runs write one after the other: each one's view of which pairs are
            # unchanged stays true until it commits.
            self._lock(conn, "proposals")
            stored = conn.execute(sa.select(pairs_table.c.mentor_id, pairs_table.c.mentee_id)
                                  .where(unlocked_proposal)).all()
            dropped = sorted((a, b) for a, b in stored if (a, b) not in wanted)
            same = {(a, b) for a, b, st, lk, sc, dt in conn.execute(sa.select(
                pairs_table.c.mentor_id, pairs_table.c.mentee_id, pairs_table.c.status,
                pairs_table.c.locked, pairs_table.c.score, pairs_table.c.details))
                if (r := wanted.get((a, b))) is not None and (st, bool(lk), sc, dt)
                == (r["status"], r["locked"], r["score"], r["details"])}
            rows = [r for r in rows if (r["mentor_id"], r["mentee_id"]) not in same]
            if dropped:
                conn.execute(pairs_table.delete().where(sa.and_(
                    _pair_key(sa.bindparam("b_mentor"), sa.bindparam("b_mentee")),
                    unlocked_proposal)), [{"b_mentor": a, "b_mentee": b} for a, b in dropped])
            if rows:
                conn.execute(pairs_table.update().where(sa.and_(
                    _pair_key(sa.bindparam("b_mentor"), sa.bindparam("b_mentee")),
                    pairs_table.c.status == sa.bindparam("b_status"),
                    pairs_table.c.locked == sa.bindparam("b_locked"),
                )).values(version=pairs_table.c.version + 1),  # + score, details, updated_at
                    [{"b_mentor": r["mentor_id"], "b_mentee": r["mentee_id"],
                      "b_status": r["status"], "b_locked": r["locked"], "score": r["score"],
                      "details": r["details"], "updated_at": r["updated_at"]} for r in rows])
                conn.execute(_insert(conn, pairs_table).on_conflict_do_nothing(),
                             [{**r, "version": 1} for r in rows])
            now = {(a, b): (s, bool(lk)) for a, b, s, lk in conn.execute(sa.select(
                pairs_table.c.mentor_id, pairs_table.c.mentee_id, pairs_table.c.status,
                pairs_table.c.locked))}
        skipped = [key for key, r in wanted.items() if now.get(key) != (r["status"], r["locked"])]
        if skipped:
            logger.info("%d pairs decided while matching ran were left as decided", len(skipped))
        return skipped

    def pair_decisions(self) -> list[Pair]:
        """Every stored pair's key, status, lock and version only (no score or reasons to
        decode): what a matching run needs to know of the pairs."""
        with self.engine.connect() as conn:
            return [Pair(a, b, st, bool(lk), version=int(v or 1)) for a, b, st, lk, v in
                    conn.execute(sa.select(pairs_table.c.mentor_id, pairs_table.c.mentee_id,
                                           pairs_table.c.status, pairs_table.c.locked,
                                           pairs_table.c.version))]

    def pairs(self, statuses: Iterable[str] | None = None) -> list[Pair]:
        """Stored pairs, best score first."""
        stmt = sa.select(pairs_table).order_by(pairs_table.c.score.desc(),
                                               pairs_table.c.mentor_id, pairs_table.c.mentee_id)
        if statuses is not None:
            stmt = stmt.where(pairs_table.c.status.in_(list(statuses)))
        with self.engine.connect() as conn:
            return [_pair_from(r) for r in conn.execute(stmt)]

    def pair(self, mentor_id: str, mentee_id: str) -> Pair | None:
        """One stored pair, looked up by its key; ``None`` when not stored."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(pairs_table).where(_pair_key(mentor_id, mentee_id))
                               ).first()
        return _pair_from(row) if row is not None else None

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
        _put_setting(conn, PROFILES_VERSION, uuid.uuid4().hex)
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
                    found[h] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_embeddings(self, model_id: str, items: Mapping[str, np.ndarray]) -> None:
        """Cache vectors; a vector another process cached meanwhile is kept as it is (the same
        model gives the same vector for the same text)."""
        if not items:
            return
        rows = [{"model_id": model_id, "text_hash": h,
                 "vector": np.asarray(items[h], dtype=np.float32).tobytes()}
                for h in sorted(items)]
        with self._write() as conn:
            stmt = _insert(conn, embeddings_table).on_conflict_do_nothing()
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
            return _get_setting(conn, key, default)

    def set_setting(self, key: str, value: Any) -> None:
        with self._write() as conn:
            _put_setting(conn, key, value)

    # ------------------------------------------------------------------ whole tables
    def table_rows(self, name: str) -> Iterator[dict[str, Any]]:
        """Every row of the table ``name`` as a dict, in primary-key order (for archives)."""
        table = metadata.tables[name]
        with self.engine.connect() as conn:
            result = conn.execution_options(yield_per=2000).execute(
                sa.select(table).order_by(*table.primary_key.columns))
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
                        if r["key"] != "schema_version":
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
            _put_setting(conn, PROFILES_VERSION, uuid.uuid4().hex)

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


def _get_setting(conn: sa.Connection, key: str, default: Any = None) -> Any:
    row = conn.execute(sa.select(settings_table.c.value).where(settings_table.c.key == key)
                       ).first()
    return json.loads(row[0]) if row is not None else default


def _put_setting(conn: sa.Connection, key: str, value: Any) -> None:
    stmt = _insert(conn, settings_table).values(key=key, value=json.dumps(value))
    conn.execute(stmt.on_conflict_do_update(index_elements=[settings_table.c.key],
                                            set_={"value": stmt.excluded.value}))


