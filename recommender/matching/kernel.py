"""The scoring kernel: every signal of a pair from sentence vectors, and the one formula
that turns signals into a score and its parts.

Score of mentor ``m`` for mentee ``s`` (in a reverse programme ``m`` is the junior)::

    coverage(m -> s) = peak_weight * max_w best(w) + (1 - peak_weight) * mean_w best(w)
    best(w)          = weight(w) * max over m's offer sentences o of weight(o) * cos(w, o)
    score            = coverage(m -> s)
                       + reverse_weight * coverage(s -> m) * max(coverage(m -> s), 0)
                       + cross_department_bonus * [departments differ]
                       + lexical_weight * TF-IDF cosine of m's offers and s's wants
                       + the programme's points (its own rules: levels, shared answers,
                         identity, time zones; :mod:`.traits`)

``w`` runs over the mentee's *want* sentences only, so a senior who writes mostly about
their own expertise is matched on the sentence saying what they want to learn, and a junior
from the same field who offers nothing asked for does not win on whole-profile similarity.

One kernel computes every signal (:func:`coverage_matrix`: one float32 matrix product per
block of people, reduced per person with reshapes over sentence-count buckets), and one
function (:func:`combine`) turns signals into the score and its parts, on edges ``(E,)`` or
matrices ``(M, S)`` alike. Everything works on integer person indices and numpy arrays.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np

from .cohort import Cohort, Sentences
from .params import MatchParams
from .traits import points_of

__all__ = [
    "EdgeScores",
    "SentencePositions",
    "best_sentences",
    "block_signals",
    "combine",
    "cover",
    "coverage_matrix",
    "mentee_sides",
    "offer_rows",
    "programme_points",
    "row_step",
    "score_edges",
    "signal_matrices",
    "transposed",
    "want_columns",
]

logger = logging.getLogger(__name__)


# ------------------------------------------------------------------------------ kernel
def _buckets(s: Sentences, people: np.ndarray) -> Iterator[tuple[np.ndarray, int, np.ndarray]]:
    """People grouped by sentence count: ``(positions in people, k, rows (len * k,))``."""
    counts = s.count[people]
    for k in np.unique(counts[counts > 0]):
        where = np.flatnonzero(counts == k)
        rows = (s.ptr[people[where]][:, None] + np.arange(k)).ravel()
        yield where, int(k), rows


class WantColumns(NamedTuple):
    """Weighted want sentences of targets laid out for :func:`cover`: targets bucketed by
    want count, want ``j`` of every target of a bucket then want ``j + 1``
    (position-major), so that per-target reductions are operations on contiguous slices."""

    wants: np.ndarray  # (n_cols, d)
    buckets: list[int]  # per bucket, in column order: its number of targets ...
    counts: list[int]  # ... and the wants each of them has
    column_of: np.ndarray  # (T,) packed position of each target (no want: zeros, never read)


def want_columns(dst: Sentences, targets: np.ndarray) -> WantColumns | None:
    columns = list(_buckets(dst, targets))
    if not columns:
        return None
    wants = np.concatenate([
        (dst.vectors[rows] * dst.weight[rows, None]).reshape(len(where), j, -1)
        .transpose(1, 0, 2).reshape(len(where) * j, -1) for where, j, rows in columns])
    t_order = np.concatenate([where for where, _, _ in columns])
    in_order = np.concatenate([t_order, np.setdiff1d(np.arange(len(targets)), t_order)])
    column_of = np.empty(len(targets), dtype=np.int64)
    column_of[in_order] = np.arange(len(targets))
    return WantColumns(wants, [len(w) for w, _, _ in columns], [j for _, j, _ in columns],
                        column_of)


def offer_rows(src: Sentences, sources: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Sources bucketed by offer count: ``(positions in sources, offers (k, len, d))``,
    offer ``i`` of every source of the bucket contiguous."""
    for where, k, rows in _buckets(src, sources):
        offers = (src.vectors[rows] * src.weight[rows, None]).reshape(len(where), k, -1)
        yield where, np.ascontiguousarray(offers.transpose(1, 0, 2))


