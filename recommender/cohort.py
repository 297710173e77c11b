"""Records and sentence vectors -> what the stages read.

:func:`sentences_by_person` decides, once for matching, topics and health alike, which
sentences count as a person's wants and offers (background sentences are implicit offers;
a profile that states no want uses its most wish-like sentence). :func:`build_cohort`
turns that into the arrays of the match stage (:class:`match.Cohort`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .match import Cohort, Sentences
from .records import Person, Segment

__all__ = ["MAX_SENTENCES_PER_KIND", "PersonSentences", "build_cohort", "language_bits",
           "sentences_by_person"]

MAX_SENTENCES_PER_KIND = 16
_PREFERENCES = {"mentor": 0, "mentee": 1, "either": 2}


@dataclass(frozen=True)
class PersonSentences:
    """A person's sentences as the stages read them, each with its weight.

    Attributes:
        wants: what they want to learn; the most wish-like sentence (weight
            ``background_weight``) when no sentence is labelled as a wish.
        offers: what they can offer: offer sentences (weight 1), then background
            sentences (weight ``background_weight``).
        want_inferred: the wants were inferred (no sentence said what they want).
    """

    wants: tuple[tuple[Segment, float], ...]
    offers: tuple[tuple[Segment, float], ...]
    want_inferred: bool = False


def sentences_by_person(segments: Sequence[Segment], background_weight: float
                        ) -> dict[str, PersonSentences]:
    """Everyone's wants and offers, from their labelled sentences (in position order)."""
    grouped: dict[str, list[Segment]] = {}
    for segment in segments:
        grouped.setdefault(segment.person_id, []).append(segment)
    table = {}
    for person_id, mine in grouped.items():
        wants = [(s, 1.0) for s in mine if s.kind == "want"]
        offers = [(s, 1.0) for s in mine if s.kind == "offer"]
        offers += [(s, background_weight) for s in mine if s.kind == "other"]
        inferred = not wants and bool(offers)
        if inferred:
            # No sentence labelled as a wish: the most wish-like one stands in, discounted.
            wants = [(max((s for s, _ in offers), key=lambda s: s.p_want), background_weight)]
        table[person_id] = PersonSentences(tuple(wants), tuple(offers), inferred)
    return table


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


def build_cohort(people: Sequence[Person], segments: Sequence[Segment], vectors: np.ndarray,
                 background_weight: float) -> Cohort:
    """Arrays for matching ``people``.

    Args:
        people: the cohort, index ``i`` for ``people[i]``.
        segments: their stored sentences; ``vectors`` ``(len(segments), d)`` embeds them.
        background_weight: see :func:`sentences_by_person`.
    """
    index_of = {p.id: i for i, p in enumerate(people)}
    dim = vectors.shape[1] if len(segments) else 1
    vector_of = {s.id: vectors[row] for row, s in enumerate(segments)}
    table = sentences_by_person(segments, background_weight)
    empty = PersonSentences((), ())
    mine = [table.get(p.id, empty) for p in people]
    departments: dict[str, int] = {}
    department = np.array(
        [departments.setdefault(p.department.strip().lower(), len(departments))
         if p.department.strip() else -1 for p in people], dtype=np.int64)
    return Cohort(
        years=np.array([p.years_experience for p in people], dtype=np.float64),
        preference=np.array([_PREFERENCES[p.role_preference] for p in people], dtype=np.int8),
        capacity=np.array([p.capacity for p in people], dtype=np.int64),
        department=department,
        manager=np.array([index_of.get(p.manager_id, -1) for p in people], dtype=np.int64),
        languages=language_bits(people),
        offers=_sentences([m.offers for m in mine], vector_of, dim),
        wants=_sentences([m.wants for m in mine], vector_of, dim),
    )
