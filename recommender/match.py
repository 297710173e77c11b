"""Complementary pairing: candidates, hard rules, directional scores, exact assignment.

Everything here works on integer person indices and numpy arrays; the facade turns records
into a :class:`Cohort` and results back into records.

Score of mentor ``m`` (the junior) for mentee ``s`` (the senior)::

    coverage(m -> s) = peak_weight * max_w best(w) + (1 - peak_weight) * mean_w best(w)
    best(w)          = max over m's offer sentences o of weight(o) * cos(w, o)
    score            = coverage(m -> s) * (1 + reverse_weight * coverage(s -> m))
                       + cross_department_bonus * [departments differ]

``w`` runs over the mentee's *want* sentences only, so a senior who writes mostly about
their own expertise is matched on the one sentence saying what they want to learn, and a
junior from the same field who offers nothing asked for does not win on whole-profile
similarity. Sentence-level maxima keep one strong match from being diluted by the rest.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

__all__ = [
    "Cohort",
    "EdgeScores",
    "MatchParams",
    "assign",
    "candidate_edges",
    "eligible",
    "ineligibility_reason",
    "score_edges",
    "solve",
    "top_k_per_side",
]

logger = logging.getLogger(__name__)

PREF_MENTOR, PREF_MENTEE, PREF_EITHER = 0, 1, 2


@dataclass(frozen=True)
class MatchParams:
    """Settings of the matching, each with a default a coordinator can start from.

    Attributes:
        min_experience_gap: the mentor has at least this many fewer years than the mentee.
        reverse_weight: weight of how well the mentee's offers answer the mentor's wants,
            relative to the main coverage (the bonus is proportional to it).
        cross_department_bonus: added when mentor and mentee work in different departments.
        peak_weight: share of the best single want match in coverage (the rest is the mean
            over all wants), so one strong match counts without hiding the others.
        background_weight: weight of a mentor's "other" sentences (background, current job)
            as implicit offers, and of a mentee's other sentences when they state no want.
        max_mentors_per_mentee: how many mentors one mentee may have.
        max_mentees_per_mentor: a cap on every person's own ``capacity`` for this run
            (``None`` keeps each person's capacity).
        min_score: pairs scoring at or below this are never proposed.
        candidates_k: neighbours per person taken from the FAISS candidate graph on large
            cohorts.
        dense_limit: mentors x mentees above which candidates come from FAISS instead of
            scoring every pair.
    """

    min_experience_gap: float = 3.0
    reverse_weight: float = 0.25
    cross_department_bonus: float = 0.05
    peak_weight: float = 0.5
    background_weight: float = 0.8
    max_mentors_per_mentee: int = 1
    max_mentees_per_mentor: int | None = None
    min_score: float = 0.0
    candidates_k: int = 20
    dense_limit: int = 4_000_000


@dataclass
class Cohort:
    """People as arrays, index ``i`` for person ``i``.

    Attributes:
        years: ``(n,)`` years of experience.
        preference: ``(n,)`` int8, 0 mentor, 1 mentee, 2 either.
        capacity: ``(n,)`` mentees a person may mentor.
        department: ``(n,)`` int codes (-1 unknown).
        manager: ``(n,)`` index of the person's manager, -1 when none in the cohort.
        languages: ``(n,)`` int64 bit masks of spoken languages.
        offers: ``(n, So, d)`` offer sentence vectors (zero padded), ``offer_weight``
            ``(n, So)`` their weights (0 for padding).
        wants: ``(n, Sw, d)`` want sentence vectors, ``want_weight`` ``(n, Sw)``.
        offer_ref / want_ref: ``(n, So)`` / ``(n, Sw)`` references of the sentences (segment
            ids, -1 for padding) so reasons can quote them.
        excluded: pairs ``(mentor, mentee)`` that must not be proposed.
    """

    years: np.ndarray
    preference: np.ndarray
    capacity: np.ndarray
    department: np.ndarray
    manager: np.ndarray
    languages: np.ndarray
    offers: np.ndarray
    offer_weight: np.ndarray
    wants: np.ndarray
    want_weight: np.ndarray
    offer_ref: np.ndarray | None = None
    want_ref: np.ndarray | None = None
    excluded: set[tuple[int, int]] = field(default_factory=set)

    @property
    def size(self) -> int:
        return int(self.years.shape[0])

    def can_mentor(self) -> np.ndarray:
        return (self.preference != PREF_MENTEE) & (self.capacity > 0) & (self.offer_weight > 0).any(1)

    def can_be_mentee(self) -> np.ndarray:
        return (self.preference != PREF_MENTOR) & (self.want_weight > 0).any(1)


class EdgeScores(NamedTuple):
    """Scores of edges ``(mentor[e], mentee[e])``, each array ``(E,)``.

    ``want_pos``/``offer_pos`` locate the best matching want of the mentee and offer of the
    mentor (positions in the padded arrays); ``rev_want_pos``/``rev_offer_pos`` the same for
    the reverse direction.
    """

    score: np.ndarray
    coverage: np.ndarray
    reverse: np.ndarray
    cross_department: np.ndarray
    want_pos: np.ndarray
    offer_pos: np.ndarray
    rev_want_pos: np.ndarray
    rev_offer_pos: np.ndarray


# ------------------------------------------------------------------------------ rules
def eligible(cohort: Cohort, mentor: np.ndarray, mentee: np.ndarray,
             params: MatchParams) -> np.ndarray:
    """Hard rules for edges ``(mentor[e], mentee[e])``; ``(E,)`` boolean mask.

    A pair is allowed when: the mentor has at least ``min_experience_gap`` fewer years, the
    role preferences allow it, neither manages the other, they share a language, the mentor
    has something to offer and the mentee something to learn, and the pair is not excluded
    (already exists, rejected or ended).
    """
    c = cohort
    ok = mentor != mentee
    ok &= c.years[mentor] + params.min_experience_gap <= c.years[mentee]
    ok &= (c.preference[mentor] != PREF_MENTEE) & (c.preference[mentee] != PREF_MENTOR)
    ok &= c.capacity[mentor] > 0
    ok &= (c.manager[mentor] != mentee) & (c.manager[mentee] != mentor)
    ok &= (c.languages[mentor] & c.languages[mentee]) != 0
    ok &= (c.offer_weight[mentor] > 0).any(axis=1) & (c.want_weight[mentee] > 0).any(axis=1)
    if c.excluded:
        keys = mentor.astype(np.int64) * c.size + mentee
        banned = np.fromiter((a * c.size + b for a, b in c.excluded), dtype=np.int64)
        ok &= ~np.isin(keys, banned)
    return ok


_RULES = (
    ("gap", "nobody with at least {gap:g} fewer years of experience"),
    ("preference", "role preferences rule out every candidate"),
    ("language", "no shared language with any candidate"),
    ("reporting", "the only candidates are in the same reporting line"),
    ("excluded", "every candidate pair already exists, was rejected or ended"),
    ("content", "no sentence to match on (no offer or no learning wish found)"),
)


def ineligibility_reason(cohort: Cohort, person: int, as_mentee: bool,
                         params: MatchParams) -> str | None:
    """Why ``person`` has no eligible partner in that role, or ``None`` when they have one.

    The rules are applied one after the other, and the first that leaves no candidate is
    named.
    """
    c = cohort
    others = np.arange(c.size)
    others = others[others != person]
    if as_mentee:
        mentor, mentee = others, np.full_like(others, person)
    else:
        mentor, mentee = np.full_like(others, person), others
    keep = c.years[mentor] + params.min_experience_gap <= c.years[mentee]
    checks = [
        keep,
        (c.preference[mentor] != PREF_MENTEE) & (c.preference[mentee] != PREF_MENTOR)
        & (c.capacity[mentor] > 0),
        (c.languages[mentor] & c.languages[mentee]) != 0,
        (c.manager[mentor] != mentee) & (c.manager[mentee] != mentor),
        np.array([(int(a), int(b)) not in c.excluded for a, b in zip(mentor, mentee, strict=True)],
                 dtype=bool),
        (c.offer_weight[mentor] > 0).any(1) & (c.want_weight[mentee] > 0).any(1),
    ]
    alive = np.ones(len(others), dtype=bool)
    for (_, message), mask in zip(_RULES, checks, strict=True):
        alive &= mask
        if not alive.any():
            return message.format(gap=params.min_experience_gap)
    return None


# ------------------------------------------------------------------------------ scores
def _directional(src_vec: np.ndarray, src_w: np.ndarray, dst_vec: np.ndarray,
                 dst_w: np.ndarray, peak: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Coverage of each destination's wants by each source's offers, per edge.

    Args:
        src_vec: ``(E, So, d)`` offers, ``src_w`` ``(E, So)`` weights.
        dst_vec: ``(E, Sw, d)`` wants, ``dst_w`` ``(E, Sw)`` weights.

    Returns:
        ``(coverage (E,), best want position (E,), its best offer position (E,))``.
    """
    sims = np.einsum("eod,ewd->eow", src_vec, dst_vec, optimize=False)
    sims = sims * src_w[:, :, None]
    sims = np.where(src_w[:, :, None] > 0, sims, -np.inf)
    best_offer = sims.argmax(axis=1)  # (E, Sw)
    best = np.take_along_axis(sims, best_offer[:, None, :], axis=1)[:, 0, :]  # (E, Sw)
    best = np.where(np.isfinite(best), best, 0.0) * np.where(dst_w > 0, dst_w, 0.0)
    valid = dst_w > 0
    n_valid = valid.sum(axis=1)
    masked = np.where(valid, best, -np.inf)
    want_pos = masked.argmax(axis=1)
    peak_value = np.where(n_valid > 0, masked.max(axis=1), 0.0)
    mean_value = np.where(n_valid > 0, np.where(valid, best, 0).sum(1) / np.maximum(n_valid, 1), 0)
    coverage = peak * peak_value + (1 - peak) * mean_value
    offer_pos = np.take_along_axis(best_offer, want_pos[:, None], axis=1)[:, 0]
    return coverage, want_pos, offer_pos


def score_edges(cohort: Cohort, mentor: np.ndarray, mentee: np.ndarray, params: MatchParams,
                chunk_bytes: int = 200_000_000) -> EdgeScores:
    """Directional complementarity scores of edges ``(mentor[e], mentee[e])``."""
    c = cohort
    n_edges = len(mentor)
    d = c.offers.shape[2]
    width = max(c.offers.shape[1], c.wants.shape[1], 1)
    chunk = max(1024, chunk_bytes // (4 * width * d * 2))
    out = {k: np.zeros(n_edges, dtype=np.float64) for k in ("cov", "rev")}
    pos = {k: np.zeros(n_edges, dtype=np.int64) for k in ("w", "o", "rw", "ro")}
    for start in range(0, n_edges, chunk):
        sl = slice(start, start + chunk)
        m, s = mentor[sl], mentee[sl]
        out["cov"][sl], pos["w"][sl], pos["o"][sl] = _directional(
            c.offers[m], c.offer_weight[m], c.wants[s], c.want_weight[s], params.peak_weight)
        if params.reverse_weight:
            out["rev"][sl], pos["rw"][sl], pos["ro"][sl] = _directional(
                c.offers[s], c.offer_weight[s], c.wants[m], c.want_weight[m], params.peak_weight)
    cross = ((c.department[mentor] != c.department[mentee])
             & (c.department[mentor] >= 0) & (c.department[mentee] >= 0)).astype(np.float64)
    # The reverse direction scales with coverage: it makes a good pair better, and can never
    # make up for a mentor who offers nothing the mentee asked for.
    reverse_part = params.reverse_weight * out["rev"] * np.maximum(out["cov"], 0.0)
    score = out["cov"] + reverse_part + params.cross_department_bonus * cross
    return EdgeScores(score, out["cov"], out["rev"], cross, pos["w"], pos["o"], pos["rw"], pos["ro"])


# ------------------------------------------------------------------------------ candidates
def _flatten(vectors: np.ndarray, weights: np.ndarray, people: np.ndarray
             ) -> tuple[np.ndarray, np.ndarray]:
    """Real sentences of ``people`` as ``(vectors (m, d), owner (m,))``."""
    sub_w = weights[people]
    rows, cols = np.nonzero(sub_w > 0)
    return np.ascontiguousarray(vectors[people][rows, cols], dtype=np.float32), people[rows]


def candidate_edges(cohort: Cohort, params: MatchParams,
                    mentors: np.ndarray | None = None,
                    mentees: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Eligible ``(mentor, mentee)`` edges to score.

    Every eligible pair when ``len(mentors) * len(mentees) <= dense_limit``; otherwise a
    symmetric graph from FAISS: each mentee's wants search the mentors' offers, and each
    mentor's offers search the mentees' wants (``candidates_k`` people each side).
    """
    from .index import VectorIndex

    c = cohort
    mentors = np.flatnonzero(c.can_mentor()) if mentors is None else mentors
    mentees = np.flatnonzero(c.can_be_mentee()) if mentees is None else mentees
    if len(mentors) == 0 or len(mentees) == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    if len(mentors) * len(mentees) <= params.dense_limit:
        m = np.repeat(mentors, len(mentees))
        s = np.tile(mentees, len(mentors))
    else:
        k = params.candidates_k
        offer_vec, offer_owner = _flatten(c.offers, c.offer_weight, mentors)
        want_vec, want_owner = _flatten(c.wants, c.want_weight, mentees)
        d = offer_vec.shape[1]
        found_m: list[np.ndarray] = []
        found_s: list[np.ndarray] = []
        for query, query_owner, base, base_owner, query_is_mentee in (
            (want_vec, want_owner, offer_vec, offer_owner, True),
            (offer_vec, offer_owner, want_vec, want_owner, False),
        ):
            index = VectorIndex(d).build(np.arange(len(base)), base)
            # Several sentences per person and ineligible neighbours: ask for more than k.
            _, hits = index.search(query, min(len(base), 4 * k))
            owners = np.where(hits >= 0, base_owner[np.maximum(hits, 0)], -1)
            q = np.repeat(query_owner, owners.shape[1])
            o = owners.ravel()
            keep = o >= 0
            if query_is_mentee:
                found_m.append(o[keep])
                found_s.append(q[keep])
            else:
                found_m.append(q[keep])
                found_s.append(o[keep])
        m = np.concatenate(found_m)
        s = np.concatenate(found_s)
        key = np.unique(m.astype(np.int64) * c.size + s)
        m, s = key // c.size, key % c.size
    ok = eligible(c, m, s, params)
    return m[ok].astype(np.int64), s[ok].astype(np.int64)


def top_k_per_side(mentor: np.ndarray, mentee: np.ndarray, score: np.ndarray,
                   k: int) -> np.ndarray:
    """Mask of edges among the ``k`` best of their mentor or of their mentee (symmetric graph)."""
    keep = np.zeros(len(score), dtype=bool)
    for owner in (mentor, mentee):
        order = np.lexsort((-score, owner))  # by owner, best score first
        sorted_owner = owner[order]
        starts = np.searchsorted(sorted_owner, sorted_owner, side="left")
        rank = np.arange(len(order)) - starts
        keep[order[rank < k]] = True
    return keep


# ------------------------------------------------------------------------------ assignment
def assign(mentor: np.ndarray, mentee: np.ndarray, weight: np.ndarray,
           mentor_capacity: np.ndarray, mentee_capacity: np.ndarray) -> np.ndarray:
    """Maximum-weight b-matching: the edges to keep, as a boolean mask ``(E,)``.

    Each person ``i`` mentors at most ``mentor_capacity[i]`` and is mentored at most
    ``mentee_capacity[i]`` times; anyone may stay unmatched; an edge is used at most once and
    edges of weight <= 0 never. Exact: a min-cost flow (OR-Tools) from a source through the
    mentors' capacities, the edges (cost ``-weight``) and the mentees' capacities to a sink,
    with a free source-to-sink arc so that no pair is forced. Scores are scaled to integers
    (1e-6 resolution).
    """
    from ortools.graph.python import min_cost_flow

    chosen = np.zeros(len(weight), dtype=bool)
    usable = np.flatnonzero((weight > 0) & (mentor_capacity[mentor] > 0)
                            & (mentee_capacity[mentee] > 0))
    if len(usable) == 0:
        return chosen
    m, s, w = mentor[usable], mentee[usable], weight[usable]
    mentor_ids, m_local = np.unique(m, return_inverse=True)
    mentee_ids, s_local = np.unique(s, return_inverse=True)
    n_m, n_s = len(mentor_ids), len(mentee_ids)
    source, sink = 0, 1
    m_node = 2 + m_local
    s_node = 2 + n_m + s_local
    m_cap = mentor_capacity[mentor_ids].astype(np.int64)
    s_cap = mentee_capacity[mentee_ids].astype(np.int64)
    flow = int(min(m_cap.sum(), s_cap.sum()))
    tails = np.concatenate([np.full(n_m, source), m_node, 2 + n_m + np.arange(n_s), [source]])
    heads = np.concatenate([2 + np.arange(n_m), s_node, np.full(n_s, sink), [sink]])
    caps = np.concatenate([m_cap, np.ones(len(w), dtype=np.int64), s_cap, [flow]])
    costs = np.concatenate([np.zeros(n_m, dtype=np.int64), -np.round(w * 1e6).astype(np.int64),
                            np.zeros(n_s + 1, dtype=np.int64)])
    solver = min_cost_flow.SimpleMinCostFlow()
    arcs = solver.add_arcs_with_capacity_and_unit_cost(tails, heads, caps, costs)
    solver.set_nodes_supplies(np.array([source, sink]), np.array([flow, -flow]))
    status = solver.solve()
    if status != solver.OPTIMAL:
        raise RuntimeError(f"assignment failed: min-cost flow status {status}")
    edge_arcs = arcs[n_m : n_m + len(w)]
    chosen[usable[solver.flows(edge_arcs) > 0]] = True
    return chosen


def solve(cohort: Cohort, params: MatchParams,
          fixed: Sequence[tuple[int, int]] = ()) -> tuple[np.ndarray, np.ndarray, EdgeScores]:
    """Best global assignment under the rules, around pairs already ``fixed``.

    Fixed pairs (accepted, active or locked) use up their mentor's capacity and their
    mentee's place; only the rest of the cohort is matched.

    Returns:
        ``(mentor, mentee, scores)`` of the new pairs (fixed pairs are not repeated).
    """
    c = cohort
    mentor_cap = c.capacity.astype(np.int64).copy()
    if params.max_mentees_per_mentor is not None:
        mentor_cap = np.minimum(mentor_cap, params.max_mentees_per_mentor)
    mentee_cap = np.full(c.size, params.max_mentors_per_mentee, dtype=np.int64)
    for a, b in fixed:
        mentor_cap[a] -= 1
        mentee_cap[b] -= 1
    mentor_cap = np.maximum(mentor_cap, 0)
    mentee_cap = np.maximum(mentee_cap, 0)
    mentors = np.flatnonzero(c.can_mentor() & (mentor_cap > 0))
    mentees = np.flatnonzero(c.can_be_mentee() & (mentee_cap > 0))
    m, s = candidate_edges(c, params, mentors, mentees)
    scores = score_edges(c, m, s, params)
    keep = scores.score > params.min_score
    if len(mentors) * len(mentees) > params.dense_limit:
        keep &= top_k_per_side(m, s, scores.score, params.candidates_k)
    m, s = m[keep], s[keep]
    scores = EdgeScores(*(a[keep] for a in scores))
    logger.info("assignment over %d candidate edges", len(m))
    chosen = assign(m, s, scores.score, mentor_cap, mentee_cap)
    return m[chosen], s[chosen], EdgeScores(*(a[chosen] for a in scores))