def cover(offers: np.ndarray, columns: WantColumns, peak: float) -> np.ndarray:
    """Coverage ``(count, T)`` of every target's wants by each of ``count`` sources whose
    offers are ``(k, count, d)``: the best offer for each want (``k`` products), then per
    target the peak and mean over its wants."""
    wants_t = columns.wants.T
    best = offers[0] @ wants_t
    for i in range(1, offers.shape[0]):
        np.maximum(best, offers[i] @ wants_t, out=best)
    packed = np.zeros((offers.shape[1], len(columns.column_of)), dtype=np.float32)
    col = out_col = 0
    for n, j in zip(columns.buckets, columns.counts, strict=True):
        first = best[:, col : col + n]
        dest = packed[:, out_col : out_col + n]
        np.copyto(dest, first)  # j == 1: the coverage is the one want's best offer
        if j > 1:
            top = first.copy()
            for i in range(1, j):
                part = best[:, col + i * n : col + (i + 1) * n]
                np.maximum(top, part, out=top)
                dest += part
            dest *= (1 - peak) / j
            top *= peak
            dest += top
        col += n * j
        out_col += n
    return packed[:, columns.column_of]  # columns back from bucket order to target order


def row_step(k: int, columns: WantColumns, block_floats: int) -> int:
    return max(1, block_floats // max(k * len(columns.wants), 1))


def coverage_matrix(src: Sentences, dst: Sentences, sources: np.ndarray, targets: np.ndarray,
                    peak: float, block_floats: int = 1 << 24) -> np.ndarray:
    """How well each source's offers cover each target's wants.

    One float32 matrix product per block (weighted offer sentences of a block of sources x
    weighted want sentences of all targets), reduced per source by a max over each
    person's rows and per target by max and mean over each person's columns. People are
    bucketed by sentence count and sentences laid out position-major inside a bucket, so
    both reductions are element-wise operations on contiguous slices. Memory per block is
    bounded by ``block_floats``.

    Args:
        src: offers, ``dst``: wants.
        sources: ``(M,)`` person indices, ``targets``: ``(T,)`` person indices.
        peak: weight of the best want in the coverage (the rest: the mean over wants).

    Returns:
        ``(M, T)`` float32 coverage; 0 where a source has no offer or a target no want.
    """
    out = np.zeros((len(sources), len(targets)), dtype=np.float32)
    columns = want_columns(dst, targets)
    if columns is None:
        return out
    for where, offers in offer_rows(src, sources):
        step = row_step(offers.shape[0], columns, block_floats)
        for start in range(0, len(where), step):
            out[where[start : start + step]] = cover(offers[:, start : start + step], columns,
                                                      peak)
    return out


def _locality_order(cohort: Cohort, people: np.ndarray) -> np.ndarray:
    """``people`` reordered so that similar profiles sit together (by their mean offer)."""
    if len(people) < 4096:
        return people
    import faiss

    s = cohort.offers
    weighted = s.vectors * s.weight[:, None]
    has = s.count > 0
    sums = np.zeros((cohort.size, weighted.shape[1]), dtype=np.float32)
    sums[has] = np.add.reduceat(weighted, s.ptr[:-1][has], axis=0)
    sums = sums[people]
    sums = np.ascontiguousarray(sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-9),
                                dtype=np.float32)
    centroids = max(2, int(np.sqrt(len(people))))
    kmeans = faiss.Kmeans(sums.shape[1], centroids, niter=8, seed=0, verbose=False)
    kmeans.train(sums)
    _, label = kmeans.index.search(sums, 1)
    return people[np.argsort(label[:, 0], kind="stable")]


