"""The workspace store: the source of truth, in SQLite through SQLAlchemy Core.

Everything is written in transactions: a rejected or failed batch leaves the store as it
was. Vectors are stored as raw float32 bytes and structured values as JSON; nothing is
pickled. The URL could point at PostgreSQL as well: only portable Core constructs are used.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import sqlalchemy as sa
from sqlalchemy.pool import StaticPool

from .errors import StaleDecisionError
from .records import PAIR_STATUSES, Person, Segment, SessionNote, StoredPair, Topic

__all__ = ["SCHEMA_VERSION", "Store"]

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 3

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
    sa.Column("capacity", sa.Integer, default=1),
    sa.Column("manager_id", sa.String(200), default=""),
    sa.Column("email", sa.String(300), default=""),
    sa.Column("updated_at", sa.String(40)),
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
    sa.Column("p_want", sa.Float, nullable=False, default=0.0),
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


def _migrate(engine: sa.Engine) -> None:
    """Bring a workspace made by an older version up to this schema (additive changes)."""
    columns = {c["name"] for c in sa.inspect(engine).get_columns("segments")}
    if "p_want" not in columns:  # schema 1 -> 2
        with engine.begin() as conn:
            conn.execute(sa.text(
                "ALTER TABLE segments ADD COLUMN p_want FLOAT NOT NULL DEFAULT 0"))
            conn.execute(sa.text("UPDATE segments SET p_want = 1 WHERE kind = 'want'"))
    if "version" not in {c["name"] for c in sa.inspect(engine).get_columns("pairs")}:  # 2 -> 3
        with engine.begin() as conn:
            conn.execute(sa.text("ALTER TABLE pairs ADD COLUMN version INTEGER NOT NULL DEFAULT 1"))
    with engine.begin() as conn:
        conn.execute(settings_table.delete().where(settings_table.c.key == "schema_version"))
        conn.execute(settings_table.insert().values(
            key="schema_version", value=json.dumps(SCHEMA_VERSION)))


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


def _pair_rows(pairs: Iterable[StoredPair]) -> list[dict[str, Any]]:
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


def _write_pairs(conn: sa.Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Replace the pairs of ``rows`` (by key) inside the caller's transaction; each written
    pair's version is one more than the stored one."""
    key = sa.tuple_(pairs_table.c.mentor_id, pairs_table.c.mentee_id)
    versions: dict[tuple[str, str], int] = {}
    for start in range(0, len(rows), 500):
        chunk = rows[start : start + 500]
        where = key.in_([(r["mentor_id"], r["mentee_id"]) for r in chunk])
        versions.update({(a, b): int(v) for a, b, v in conn.execute(sa.select(
            pairs_table.c.mentor_id, pairs_table.c.mentee_id, pairs_table.c.version).where(where))})
        conn.execute(pairs_table.delete().where(where))
    conn.execute(pairs_table.insert(), [
        {**r, "version": versions.get((r["mentor_id"], r["mentee_id"]), 0) + 1} for r in rows])


