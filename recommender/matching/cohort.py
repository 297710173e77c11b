"""A cohort as the matching's arrays: people's rules (years, roles, capacity, departments,
managers, languages) and their sentences, weighted and read in context.

:class:`Cohort` and :class:`Sentences` are the arrays; :func:`build_cohort` makes them from
records and sentence vectors: background sentences as implicit offers, generic items that
most of the cohort ticks weighed down, each wish read with the sentences leading to it
(:func:`in_context`, :func:`context_need`), and TF-IDF rows of everyone's offers and wants
for the lexical signal.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..language.stopwords import ANAPHORA_WORDS, content_words, function_words
from ..language.text import (
    fold,
    split_sentences,
    words,
)
from ..profiles.context import PersonSentences, sentences_by_person
from ..records import Person, Segment
from .params import MatchParams

__all__ = [
    "MAX_SENTENCES_PER_KIND",
    "PREF_MENTEE",
    "PREF_MENTOR",
    "Cohort",
    "Sentences",
    "build_cohort",
    "commonness",
    "context_need",
    "in_context",
    "language_bits",
    "person_answers",
]

MAX_SENTENCES_PER_KIND = 16
_PREFERENCES = {"mentor": 0, "mentee": 1, "either": 2}


def language_bits(people: Sequence[Person]) -> np.ndarray:
    """Languages as bit masks ``(n,)``; a person who declared none shares a language with
    everyone (an unknown is no reason to forbid a pair, e.g. a French senior and an English
    junior who may both be bilingual)."""
    codes: dict[str, int] = {}
    bits = np.zeros(len(people), dtype=np.int64)
    for i, p in enumerate(people):
        for lang in p.languages:
            bits[i] |= 1 << codes.setdefault(lang, len(codes) % 62)
    bits[[i for i, p in enumerate(people) if not p.languages]] = -1  # all bits set
    return bits


def _sentences(lists: Sequence[Sequence[tuple[Segment, float]]],
               vector_of: Mapping[int, np.ndarray], dim: int) -> Sentences:
    items = [item[:MAX_SENTENCES_PER_KIND] for item in lists]
    counts = np.array([len(x) for x in items], dtype=np.int64)
    flat = [pair for x in items for pair in x]
    vectors = (np.stack([vector_of[s.id] for s, _ in flat]).astype(np.float32) if flat
               else np.zeros((0, dim), dtype=np.float32))
    return Sentences(
        vectors=vectors, weight=np.array([w for _, w in flat], dtype=np.float32),
        ref=np.array([s.id for s, _ in flat], dtype=np.int64),
        ptr=np.concatenate([[0], np.cumsum(counts)]).astype(np.int64))


def _unit(vectors: np.ndarray) -> np.ndarray:
    return (vectors / np.maximum(np.linalg.norm(vectors, axis=-1, keepdims=True), 1e-9)
            ).astype(np.float32)


def context_need(text: str, self_contained_words: int) -> float:
    """How much a wish needs the sentence before it to say what it is about, from 0 (it
    names its topic: "Desejo entender como a geração Z escolhe um empregador") to 1 (it
    does not: "Je veux comprendre ce qui les attire ailleurs", "Taugt das wirklich etwas?").

    ``1 - n / self_contained_words`` (at least 0), ``n`` the number of words that can carry a
    topic (:func:`~recommender.language.stopwords.content_words`), halved when the sentence points back
    with a pronoun or a demonstrative (:data:`~recommender.language.stopwords.ANAPHORA_WORDS`: "they",
    "ça", "das", "isso"...). Words, not a model: it reads the six languages of the intent
    model alike, typos included.
    """
    if self_contained_words <= 0:
        return 0.0
    n = float(len(content_words(text)))
    if any(w in ANAPHORA_WORDS for w in words(fold(text))):
        n /= 2
    return float(max(0.0, 1.0 - n / self_contained_words))


def in_context(wants: Sentences, previous: np.ndarray, weight: float,
               need: np.ndarray | None = None, anaphora_weight: float = 0.0,
               lead: np.ndarray | None = None) -> np.ndarray:
    """Want vectors read in context: each plus ``weight`` x the mean of the sentence before
    it and the person's other wants, plus ``anaphora_weight`` x ``need`` x the sentence
    before it, re-normalised ("Young nurses leave after a year. I want to understand their
    expectations.": the wish is about nurses; the shorter and the more pronoun-bound the
    wish, the more it is read as its previous sentence).

    Args:
        previous: ``(N, d)`` the vector of the sentence before each want (zeros when none).
        need: ``(N,)`` how much each want needs that sentence (:func:`context_need`).
        lead: ``(N, d)`` what leads to each want, read with ``anaphora_weight``: the
            sentence before it, and the ones before that fading (``previous`` when ``None``).
    """
    extra = (anaphora_weight * need.astype(np.float32) if need is not None and anaphora_weight
             else None)
    if (not weight and extra is None) or not len(wants.vectors):
        return wants.vectors
    owner = np.repeat(np.arange(len(wants.ptr) - 1), wants.count)
    sums = np.zeros((len(wants.ptr) - 1, wants.vectors.shape[1]), dtype=np.float32)
    has = wants.count > 0
    # Each person's rows are contiguous: a segment sum (np.add.at is 50x slower here).
    sums[has] = np.add.reduceat(wants.vectors, wants.ptr[:-1][has], axis=0)
    others = (sums[owner] - wants.vectors) / np.maximum(wants.count[owner] - 1, 1)[:, None]
    context = (previous + others) / 2
    read = wants.vectors + weight * context
    if extra is not None:
        read = read + extra[:, None] * (previous if lead is None else lead)
    return _unit(read)


def commonness(texts: Sequence[str], owner: np.ndarray, vectors: np.ndarray, n_people: int,
               similarity: float, dense_up_to: int = 6000) -> np.ndarray:
    """For each sentence, the share of the other people who wrote the same item: the same
    words (any cohort) or, up to ``dense_up_to`` sentences, a sentence at least
    ``similarity`` close. A generic item everyone ticks scores near 1, a distinctive one 0."""
    key = [" ".join(words(fold(t))) for t in texts]
    people_of: dict[str, set[int]] = {}
    for k, o in zip(key, owner.tolist(), strict=True):
        people_of.setdefault(k, set()).add(o)
    same = np.array([len(people_of[k]) - 1 for k in key], dtype=np.float64)
    if 0 < len(texts) <= dense_up_to:
        close = (vectors @ vectors.T) >= similarity
        by_person = np.zeros((len(texts), n_people), dtype=bool)
        rows, cols = np.nonzero(close)
        by_person[rows, owner[cols]] = True
        by_person[np.arange(len(texts)), owner] = False
        same = np.maximum(same, by_person.sum(axis=1))
    return same / max(n_people - 1, 1)


def _lexical(offer_docs: Sequence[str], want_docs: Sequence[str]) -> tuple[Any, Any]:
    """TF-IDF rows (IDF over everybody's texts) of each person's offers and wants."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    def analyse(text: str) -> list[str]:
        folded = words(fold(text))
        stop = function_words(folded)
        return [w for w in folded if len(w) > 1 and w not in stop]

    # Each text read once: the vectorizer gets word lists (its analyzer passes them on).
    offer_words = [analyse(d) for d in offer_docs]
    want_words = [analyse(d) for d in want_docs]
    docs = [a + b for a, b in zip(offer_words, want_words, strict=True)]
    if not any(docs):
        return None, None
    vectorizer = TfidfVectorizer(analyzer=_as_given, sublinear_tf=True).fit(docs)
    return vectorizer.transform(offer_words), vectorizer.transform(want_words)


def _as_given(words_: list[str]) -> list[str]:
    return words_


def _profile_start(person: Person) -> int:
    """Position of the first sentence of ``person``'s free-text profile (the sentences of
    the ``offers`` and ``wants`` columns come first: see
    :func:`recommender.profiles.segment.segment_people`)."""
    return len(split_sentences(person.offers)) + len(split_sentences(person.wants))


def build_cohort(people: Sequence[Person], segments: Sequence[Segment], vectors: np.ndarray,
                 params: MatchParams) -> Cohort:
    """Arrays for matching ``people``: their sentences weighted (background, inferred
    wants, generic items), wants read in context, and wholes and words for the person-level
    signals.

    Args:
        people: the cohort, index ``i`` for ``people[i]``.
        segments: their stored sentences; ``vectors`` ``(len(segments), d)`` embeds them.
        params: the settings that shape the arrays (``background_weight``,
            ``context_weight``, ``distinct_weight``, ``distinct_similarity``).
    """
    index_of = {p.id: i for i, p in enumerate(people)}
    dim = vectors.shape[1] if len(segments) else 1
    vector_of = {s.id: vectors[row] for row, s in enumerate(segments)}
    table = sentences_by_person(segments, params.background_weight)
    empty = PersonSentences((), ())
    mine = [table.get(p.id, empty) for p in people]
    offers = _sentences([m.offers for m in mine], vector_of, dim)
    wants = _sentences([m.wants for m in mine], vector_of, dim)
    by_position = {(s.person_id, s.position): s.id for s in segments}
    want_segments = [seg for m in mine for seg, _ in m.wants[:MAX_SENTENCES_PER_KIND]]
    previous = np.stack([
        vector_of[by_position[(seg.person_id, seg.position - 1)]]
        if (seg.person_id, seg.position - 1) in by_position else np.zeros(dim, np.float32)
        for seg in want_segments]) if want_segments else np.zeros((0, dim), np.float32)
    # Items of the explicit offers / wants columns stand alone (each bullet an item): only
    # sentences of the free-text profile read the profile sentences leading to them.
    starts = {p.id: _profile_start(p) for p in people}
    in_profile = {(s.person_id, s.position) for s in segments
                  if s.person_id in starts and s.position >= starts[s.person_id]}
    need = np.array([context_need(seg.text, params.self_contained_words)
                     if (seg.person_id, seg.position) in in_profile
                     and (seg.person_id, seg.position - 1) in in_profile else 0.0
                     for seg in want_segments], dtype=np.float32)
    lead = previous.copy()
    if params.context_decay:
        for row, seg in enumerate(want_segments):
            fade, back = params.context_decay, seg.position - 2
            while fade > 0.01 and (seg.person_id, back) in in_profile:
                lead[row] += fade * vector_of[by_position[(seg.person_id, back)]]
                fade, back = fade * params.context_decay, back - 1
        lead = _unit(lead) * (np.linalg.norm(previous, axis=1, keepdims=True) > 0)
    wants.vectors = in_context(wants, previous, params.context_weight, need,
                               params.anaphora_weight, lead)
    if params.known_weight and want_segments:
        before_a_want = {(seg.person_id, seg.position - 1) for seg in want_segments}
        known = np.zeros((len(people), dim), dtype=np.float32)
        for seg in segments:
            if seg.kind == "offer" and (seg.person_id, seg.position) not in before_a_want \
                    and seg.person_id in index_of:
                known[index_of[seg.person_id]] += vector_of[seg.id]
        known = _unit(known) * (np.linalg.norm(known, axis=1, keepdims=True) > 0)
        owner = np.repeat(np.arange(len(people)), wants.count)
        along = np.maximum(np.einsum("ij,ij->i", wants.vectors, known[owner]), 0)
        wants.vectors = _unit(wants.vectors - (params.known_weight * need * along)[:, None]
                              * known[owner])
    if params.distinct_weight:
        for kind, sentences in (("offers", offers), ("wants", wants)):
            segs = [seg for m in mine for seg, _ in getattr(m, kind)[:MAX_SENTENCES_PER_KIND]]
            owner = np.repeat(np.arange(len(people)), sentences.count)
            share = commonness([x.text for x in segs], owner, sentences.vectors, len(people),
                               params.distinct_similarity)
            sentences.weight = (sentences.weight
                                * np.clip(1 - params.distinct_weight * share, 0.05, 1)
                                ).astype(np.float32)
    lexical_offer, lexical_want = _lexical(
        [" ".join(s.text for s, _ in m.offers) for m in mine],
        [" ".join(s.text for s, _ in m.wants) for m in mine])
    departments: dict[str, int] = {}
    department = np.array(
        [departments.setdefault(p.department.strip().lower(), len(departments))
         if p.department.strip() else -1 for p in people], dtype=np.int64)
    return Cohort(
        years=np.array([p.years_experience for p in people], dtype=np.float64),
        preference=np.array([_PREFERENCES[p.role_preference] for p in people], dtype=np.int8),
        capacity=np.array([-1 if p.capacity is None else p.capacity for p in people],
                          dtype=np.int64),
        department=department,
        manager=np.array([index_of.get(p.manager_id, -1) for p in people], dtype=np.int64),
        languages=language_bits(people),
        offers=offers, wants=wants,
        lexical_offer=lexical_offer, lexical_want=lexical_want,
        utc_offset=np.array([np.nan if p.utc_offset is None else p.utc_offset for p in people],
                            dtype=np.float64),
        # one JSON text for everyone: a fixed-width string array would cost every person
        # the longest person's answers
        answers=np.array([json.dumps([person_answers(p) for p in people],
                                     ensure_ascii=False)]),
    )


def person_answers(person: Person) -> dict[str, Any]:
    """What the programme's rules read of ``person``, as the cohort keeps it (JSON-ready)."""
    fields = [[name, value] for name, value in (
        ("department", person.department), ("location", person.location),
        ("role", person.role), ("level", person.level), *person.attributes) if value]
    return {"level": person.level, "preferences": person.preferences, "fields": fields}


PREF_MENTOR, PREF_MENTEE, PREF_EITHER = 0, 1, 2


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
        capacity: ``(n,)`` mentees a person said they may mentor, -1 when they did not say
            (:func:`~recommender.matching.assign.capacities` applies the programme's).
        department: ``(n,)`` int codes (-1 unknown).
        manager: ``(n,)`` index of the person's manager, -1 when none in the cohort.
        languages: ``(n,)`` int64 bit masks of spoken languages.
        offers: what each person can offer (offer sentences, and background sentences
            weighted ``background_weight``).
        wants: what each person wants to learn.
        lexical_offer / lexical_want: ``(n, V)`` sparse L2-normalised TF-IDF rows of the
            same texts (``None``: no lexical signal).
        excluded: pairs ``(mentor, mentee)`` that must not be proposed.
        utc_offset: ``(n,)`` hours east of UTC, NaN where not said (``None``: nobody said).
        answers: ``(1,)`` str: the JSON list of each person's answers the programme's
            rules read (``{"level": ..., "preferences": ..., "fields": [[name, value],
            ...]}``; ``None``: none); :mod:`~recommender.matching.traits` compiles them.
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
    utc_offset: np.ndarray | None = None
    answers: np.ndarray | None = None

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
        return (self.preference != PREF_MENTEE) & (self.capacity != 0) & (self.offers.count > 0)

    def can_be_mentee(self) -> np.ndarray:
        return (self.preference != PREF_MENTOR) & (self.wants.count > 0)
