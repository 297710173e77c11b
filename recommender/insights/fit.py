"""How well a topic catalogue fits a cohort: the share of its wishes some topic answers."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from ..records import CatalogueFit, Topic
from .coverage import view_similarity

__all__ = ["catalogue_fit", "fit_sentence", "wish_answers"]


def wish_answers(wish_vecs: np.ndarray, view_vecs: np.ndarray, view_topic: np.ndarray,
                 n_topics: int) -> tuple[np.ndarray, np.ndarray]:
    """The closest topic of each wish and how close it is.

    Args:
        wish_vecs: ``(W, d)`` unit vectors of the wishes.
        view_vecs: ``(V, d)`` unit vectors of the topics' texts; ``view_topic`` ``(V,)``
            the topic of each (:func:`~.coverage.topic_views`); ``n_topics`` how many.

    Returns:
        ``(similarity (W,), topic (W,))``, topic ``-1`` when there is no topic.
    """
    if not len(wish_vecs) or not len(view_vecs):
        return np.zeros(len(wish_vecs)), np.full(len(wish_vecs), -1, dtype=np.int64)
    by_topic = view_similarity(wish_vecs, view_vecs, view_topic, n_topics)
    return by_topic.max(axis=1), by_topic.argmax(axis=1).astype(np.int64)


def catalogue_fit(topics: Sequence[Topic], wishes: Sequence[str], similarity: np.ndarray,
                  best_topic: np.ndarray, threshold: float, source: str = "shipped",
                  examples: int = 5) -> CatalogueFit:
    """The fit record of :func:`wish_answers`' output for ``wishes`` (as written)."""
    answered = similarity >= threshold
    counts = Counter(topics[int(t)].id for t, ok in zip(best_topic, answered, strict=True) if ok)
    order = np.argsort(similarity, kind="stable")
    return CatalogueFit(
        answered=int(answered.sum()), wishes=len(wishes), threshold=threshold,
        by_topic=tuple(counts.most_common()),
        unanswered=tuple(wishes[int(i)] for i in order if not answered[i])[:examples],
        source=source)


_SENTENCE = {
    "en": {"shipped": "the shipped catalogue answers {answered} of {wishes} wishes of this "
                      "programme",
           "programme": "this programme's catalogue answers {answered} of {wishes} of its "
                        "wishes",
           "none": "no wish to answer yet: nobody said what they want to learn"},
    "fr": {"shipped": "le catalogue fourni répond à {answered} des {wishes} souhaits de ce "
                      "programme",
           "programme": "le catalogue de ce programme répond à {answered} de ses {wishes} "
                        "souhaits",
           "none": "aucun souhait à couvrir : personne n'a encore dit ce qu'il veut apprendre"},
}


def fit_sentence(fit: CatalogueFit, language: str = "en") -> str:
    """The fit in words, in ``language`` (English when unknown): "the shipped catalogue
    answers 6 of 48 wishes of this programme"."""
    words = _SENTENCE.get(language, _SENTENCE["en"])
    if not fit.wishes:
        return words["none"]
    return words[fit.source].format(answered=fit.answered, wishes=fit.wishes)
