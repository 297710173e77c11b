"""Pairs from the cohort's arrays, with the stored pairs taken into account.

The facade reads the cohort (:mod:`.cache`) and the stored pairs; these functions decide
which stored pairs a computation rules out or keeps, score the edges on the whole cohort
and turn them into :class:`~recommender.records.Pair` records (:mod:`.explain`): a
matching run and who it leaves alone, one person's best partners, one pair and the rules
it breaks. Every score is computed on the whole cohort, as the matching computes it.
"""

from __future__ import annotations

import logging
from collections.abc import MutableMapping, Sequence

import numpy as np

from ..records import CLOSED_STATUSES, KEPT_STATUSES, Pair, ProgressFn, Unmatched
from . import traits
from .assign import solve
from .cache import CohortArrays, CohortCache, LocatedPair
from .candidates import candidate_graph
from .explain import SuggestionKey, pair_suggestions, unmatched
from .kernel import EdgeScores, score_edges
from .params import MatchParams
from .rules import broken_rules, eligible

__all__ = [
    "located",
    "matching_cohort",
    "paired_people",
    "partner_suggestions",
    "rule_warnings",
    "rules_broken",
    "run",
    "run_suggestions",
    "scored_pair",
    "unmatched_now",
]

logger = logging.getLogger(__name__)


def _decided(pair: Pair) -> bool:
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
                    known: MutableMapping[SuggestionKey, Pair] | None = None,
                    graph: EdgeScores | None = None) -> list[Pair]:
    """The records of a matching run: the kept pairs first, rescored with the run's
    settings, with their stored status and lock; then the new proposals as solved.

    Args:
        arrays: the run's cohort (:func:`matching_cohort`).
        kept: the ``K`` pairs the run kept.
        new: the ``E`` edges the run proposes (:func:`~.assign.solve`).
        params: the run's settings, resolved once (overrides included).
        known: records made before for the same cohort and settings (read and filled).
        graph: the run's scored candidates: a kept pair found there keeps the score the
            run gave it, to the last bit, so that a rerun rewrites nothing unchanged.

    Returns:
        ``K + E`` suggestions.
    """
    mentor = np.array([p.mentor for p in kept], np.int64)
    mentee = np.array([p.mentee for p in kept], np.int64)
    kept_scores = score_edges(arrays.cohort, mentor, mentee, params)
    if graph is not None and len(kept):
        at = {key: e for e, key in enumerate(zip(graph.mentor.tolist(), graph.mentee.tolist(),
                                                 strict=True))}
        found = np.array([at.get(key, -1) for key in zip(mentor.tolist(), mentee.tolist(),
                                                          strict=True)])
        if (found >= 0).any():
            kept_scores = kept_scores.replaced(np.flatnonzero(found >= 0),
                                               graph.take(found[found >= 0]))
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
    (the reasons are those of :func:`~recommender.matching.explain.unmatched` on the run's cohort)."""
    arrays, _ = matching_cohort(arrays, stored)
    paired = {x for p in stored if p.pair.status in ("proposed", *KEPT_STATUSES)
              for x in (p.mentor, p.mentee)}
    return unmatched(arrays.people, arrays.cohort, paired, params, language)


def partner_suggestions(arrays: CohortArrays, stored: Sequence[LocatedPair], person_id: str,
                        k: int, as_mentee: bool, params: MatchParams) -> list[Pair]:
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


def located(arrays: CohortArrays, stored: Sequence[LocatedPair], mentor_id: str,
            mentee_id: str) -> LocatedPair:
    """The pair ``mentor_id`` -> ``mentee_id`` placed on the cohort: as stored, or a new
    proposal.

    Raises:
        KeyError: a person not in the cohort.
    """
    for p in stored:
        if p.pair.key == (mentor_id, mentee_id):
            return p
    index = {p.id: i for i, p in enumerate(arrays.people)}
    return LocatedPair(Pair(mentor_id, mentee_id), index[mentor_id], index[mentee_id])


def scored_pair(arrays: CohortArrays, pair: LocatedPair, params: MatchParams,
                language: str | None = None) -> Pair:
    """One pair scored on the whole cohort, as a matching run scores it (the cohort-relative
    parts included: shared rare words, generic items), with its stored status and lock and
    reasons in ``language`` (default: the pair's own)."""
    scores = score_edges(arrays.cohort, np.array([pair.mentor]), np.array([pair.mentee]),
                         params)
    return pair_suggestions(arrays.people, arrays.cohort, scores, arrays.segments, params,
                            [pair.pair.status], [pair.pair.locked], language)[0]


def rules_broken(arrays: CohortArrays, pair: LocatedPair, params: MatchParams,
                 language: str = "en") -> tuple[str, ...]:
    """The hard rules that forbid ``pair`` now, in words; a pair already stored counts as
    existing unless it is only proposed."""
    decided = [pair] if pair.pair.version and pair.pair.status != "proposed" else []
    return broken_rules(arrays.excluding(decided).cohort, pair.mentor, pair.mentee, params,
                        language)


def rule_warnings(arrays: CohortArrays, params: MatchParams) -> list[str]:
    """:func:`~recommender.matching.traits.rule_warnings` of the cohort, people named."""
    return traits.rule_warnings(arrays.cohort, params.rules, [p.name for p in arrays.people])


def run(arrays: CohortArrays, stored: Sequence[LocatedPair], params: MatchParams,
        cache: CohortCache, progress: ProgressFn | None = None
        ) -> tuple[list[Pair], list[Unmatched]]:
    """A matching run over the cohort's arrays: the kept pairs, then the best assignment of
    everyone else under the hard rules (:func:`~recommender.matching.assign.solve`), and who
    it leaves alone, with why.

    The scored candidate graph is kept in ``cache`` while the profiles and the scoring
    settings are unchanged: a run after a few decisions only applies them.

    Returns:
        the pairs (kept ones first, then new proposals by score) and the unmatched.
    """
    def tell(fraction: float, message: str) -> None:
        if progress is not None:
            progress(fraction, message)

    def step(fraction: float, message: str) -> None:
        tell(0.1 + 0.7 * fraction, message)

    arrays, kept = matching_cohort(arrays, stored)
    graph, known = cache.graph(
        arrays, params,
        lambda: candidate_graph(arrays.cohort, params, lambda f, m: step(0.7 * f, m)))
    new = solve(arrays.cohort, params, [(p.mentor, p.mentee) for p in kept], progress=step,
                graph=graph)
    tell(0.8, f"explaining {len(new) + len(kept)} pairs")
    pairs = run_suggestions(arrays, kept, new, params, known, graph)
    tell(0.9, "explaining who is left")
    left = unmatched(arrays.people, arrays.cohort, paired_people(kept, new), params,
                     candidates=graph)
    return pairs, left
