"""Records to rows and back, and the statements every table shares (dialect inserts, settings)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

import numpy as np
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect

from ..records import PAIR_STATUSES, Pair, Person
from .schema import (
    pairs_table,
    settings_table,
)

__all__ = ["PAIR_FIELDS", "dialect_insert", "now_text", "pair_from", "pair_rows", "pair_where",
           "person_from", "person_values", "read_setting", "vector_from", "write_setting"]


def now_text() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def person_values(p: Person) -> dict[str, Any]:
    return {
        "id": p.id, "name": p.name, "years_experience": p.years_experience,
        "department": p.department, "role": p.role, "location": p.location,
        "languages": ";".join(p.languages), "profile": p.profile, "offers": p.offers,
        "wants": p.wants, "role_preference": p.role_preference, "capacity": p.capacity,
        "manager_id": p.manager_id, "email": p.email, "updated_at": now_text(),
        "level": p.level, "utc_offset": p.utc_offset,
        "attributes": json.dumps([list(a) for a in p.attributes], ensure_ascii=False)
        if p.attributes else "",
        "preferences": p.preferences,
    }


def person_from(row: Any) -> Person:
    m = row._mapping
    return Person(
        id=m["id"], name=m["name"], years_experience=float(m["years_experience"]),
        department=m["department"] or "", role=m["role"] or "", location=m["location"] or "",
        languages=tuple(x for x in (m["languages"] or "").split(";") if x),
        profile=m["profile"] or "", offers=m["offers"] or "", wants=m["wants"] or "",
        role_preference=m["role_preference"] or "either",
        capacity=None if m["capacity"] is None else int(m["capacity"]),
        manager_id=m["manager_id"] or "", email=m["email"] or "",
        level=m["level"] or "",
        utc_offset=None if m["utc_offset"] is None else float(m["utc_offset"]),
        attributes=tuple((str(n), str(v)) for n, v in json.loads(m["attributes"] or "[]")),
        preferences=m["preferences"] or "",
    )


def pair_from(row: Any) -> Pair:
    details = json.loads(row.details or "{}")
    return Pair(row.mentor_id, row.mentee_id, row.status, locked=bool(row.locked),
                score=float(row.score or 0.0), parts=details.get("parts", {}),
                reasons=tuple(details.get("reasons", ())), quotes=details.get("quotes", {}),
                signals=details.get("signals", {}), updated_at=row.updated_at,
                version=int(row.version or 1))


def pair_rows(pairs: Iterable[Pair]) -> list[dict[str, Any]]:
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
            "updated_at": now_text(),
        })
    return rows


def vector_from(blob: Any) -> np.ndarray:
    """A stored vector's float32 values. A value that cannot be one (not bytes, or a length
    that is no multiple of 4: a damaged row) reads as an empty vector, which the reader's
    checks reject, instead of failing every read of the cache."""
    if not isinstance(blob, bytes | bytearray | memoryview) or len(blob) % 4:
        return np.zeros(0, dtype=np.float32)
    return np.frombuffer(blob, dtype=np.float32)


def dialect_insert(conn: sa.Connection, table: sa.Table) -> Any:
    """The dialect's INSERT (both have ``on_conflict_do_nothing / do_update``)."""
    module = pg_dialect if conn.dialect.name == "postgresql" else sqlite_dialect
    return module.insert(table)


def pair_where(mentor: Any, mentee: Any) -> Any:
    return sa.and_(pairs_table.c.mentor_id == mentor, pairs_table.c.mentee_id == mentee)


PAIR_FIELDS = ("status", "locked", "score", "details", "updated_at")


def read_setting(conn: sa.Connection, key: str, default: Any = None) -> Any:
    row = conn.execute(sa.select(settings_table.c.value).where(settings_table.c.key == key)
                       ).first()
    return json.loads(row[0]) if row is not None else default


def write_setting(conn: sa.Connection, key: str, value: Any) -> None:
    stmt = dialect_insert(conn, settings_table).values(key=key, value=json.dumps(value))
    conn.execute(stmt.on_conflict_do_update(index_elements=[settings_table.c.key],
                                            set_={"value": stmt.excluded.value}))
