"""Pair suggestions from the match stage's edges, with the stored pairs taken into account.

The facade reads the cohort (:mod:`recommender.cohort_cache`) and the stored pairs; these
functions decide which stored pairs a computation rules out or keeps, score the edges and
turn them into :class:`~recommender.records.PairSuggestion` records (:mod:`explain`): the
pairs of a matching run and who it leaves alone, one person's best partners, one pair.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, MutableMapping, Sequence

import numpy as np

from ..records import CLOSED_STATUSES, KEPT_STATUSES, PairSuggestion, Person, Segment, StoredPair, Unmatched
from .cache import CohortArrays, LocatedPair, cohort_arrays
from .explain import SuggestionKey, pair_suggestions, unmatched
from .kernel import EdgeScores, MatchParams, eligible, score_edges

__all__ = ["cohort_of_two", "matching_cohort", "paired_people", "partner_suggestions",
           "run_suggestions", "scored_pair", "unmatched_now"]

logger = logging.getLogger(__name__)


def _decided(pair: StoredPair) -> bool:
    """A pair a matching run does not propose: kept as it is, or decided against."""
    return pair.kept or pair.status != "proposed"


def matching_cohort(arrays: CohortArrays, stored: Sequence[LocatedPair]
                    ) -> tuple[CohortArrays, list[LocatedPair]]:
    """The cohort a matching run solves, and the stored pairs it keeps as they are.

    Kept pairs (accepted, active, locked) and pairs decided against (rejected, ended) are
    ruled out; only the other, proposed, pairs may be proposed again.

    Returns:
        the arrays with those pairs excluded, and the kept pairs (their positions are the
        run's fixed edges).
    """
    return (arrays.excluding(p for p in stored if _decided(p.pair)),
            [p for p in stored if p.pair.kept])


def run_suggestions(arrays: CohortArrays, kept: Sequence[LocatedPair], new: EdgeScores,
                    params: MatchParams,
                    known: MutableMapping[SuggestionKey, PairSuggestion] | None = None,
                    ) -> list[PairSuggestion]:
    """The records of a matching run: the kept pairs first, rescored with the run's
    settings, with their stored status and lock; then the new proposals as solved.

    Args:
        arrays: the run's cohort (:func:`matching_cohort`).
        kept: the ``K`` pairs the run kept.
        new: the ``E`` edges the run proposes (:func:`~recommender.match.solve`).
        params: the run's settings, resolved once (overrides included).
        known: records made before for the same cohort and settings (read and filled).

    Returns:
        ``K + E`` suggestions.
    """
    kept_scores = score_edges(arrays.cohort, np.array([p.mentor for p in kept], np.int64),
                              np.array([p.mentee for p in kept], np.int64), params)
    return (pair_suggestions(arrays.people, arrays.cohort, kept_scores, arrays.segments, params,
                             [p.pair.status for p in kept], [p.pair.locked for p in kept],
                             known=known)
            + pair_suggestions(arrays.people, arrays.cohort, new, arrays.segments, params,
                               known=known))


def paired_people(kept: Sequence[LocatedPair], new: EdgeScores) -> set[int]:
    """Positions of everyone a run pairs: in a kept pair or in a new proposal."""
    return ({x for p in kept for x in (p.mentor, p.mentee)}
            | set(new.mentor.tolist()) | set(new.mentee.tolist()))


def unmatched_now(arrays: CohortArrays, stored: Sequence[LocatedPair], params: MatchParams,
                  language: str = "en") -> list[Unmatched]:
    """Everyone without a proposed, accepted or active stored pair, and why, in ``language``
    (the reasons are those of :func:`~recommender.explain.unmatched` on the run's cohort)."""
    arrays, _ = matching_cohort(arrays, stored)
    paired = {x for p in stored if p.pair.status in ("proposed", *KEPT_STATUSES)
              for x in (p.mentor, p.mentee)}
    return unmatched(arrays.people, arrays.cohort, paired, params, language)


def partner_suggestions(arrays: CohortArrays, stored: Sequence[LocatedPair], person_id: str,
                        k: int, as_mentee: bool, params: MatchParams) -> list[PairSuggestion]:
    """The ``k`` best eligible partners of one person, best first, under the hard rules and
    the scores of a run; pairs decided against (rejected, ended) are ruled out.

    Args:
        person_id: one of ``arrays.people``.
        as_mentee: rank mentors for the person (else mentees).
    """
    arrays = arrays.excluding(p for p in stored if p.pair.status in CLOSED_STATUSES)
    me = next(i for i, p in enumerate(arrays.people) if p.id == person_id)
    others = np.array([i for i in range(len(arrays.people)) if i != me], dtype=np.int64)
    mine = np.full_like(others, me)
    mentor, mentee = (others, mine) if as_mentee else (mine, others)
    ok = eligible(arrays.cohort, mentor, mentee, params)
    scores = score_edges(arrays.cohort, mentor[ok], mentee[ok], params)
    top = np.argsort(-scores.score, kind="stable")[:k]
    return pair_suggestions(arrays.people, arrays.cohort, scores.take(top), arrays.segments,
                            params)


def cohort_of_two(mentor: Person, mentee: Person, segments: Sequence[Segment],
                  encode: Callable[[Sequence[str]], np.ndarray], params: MatchParams,
                  stored: StoredPair | None) -> CohortArrays:
    """A cohort of just the two people (quick, whatever the programme's size): the mentor at
    position 0, the mentee at 1, their pair ruled out when it was decided (not ``proposed``).

    Args:
        segments: stored sentences; only the two people's are read.
        encode: texts ``(S,)`` -> unit vectors ``(S, d)``.
        stored: the pair as stored, if it is.
    """
    ids = (mentor.id, mentee.id)
    two = cohort_arrays([mentor, mentee], [s for s in segments if s.person_id in ids], encode,
                        params)
    if stored is not None and stored.status != "proposed":
        two.cohort.excluded = {(0, 1)}
    return two


def scored_pair(two: CohortArrays, params: MatchParams, stored: StoredPair | None,
                language: str | None = None) -> PairSuggestion:
    """The pair of a :func:`cohort_of_two`, scored now, with its stored status and lock
    (``proposed`` and unlocked when not stored) and reasons in ``language`` (default: the
    pair's own)."""
    scores = score_edges(two.cohort, np.array([0]), np.array([1]), params)
    return pair_suggestions(two.people, two.cohort, scores, two.segments, params,
                            [stored.status if stored else "proposed"],
                            [stored.locked if stored else False], language)[0]
