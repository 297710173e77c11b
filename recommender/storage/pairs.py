"""The pairs table: decisions checked against versions, matching runs that never overwrite
a decision taken meanwhile, pairs read back as records."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa

from ..errors import StaleDecisionError
from ..records import Pair
from .connection import Connected
from .rows import PAIR_FIELDS, dialect_insert, pair_from, pair_rows, pair_where
from .schema import pairs_table

__all__ = ["PairTable"]

logger = logging.getLogger(__name__)


class PairTable(Connected):
    """The pairs of a store (see :class:`~.store.Store`)."""

    def set_pairs(self, pairs: Iterable[Pair]) -> None:
        """Insert or replace pairs (status, lock, score, reasons), in one transaction; each
        written pair's version is one more than the stored one."""
        rows = sorted(pair_rows(pairs), key=lambda r: (r["mentor_id"], r["mentee_id"]))
        if not rows:
            return
        with self._write() as conn:
            stmt = dialect_insert(conn, pairs_table)
            stmt = stmt.on_conflict_do_update(
                index_elements=[pairs_table.c.mentor_id, pairs_table.c.mentee_id],
                set_={**{c: stmt.excluded[c] for c in PAIR_FIELDS},
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
        row = pair_rows([pair])[0]
        key = pair_where(pair.mentor_id, pair.mentee_id)
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
                    inserted = conn.execute(dialect_insert(conn, pairs_table).values(
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
        rows = sorted(pair_rows(pairs), key=lambda r: (r["mentor_id"], r["mentee_id"]))
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
                if (r := wanted.get((a, b))) is not None
                and _unchanged((st, bool(lk), sc, dt), r)}
            rows = [r for r in rows if (r["mentor_id"], r["mentee_id"]) not in same]
            if dropped:
                conn.execute(pairs_table.delete().where(sa.and_(
                    pair_where(sa.bindparam("b_mentor"), sa.bindparam("b_mentee")),
                    unlocked_proposal)), [{"b_mentor": a, "b_mentee": b} for a, b in dropped])
            if rows:
                conn.execute(pairs_table.update().where(sa.and_(
                    pair_where(sa.bindparam("b_mentor"), sa.bindparam("b_mentee")),
                    pairs_table.c.status == sa.bindparam("b_status"),
                    pairs_table.c.locked == sa.bindparam("b_locked"),
                )).values(version=pairs_table.c.version + 1),  # + score, details, updated_at
                    [{"b_mentor": r["mentor_id"], "b_mentee": r["mentee_id"],
                      "b_status": r["status"], "b_locked": r["locked"], "score": r["score"],
                      "details": r["details"], "updated_at": r["updated_at"]} for r in rows])
                conn.execute(dialect_insert(conn, pairs_table).on_conflict_do_nothing(),
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
            return [Pair(a, b, st, locked=bool(lk), version=int(v or 1)) for a, b, st, lk, v in
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
            return [pair_from(r) for r in conn.execute(stmt)]

    def pair(self, mentor_id: str, mentee_id: str) -> Pair | None:
        """One stored pair, looked up by its key; ``None`` when not stored."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(pairs_table).where(pair_where(mentor_id, mentee_id))
                               ).first()
        return pair_from(row) if row is not None else None


LEGACY_PLACES = 4
"""Earlier versions stored scores, parts and signals rounded to this many places."""


def _unchanged(stored: tuple[str, bool, float | None, str | None], row: dict[str, Any]) -> bool:
    """Whether a stored pair already holds what a run computed: the same values, or the
    same rounded as earlier versions stored them (an upgrade's first run must not
    rewrite every pair, adding one to each version and refusing every open page's next
    decision, for digits nobody sees)."""
    status, locked, score, details = stored
    if (status, locked) != (row["status"], row["locked"]):
        return False
    if details == row["details"] and score == row["score"]:
        return True
    if not _same(float(score or 0.0), float(row["score"])):
        return False
    old, new = json.loads(details or "{}"), json.loads(row["details"])
    if (old.get("reasons"), old.get("quotes")) != (new.get("reasons"), new.get("quotes")):
        return False
    return all(old.get(name, {}).keys() == new.get(name, {}).keys()
               and all(_same(float(v), float(new[name][k])) for k, v in old[name].items())
               for name in ("parts", "signals") if name in old or name in new)


def _same(stored: float, computed: float) -> bool:
    return stored == computed or stored == round(computed, LEGACY_PLACES)