def _signal_blocks(cohort: Cohort, mentor: np.ndarray, mentee: np.ndarray, params: MatchParams,
                   block_people: int = 512) -> dict[str, np.ndarray]:
    """Every signal of edges ``(mentor[e], mentee[e])``, block by block of mentors."""
    n_edges = len(mentor)
    coverage = np.zeros(n_edges, dtype=np.float32)
    reverse = np.zeros(n_edges, dtype=np.float32)
    mentors = _locality_order(cohort, np.unique(mentor))
    rank = np.empty(cohort.size, dtype=np.int64)
    rank[mentors] = np.arange(len(mentors))
    order = np.argsort(rank[mentor], kind="stable")
    bounds = np.searchsorted(rank[mentor][order], np.arange(0, len(mentors) + block_people,
                                                              block_people))
    for lo, hi in itertools.pairwise(bounds):
        if lo == hi:
            continue
        edges = order[lo:hi]
        block_m, m_pos = np.unique(mentor[edges], return_inverse=True)
        block_s, s_pos = np.unique(mentee[edges], return_inverse=True)
        cov = coverage_matrix(cohort.offers, cohort.wants, block_m, block_s, params.peak_weight)
        coverage[edges] = cov[m_pos, s_pos]
        if params.reverse_weight:
            rev = coverage_matrix(cohort.offers, cohort.wants, block_s, block_m,
                                  params.peak_weight)
            reverse[edges] = rev[s_pos, m_pos]
    c = cohort
    cross = ((c.department[mentor] != c.department[mentee])
             & (c.department[mentor] >= 0) & (c.department[mentee] >= 0))
    lexical = np.zeros(n_edges)
    if params.lexical_weight and c.lexical_offer is not None:
        lexical = np.asarray(c.lexical_offer[mentor].multiply(c.lexical_want[mentee]).sum(axis=1)
                             ).ravel()
    return {"coverage": coverage.astype(np.float64), "reverse": reverse.astype(np.float64),
            "cross_department": cross.astype(np.float64), "lexical": lexical.astype(np.float64),
            "programme": programme_points(c, mentor, mentee, params)}


def programme_points(cohort: Cohort, mentor: np.ndarray, mentee: np.ndarray,
                     params: MatchParams) -> np.ndarray:
    """The programme's points of every ``(mentor, mentee)`` (broadcast), float64."""
    shape = np.broadcast_shapes(mentor.shape, mentee.shape)
    total = np.zeros(shape, dtype=np.float64)
    for points in points_of(cohort, params.rules, params.direction, mentor, mentee).values():
        total = total + points
    return total


def transposed(matrix: np.ndarray, block: int = 256) -> np.ndarray:
    """A contiguous copy of ``matrix.T``, copied by blocks of rows (2-3x faster than
    ``np.ascontiguousarray(matrix.T)`` on large matrices: each block stays in cache)."""
    out = np.empty(matrix.shape[::-1], dtype=matrix.dtype)
    for start in range(0, matrix.shape[0], block):
        out[:, start : start + block] = matrix[start : start + block].T
    return out


def _dense(matrix: Any) -> np.ndarray:
    return np.asarray(matrix.toarray() if hasattr(matrix, "toarray") else matrix, dtype=np.float32)


def signal_matrices(cohort: Cohort, mentors: np.ndarray, mentees: np.ndarray,
                    params: MatchParams) -> dict[str, np.ndarray]:
    """Every signal of every pair ``(mentors[i], mentees[j])``, each ``(M, S)``: the same
    kernel as :func:`score_edges`, as matrices (one block of :func:`block_signals`)."""
    c = cohort
    coverage = coverage_matrix(c.offers, c.wants, mentors, mentees, params.peak_weight)
    return block_signals(c, mentors, coverage, mentees, *mentee_sides(c, mentees, params),
                          params)


def combine(signals: Mapping[str, np.ndarray], params: MatchParams
            ) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """The score and its parts from the signals: the one place the formula lives.

    Works element-wise, on edges ``(E,)`` or on matrices ``(M, S)`` alike.

    Returns:
        ``(score, parts)`` where the parts (each shaped like the signals) add up to the score.
    """
    coverage = signals["coverage"]
    parts = {
        "coverage": coverage,
        # The reverse direction scales with coverage: it makes a good pair better, and can
        # never make up for a mentor who offers nothing the mentee asked for.
        "reverse": params.reverse_weight * signals["reverse"] * np.maximum(coverage, 0.0),
        "cross_department": params.cross_department_bonus * signals["cross_department"],
        "lexical": params.lexical_weight * signals["lexical"],
        # points in the score's own units, weighted by the rules that give them
        "programme": signals["programme"],
    }
    score = (parts["coverage"] + parts["reverse"] + parts["cross_department"]
             + parts["lexical"] + parts["programme"])
    return score, parts


