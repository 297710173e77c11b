"""Settings of topic suggestion and of covered topics."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["TopicParams"]


@dataclass(frozen=True)
class TopicParams:
    """Settings of topic suggestion.

    Attributes:
        relevance_weight: weight of the mentee's wants.
        capability_weight: weight of the mentor's offers.
        cover_min_similarity: a note sentence covers its nearest topic only above this.
        cover_similarity: a note sentence this close to a topic covers it whatever else.
        cover_margin: topics within this margin of a sentence's nearest one are covered too.
        novelty_weight: penalty per unit of similarity to an already covered topic.
        overlap_weight: penalty per unit of similarity to the pair's notes.
        evidence_weight: bonus per unit of evidence from similar pairs' ratings.
        similar_pair_min: how alike two mentees' wants must be to count as evidence.
        diversity: MMR trade-off (0 only relevance, 1 only variety).
        lexical_weight: weight of shared content words (TF-IDF) next to the embeddings, so a
            topic that names what the mentee wrote ("seconde main") is not missed by a
            sentence embedding that blurs a long sentence.
        cover_standout: a note sentence also covers its nearest topic when that topic's
            similarity is this many standard deviations above the sentence's mean similarity
            to the catalogue (notes paraphrase; measured on tests/data: covered topics stand
            at 3.1-5.1, the nearest uncovered one at most 2.7).
        cover_standout_floor: ...and at least this similar.
        cover_standout_min_topics: the standout rule needs a catalogue this large to be
            meaningful.
    """

    relevance_weight: float = 0.6
    capability_weight: float = 0.4
    cover_min_similarity: float = 0.35
    cover_similarity: float = 0.6
    cover_margin: float = 0.02
    novelty_weight: float = 0.3
    overlap_weight: float = 0.2
    evidence_weight: float = 0.05
    similar_pair_min: float = 0.5
    diversity: float = 0.3
    lexical_weight: float = 0.3
    cover_standout: float = 3.0
    cover_standout_floor: float = 0.2
    cover_standout_min_topics: int = 10
