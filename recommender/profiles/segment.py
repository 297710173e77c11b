"""Each person's texts as labelled sentences: offer, want or other.

The ``offers`` and ``wants`` columns are taken as they are; sentences of the free-text
``profile`` are labelled by the intent model (:mod:`.intent`), list items under a header
("What I'd like to learn:") taking the header's label. A sentence written under a form's
question (``"<question>: <answer>"``) is kept as its answer alone: the question helps read
it, but it is nobody's wish, and shared by everyone who answered it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

import numpy as np

from ..embedding.base import EncodeFn
from ..language.text import split_answer, split_sentences
from ..records import CountProgressFn, Person, ProgressFn, Segment
from .intent import KINDS, IntentClassifier


class CachedEncoder(Protocol):
    """An encoder that reports how many texts it embedded (the workspace's cached one)."""

    def encode(self, texts: Sequence[str], progress: CountProgressFn | None = None
               ) -> np.ndarray: ...

__all__ = ["CachedEncoder", "Labeller", "label_and_embed", "segment_people"]


_HEADER = re.compile(r"[:：]\s*$")
MIN_ANSWER_CHARS = 3
"""An answer shorter than this once its question is set aside ("No", "-") is no sentence."""


_PROSE_END = re.compile(r"[.!?]\s*$")


def _under_headers(texts: Sequence[str], owners: Sequence[str], proba: np.ndarray
                   ) -> tuple[list[int], list[int]]:
    """Labels (indices into :data:`KINDS`) of profile sentences, and the row of ``proba``
    each label's confidence comes from; list items read under their header.

    After a header ("What I'd like to learn:", "Ce que je propose :") labelled as a wish or an
    offer, the items that follow ("Workforce planning", "1) Midjourney") take the header's
    label, up to the next header or the first sentence of prose (ending with ., ! or ?); the
    header itself, which names no topic, becomes "other"."""
    labels = [int(np.argmax(p)) for p in proba]
    source = list(range(len(texts)))
    header, owner = None, None
    for i, text in enumerate(texts):
        if owners[i] != owner:
            header, owner = None, owners[i]
        if _HEADER.search(text):
            header = i if labels[i] in (0, 1) else None
            continue
        if header is None or _PROSE_END.search(text):
            header = None
            continue
        labels[i], source[i] = int(np.argmax(proba[header])), header
        labels[header] = KINDS.index("other")
    return labels, source


def segment_people(
    people: Sequence[Person], encode: EncodeFn, classifier: IntentClassifier
) -> list[Segment]:
    """Label every sentence of each person's texts.

    Args:
        people: the people to segment.
        encode: embeds a list of texts (``(n, dimension)`` unit rows), usually cached.
        classifier: labels profile sentences.

    Returns:
        unstored segments (id 0), in person and position order; ``p_want`` is the
        probability that the sentence states a wish (1 for the ``wants`` column, 0 for
        ``offers``), used when a profile has no sentence labelled "want".
    """
    out: list[Segment] = []
    pending: list[tuple[str, int, str]] = []
    positions: dict[str, int] = {}
    for person in people:
        pos = 0
        for kind, field in (("offer", person.offers), ("want", person.wants)):
            for sentence in split_sentences(field):
                answer = split_answer(sentence)[1]
                if len(answer) >= MIN_ANSWER_CHARS:
                    out.append(Segment(person.id, kind, pos, answer, 1.0, float(kind == "want")))
                    pos += 1
        for sentence in split_sentences(person.profile):
            if len(split_answer(sentence)[1]) >= MIN_ANSWER_CHARS:
                pending.append((person.id, pos, sentence))
                pos += 1
        positions[person.id] = pos
    if pending:
        texts = [p[2] for p in pending]
        proba = classifier.predict_proba(encode(texts), texts)
        labels, source = _under_headers(texts, [p[0] for p in pending], proba)
        for (pid, pos, sentence), k, row in zip(pending, labels, source, strict=True):
            p = proba[row]
            # Read with its question ("What can you offer: Python"), kept as the answer alone.
            out.append(Segment(pid, KINDS[k], pos, split_answer(sentence)[1], float(p[k]),
                               float(p[1])))
    order = {p.id: i for i, p in enumerate(people)}
    out.sort(key=lambda s: (order[s.person_id], s.position))
    return out


class Labeller:
    """Labels people's sentences with the intent model of one embedder, loaded (or fitted)
    on first use.

    Args:
        model_id: the embedder's id (whose shipped weights are used, when there are some).
        encode: texts ``(n,)`` -> unit vectors ``(n, d)`` of that embedder.
    """

    def __init__(self, model_id: str, encode: EncodeFn):
        self.model_id = model_id
        self.encode = encode
        self.classifier_: IntentClassifier | None = None

    def label(self, people: Sequence[Person]) -> list[Segment]:
        """:func:`segment_people` with this embedder's intent model."""
        if self.classifier_ is None:
            self.classifier_ = IntentClassifier.for_embedder(self.model_id, self.encode)
        return segment_people(people, self.encode, self.classifier_)


def label_and_embed(people: Sequence[Person], labeller: Labeller, encoder: CachedEncoder,
                    progress: ProgressFn | None = None) -> list[Segment]:
    """Every sentence of ``people`` labelled, and embedded into the encoder's cache (so that
    matching is quick), with ``(fraction, message)`` progress from 0.05 to 0.95."""
    if progress:
        progress(0.05, "labelling profile sentences")
    segments = labeller.label(people)
    encoder.encode([s.text for s in segments], progress=(
        (lambda done, total: progress(0.1 + 0.85 * done / total, "embedding"))
        if progress else None))
    return segments
