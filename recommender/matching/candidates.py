"""The scored pairs a matching run chooses from: every pair block by block, or FAISS
candidates on very large cohorts."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from ..records import ProgressFn
from .cohort import Cohort, Sentences
from .kernel import (
    EdgeScores,
    block_signals,
    combine,
    cover,
    mentee_sides,
    offer_rows,
    row_step,
    score_edges,
    signal_matrices,
    transposed,
    want_columns,
)
from .params import SIGNALS, MatchParams
from .rules import (
    PROFILE_RULES,
    eligible,
)

logger = logging.getLogger(__name__)

__all__ = ["candidate_edges", "candidate_graph", "refill", "top_k_per_side"]


# ------------------------------------------------------------------------------ candidates
def _person_rows(s: Sentences, people: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every sentence row of ``people`` and its owner."""
    counts = s.count[people]
    owner = np.repeat(people, counts)
    starts = np.repeat(s.ptr[people], counts)
    offsets = np.arange(len(owner)) - np.repeat(np.cumsum(counts) - counts, counts)
    return starts + offsets, owner


def _search(base: np.ndarray, queries: np.ndarray, k: int) -> np.ndarray:
    """Indices ``(len(queries), k)`` of the nearest rows of ``base`` by inner product.

    Exact search (a flat index) up to 20,000 base rows, where it is fastest anyway; above
    it an inverted file probed in 1/8 of its lists, which keeps the true neighbours of
    clustered text embeddings while reading a fraction of the base.
    """
    import faiss

    d = base.shape[1]
    k = min(k, len(base))
    index: faiss.Index
    if len(base) <= 20_000:
        index = faiss.IndexFlatIP(d)
    else:
        nlist = int(4 * np.sqrt(len(base)))
        index = faiss.IndexIVFFlat(faiss.IndexFlatIP(d), d, nlist, faiss.METRIC_INNER_PRODUCT)
        rng = np.random.default_rng(0)
        sample = base[rng.choice(len(base), min(len(base), 64 * nlist), replace=False)]
        index.train(sample)
        faiss.extract_index_ivf(index).nprobe = max(8, nlist // 8)
    index.add(base)
    _, hits = index.search(queries, k)
    return hits


def candidate_edges(cohort: Cohort, params: MatchParams,
                    mentors: np.ndarray | None = None,
                    mentees: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """``(mentor, mentee)`` edges to score that the profile rules allow
    (:data:`PROFILE_RULES`).

    A symmetric graph from FAISS: each mentee's wants search the mentors' offers, and each
    mentor's offers search the mentees' wants (``4 * candidates_k`` sentences each).
    """
    c = cohort
    mentors = np.flatnonzero(c.can_mentor()) if mentors is None else mentors
    mentees = np.flatnonzero(c.can_be_mentee()) if mentees is None else mentees
    offer_rows, offer_owner = _person_rows(c.offers, mentors)
    want_rows, want_owner = _person_rows(c.wants, mentees)
    if len(offer_rows) == 0 or len(want_rows) == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    offers = np.ascontiguousarray(c.offers.vectors[offer_rows])
    wants = np.ascontiguousarray(c.wants.vectors[want_rows])
    k = 4 * params.candidates_k
    parts = []
    for hits, owner, queries_owner in ((_search(offers, wants, k), offer_owner, want_owner),
                                       (_search(wants, offers, k), want_owner, offer_owner)):
        query, found = np.nonzero(hits >= 0)  # an inverted file may find fewer than k (-1)
        parts.append((owner[hits[query, found]], queries_owner[query]))
    (m_by_want, s_by_want), (s_by_offer, m_by_offer) = parts
    m = np.concatenate([m_by_want, m_by_offer]).astype(np.int64)
    s = np.concatenate([s_by_want, s_by_offer]).astype(np.int64)
    key = np.unique(m * c.size + s)
    m, s = key // c.size, key % c.size
    ok = eligible(c, m, s, params, PROFILE_RULES)
    return m[ok].astype(np.int64), s[ok].astype(np.int64)


def top_k_per_side(mentor: np.ndarray, mentee: np.ndarray, score: np.ndarray,
                   k: int) -> np.ndarray:
    """Mask of edges among the ``k`` best of their mentor or of their mentee (symmetric graph)."""
    keep = np.zeros(len(score), dtype=bool)
    by_score = np.argsort(-score, kind="stable")
    for owner in (mentor, mentee):
        order = by_score[np.argsort(owner[by_score], kind="stable")]  # by owner, best first
        sorted_owner = owner[order]
        starts = np.flatnonzero(np.r_[True, sorted_owner[1:] != sorted_owner[:-1]])
        rank = np.arange(len(order)) - np.repeat(starts, np.diff(np.r_[starts, len(order)]))
        keep[order[rank < k]] = True
    return keep


def _best_in_rows(negative: np.ndarray, k: int) -> np.ndarray:
    """Mask of each row's ``k`` smallest cells of ``negative`` (``-score``, ``inf`` where
    invalid; ties at the ``k``-th are all kept; every cell when a row has ``k`` or fewer)."""
    if negative.shape[1] <= k:
        return np.ones(negative.shape, dtype=bool)
    cut = np.partition(negative, k - 1, axis=1)[:, k - 1]
    return negative <= cut[:, None]


def _top_k_matrix(score: np.ndarray, valid: np.ndarray, k: int) -> np.ndarray:
    """Mask of the cells among the ``k`` best valid ones of their row or of their column
    (ties at the ``k``-th score are all kept)."""
    if min(score.shape) <= k:
        return valid
    negative = np.where(valid, -score, np.inf)
    # Partitioning a contiguous copy's rows is several times faster than strided columns.
    keep = _best_in_rows(negative, k) | _best_in_rows(transposed(negative), k).T
    return keep & valid


def _cells(mentors: np.ndarray, mentees: np.ndarray, signals: Mapping[str, np.ndarray],
           valid: np.ndarray, params: MatchParams) -> EdgeScores:
    """The ``valid`` cells of ``(M, S)`` signal matrices as edges, with their parts (the
    same formula, on the kept cells only)."""
    rows, cols = np.nonzero(valid)
    edge_signals = {k: v[rows, cols].astype(np.float64) for k, v in signals.items()}
    edge_score, parts = combine(edge_signals, params)
    return EdgeScores(mentors[rows], mentees[cols], edge_score, parts, edge_signals)


def _compact(kept: Sequence[tuple[Any, ...]], column_cut: np.ndarray) -> tuple[Any, ...]:
    """Stored cells (row, column, -score, in its row's best, signals) in one chunk, without
    those that are neither among their row's best nor within their column's cut."""
    row, col, negative, in_row = (np.concatenate([k[i] for k in kept]) for i in range(4))
    keep = in_row | (negative <= column_cut[col])
    signals = {name: np.concatenate([k[4][name] for k in kept])[keep] for name in kept[0][4]}
    return row[keep], col[keep], negative[keep], in_row[keep], signals


def _dense_candidates(c: Cohort, mentors: np.ndarray, mentees: np.ndarray,
                      params: MatchParams, keep: int, tell: ProgressFn,
                      block_floats: int = 1 << 24, compact_from: int | None = None
                      ) -> EdgeScores:
    """Every pair scored, one block of mentors at a time; those the profile rules allow
    above ``min_score`` (each person's ``keep`` best when there are more than
    ``exact_edges``, ties at the ``keep``-th score kept).

    Only a block's matrices are ever held: a block keeps its valid cells while the cohort's
    count stays within ``exact_edges``, then only the cells among the ``keep`` best of their
    row (exact: a block holds whole rows) or at least as good as their column's ``keep``-th
    best so far (a running top-``keep`` per column, which can only rise, so no cell of the
    final columns' best is dropped). The final cut applies once every block is seen; on
    the way, once more than ``compact_from`` cells (default ``4 * keep`` per mentee) and
    twice as many as the last time are stored, those the risen cut leaves out are dropped.
    """
    tell(0.2, f"scoring {len(mentors) * len(mentees):,} pairs")
    columns = want_columns(c.wants, mentees)
    mentee_offers, lexical_want_t = mentee_sides(c, mentees, params)
    # Mentors without offers still get a block: the other signals may score them.
    no_offer = np.flatnonzero(c.offers.count[mentors] == 0)
    blocks: list[tuple[np.ndarray, np.ndarray | None]] = []
    # Mentors with the most offers first: they tend to score best, so the columns' cut
    # rises early and later blocks store fewer cells.
    for where, offers in reversed(list(offer_rows(c.offers, mentors))):
        step = (row_step(offers.shape[0], columns, block_floats) if columns is not None
                else len(where))
        blocks += [(where[i : i + step], offers[:, i : i + step])
                   for i in range(0, len(where), step)]
    step = max(1, block_floats // max(len(mentees), 1))
    blocks += [(no_offer[i : i + step], None) for i in range(0, len(no_offer), step)]
    column_best = np.full((len(mentees), keep), np.inf, dtype=np.float32)  # -score, top keep
    n_valid, kept, compacted = 0, [], 0
    for done, (rows, block_offers) in enumerate(blocks):
        block = mentors[rows]
        coverage = (cover(block_offers, columns, params.peak_weight)
                    if block_offers is not None and columns is not None
                    else np.zeros((len(rows), len(mentees)), dtype=np.float32))
        signals = block_signals(c, block, coverage, mentees, mentee_offers, lexical_want_t,
                                 params, block_floats)
        score, _ = combine(signals, params)
        valid = (eligible(c, block[:, None], mentees[None, :], params, PROFILE_RULES)
                 & (score > params.min_score))
        n_valid += int(valid.sum())
        negative = np.where(valid, -score, np.inf).astype(np.float32)
        in_row = _best_in_rows(negative, keep) & valid
        column_best = np.partition(np.concatenate([column_best, transposed(negative)], axis=1),
                                   keep - 1, axis=1)[:, :keep]
        store = valid if n_valid <= params.exact_edges else (
            in_row | (negative <= column_best[:, keep - 1][None, :])) & valid
        r, s = np.nonzero(store)
        kept.append((rows[r], s, negative[r, s], in_row[r, s],
                     {k: v[r, s] for k, v in signals.items()}))
        stored = sum(len(k[0]) for k in kept)
        least = 4 * keep * len(mentees) if compact_from is None else compact_from
        if n_valid > params.exact_edges and stored > max(2 * compacted, least):
            # Cells stored before the columns' cut rose: drop those it now leaves out.
            kept = [_compact(kept, column_best[:, keep - 1])]
            compacted = len(kept[0][0])
        tell(0.2 + 0.5 * (done + 1) / len(blocks),
             f"scored {done + 1} of {len(blocks)} blocks of mentors")
    if not kept:
        empty = np.zeros(0)
        return _cells(mentors, mentees, dict.fromkeys(SIGNALS, empty.reshape(0, 0)),
                      np.zeros((0, 0), dtype=bool), params)
    row = np.concatenate([k[0] for k in kept])
    col = np.concatenate([k[1] for k in kept])
    if n_valid > params.exact_edges:
        negative = np.concatenate([k[2] for k in kept])
        in_row = np.concatenate([k[3] for k in kept])
        final = (in_row | (negative <= column_best[:, keep - 1][col])
                 if len(mentors) > keep else np.ones(len(row), dtype=bool))
    else:
        final = np.ones(len(row), dtype=bool)
    # Row-major, as the cells of one matrix (each block is a sorted run: a merge).
    order = np.argsort(row[final] * len(mentees) + col[final], kind="stable")
    pick = np.flatnonzero(final)[order]
    edge_signals = {name: np.concatenate([k[4][name] for k in kept])[pick].astype(np.float64)
                    for name in kept[0][4]}
    edge_score, parts = combine(edge_signals, params)
    return EdgeScores(mentors[row[pick]], mentees[col[pick]], edge_score, parts, edge_signals)


def _concat(parts: Sequence[EdgeScores]) -> EdgeScores:
    """Edges of ``parts`` one after the other, the first copy of an edge kept."""
    mentor = np.concatenate([p.mentor for p in parts])
    mentee = np.concatenate([p.mentee for p in parts])
    key = mentor * (int(max(mentor.max(initial=0), mentee.max(initial=0))) + 1) + mentee
    _, first = np.unique(key, return_index=True)
    first.sort()
    return EdgeScores(mentor[first], mentee[first],
                      np.concatenate([p.score for p in parts])[first],
                      {k: np.concatenate([p.parts[k] for p in parts])[first]
                       for k in parts[0].parts},
                      {k: np.concatenate([p.signals[k] for p in parts])[first]
                       for k in parts[0].signals})


def refill(c: Cohort, params: MatchParams, graph: EdgeScores, open_edges: EdgeScores,
            open_mentor: np.ndarray, open_mentee: np.ndarray,
            block_cells: int = 1 << 22) -> EdgeScores:
    """``open_edges`` plus the best edges of people the decisions left short.

    A graph pruned to each person's ``2 * candidates_k`` best may, after decisions, leave
    someone who is still free with fewer than ``candidates_k`` open partners while better
    ones exist outside the graph (their best partners were all taken). Those people (free,
    pruned: ``2 * candidates_k`` edges or more in the graph, fewer than ``candidates_k``
    open) are scored again against everyone free on the other side, under every rule.
    """
    keep, size = 2 * params.candidates_k, c.size
    added = [open_edges]
    for by_mentor in (True, False):
        in_graph = np.bincount(graph.mentor if by_mentor else graph.mentee, minlength=size)
        still_open = np.bincount(open_edges.mentor if by_mentor else open_edges.mentee,
                                 minlength=size)
        free = open_mentor if by_mentor else open_mentee
        others = np.flatnonzero(open_mentee if by_mentor else open_mentor)
        short = np.flatnonzero(free & (in_graph >= keep) & (still_open < params.candidates_k))
        if not len(short) or not len(others):
            continue
        logger.info("%d people short of open candidates: scored again", len(short))
        step = max(1, block_cells // len(others))
        for start in range(0, len(short), step):
            block = short[start : start + step]
            mentors, mentees = (block, others) if by_mentor else (others, block)
            signals = signal_matrices(c, mentors, mentees, params)
            score, _ = combine(signals, params)
            valid = eligible(c, mentors[:, None], mentees[None, :], params) & (
                score > params.min_score)
            negative = np.where(valid, -score, np.inf)  # each short person's best only
            valid &= (_best_in_rows(negative, keep) if by_mentor
                      else _best_in_rows(transposed(negative), keep).T)
            added.append(_cells(mentors, mentees, signals, valid, params))
    return added[0] if len(added) == 1 else _concat(added)


def candidate_graph(cohort: Cohort, params: MatchParams,
                    progress: ProgressFn | None = None) -> EdgeScores:
    """The scored pairs a matching run chooses from, whatever the decisions taken.

    Every pair that the profile rules (:data:`PROFILE_RULES`) allow and that scores above
    ``min_score``; when there are more than ``exact_edges``, each person's
    ``2 * candidates_k`` best (both sides), room for the decisions of later runs (pairs
    rejected, people taken); :func:`solve` scores again anyone they leave short. It depends
    on the profiles and the settings only: a caller may keep it between runs while those
    are unchanged (see :func:`solve`).

    Returns:
        the edges with their scores, parts and signals.
    """
    def tell(fraction: float, message: str) -> None:
        if progress:
            progress(fraction, message)

    c = cohort
    mentors, mentees = np.flatnonzero(c.can_mentor()), np.flatnonzero(c.can_be_mentee())
    keep = 2 * params.candidates_k
    tell(0.0, f"candidates: {len(mentors)} mentors x {len(mentees)} mentees")
    if len(mentors) * len(mentees) <= params.dense_limit:
        return _dense_candidates(c, mentors, mentees, params, keep, tell)
    m, s = candidate_edges(c, params, mentors, mentees)
    tell(0.2, f"scoring {len(m):,} candidate pairs")
    scores = score_edges(c, m, s, params)
    valid = scores.score > params.min_score
    if valid.sum() > params.exact_edges:
        valid &= top_k_per_side(m, s, scores.score, keep)
    return scores.take(valid)