@dataclass(frozen=True)
class EdgeScores:
    """Scores of edges ``(mentor[e], mentee[e])``.

    Attributes:
        mentor, mentee: ``(E,)`` person indices.
        score: ``(E,)`` total score, the sum of ``parts``.
        parts: contributions to the score, each ``(E,)`` (see :func:`combine`).
        signals: the raw signals the parts come from, each ``(E,)``.
    """

    mentor: np.ndarray
    mentee: np.ndarray
    score: np.ndarray
    parts: Mapping[str, np.ndarray]
    signals: Mapping[str, np.ndarray]

    @property
    def coverage(self) -> np.ndarray:
        return self.signals["coverage"]

    @property
    def reverse(self) -> np.ndarray:
        return self.signals["reverse"]

    @property
    def cross_department(self) -> np.ndarray:
        return self.signals["cross_department"]

    def __len__(self) -> int:
        return len(self.score)

    def replaced(self, index: np.ndarray, other: EdgeScores) -> EdgeScores:
        """A copy with edges ``index`` taken from ``other`` (the same edges, scored
        elsewhere)."""
        def put(mine: np.ndarray, theirs: np.ndarray) -> np.ndarray:
            out = mine.copy()
            out[index] = theirs
            return out

        return EdgeScores(self.mentor, self.mentee, put(self.score, other.score),
                          {k: put(v, other.parts[k]) for k, v in self.parts.items()},
                          {k: put(v, other.signals[k]) for k, v in self.signals.items()})

    def take(self, index: np.ndarray) -> EdgeScores:
        """The edges selected by a mask or an index array."""
        return EdgeScores(self.mentor[index], self.mentee[index], self.score[index],
                          {k: v[index] for k, v in self.parts.items()},
                          {k: v[index] for k, v in self.signals.items()})


def score_edges(cohort: Cohort, mentor: np.ndarray, mentee: np.ndarray,
                params: MatchParams) -> EdgeScores:
    """Score edges ``(mentor[e], mentee[e])`` (``(E,)`` each): signals, parts, total."""
    mentor = np.asarray(mentor, dtype=np.int64)
    mentee = np.asarray(mentee, dtype=np.int64)
    signals = _signal_blocks(cohort, mentor, mentee, params)
    score, parts = combine(signals, params)
    return EdgeScores(mentor, mentee, score, parts, signals)


class SentencePositions(NamedTuple):
    """For each edge, the rows (in :class:`Sentences`) of the sentences its score rests on.

    ``want``/``offer``: the mentee's best-covered want and the mentor's offer covering it;
    ``rev_want``/``rev_offer``: the same in the reverse direction; -1 where there is none.
    """

    want: np.ndarray
    offer: np.ndarray
    rev_want: np.ndarray
    rev_offer: np.ndarray


def _best_rows(src: Sentences, dst: Sentences, a: np.ndarray, b: np.ndarray,
               chunk: int = 4096) -> tuple[np.ndarray, np.ndarray]:
    """For each edge, the (want row, offer row) where ``a[e]``'s offers best meet ``b[e]``'s
    weighted wants (-1 where either has none).

    Edges are grouped by (offer count, want count), and each group is one batched product
    of its gathered sentences: no loop over edges.
    """
    want_row = np.full(len(a), -1, dtype=np.int64)
    offer_row = np.full(len(a), -1, dtype=np.int64)
    n_offers, n_wants = src.count[a], dst.count[b]
    has = (n_offers > 0) & (n_wants > 0)
    groups = n_offers.astype(np.int64) * (int(n_wants.max(initial=0)) + 1) + n_wants
    for key in np.unique(groups[has]):
        group = np.flatnonzero(has & (groups == key))
        ko, kw = int(n_offers[group[0]]), int(n_wants[group[0]])
        for start in range(0, len(group), chunk):  # bounded memory: (chunk, ko + kw, d)
            edges = group[start : start + chunk]
            _best_in_group(src, dst, a[edges], b[edges], ko, kw, edges, want_row, offer_row)
    return want_row, offer_row


