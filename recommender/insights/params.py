"""Settings of topic suggestion and of covered topics."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CohortTopicParams", "TopicParams"]


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
        cover_candidates: a note sentence (or clause) also covers the nearest of the pair's
            this many best topics, when at least ``cover_candidate_floor`` similar to it and
            ``cover_candidate_margin`` closer than to the next of them (below 2: no such
            rule).
        cover_candidate_floor / cover_candidate_margin: see ``cover_candidates``.
        commonness_weight: a topic drawn from the cohort answers a wish it gathers with
            ``1 - commonness_weight * share``, ``share`` the part of the cohort's wishers it
            speaks for (an option nearly everyone ticked is no pair's first topic).
        fit_threshold: a wish is answered by the catalogue when its closest topic is at
            least this similar (chosen on the labelled programmes of ``tests/data/topics_eval``,
            see ``docs/tuning.md``).
        min_fit: below this share of the cohort's wishes answered, next topics come from
            the cohort itself, unless the programme chose its catalogue.
        min_fit_wishes: ...and only once the cohort has this many wishes (a handful says
            little about the fit, and makes thin topics).
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
    cover_candidates: int = 4
    cover_candidate_floor: float = 0.25
    cover_candidate_margin: float = 0.03
    commonness_weight: float = 0.5
    fit_threshold: float = 0.33
    min_fit: float = 0.5
    min_fit_wishes: int = 12


@dataclass(frozen=True)
class CohortTopicParams:
    """Settings of topics drawn from the cohort (:mod:`~recommender.insights.cohort_topics`).

    Attributes:
        distance_threshold: sentences whose groups are on average closer than this cosine
            distance form one topic (chosen on the labelled academic programme, reported on
            the corporate one: ``docs/tuning.md``).
        min_wishes: a group needs this many wish sentences to be a topic.
        option_min_people: an answer this many people gave word for word is an option of
            the form (a ticked box): a topic of its own, titled by it.
        max_topics: at most this many topics, the most wished for.
        phrases: key phrases per topic and language (the first is its title).
        examples: wishes quoted in a topic's description, most central first (what people
            wrote is what notes and partners recognise).
        max_words: longest phrase, in words.
        diversity: MMR trade-off between a phrase's closeness to the topic and its
            difference from the phrases already picked.
        support_weight: lift of a phrase per doubling of the sentences that use it.
        background_weight: penalty of a phrase per unit of closeness to the whole cohort (a
            phrase that fits every topic names none).
        elsewhere_weight: penalty of a phrase written mostly in other topics' sentences.
        seed: random state when a large cohort is first reduced by k-means.
    """

    distance_threshold: float = 0.7
    min_wishes: int = 1
    option_min_people: int = 3
    max_topics: int = 60
    phrases: int = 3
    examples: int = 2
    max_words: int = 3
    diversity: float = 0.5
    support_weight: float = 0.05
    background_weight: float = 0.5
    elsewhere_weight: float = 0.3
    seed: int = 0
