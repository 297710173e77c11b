"""The programme as the match stage's arrays, built once and kept while nothing changes.

A matching run, a ranking of one person's partners and the list of the unmatched all need
the whole cohort as arrays (:func:`~recommender.cohort.build_cohort`: every sentence
embedded, weighted, read in context). :class:`CohortCache` keeps the last one built while
the store's profiles version, the embedder and the settings that shape the arrays stay the
same; :func:`located_pairs` places the stored pairs on it, read afresh each time.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import replace
from typing import NamedTuple

import numpy as np

from .cohort import build_cohort
from .explain import SuggestionKey
from .match import Cohort, EdgeScores, MatchParams
from .records import PairSuggestion, Person, Segment, StoredPair

__all__ = ["COHORT_SETTINGS", "CohortArrays", "CohortCache", "LocatedPair", "cohort_arrays",
           "located_pairs"]

logger = logging.getLogger(__name__)

COHORT_SETTINGS = ("background_weight", "context_weight", "anaphora_weight",
                   "self_contained_words", "known_weight", "context_decay", "distinct_weight",
                   "distinct_similarity")
"""The :class:`~recommender.match.MatchParams` fields that shape the arrays (the others
only score them)."""


class LocatedPair(NamedTuple):
    """A stored pair and its people's positions in a cohort."""

    pair: StoredPair
    mentor: int
    mentee: int


class CohortArrays(NamedTuple):
    """People, the match stage's arrays of them, and the sentences the arrays refer to.

    Attributes:
        people: the ``n`` people; ``people[i]`` is person ``i`` of ``cohort``.
        cohort: their arrays (``cohort.offers.ref`` and ``cohort.wants.ref`` hold segment ids).
        segments: their stored sentences by segment id, to quote.
    """

    people: list[Person]
    cohort: Cohort
    segments: dict[int, Segment]

    def excluding(self, pairs: Iterable[LocatedPair]) -> CohortArrays:
        """The same arrays with ``pairs`` (and only those) ruled out; ``self`` is unchanged."""
        excluded = {(p.mentor, p.mentee) for p in pairs}
        return self._replace(cohort=replace(self.cohort, excluded=excluded))


def cohort_arrays(people: Sequence[Person], segments: Sequence[Segment],
                  encode: Callable[[Sequence[str]], np.ndarray],
                  params: MatchParams) -> CohortArrays:
    """Arrays of ``people`` from their ``segments``.

    Args:
        people: the ``n`` people of the cohort.
        segments: their stored sentences (``S`` of them).
        encode: texts ``(S,)`` -> unit vectors ``(S, d)``, through the embedding cache.
        params: the settings that shape the arrays (:data:`COHORT_SETTINGS`).
    """
    vectors = encode([s.text for s in segments])
    return CohortArrays(list(people), build_cohort(people, segments, vectors, params),
                        {s.id: s for s in segments})


def located_pairs(people: Sequence[Person], pairs: Iterable[StoredPair]) -> list[LocatedPair]:
    """``pairs`` with their people's positions in ``people``.

    A pair whose mentor or mentee is not in ``people`` (another process imported them since
    ``people`` was read) is left out: it belongs to the next run, not this one.
    """
    index_of = {p.id: i for i, p in enumerate(people)}
    return [LocatedPair(p, index_of[p.mentor_id], index_of[p.mentee_id]) for p in pairs
            if p.mentor_id in index_of and p.mentee_id in index_of]


class CohortCache:
    """The last cohort built, kept while what shapes it is the same, and per scoring
    settings the candidate graph scored on it (:func:`~recommender.match.candidate_graph`)
    and the pair records already made from it.

    Safe to share between threads (the app serves several pages from one recommender): one
    build at a time, and a graph is kept only with the arrays it was scored on.
    """

    def __init__(self, max_graphs: int = 2) -> None:
        self.max_graphs = max_graphs
        self._lock = threading.Lock()
        self._key: Hashable | None = None
        self._arrays: CohortArrays | None = None
        self._graphs: dict[MatchParams, tuple[EdgeScores, dict[SuggestionKey, PairSuggestion]]]
        self._graphs = {}

    def get(self, profiles_version: str, model_id: str, params: MatchParams,
            build: Callable[[], CohortArrays]) -> CohortArrays:
        """The cached arrays, or those ``build`` returns when the store's profiles version
        (another process's import changes it), the model or a setting of
        :data:`COHORT_SETTINGS` differs from the last build's."""
        key = (profiles_version, model_id, *(getattr(params, name) for name in COHORT_SETTINGS))
        with self._lock:
            if self._arrays is None or self._key != key:
                logger.debug("building the cohort's arrays")
                self._arrays, self._key = build(), key
                self._graphs.clear()
            return self._arrays

    def graph(self, arrays: CohortArrays, params: MatchParams, build: Callable[[], EdgeScores]
              ) -> tuple[EdgeScores, dict[SuggestionKey, PairSuggestion]]:
        """The candidate graph of ``arrays`` (from :meth:`get`) under ``params``: the one
        kept from an earlier run with the same scoring settings, or what ``build`` returns;
        and the records made from it so far (see
        :func:`~recommender.explain.pair_suggestions`).

        When ``arrays`` are no longer the cached ones (another thread rebuilt them
        meanwhile), the graph is built and returned but not kept. The capacity settings do
        not shape the graph (a run applies them), so they are not in the key.
        """
        key = replace(params, max_mentors_per_mentee=1, max_mentees_per_mentor=None)
        with self._lock:
            # ``arrays`` may be the cached ones with decisions applied (a copy sharing the
            # same sentence arrays): compare what they were built from.
            if self._arrays is None or arrays.cohort.offers is not self._arrays.cohort.offers:
                return build(), {}
            if key not in self._graphs:
                if len(self._graphs) >= self.max_graphs:
                    self._graphs.pop(next(iter(self._graphs)))
                self._graphs[key] = (build(), {})
            return self._graphs[key]
