"""Records and sentence vectors -> the arrays of the match stage (:class:`match.Cohort`)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .match import Cohort
from .records import Person
from .store import Segment

__all__ = ["MAX_SENTENCES_PER_KIND", "build_cohort", "language_bits"]

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


def build_cohort(people: Sequence[Person], segments: Sequence[Segment], vectors: np.ndarray,
                 background_weight: float) -> Cohort:
    """Arrays for matching ``people``.

    Args:
        people: the cohort, index ``i`` for ``people[i]``.
        segments: their labelled sentences; ``vectors`` ``(len(segments), d)`` embeds them.
        background_weight: weight of "other" sentences, which count as implicit offers, and
            of the most wish-like sentence standing in for wants when a profile states none.
    """
    index_of = {p.id: i for i, p in enumerate(people)}
    dim = vectors.shape[1] if len(segments) else 1
    offers: list[list[tuple[int, float]]] = [[] for _ in people]
    wants: list[list[tuple[int, float]]] = [[] for _ in people]
    others: list[list[int]] = [[] for _ in people]
    for row, seg in enumerate(segments):
        i = index_of.get(seg.person_id)
        if i is None:
            continue
        if seg.kind == "offer":
            offers[i].append((row, 1.0))
        elif seg.kind == "want":
            wants[i].append((row, 1.0))
        else:
            others[i].append(row)
    for i in range(len(people)):
        offers[i].extend((row, background_weight) for row in others[i])
        if not wants[i]:
            # No sentence labelled as a wish: the most wish-like one stands in, discounted.
            mine = [row for row, _ in offers[i]]
            if mine:
                wants[i] = [(max(mine, key=lambda row: segments[row].p_want), background_weight)]
    n = len(people)
    arrays = {}
    for name, lists in (("offer", offers), ("want", wants)):
        width = min(MAX_SENTENCES_PER_KIND, max((len(x) for x in lists), default=1)) or 1
        vec = np.zeros((n, width, dim), dtype=np.float32)
        weight = np.zeros((n, width), dtype=np.float32)
        ref = np.full((n, width), -1, dtype=np.int64)
        for i, items in enumerate(lists):
            for j, (row, w) in enumerate(items[:width]):
                vec[i, j], weight[i, j], ref[i, j] = vectors[row], w, segments[row].id
        arrays[name] = (vec, weight, ref)
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
        offers=arrays["offer"][0], offer_weight=arrays["offer"][1],
        wants=arrays["want"][0], want_weight=arrays["want"][1],
        offer_ref=arrays["offer"][2], want_ref=arrays["want"][2],
    )
