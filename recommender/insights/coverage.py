"""Which catalogue topics a pair's session notes already discussed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from ..embedding.base import EncodeFn
from ..language.text import split_sentences
from ..records import CoveredTopic, SessionNote, Topic
from .params import TopicParams

__all__ = [
    "covered_by_notes",
    "covered_by_notes_matrix",
    "covered_for_pair",
    "covered_records",
    "note_sentences",
]


def covered_by_notes(topic_vecs: np.ndarray, note_vecs: np.ndarray,
                     params: TopicParams) -> np.ndarray:
    """Which note sentence covers each topic.

    Args:
        topic_vecs: ``(T, d)`` unit vectors.
        note_vecs: ``(N, d)`` unit vectors of note sentences.

    Returns:
        ``(T,)`` index of the covering note sentence, ``-1`` when the topic is not covered.
    """
    covered = np.full(len(topic_vecs), -1, dtype=np.int64)
    if len(note_vecs) == 0 or len(topic_vecs) == 0:
        return covered
    sims = note_vecs @ topic_vecs.T  # (N, T)
    hit = _hits(sims, params)
    if len(note_vecs) > 1:
        # Two consecutive sentences read together: "He showed me ChatGPT. It made up a figure."
        pairs = note_vecs[:-1] + note_vecs[1:]
        pairs = pairs / np.maximum(np.linalg.norm(pairs, axis=1, keepdims=True), 1e-12)
        pair_hit = _hits(pairs @ topic_vecs.T, params)
        # A window's hit is credited to whichever of its two sentences is closer to the topic.
        first_closer = sims[:-1] >= sims[1:]
        hit = hit.copy()
        hit[:-1] |= pair_hit & first_closer
        hit[1:] |= pair_hit & ~first_closer
    strength = np.where(hit, sims, -np.inf)
    best_note = strength.argmax(axis=0)
    any_hit = np.isfinite(strength.max(axis=0))
    covered[any_hit] = best_note[any_hit]
    return covered


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
    """The sentences of ``notes`` and the note each comes from (``(S,)`` positions)."""
    texts, owner = [], []
    for i, note in enumerate(notes):
        for sentence in split_sentences(note.text) or [note.text]:
            texts.append(sentence)
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


def covered_for_pair(topics: Sequence[Topic], language: str, notes: Sequence[SessionNote],
                     encode: EncodeFn, params: TopicParams,
                     display_language: str | None = None) -> list[CoveredTopic]:
    """The catalogue topics a pair's ``notes`` already discussed, with the covering session.

    Args:
        topics: the catalogue, read in ``language`` (the pair's).
        notes: the pair's notes, oldest first.
        encode: texts ``(n,)`` -> unit vectors ``(n, d)``.
        display_language: of the titles (default: ``language``).
    """
    texts, owner = note_sentences(notes)
    if not texts or not topics:
        return []
    topic_vecs = encode([t.text(language) for t in topics])
    note_vecs = encode(texts)
    covering = covered_by_notes(topic_vecs, note_vecs, params)
    covered = covered_records(topics, language, notes, owner, covering,
                              note_vecs @ topic_vecs.T)
    if display_language is None:
        return covered
    by_id = {t.id: t for t in topics}
    return [replace(c, title=by_id[c.topic_id].title[by_id[c.topic_id].language_for(
        display_language)]) for c in covered]
