"""Complementary pairing: hard rules, one scoring kernel, exact assignment.

Everything here works on integer person indices and numpy arrays; the facade turns records
into a :class:`Cohort` (see :mod:`recommender.cohort`) and results back into records.

Score of mentor ``m`` for mentee ``s`` (in a reverse programme ``m`` is the junior)::

    coverage(m -> s) = peak_weight * max_w best(w) + (1 - peak_weight) * mean_w best(w)
    best(w)          = weight(w) * max over m's offer sentences o of weight(o) * cos(w, o)
    score            = coverage(m -> s)
                       + reverse_weight * coverage(s -> m) * max(coverage(m -> s), 0)
                       + cross_department_bonus * [departments differ]

``w`` runs over the mentee's *want* sentences only, so a senior who writes mostly about
their own expertise is matched on the sentence saying what they want to learn, and a junior
from the same field who offers nothing asked for does not win on whole-profile similarity.

One kernel computes every signal (:func:`coverage_matrix`: one float32 matrix product per
block of people, reduced per person with reshapes over sentence-count buckets), one function
(:func:`combine`) turns signals into the score and its parts, and one table (:data:`RULES`)
holds the hard rules that both eligibility and the unmatched reasons read. Scoring every
pair goes one block of mentors at a time (signals, score, rules and each row's and column's
best, then the block is dropped): memory holds one block's matrices and the cells that may
still be among a row's or a column's best, never the whole matrix.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np

__all__ = [
    "DIRECTIONS",
    "PROFILE_RULES",
    "RULES",
    "Cohort",
    "EdgeScores",
    "MatchParams",
    "ProgressFn",
    "Rule",
    "SentencePositions",
    "Sentences",
    "assign",
    "best_partners",
    "best_sentences",
    "broken_rules",
    "candidate_edges",
    "candidate_graph",
    "combine",
    "coverage_matrix",
    "eligible",
    "ineligibility_reason",
    "ineligibility_reasons",
    "score_edges",
    "signal_matrices",
    "solve",
    "top_k_per_side",
]

logger = logging.getLogger(__name__)

PREF_MENTOR, PREF_MENTEE, PREF_EITHER = 0, 1, 2
DIRECTIONS = ("reverse", "classic", "peer")
"""Programme directions: the mentor is the less experienced (``reverse``), the more
experienced (``classic``), or experience does not matter (``peer``)."""

SIGNALS = ("coverage", "reverse", "cross_department", "lexical")
"""What the score of a pair is made of (see :func:`combine`)."""

ProgressFn = Callable[[float, str], None]
"""Called with ``(fraction done, what is being done)`` by long computations."""


@dataclass(frozen=True)
class MatchParams:
    """Settings of the matching, each with a default a coordinator can start from.

    Attributes:
        direction: ``"reverse"`` (the mentor has at least ``min_experience_gap`` fewer
            years), ``"classic"`` (at least that many more) or ``"peer"`` (no experience rule).
        min_experience_gap: the experience gap the direction asks for, in years (>= 0).
        reverse_weight: weight of how well the mentee's offers answer the mentor's wants,
            relative to the main coverage (the bonus is proportional to it).
        cross_department_bonus: added when mentor and mentee work in different departments.
        peak_weight: share of the best single want match in coverage (the rest is the mean
            over all wants), so one strong match counts without hiding the others.
        background_weight: weight of a person's "other" sentences (background, current job)
            as implicit offers, and of their most wish-like sentence when they state no want.
        max_mentors_per_mentee: how many mentors one mentee may have.
        max_mentees_per_mentor: a cap on every person's own ``capacity`` for this run
            (``None`` keeps each person's capacity).
        context_weight: each want sentence is read with its context: its vector plus this
            share of the sentence before it and of the person's other wants ("Young nurses
            leave after a year. I want to understand their expectations."). 0.15: chosen on
            ``dev`` with the settings below (0.2 is as good with ``context_decay`` 0.7 and
            one pair worse with 0.5; 0.1 and 0.3 lose pairs).
        anaphora_weight: on top of ``context_weight``, how much a wish that does not name
            its own topic is read as the sentences leading to it, times how much it needs
            them (:func:`recommender.cohort.context_need`: few topic words, a pronoun or a
            demonstrative pointing back: "Je veux comprendre ce qui les attire ailleurs",
            "Das möchte ich besser machen", "Taugt das wirklich etwas?"). 3.0: chosen on the
            ``dev`` half (``benchmarks/tune_quality.py``): 2 and 4 are each one pair worse,
            1 and 0 lose wishes spread over sentences.
        self_contained_words: a wish with this many topic words or more names its topic
            and is read alone (plus ``context_weight``); with fewer, it needs its context in
            proportion (pronouns halve the count). 4: best on ``dev`` (3 and 5 each lose
            pairs: too few wishes read in context, or self-contained ones pulled toward the
            senior's own field).
        known_weight: share of a wish's component along what the person already offers
            (their offer sentences, except the one leading to a wish) taken out of it, times
            how much the wish needs its context, so that a wish read in context does not
            drift back to the senior's own expertise, where juniors of the same field wait
            as decoys (a wish that names its topic is left alone). 0.5: chosen on ``dev``
            (0 and 1 are one pair worse).
        context_decay: what leads to a wish is the sentence before it plus this share of
            the one before that, and so on ("Our buyers used to be engineers. Today half of
            them are in their twenties. I'd like to adapt how we approach them."). 0.7:
            chosen on ``dev`` (0.5 is as good, 0.3 one pair worse, 0 loses more).
        lexical_weight: weight of shared rare words (TF-IDF over the cohort) between the
            mentee's wants and the mentor's offers: tool names, acronyms, jargon that a
            sentence embedding blurs.
        distinct_weight: how much a sentence that many people share (a generic item
            everyone ticks: "Communication", "Networking") counts less than a distinctive
            one; 0 counts them all the same.
        distinct_similarity: two sentences this close count as the same item.
        min_score: pairs scoring at or below this are never proposed; those people are
            listed as unmatched with their best candidate. 0.10: on the development set the
            lowest-scoring right pair scored 0.12, and a pair scoring under 0.10 rests on no
            real match (the cross-department bonus alone is 0.05).
        candidates_k: on large cohorts, each person's ``2 * candidates_k`` best partners
            (both sides) go to the assignment: twice as many as the assignment needs (gap
            to the exact optimum 0.000 % at 4,000 people, ``benchmarks/bench_pairing_api.py``)
            so that a run after decisions (rejections, pairs kept) still has enough.
        exact_edges: up to this many eligible pairs, every one goes to the assignment (the
            exact optimum); above it, each person's best (``candidates_k``).
        dense_limit: mentors x mentees up to which every pair is scored (block by block,
            memory bounded by a block); above it, candidates come from a FAISS search of
            the sentences. 4e9 (about 130,000 people): at 100,000 people (2.6e9 pairs,
            ``benchmarks/bench_pairing_api.py``, first run) scoring every pair took 361 s,
            peak 5.5 GiB, and proposed 38,394 pairs; the FAISS candidates took 375 s,
            7.0 GiB, and proposed 26,807 (their neighbour lists fill with near-identical
            sentences).
    """

    direction: str = "reverse"
    min_experience_gap: float = 3.0
    reverse_weight: float = 0.25
    cross_department_bonus: float = 0.05
    peak_weight: float = 0.5
    background_weight: float = 0.8
    max_mentors_per_mentee: int = 1
    max_mentees_per_mentor: int | None = None
    context_weight: float = 0.15
    anaphora_weight: float = 3.0
    self_contained_words: int = 4
    known_weight: float = 0.5
    context_decay: float = 0.7
    lexical_weight: float = 0.4
    distinct_weight: float = 0.75
    distinct_similarity: float = 0.8
    min_score: float = 0.1
    candidates_k: int = 20
    exact_edges: int = 300_000
    dense_limit: int = 4_000_000_000

    def __post_init__(self) -> None:
        problems = []
        if self.direction not in DIRECTIONS:
            problems.append(f"direction must be one of {', '.join(DIRECTIONS)}, "
                            f"not '{self.direction}'")
        if not np.isfinite(self.min_experience_gap) or self.min_experience_gap < 0:
            problems.append("min_experience_gap must be a number of years >= 0 (use "
                            "direction='peer' for no experience rule)")
        if self.max_mentors_per_mentee < 1:
            problems.append("max_mentors_per_mentee must be at least 1")
        if self.max_mentees_per_mentor is not None and self.max_mentees_per_mentor < 0:
            problems.append("max_mentees_per_mentor must be >= 0")
        for name in ("reverse_weight", "cross_department_bonus", "background_weight",
                     "context_weight", "anaphora_weight", "known_weight", "lexical_weight",
                     "distinct_weight"):
            if not np.isfinite(getattr(self, name)) or getattr(self, name) < 0:
                problems.append(f"{name} must be >= 0")
        if not 0 <= self.peak_weight <= 1:
            problems.append("peak_weight must be between 0 and 1")
        if not 0 <= self.context_decay < 1:
            problems.append("context_decay must be between 0 and 1 (excluded)")
        if self.self_contained_words < 0:
            problems.append("self_contained_words must be >= 0")
        if self.candidates_k < 1:
            problems.append("candidates_k must be at least 1")
        if problems:
            raise ValueError("invalid matching settings: " + "; ".join(problems))


@dataclass
class Sentences:
    """Sentence vectors of one kind (offers or wants), grouped by person.

    Person ``i`` owns rows ``ptr[i]:ptr[i + 1]``.

    Attributes:
        vectors: ``(N, d)`` float32 unit vectors.
        weight: ``(N,)`` float32 weights (> 0).
        ref: ``(N,)`` int64 references (segment ids) so reasons can quote them.
        ptr: ``(n + 1,)`` int64 offsets.
    """

    vectors: np.ndarray
    weight: np.ndarray
    ref: np.ndarray
    ptr: np.ndarray

    @property
    def count(self) -> np.ndarray:
        """``(n,)`` sentences per person."""
        return np.diff(self.ptr)

    @classmethod
    def from_padded(cls, vectors: np.ndarray, weight: np.ndarray,
                    ref: np.ndarray | None = None) -> Sentences:
        """From ``(n, S, d)`` zero-padded vectors and ``(n, S)`` weights (0 = padding)."""
        weight = np.asarray(weight, dtype=np.float32)
        rows, cols = np.nonzero(weight > 0)
        ptr = np.concatenate([[0], np.cumsum(np.bincount(rows, minlength=weight.shape[0]))])
        refs = ref[rows, cols] if ref is not None else cols.astype(np.int64)
        return cls(np.ascontiguousarray(vectors[rows, cols], dtype=np.float32),
                   weight[rows, cols], refs.astype(np.int64), ptr.astype(np.int64))


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
        offers: what each person can offer (offer sentences, and background sentences
            weighted ``background_weight``).
        wants: what each person wants to learn.
        lexical_offer / lexical_want: ``(n, V)`` sparse L2-normalised TF-IDF rows of the
            same texts (``None``: no lexical signal).
        excluded: pairs ``(mentor, mentee)`` that must not be proposed.
    """

    years: np.ndarray
    preference: np.ndarray
    capacity: np.ndarray
    department: np.ndarray
    manager: np.ndarray
    languages: np.ndarray
    offers: Sentences
    wants: Sentences
    lexical_offer: Any = None
    lexical_want: Any = None
    excluded: set[tuple[int, int]] = field(default_factory=set)

    @classmethod
    def from_padded(cls, *, offers: np.ndarray, offer_weight: np.ndarray, wants: np.ndarray,
                    want_weight: np.ndarray, **people: Any) -> Cohort:
        """A cohort from padded sentence arrays ``(n, S, d)`` and weights ``(n, S)``."""
        return cls(offers=Sentences.from_padded(offers, offer_weight),
                   wants=Sentences.from_padded(wants, want_weight), **people)

    @property
    def size(self) -> int:
        return int(self.years.shape[0])

    def can_mentor(self) -> np.ndarray:
        return (self.preference != PREF_MENTEE) & (self.capacity > 0) & (self.offers.count > 0)

    def can_be_mentee(self) -> np.ndarray:
        return (self.preference != PREF_MENTOR) & (self.wants.count > 0)


# ------------------------------------------------------------------------------ rules
@dataclass(frozen=True)
class Rule:
    """A hard rule: a mask over edges, and what to tell a person it leaves alone.

    ``messages`` maps ``(language, direction, as_mentee)`` (direction ``"*"`` for any) to a
    sentence with ``{gap}`` filled in.
    """

    name: str
    allows: Callable[[Cohort, np.ndarray, np.ndarray, MatchParams], np.ndarray]
    messages: Mapping[tuple[str, str, bool], str]

    def message(self, direction: str, as_mentee: bool, params: MatchParams,
                language: str = "en") -> str:
        lang = language if (language, "*", as_mentee) in self.messages or \
            (language, direction, as_mentee) in self.messages else "en"
        text = (self.messages.get((lang, direction, as_mentee))
                or self.messages[(lang, "*", as_mentee)])
        gap = f"{params.min_experience_gap:g}"
        return text.format(gap=gap.replace(".", ",") if lang == "fr" else gap)


def _both(en: str, fr: str) -> dict[tuple[str, str, bool], str]:
    """The same message whatever the direction and role."""
    return {(lang, "*", role): text for lang, text in (("en", en), ("fr", fr))
            for role in (True, False)}


def _experience(c: Cohort, m: np.ndarray, s: np.ndarray, p: MatchParams) -> np.ndarray:
    if p.direction == "reverse":
        return c.years[m] + p.min_experience_gap <= c.years[s]
    if p.direction == "classic":
        return c.years[s] + p.min_experience_gap <= c.years[m]
    return np.ones(np.broadcast_shapes(m.shape, s.shape), dtype=bool)


def _roles(c: Cohort, m: np.ndarray, s: np.ndarray, p: MatchParams) -> np.ndarray:
    return ((c.preference[m] != PREF_MENTEE) & (c.preference[s] != PREF_MENTOR)
            & (c.capacity[m] > 0) & (m != s))


def _language(c: Cohort, m: np.ndarray, s: np.ndarray, p: MatchParams) -> np.ndarray:
    # The masks in the smallest dtype that holds them: over a (M, S) matrix of pairs an
    # int64 temporary costs 60x more than a uint8 one.
    dtype = np.min_scalar_type(int(c.languages.max(initial=0)))
    return (c.languages[m].astype(dtype) & c.languages[s].astype(dtype)) != 0


def _reporting(c: Cohort, m: np.ndarray, s: np.ndarray, p: MatchParams) -> np.ndarray:
    return (c.manager[m] != s) & (c.manager[s] != m)


def _not_excluded(c: Cohort, m: np.ndarray, s: np.ndarray, p: MatchParams) -> np.ndarray:
    ok = np.ones(np.broadcast_shapes(m.shape, s.shape), dtype=bool)
    if not c.excluded:
        return ok
    banned = np.array(sorted(c.excluded), dtype=np.int64).reshape(-1, 2)
    if m.ndim == 2 and m.shape[1] == 1 and s.ndim == 2 and s.shape[0] == 1 \
            and len(np.unique(m)) == m.shape[0] and len(np.unique(s)) == s.shape[1]:
        # A matrix of every pair: mark the few excluded cells (a membership test of every
        # cell costs a sort of the whole matrix).
        row_of = np.full(c.size, -1, dtype=np.int64)
        col_of = np.full(c.size, -1, dtype=np.int64)
        row_of[m[:, 0]] = np.arange(m.shape[0])
        col_of[s[0]] = np.arange(s.shape[1])
        rows, cols = row_of[banned[:, 0]], col_of[banned[:, 1]]
        hit = (rows >= 0) & (cols >= 0)
        ok[rows[hit], cols[hit]] = False
        return ok
    keys = m.astype(np.int64) * c.size + s
    return ~np.isin(keys, banned[:, 0] * c.size + banned[:, 1])


def _content(c: Cohort, m: np.ndarray, s: np.ndarray, p: MatchParams) -> np.ndarray:
    return (c.offers.count[m] > 0) & (c.wants.count[s] > 0)


RULES: tuple[Rule, ...] = (
    Rule("experience", _experience, {
        ("en", "reverse", True): "nobody with at least {gap} fewer years of experience to "
                                 "mentor them (reverse mentoring: the mentor is the junior)",
        ("en", "reverse", False): "nobody with at least {gap} more years of experience to "
                                  "mentor (reverse mentoring: the mentee is the senior)",
        ("en", "classic", True): "nobody with at least {gap} more years of experience to mentor "
                                 "them",
        ("en", "classic", False): "nobody with at least {gap} fewer years of experience to "
                                  "mentor",
        ("fr", "reverse", True): "personne avec au moins {gap} ans d'expérience de moins pour "
                                 "être son mentor (mentorat inversé : le mentor est le junior)",
        ("fr", "reverse", False): "personne avec au moins {gap} ans d'expérience de plus à "
                                  "mentorer (mentorat inversé : le mentoré est le senior)",
        ("fr", "classic", True): "personne avec au moins {gap} ans d'expérience de plus pour "
                                 "être son mentor",
        ("fr", "classic", False): "personne avec au moins {gap} ans d'expérience de moins à "
                                  "mentorer",
        **_both("no candidate", "aucun candidat"),
    }),
    Rule("roles", _roles, _both("role preferences rule out every candidate",
                                "les rôles souhaités excluent tous les candidats")),
    Rule("language", _language, _both("no shared language with any candidate",
                                      "aucune langue commune avec un candidat")),
    Rule("reporting", _reporting, _both(
        "the only candidates are in the same reporting line",
        "les seuls candidats sont dans la même ligne hiérarchique")),
    Rule("excluded", _not_excluded, _both(
        "every candidate pair already exists, was rejected or ended",
        "chaque binôme possible existe déjà, a été refusé ou est terminé")),
    Rule("content", _content, _both(
        "no sentence to match on (no offer or no learning wish found)",
        "aucune phrase sur laquelle s'appuyer (pas d'offre ou pas de souhait trouvé)")),
)
"""The hard rules, in the order an unmatched person's reason names them."""


PROFILE_RULES: tuple[Rule, ...] = tuple(r for r in RULES if r.name != "excluded")
"""The rules that depend on the profiles only, not on the coordinator's decisions."""


def eligible(cohort: Cohort, mentor: np.ndarray, mentee: np.ndarray,
             params: MatchParams, rules: Sequence[Rule] = RULES) -> np.ndarray:
    """Mask of edges ``(mentor[e], mentee[e])`` that pass every rule of ``rules``.

    ``mentor`` and ``mentee`` broadcast: ``(E,)`` each gives ``(E,)``; ``(M, 1)`` and
    ``(1, S)`` give the ``(M, S)`` matrix of every pair.
    """
    ok = np.ones(np.broadcast_shapes(mentor.shape, mentee.shape), dtype=bool)
    for rule in rules:
        ok &= rule.allows(cohort, mentor, mentee, params)
    return ok


def best_partners(cohort: Cohort, people: np.ndarray, params: MatchParams,
                  max_edges: int = 5_000_000) -> tuple[np.ndarray, np.ndarray]:
    """Each person's best eligible partner, in any role they accept, and that pair's score
    (``-1`` and ``nan`` when there is none, or when the cohort is too large to look:
    ``len(people) * size > max_edges``)."""
    partner = np.full(len(people), -1, dtype=np.int64)
    best = np.full(len(people), np.nan)
    if not len(people) or len(people) * cohort.size * 2 > max_edges:
        return partner, best
    everyone = np.arange(cohort.size)
    me = np.repeat(people, cohort.size)
    other = np.tile(everyone, len(people))
    owner = np.repeat(np.arange(len(people)), cohort.size)
    for mentor, mentee in ((other, me), (me, other)):
        ok = eligible(cohort, mentor, mentee, params)
        if not ok.any():
            continue
        scores = score_edges(cohort, mentor[ok], mentee[ok], params).score
        who, them = owner[ok], np.where(mentor[ok] == me[ok], mentee[ok], mentor[ok])
        order = np.lexsort((-scores, who))
        first = order[np.r_[True, who[order][1:] != who[order][:-1]]]
        better = np.isnan(best[who[first]]) | (scores[first] > best[who[first]])
        best[who[first][better]] = scores[first][better]
        partner[who[first][better]] = them[first][better]
    return partner, best


def broken_rules(cohort: Cohort, mentor: int, mentee: int, params: MatchParams,
                 language: str = "en") -> tuple[str, ...]:
    """Every rule of :data:`RULES` that forbids the pair ``(mentor, mentee)``, in words."""
    m, s = np.array([mentor]), np.array([mentee])
    names = {"experience": {"en": "experience gap", "fr": "écart d'expérience"},
             "roles": {"en": "role preferences or capacity", "fr": "rôles souhaités ou capacité"},
             "language": {"en": "no shared language", "fr": "aucune langue commune"},
             "reporting": {"en": "same reporting line", "fr": "même ligne hiérarchique"},
             "excluded": {"en": "already exists, was rejected or ended",
                          "fr": "existe déjà, refusé ou terminé"},
             "content": {"en": "nothing to match on", "fr": "rien sur quoi s'appuyer"}}
    lang = language if language in ("en", "fr") else "en"
    return tuple(names[r.name][lang] for r in RULES if not r.allows(cohort, m, s, params)[0])


def ineligibility_reasons(cohort: Cohort, people: np.ndarray, as_mentee: bool,
                          params: MatchParams, language: str = "en",
                          block: int = 1024) -> list[str | None]:
    """:func:`ineligibility_reason` for many people at once (the rules as matrices over
    blocks of people x everyone)."""
    out: list[str | None] = []
    others = np.arange(cohort.size)[None, :]
    for start in range(0, len(people), block):
        me = people[start : start + block][:, None]
        mentor, mentee = (others, me) if as_mentee else (me, others)
        alive = me != others
        reason: list[str | None] = [None] * len(me)
        for rule in RULES:
            alive &= rule.allows(cohort, mentor, mentee, params)
            dead = ~alive.any(axis=1)
            for row in np.flatnonzero(dead):
                if reason[row] is None:
                    reason[row] = rule.message(params.direction, as_mentee, params, language)
        out.extend(reason)
    return out


def ineligibility_reason(cohort: Cohort, person: int, as_mentee: bool,
                         params: MatchParams, language: str = "en") -> str | None:
    """Why ``person`` has no eligible partner in that role, or ``None`` when they have one.

    The rules of :data:`RULES` are applied one after the other, and the first that leaves no
    candidate is named.
    """
    return ineligibility_reasons(cohort, np.array([person]), as_mentee, params, language)[0]


# ------------------------------------------------------------------------------ kernel
def _buckets(s: Sentences, people: np.ndarray) -> Iterator[tuple[np.ndarray, int, np.ndarray]]:
    """People grouped by sentence count: ``(positions in people, k, rows (len * k,))``."""
    counts = s.count[people]
    for k in np.unique(counts[counts > 0]):
        where = np.flatnonzero(counts == k)
        rows = (s.ptr[people[where]][:, None] + np.arange(k)).ravel()
        yield where, int(k), rows


class _WantColumns(NamedTuple):
    """Weighted want sentences of targets laid out for :func:`_cover`: targets bucketed by
    want count, want ``j`` of every target of a bucket then want ``j + 1``
    (position-major), so that per-target reductions are operations on contiguous slices."""

    wants: np.ndarray  # (n_cols, d)
    buckets: list[int]  # per bucket, in column order: its number of targets ...
    counts: list[int]  # ... and the wants each of them has
    column_of: np.ndarray  # (T,) packed position of each target (no want: zeros, never read)


def _want_columns(dst: Sentences, targets: np.ndarray) -> _WantColumns | None:
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
    return _WantColumns(wants, [len(w) for w, _, _ in columns], [j for _, j, _ in columns],
                        column_of)


def _offer_rows(src: Sentences, sources: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Sources bucketed by offer count: ``(positions in sources, offers (k, len, d))``,
    offer ``i`` of every source of the bucket contiguous."""
    for where, k, rows in _buckets(src, sources):
        offers = (src.vectors[rows] * src.weight[rows, None]).reshape(len(where), k, -1)
        yield where, np.ascontiguousarray(offers.transpose(1, 0, 2))


def _cover(offers: np.ndarray, columns: _WantColumns, peak: float) -> np.ndarray:
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


def _row_step(k: int, columns: _WantColumns, block_floats: int) -> int:
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
    columns = _want_columns(dst, targets)
    if columns is None:
        return out
    for where, offers in _offer_rows(src, sources):
        step = _row_step(offers.shape[0], columns, block_floats)
        for start in range(0, len(where), step):
            out[where[start : start + step]] = _cover(offers[:, start : start + step], columns,
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
            "cross_department": cross.astype(np.float64), "lexical": lexical.astype(np.float64)}


def _transposed(matrix: np.ndarray, block: int = 256) -> np.ndarray:
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
    kernel as :func:`score_edges`, as matrices (one block of :func:`_block_signals`)."""
    c = cohort
    coverage = coverage_matrix(c.offers, c.wants, mentors, mentees, params.peak_weight)
    return _block_signals(c, mentors, coverage, mentees, *_mentee_sides(c, mentees, params),
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
    }
    score = parts["coverage"] + parts["reverse"] + parts["cross_department"] + parts["lexical"]
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
    keep = _best_in_rows(negative, k) | _best_in_rows(_transposed(negative), k).T
    return keep & valid


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


def capacities(cohort: Cohort, params: MatchParams,
               fixed: Sequence[tuple[int, int]] = ()) -> tuple[np.ndarray, np.ndarray]:
    """What is left of each person's ``(mentor capacity, mentee capacity)`` after ``fixed``."""
    mentor_cap = cohort.capacity.astype(np.int64).copy()
    if params.max_mentees_per_mentor is not None:
        mentor_cap = np.minimum(mentor_cap, params.max_mentees_per_mentor)
    mentee_cap = np.full(cohort.size, params.max_mentors_per_mentee, dtype=np.int64)
    for a, b in fixed:
        mentor_cap[a] -= 1
        mentee_cap[b] -= 1
    return np.maximum(mentor_cap, 0), np.maximum(mentee_cap, 0)


def _cells(mentors: np.ndarray, mentees: np.ndarray, signals: Mapping[str, np.ndarray],
           valid: np.ndarray, params: MatchParams) -> EdgeScores:
    """The ``valid`` cells of ``(M, S)`` signal matrices as edges, with their parts (the
    same formula, on the kept cells only)."""
    rows, cols = np.nonzero(valid)
    edge_signals = {k: v[rows, cols].astype(np.float64) for k, v in signals.items()}
    edge_score, parts = combine(edge_signals, params)
    return EdgeScores(mentors[rows], mentees[cols], edge_score, parts, edge_signals)


def _mentee_sides(c: Cohort, mentees: np.ndarray, params: MatchParams
                  ) -> tuple[list[tuple[np.ndarray, np.ndarray]], Any]:
    """What :func:`_block_signals` reads of the mentees, laid out once for every block:
    their offers (for the reverse direction) and their wants' TF-IDF columns (``None``
    when that signal is off)."""
    offers = list(_offer_rows(c.offers, mentees)) if params.reverse_weight else []
    lexical_want_t = (c.lexical_want[mentees].T.tocsc()
                      if params.lexical_weight and c.lexical_offer is not None else None)
    return offers, lexical_want_t


def _block_signals(c: Cohort, block: np.ndarray, coverage: np.ndarray, mentees: np.ndarray,
                   mentee_offers: Sequence[tuple[np.ndarray, np.ndarray]],
                   lexical_want_t: Any, params: MatchParams,
                   block_floats: int = 1 << 24) -> dict[str, np.ndarray]:
    """Every signal of ``block`` (mentors) x ``mentees`` as ``(B, S)`` matrices, given the
    coverage: the same kernel as :func:`signal_matrices`, one block of mentors at a time."""
    reverse = np.zeros_like(coverage)
    columns = _want_columns(c.wants, block) if params.reverse_weight else None
    if columns is not None:
        reverse_t = np.zeros(coverage.shape[::-1], dtype=np.float32)
        for where, offers in mentee_offers:
            step = _row_step(offers.shape[0], columns, block_floats)
            for start in range(0, len(where), step):
                reverse_t[where[start : start + step]] = _cover(
                    offers[:, start : start + step], columns, params.peak_weight)
        reverse = _transposed(reverse_t)
    dm, ds = c.department[block][:, None], c.department[mentees][None, :]
    cross = (dm != ds) & (dm >= 0) & (ds >= 0)
    lexical = (_dense(c.lexical_offer[block] @ lexical_want_t) if lexical_want_t is not None
               else np.zeros_like(coverage))
    return {"coverage": coverage, "reverse": reverse,
            "cross_department": cross.astype(np.float32), "lexical": lexical}


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
    columns = _want_columns(c.wants, mentees)
    mentee_offers, lexical_want_t = _mentee_sides(c, mentees, params)
    # Mentors without offers still get a block: the other signals may score them.
    no_offer = np.flatnonzero(c.offers.count[mentors] == 0)
    blocks: list[tuple[np.ndarray, np.ndarray | None]] = []
    # Mentors with the most offers first: they tend to score best, so the columns' cut
    # rises early and later blocks store fewer cells.
    for where, offers in reversed(list(_offer_rows(c.offers, mentors))):
        step = (_row_step(offers.shape[0], columns, block_floats) if columns is not None
                else len(where))
        blocks += [(where[i : i + step], offers[:, i : i + step])
                   for i in range(0, len(where), step)]
    step = max(1, block_floats // max(len(mentees), 1))
    blocks += [(no_offer[i : i + step], None) for i in range(0, len(no_offer), step)]
    column_best = np.full((len(mentees), keep), np.inf, dtype=np.float32)  # -score, top keep
    n_valid, kept, compacted = 0, [], 0
    for done, (rows, block_offers) in enumerate(blocks):
        block = mentors[rows]
        coverage = (_cover(block_offers, columns, params.peak_weight)
                    if block_offers is not None and columns is not None
                    else np.zeros((len(rows), len(mentees)), dtype=np.float32))
        signals = _block_signals(c, block, coverage, mentees, mentee_offers, lexical_want_t,
                                 params, block_floats)
        score, _ = combine(signals, params)
        valid = (eligible(c, block[:, None], mentees[None, :], params, PROFILE_RULES)
                 & (score > params.min_score))
        n_valid += int(valid.sum())
        negative = np.where(valid, -score, np.inf).astype(np.float32)
        in_row = _best_in_rows(negative, keep) & valid
        column_best = np.partition(np.concatenate([column_best, _transposed(negative)], axis=1),
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


def _refill(c: Cohort, params: MatchParams, graph: EdgeScores, open_edges: EdgeScores,
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
                      else _best_in_rows(_transposed(negative), keep).T)
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


def solve(cohort: Cohort, params: MatchParams, fixed: Sequence[tuple[int, int]] = (),
          progress: ProgressFn | None = None, graph: EdgeScores | None = None) -> EdgeScores:
    """Best global assignment under the rules, around pairs already ``fixed``.

    Fixed pairs (accepted, active or locked) use up their mentor's capacity and their
    mentee's place; only the rest of the cohort is matched. The assignment sees every edge
    of the candidate graph that the decisions leave open: every eligible pair up to
    ``exact_edges`` of them (the exact optimum), above that each person's best.

    Args:
        progress: called with ``(fraction, message)`` at each stage.
        graph: :func:`candidate_graph` of the same cohort and settings, kept from an
            earlier run (computed when ``None``); the decisions (``fixed``,
            ``cohort.excluded``) are applied here.

    Returns:
        the scores of the new pairs (fixed pairs are not repeated), best first.
    """
    def tell(fraction: float, message: str) -> None:
        if progress:
            progress(fraction, message)

    c = cohort
    mentor_cap, mentee_cap = capacities(c, params, fixed)
    if graph is None:
        graph = candidate_graph(c, params, lambda f, m: tell(0.7 * f, m))
    else:
        tell(0.5, f"{len(graph):,} scored candidate pairs")
    # Every rule again, not only the decisions: a graph passed in can never break one.
    open_ = ((mentor_cap[graph.mentor] > 0) & (mentee_cap[graph.mentee] > 0)
             & eligible(c, graph.mentor, graph.mentee, params))
    scores = _refill(c, params, graph, graph.take(open_), c.can_mentor() & (mentor_cap > 0),
                     c.can_be_mentee() & (mentee_cap > 0))
    tell(0.7, f"assignment over {len(scores):,} pairs")
    logger.info("assignment over %d candidate edges", len(scores))
    chosen = assign(scores.mentor, scores.mentee, scores.score, mentor_cap, mentee_cap)
    result = scores.take(np.flatnonzero(chosen))
    return result.take(np.argsort(-result.score, kind="stable"))
