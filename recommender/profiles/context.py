"""Which sentences count as a person's wishes and offers, for matching, topics and health alike."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..records import Segment

__all__ = ["PersonSentences", "sentences_by_person"]


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
