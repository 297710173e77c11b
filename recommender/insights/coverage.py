"""Which topics a pair's session notes already discussed, in any words or language.

A topic is recognised by several texts (:func:`topic_views`): its title and description in
each of its languages and each of its conversation starters, so a note written in English
meets an English text of a French pair's topic, and a note about "the questions to ask" meets
the starters. A note sentence that puts a subject off ("next time: dashboards", "on n'a pas
eu le temps de parler de TikTok") covers nothing (:func:`~recommender.language.negation.not_discussed`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

import numpy as np

from ..language.negation import not_discussed
from ..language.text import split_clauses, split_sentences
from ..records import CoveredTopic, SessionNote, Topic
from .params import TopicParams

MIN_CLAUSE_WORDS = 4
"""A clause read on its own has at least this many words ("Séance sur ChatGPT" names a
subject, not what was done with it)."""

COHORT_CATEGORY = "cohort"
"""The category of topics drawn from the cohort (:mod:`.cohort_topics`)."""

__all__ = [
    "COHORT_CATEGORY",
    "CoverageViews",
    "covered_by_notes",
    "covered_by_notes_matrix",
    "covered_records",
    "note_clauses",
    "note_sentences",
    "topic_views",
    "view_similarity",
]


class CoverageViews(NamedTuple):
    """What notes are compared with beyond the topics' texts in the pair's language.

    ``view_vecs`` ``(V, d)``: every text a topic is recognised by (:func:`topic_views`),
    ``view_topic`` ``(V,)`` the topic of each; ``clause_vecs`` ``(C, d)``: the clauses of
    the note sentences (:func:`note_clauses`), ``clause_sentence`` ``(C,)`` the sentence of
    each.
    """

    view_vecs: np.ndarray
    view_topic: np.ndarray
    clause_vecs: np.ndarray
    clause_sentence: np.ndarray


def topic_views(topics: Sequence[Topic], starters: bool = True,
                extra: Mapping[str, Sequence[str]] | None = None
                ) -> tuple[list[str], np.ndarray]:
    """Every text a topic is recognised by: its title and description in each of its
    languages, and (``starters``) each of its conversation starters, unless they were drawn
    from templates (topics from the cohort: a template says more about itself than about the
    topic, and would make every topic of its kind look alike); and ``extra`` texts by topic
    id (a topic drawn from the cohort: the wishes and offers it gathers).

    Returns:
        the texts and ``(V,)`` the topic (index into ``topics``) of each.
    """
    texts: list[str] = []
    owner: list[int] = []
    for i, topic in enumerate(topics):
        for lang in topic.title:
            texts.append(topic.text(lang))
            owner.append(i)
            if starters and topic.category != COHORT_CATEGORY:
                for line in topic.starters.get(lang, ()):
                    texts.append(line)
                    owner.append(i)
        for line in (extra or {}).get(topic.id, ()):
            texts.append(line)
            owner.append(i)
    return texts, np.array(owner, dtype=np.int64)


def view_similarity(vecs: np.ndarray, view_vecs: np.ndarray, view_topic: np.ndarray,
                    n_topics: int) -> np.ndarray:
    """``(n, T)``: each of ``vecs`` ``(n, d)`` against each topic, as its closest view
    (``view_vecs`` ``(V, d)``, topic of each view ``view_topic`` ``(V,)``)."""
    out = np.full((len(vecs), n_topics), -1.0)
    if len(vecs) and len(view_vecs):
        np.maximum.at(out.T, view_topic, (vecs @ view_vecs.T).T)
    return out


def covered_by_notes(topic_vecs: np.ndarray, note_vecs: np.ndarray,
                     params: TopicParams, view_topic: np.ndarray | None = None,
                     n_topics: int | None = None, clause_vecs: np.ndarray | None = None,
                     clause_sentence: np.ndarray | None = None,
                     candidates: np.ndarray | None = None) -> np.ndarray:
    """Which note sentence covers each topic.

    A sentence covers a topic when it, one of its clauses, or it read with the next sentence
    is close enough to the topic (:func:`_hits`); and, among the pair's ``candidates`` (the
    topics it would be offered), when a sentence or clause is nearest that candidate, close
    enough to it and clearly closer than to the next candidate: notes paraphrase what the pair
    wanted to discuss, often in the other language, so they are rarely close to a topic in
    absolute terms, but plainly closer to one of the few topics the pair cares about.

    Args:
        topic_vecs: ``(T, d)`` unit vectors, or ``(V, d)`` views of the topics
            (:func:`topic_views`) with ``view_topic`` ``(V,)`` and ``n_topics``.
        note_vecs: ``(N, d)`` unit vectors of note sentences.
        clause_vecs: ``(C, d)`` unit vectors of their clauses, ``clause_sentence`` ``(C,)``
            the sentence of each.
        candidates: topic indices the pair would be offered, best first.

    Returns:
        ``(T,)`` index of the covering note sentence, ``-1`` when the topic is not covered.
    """
    if view_topic is None:
        view_topic, n_topics = np.arange(len(topic_vecs)), len(topic_vecs)
    elif n_topics is None:
        n_topics = int(view_topic.max()) + 1 if len(view_topic) else 0
    covered = np.full(n_topics, -1, dtype=np.int64)
    if len(note_vecs) == 0 or n_topics == 0:
        return covered
    sims = view_similarity(note_vecs, topic_vecs, view_topic, n_topics)  # (N, T)
    hit = _hits(sims, params)
    if len(note_vecs) > 1:
        # Two consecutive sentences read together: "He showed me ChatGPT. It made up a figure."
        pairs = note_vecs[:-1] + note_vecs[1:]
        pairs = pairs / np.maximum(np.linalg.norm(pairs, axis=1, keepdims=True), 1e-12)
        pair_hit = _hits(view_similarity(pairs, topic_vecs, view_topic, n_topics), params)
        # A window's hit is credited to whichever of its two sentences is closer to the topic.
        first_closer = sims[:-1] >= sims[1:]
        hit = hit.copy()
        hit[:-1] |= pair_hit & first_closer
        hit[1:] |= pair_hit & ~first_closer
    units, unit_sentence = sims, np.arange(len(sims))
    if clause_vecs is not None and clause_sentence is not None and len(clause_vecs):
        clause_sims = view_similarity(clause_vecs, topic_vecs, view_topic, n_topics)
        np.logical_or.at(hit, clause_sentence, _hits(clause_sims, params))
        units = np.vstack([sims, clause_sims])
        unit_sentence = np.concatenate([unit_sentence, clause_sentence])
    if candidates is not None and min(len(candidates), params.cover_candidates) > 1:
        np.logical_or.at(hit, unit_sentence, _candidate_hits(units, candidates, params))
    strength = np.full(sims.shape, -np.inf)
    np.maximum.at(strength, unit_sentence, units)
    strength = np.where(hit, strength, -np.inf)
    best_note = strength.argmax(axis=0)
    any_hit = np.isfinite(strength.max(axis=0))
    covered[any_hit] = best_note[any_hit]
    return covered


def _candidate_hits(sims: np.ndarray, candidates: np.ndarray, params: TopicParams
                    ) -> np.ndarray:
    """``(U, T)``: the candidate each unit is nearest, when close enough and ahead of the
    next candidate by the margin."""
    among = sims[:, candidates[:params.cover_candidates]]
    order = np.argsort(-among, axis=1)
    first = np.take_along_axis(among, order[:, :1], axis=1)[:, 0]
    second = np.take_along_axis(among, order[:, 1:2], axis=1)[:, 0]
    ok = (first >= params.cover_candidate_floor) & \
        (first - second >= params.cover_candidate_margin)
    hit = np.zeros(sims.shape, dtype=bool)
    rows = np.flatnonzero(ok)
    hit[rows, candidates[order[rows, 0]]] = True
    return hit


def covered_by_notes_matrix(topic_vecs: np.ndarray, note_vecs: np.ndarray,
                            params: TopicParams) -> np.ndarray:
    """``(N, T)`` boolean: does note ``n`` cover topic ``t`` (same rule as covered_by_notes)."""
    return _hits(note_vecs @ topic_vecs.T, params)


def _hits(sims: np.ndarray, params: TopicParams) -> np.ndarray:
    # A note sentence covers its nearest topic(s) when close enough, and any very close topic.
    nearest = sims.max(axis=1, keepdims=True)
    near = sims >= nearest - params.cover_margin
    hit = (near & (sims >= params.cover_min_similarity)) | (sims >= params.cover_similarity)
    if sims.shape[1] >= params.cover_standout_min_topics:
        spread = np.maximum(sims.std(axis=1, keepdims=True), 1e-9)
        standout = (sims - sims.mean(axis=1, keepdims=True)) / spread
        hit |= near & (standout >= params.cover_standout) & (sims >= params.cover_standout_floor)
    return hit


def note_sentences(notes: Sequence[SessionNote]) -> tuple[list[str], np.ndarray]:
    """The sentences of ``notes`` that tell what was discussed (not those that put a subject
    off: "next time: dashboards") and the note each comes from (``(S,)`` positions)."""
    texts, owner = [], []
    for i, note in enumerate(notes):
        for sentence in split_sentences(note.text) or [note.text]:
            if not not_discussed(sentence):
                texts.append(sentence)
                owner.append(i)
    return texts, np.array(owner, dtype=np.int64)


def note_clauses(sentences: Sequence[str]) -> tuple[list[str], np.ndarray]:
    """The clauses of note ``sentences`` (:func:`~recommender.language.text.split_clauses`)
    and the sentence each comes from (``(C,)`` positions)."""
    texts, owner = [], []
    for i, sentence in enumerate(sentences):
        for clause in split_clauses(sentence, MIN_CLAUSE_WORDS):
            texts.append(clause)
            owner.append(i)
    return texts, np.array(owner, dtype=np.int64)


def covered_records(topics: Sequence[Topic], language: str, notes: Sequence[SessionNote],
                    owner: np.ndarray, covering: np.ndarray, similarity: np.ndarray
                    ) -> list[CoveredTopic]:
    """Records of the topics a pair's notes covered.

    Args:
        covering: ``(T,)`` from :func:`covered_by_notes` (a note sentence or -1).
        similarity: ``(S, T)`` note sentences x topics.
    """
    return [
        CoveredTopic(t.id, t.title[t.language_for(language)], notes[owner[c]].id,
                     notes[owner[c]].date, round(float(similarity[c, i]), 4))
        for i, (t, c) in enumerate(zip(topics, covering, strict=True)) if c >= 0
    ]