def _best_in_group(src: Sentences, dst: Sentences, a: np.ndarray, b: np.ndarray, ko: int,
                   kw: int, edges: np.ndarray, want_row: np.ndarray,
                   offer_row: np.ndarray) -> None:
    """:func:`_best_rows` for edges whose people have ``ko`` offers and ``kw`` wants."""
    o = src.ptr[a][:, None] + np.arange(ko)  # (E, ko) rows
    w = dst.ptr[b][:, None] + np.arange(kw)  # (E, kw) rows
    offers = src.vectors[o] * src.weight[o][..., None]
    wants = dst.vectors[w] * dst.weight[w][..., None]
    sims = offers @ wants.transpose(0, 2, 1)  # (E, ko, kw)
    best_want = sims.max(axis=1).argmax(axis=1)  # the best-covered want
    at = np.arange(len(edges))
    want_row[edges] = w[at, best_want]
    offer_row[edges] = o[at, sims[at, :, best_want].argmax(axis=1)]


def best_sentences(cohort: Cohort, mentor: np.ndarray, mentee: np.ndarray) -> SentencePositions:
    """The sentences behind the coverage of each edge (the arg-max of the same products)."""
    mentor = np.asarray(mentor, dtype=np.int64)
    mentee = np.asarray(mentee, dtype=np.int64)
    want, offer = _best_rows(cohort.offers, cohort.wants, mentor, mentee)
    rev_want, rev_offer = _best_rows(cohort.offers, cohort.wants, mentee, mentor)
    return SentencePositions(want, offer, rev_want, rev_offer)


def mentee_sides(c: Cohort, mentees: np.ndarray, params: MatchParams
                  ) -> tuple[list[tuple[np.ndarray, np.ndarray]], Any]:
    """What :func:`block_signals` reads of the mentees, laid out once for every block:
    their offers (for the reverse direction) and their wants' TF-IDF columns (``None``
    when that signal is off)."""
    offers = list(offer_rows(c.offers, mentees)) if params.reverse_weight else []
    lexical_want_t = (c.lexical_want[mentees].T.tocsc()
                      if params.lexical_weight and c.lexical_offer is not None else None)
    return offers, lexical_want_t


def block_signals(c: Cohort, block: np.ndarray, coverage: np.ndarray, mentees: np.ndarray,
                   mentee_offers: Sequence[tuple[np.ndarray, np.ndarray]],
                   lexical_want_t: Any, params: MatchParams,
                   block_floats: int = 1 << 24) -> dict[str, np.ndarray]:
    """Every signal of ``block`` (mentors) x ``mentees`` as ``(B, S)`` matrices, given the
    coverage: the same kernel as :func:`signal_matrices`, one block of mentors at a time."""
    reverse = np.zeros_like(coverage)
    columns = want_columns(c.wants, block) if params.reverse_weight else None
    if columns is not None:
        reverse_t = np.zeros(coverage.shape[::-1], dtype=np.float32)
        for where, offers in mentee_offers:
            step = row_step(offers.shape[0], columns, block_floats)
            for start in range(0, len(where), step):
                reverse_t[where[start : start + step]] = cover(
                    offers[:, start : start + step], columns, params.peak_weight)
        reverse = transposed(reverse_t)
    dm, ds = c.department[block][:, None], c.department[mentees][None, :]
    cross = (dm != ds) & (dm >= 0) & (ds >= 0)
    lexical = (_dense(c.lexical_offer[block] @ lexical_want_t) if lexical_want_t is not None
               else np.zeros_like(coverage))
    return {"coverage": coverage, "reverse": reverse,
            "cross_department": cross.astype(np.float32), "lexical": lexical,
            "programme": programme_points(c, block[:, None], mentees[None, :], params
                                          ).astype(np.float32)}


