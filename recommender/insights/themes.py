"""Themes emerging from session notes: clusters of note embeddings labelled by c-TF-IDF.

The number of clusters is chosen by silhouette (scikit-learn KMeans on unit vectors, i.e.
cosine geometry); each theme is labelled with its most characteristic words by class-based
TF-IDF (BERTopic's c-TF-IDF) with French and English stop words removed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from ..language.stopwords import function_words
from ..language.text import fold, words
from ..records import Person, SessionNote, Theme, Topic

__all__ = ["ThemeParams", "Themes", "c_tf_idf", "cluster_notes", "describe_themes", "find_themes",
           "name_words", "programme_themes", "theme_title"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ThemeParams:
    """Settings of theme discovery.

    Attributes:
        min_clusters / max_clusters: range searched for the number of themes.
        keywords: words kept per theme label.
        new_topic_below: a theme whose centroid is less similar than this to every catalogue
            topic is flagged as a candidate new topic.
        seed: random state of KMeans (same input, same themes).
    """

    min_clusters: int = 2
    max_clusters: int = 12
    keywords: int = 5
    new_topic_below: float = 0.3
    seed: int = 0


class Themes(NamedTuple):
    """Clusters of notes: ``labels`` ``(N,)``, ``centroids`` ``(K, d)``, ``keywords`` per theme."""

    labels: np.ndarray
    centroids: np.ndarray
    keywords: list[list[str]]


def cluster_notes(vectors: np.ndarray, params: ThemeParams) -> np.ndarray:
    """Cluster unit vectors ``(N, d)``; returns labels ``(N,)`` (all 0 for tiny inputs)."""
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score

    n = len(vectors)
    if n < 3:
        return np.zeros(n, dtype=np.int64)
    best_labels, best_score = np.zeros(n, dtype=np.int64), -1.0
    for k in range(params.min_clusters, min(params.max_clusters, n - 1) + 1):
        labels = KMeans(k, n_init=10, random_state=params.seed).fit_predict(vectors)
        if len(set(labels)) < 2:
            continue
        score = float(silhouette_score(vectors, labels, metric="cosine"))
        if score > best_score + 1e-9:
            best_labels, best_score = labels.astype(np.int64), score
    return best_labels


# Words every session note uses ("we talked about..."): they characterise no theme.
SESSION_WORDS = frozenset(
    """parle parler parlons discute discuter discussion seance seances session sessions point
    avons fait montre montrer explique propose talked talk discussed discussion showed show
    explained went looked together also first next prochain premier premiere""".split()
)


def _analyser(extra_stop: frozenset[str]) -> Callable[[str], list[str]]:
    from ..language.text import words

    never = SESSION_WORDS | extra_stop

    def tokens(text: str) -> list[str]:
        originals = words(text)
        folded = [fold(w) for w in originals]
        stop = function_words(folded)
        return [w for w, key in zip(originals, folded, strict=True)
                if len(w) > 2 and key not in stop and key not in never]

    return tokens


def c_tf_idf(texts: Sequence[str], labels: np.ndarray, top: int,
             extra_stop_words: frozenset[str] = frozenset()) -> list[list[str]]:
    """Most characteristic words of each class (BERTopic's class-based TF-IDF).

    ``tf(t, c) * log(1 + A / f(t))`` with ``A`` the mean number of words per class and
    ``f(t)`` the frequency of ``t`` over all classes. ``extra_stop_words`` (folded) are
    left out too, e.g. the participants' first names, which would otherwise label themes.
    """
    from sklearn.feature_extraction.text import CountVectorizer

    classes = sorted(set(labels.tolist()))
    docs = [" ".join(t for t, lab in zip(texts, labels, strict=True) if lab == c) for c in classes]
    vectorizer = CountVectorizer(analyzer=_analyser(extra_stop_words))
    counts = vectorizer.fit_transform(docs).toarray().astype(np.float64)
    if counts.size == 0:
        return [[] for _ in classes]
    tf = counts / np.maximum(counts.sum(axis=1, keepdims=True), 1)
    avg_words = counts.sum() / len(classes)
    idf = np.log(1 + avg_words / np.maximum(counts.sum(axis=0), 1))
    weights = tf * idf
    vocab = vectorizer.get_feature_names_out()
    return [[str(vocab[j]) for j in np.argsort(-row)[:top] if row[j] > 0] for row in weights]


def find_themes(vectors: np.ndarray, texts: Sequence[str], params: ThemeParams,
                extra_stop_words: frozenset[str] = frozenset()) -> Themes:
    """Cluster notes and label each cluster.

    Args:
        vectors: ``(N, d)`` unit note embeddings.
        texts: the ``N`` note texts.
        extra_stop_words: folded words never used as labels (names of participants).
    """
    labels = cluster_notes(vectors, params)
    k = int(labels.max()) + 1 if len(labels) else 0
    centroids = np.zeros((k, vectors.shape[1] if len(vectors) else 0), dtype=np.float32)
    for c in range(k):
        mean = vectors[labels == c].mean(axis=0)
        centroids[c] = mean / max(float(np.linalg.norm(mean)), 1e-12)
    keywords = c_tf_idf(texts, labels, params.keywords, extra_stop_words) if k else []
    return Themes(labels, centroids, keywords)


def describe_themes(found: Themes, notes: Sequence[SessionNote], topic_vecs: np.ndarray,
                    topic_ids: Sequence[str], params: ThemeParams) -> list[Theme]:
    """Theme records, largest first: size, notes per month, nearest catalogue topic.

    Args:
        found: the clusters of ``notes`` (:func:`find_themes`).
        topic_vecs: ``(T, d)`` catalogue topic texts, ``topic_ids`` the topic of each row.
    """
    from .health import count_by_month

    themes = []
    for c, keywords in enumerate(found.keywords):
        members = [n for n, lab in zip(notes, found.labels, strict=True) if lab == c]
        sims = topic_vecs @ found.centroids[c] if len(topic_vecs) else np.zeros(0)
        best = int(np.argmax(sims)) if len(sims) else -1
        similarity = float(sims[best]) if best >= 0 else 0.0
        themes.append(Theme(
            id=c, label=", ".join(keywords[:3]) or f"theme {c + 1}", keywords=tuple(keywords),
            size=len(members), by_month=count_by_month([n.date for n in members]),
            nearest_topic_id=topic_ids[best] if best >= 0 else "",
            nearest_topic_similarity=round(similarity, 4),
            candidate_new_topic=similarity < params.new_topic_below,
            note_ids=tuple(n.id for n in members)))
    return sorted(themes, key=lambda t: -t.size)


def name_words(people: Sequence[Person]) -> frozenset[str]:
    """The folded words of everyone's name: never a theme's label."""
    return frozenset(fold(w) for p in people for w in words(p.name))


def programme_themes(notes: Sequence[SessionNote], people: Sequence[Person],
                     topics: Sequence[Topic], encode: Callable[[Sequence[str]], np.ndarray],
                     params: ThemeParams) -> list[Theme]:
    """Themes of a programme's notes, largest first, labelled without the participants'
    names, each with its nearest catalogue topic (in any of the topic's languages).

    Args:
        notes: the ``N`` session notes.
        people: the participants (their names are not labels).
        topics: the catalogue.
        encode: texts ``(n,)`` -> unit vectors ``(n, d)``.
    """
    if not notes:
        return []
    vectors = encode([n.text for n in notes])
    found = find_themes(vectors, [n.text for n in notes], params, name_words(people))
    rows = [(t.id, t.text(lang)) for t in topics for lang in t.title]
    topic_vecs = encode([text for _, text in rows]).reshape(-1, vectors.shape[1])
    return describe_themes(found, notes, topic_vecs, [tid for tid, _ in rows], params)


_TITLE_WORDS = {
    "en": {"about": "Notes about {words}", "theme": "Theme {n}", "and": "and"},
    "fr": {"about": "Séances sur {words}", "theme": "Thème {n}", "and": "et"},
}
CLOSE_TOPIC = 0.35
"""A theme this similar to a catalogue topic is titled by that topic (measured on the demo
programme's notes: themes that are plainly about a topic sit at 0.4-0.6, mixed ones below 0.3)."""


def theme_title(theme: Theme, topics: Mapping[str, Topic], language: str, *,
                use_keywords: bool = True, number: int = 1,
                close_at: float = CLOSE_TOPIC) -> str:
    """A readable title for a theme in ``language``.

    The nearest catalogue topic's title in that language when the theme is close to it;
    else its top keywords, phrased ("Notes about recruiting, TikTok and salaries"), when
    ``use_keywords`` (they come from the notes, so not when note texts are confidential);
    else the nearest topic's title anyway, or "Theme n".
    """
    phrases = _TITLE_WORDS.get(language, _TITLE_WORDS["en"])
    nearest = topics.get(theme.nearest_topic_id)
    nearest_title = nearest.title[nearest.language_for(language)] if nearest else ""
    if nearest_title and theme.nearest_topic_similarity >= close_at:
        return nearest_title
    keywords = list(theme.keywords[:3])
    if use_keywords and keywords:
        listed = keywords[0] if len(keywords) == 1 else (
            f"{', '.join(keywords[:-1])} {phrases['and']} {keywords[-1]}")
        return phrases["about"].format(words=listed)
    return nearest_title or phrases["theme"].format(n=number)