class Store:
    """A workspace's tables behind a small API of whole-batch, transactional operations.

    Args:
        url: an SQLAlchemy URL; ``"sqlite://"`` (the default) is an in-memory store.
    """

    def __init__(self, url: str = "sqlite://"):
        self.url = url
        self._engine: sa.Engine | None = None

    @property
    def engine(self) -> sa.Engine:
        if self._engine is None:
            if self.url in ("sqlite://", "sqlite:///:memory:"):
                # One shared connection, or each thread would see its own empty database.
                engine = sa.create_engine(
                    self.url, poolclass=StaticPool,
                    connect_args={"check_same_thread": False},
                )
            elif self.url.startswith("sqlite"):
                engine = sa.create_engine(
                    self.url, connect_args={"timeout": 30, "check_same_thread": False}
                )

                @sa.event.listens_for(engine, "connect")
                def _pragmas(dbapi_conn: Any, _record: Any) -> None:
                    # WAL lets several tabs read while one writes; busy timeout makes writers wait.
                    cursor = dbapi_conn.cursor()
                    cursor.execute("PRAGMA journal_mode=WAL")
                    cursor.execute("PRAGMA busy_timeout=30000")
                    cursor.close()
            else:
                engine = sa.create_engine(self.url)
            metadata.create_all(engine)
            _migrate(engine)
            self._engine = engine
        return self._engine

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
        ids = [p.id for p in people]
        with self.engine.begin() as conn:
            existing: set[str] = set()
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                existing.update(conn.execute(
                    sa.select(people_table.c.id).where(people_table.c.id.in_(chunk))
                ).scalars())
            new = [_person_values(p) for p in people if p.id not in existing]
            old = [_person_values(p) for p in people if p.id in existing]
            if new:
                conn.execute(people_table.insert(), new)
            if old:
                stmt = (
                    people_table.update()
                    .where(people_table.c.id == sa.bindparam("b_id"))
                    .values({c: sa.bindparam(c) for c in old[0] if c != "id"})
                )
                conn.execute(stmt, [{**v, "b_id": v["id"]} for v in old])
            removed, added = self._replace_segments(conn, ids, segments, model_id)
        return len(new), len(old), removed, added

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
        with self.engine.begin() as conn:
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
        return seg_ids

    # ------------------------------------------------------------------ notes
    def add_notes(self, notes: Sequence[SessionNote]) -> list[int]:
        """Store notes in one transaction; return their new ids."""
        if not notes:
            return []
        with self.engine.begin() as conn:
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
        with self.engine.begin() as conn:
            conn.execute(topics_table.delete())
            self._insert_topics(conn, topics, start=0)
            conn.execute(settings_table.delete().where(settings_table.c.key == "topics_initialised"))
            conn.execute(settings_table.insert().values(key="topics_initialised",
                                                        value=json.dumps(True)))

    def add_topics(self, topics: Sequence[Topic]) -> None:
        """Add topics, replacing those whose id is already in the catalogue."""
        with self.engine.begin() as conn:
            ids = [t.id for t in topics]
            conn.execute(topics_table.delete().where(topics_table.c.id.in_(ids)))
            start = conn.execute(sa.select(sa.func.count()).select_from(topics_table)).scalar()
            self._insert_topics(conn, topics, start=int(start or 0))

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
    def set_pairs(self, pairs: Iterable[StoredPair]) -> None:
        """Insert or replace pairs, in one transaction with one statement per batch."""
        rows = _pair_rows(pairs)
        if rows:
            with self.engine.begin() as conn:
                _write_pairs(conn, rows)

    def delete_pairs(self, status: str) -> None:
        """Drop every pair with ``status`` that is not locked (stale proposals before a re-run)."""
        with self.engine.begin() as conn:
            conn.execute(pairs_table.delete().where(
                sa.and_(pairs_table.c.status == status, pairs_table.c.locked.is_(False))))

    def decide_pair(self, pair: StoredPair, expected_version: int | None) -> None:
        """Write one pair's new status/lock if its stored version is still
        ``expected_version`` (``None``: whatever it is); the check and the write are one
        transaction, so two coordinators cannot both decide on the same view.

        Raises:
            StaleDecisionError: the pair changed since that version was read.
        """
        rows = _pair_rows([pair])
        key = sa.and_(pairs_table.c.mentor_id == pair.mentor_id,
                      pairs_table.c.mentee_id == pair.mentee_id)
        with self.engine.begin() as conn:
            if expected_version is not None:
                # Claim the row first: the update takes the write lock, so a second writer
                # with the same expected version finds it bumped and is refused.
                claimed = conn.execute(pairs_table.update().where(
                    sa.and_(key, pairs_table.c.version == expected_version)
                ).values(version=pairs_table.c.version)).rowcount
                if claimed != 1:
                    now = conn.execute(sa.select(pairs_table.c.status, pairs_table.c.version)
                                       .where(key)).first()
                    raise StaleDecisionError(pair.mentor_id, pair.mentee_id, expected_version,
                                             None if now is None else int(now.version),
                                             None if now is None else str(now.status))
            _write_pairs(conn, rows)

    def replace_proposals(self, pairs: Sequence[StoredPair]) -> None:
        """Drop the unlocked proposals and store ``pairs``, as one transaction (a run killed
        half-way leaves the previous proposals as they were)."""
        rows = _pair_rows(pairs)  # checked before anything is deleted
        with self.engine.begin() as conn:
            conn.execute(pairs_table.delete().where(sa.and_(
                pairs_table.c.status == "proposed", pairs_table.c.locked.is_(False))))
            if rows:
                _write_pairs(conn, rows)

    def pairs(self, statuses: Iterable[str] | None = None) -> list[StoredPair]:
        """Stored pairs, best score first."""
        stmt = sa.select(pairs_table).order_by(pairs_table.c.score.desc())
        if statuses is not None:
            stmt = stmt.where(pairs_table.c.status.in_(list(statuses)))
        with self.engine.connect() as conn:
            out = []
            for r in conn.execute(stmt):
                details = json.loads(r.details or "{}")
                out.append(StoredPair(
                    r.mentor_id, r.mentee_id, r.status, bool(r.locked), float(r.score or 0.0),
                    details.get("parts", {}), tuple(details.get("reasons", ())), r.updated_at,
                    int(r.version or 1), details.get("quotes", {}), details.get("signals", {})))
            return out

    # ------------------------------------------------------------------ segments
    def replace_segments(self, person_ids: Sequence[str], segments: Sequence[Segment],
                         model_id: str) -> tuple[list[int], list[int]]:
        """Replace the segments of ``person_ids``; returns ``(removed ids, new ids)``."""
        with self.engine.begin() as conn:
            return self._replace_segments(conn, person_ids, segments, model_id)

    @staticmethod
    def _replace_segments(conn: sa.Connection, person_ids: Sequence[str],
                          segments: Sequence[Segment], model_id: str
                          ) -> tuple[list[int], list[int]]:
        removed: list[int] = []
        for start in range(0, len(person_ids), 500):
            where = segments_table.c.person_id.in_(list(person_ids[start : start + 500]))
            removed.extend(conn.execute(sa.select(segments_table.c.id).where(where)).scalars())
            conn.execute(segments_table.delete().where(where))
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
        if not items:
            return
        with self.engine.begin() as conn:
            known: set[str] = set()
            keys = list(items)
            for start in range(0, len(keys), 500):
                known.update(conn.execute(sa.select(embeddings_table.c.text_hash).where(
                    sa.and_(embeddings_table.c.model_id == model_id,
                            embeddings_table.c.text_hash.in_(keys[start:start + 500])))
                ).scalars())
            rows = [
                {"model_id": model_id, "text_hash": h,
                 "vector": np.asarray(v, dtype=np.float32).tobytes()}
                for h, v in items.items() if h not in known
            ]
            if rows:
                conn.execute(embeddings_table.insert(), rows)

    def count_embeddings(self, model_id: str | None = None) -> int:
        stmt = sa.select(sa.func.count()).select_from(embeddings_table)
        if model_id is not None:
            stmt = stmt.where(embeddings_table.c.model_id == model_id)
        with self.engine.connect() as conn:
            return int(conn.execute(stmt).scalar() or 0)

    # ------------------------------------------------------------------ settings
    def get_setting(self, key: str, default: Any = None) -> Any:
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(settings_table.c.value).where(settings_table.c.key == key)
            ).first()
        return json.loads(row[0]) if row is not None else default

    def set_setting(self, key: str, value: Any) -> None:
        with self.engine.begin() as conn:
            conn.execute(settings_table.delete().where(settings_table.c.key == key))
            conn.execute(settings_table.insert().values(key=key, value=json.dumps(value)))

    def fingerprint(self) -> dict[str, int]:
        """Row counts per table: a cheap check that a rejected batch changed nothing."""
        with self.engine.connect() as conn:
            return {
                t.name: int(conn.execute(sa.select(sa.func.count()).select_from(t)).scalar() or 0)
                for t in metadata.sorted_tables
            }
