"""Topics drawn from the cohort: clustering, key phrases, starters, merging; and the catalogue
fit (fake embedder: every piece takes known vectors or the hashing embedder)."""

from __future__ import annotations

import numpy as np
import pytest

from recommender import HashingEmbedder, Recommender
from recommender.insights.cohort_topics import (
    STARTERS,
    CohortSentence,
    candidate_phrases,
    cluster_sentences,
    cohort_topics,
    key_phrases,
    merge_topics,
    subject_words,
    topic_kind,
)
from recommender.insights.coverage import COHORT_CATEGORY, topic_views
from recommender.insights.fit import catalogue_fit, fit_sentence, wish_answers
from recommender.insights.params import CohortTopicParams, TopicParams
from recommender.records import Topic


def unit(rows: list[list[float]]) -> np.ndarray:
    m = np.array(rows, dtype=np.float32)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def test_clusters_cut_at_the_distance_threshold():
    vectors = unit([[1, 0.05, 0], [1, 0, 0.05], [0, 1, 0], [0.05, 1, 0], [0, 0, 1]])
    labels = cluster_sentences(vectors, threshold=0.3)
    assert labels.tolist() == [0, 0, 1, 1, 2]  # numbered by first appearance
    assert cluster_sentences(vectors, threshold=1.5).tolist() == [0] * 5
    assert cluster_sentences(vectors[:1], 0.3).tolist() == [0]
    assert cluster_sentences(vectors[:0], 0.3).tolist() == []


def test_a_large_cohort_is_reduced_before_linking():
    rng = np.random.default_rng(0)
    centres = unit(rng.normal(size=(4, 16)).tolist())
    points = np.repeat(centres, 30, axis=0) + 0.02 * rng.normal(size=(120, 16))
    points /= np.linalg.norm(points, axis=1, keepdims=True)
    labels = cluster_sentences(points, threshold=0.3, max_direct=20)
    assert len(set(labels.tolist())) == 4
    for start in range(0, 120, 30):  # each centre's points stay together
        assert len(set(labels[start:start + 30].tolist())) == 1


def test_candidate_phrases_have_no_function_wish_or_offer_word_at_their_ends():
    counts = candidate_phrases(["I want to learn how to annotate a corpus of Quechua.",
                                "J'aimerais comprendre l'annotation de corpus.",
                                "I can show you corpus annotation."])
    assert "corpus" in counts and counts["corpus"] == 3  # once per sentence
    assert "annotation de corpus" in counts  # a linking word inside is fine
    assert not [p for p in counts if p.split()[0].lower() in {"want", "learn", "to", "can",
                                                              "show", "comprendre"}]
    assert not [p for p in counts if p.split()[-1].lower() in {"to", "of", "de", "a"}]
    assert "annotation" in counts  # "l'annotation" without its elided article


def test_key_phrases_prefer_close_shared_and_distinct_phrases():
    centroid = unit([[1, 0, 0]])[0]
    phrases = ["corpus annotation", "annotation", "young people", "weather"]
    vecs = unit([[0.9, 0.1, 0], [0.85, 0.15, 0.0], [0.7, 0, 0.7], [0, 1, 0]])
    first = key_phrases(phrases, vecs, [3, 1, 1, 1], centroid, 2, 0.5, 0.05)
    assert first[0] == 0
    # a phrase as close to the whole cohort as to the group names nothing in particular
    background = unit([[0.7, 0, 0.7]])[0]
    chosen = key_phrases(phrases, vecs, [1, 1, 5, 1], centroid, 1, 0.0, 0.2, background, 1.0)
    assert chosen != [2]
    assert key_phrases([], np.zeros((0, 3)), [], centroid, 3, 0.5, 0.05) == []


def test_topic_kind_reads_the_sentences_words():
    assert topic_kind(["I want to apply to a PhD abroad.", "Candidater à un doctorat."]) == "career"
    assert topic_kind(["Writing my first paper for a conference."]) == "writing"
    assert topic_kind(["I feel impostor syndrome and stress."]) == "wellbeing"
    assert topic_kind(["Using Python and Excel dashboards."]) == "tool"
    assert topic_kind(["How interns choose a company."]) == "understanding"
    assert topic_kind([]) == "understanding"
    for language, kinds in STARTERS.items():  # every kind, three starters, one phrase slot
        assert set(kinds) == {"tool", "career", "writing", "wellbeing", "understanding"}
        assert all(len(lines) == 3 and all("{phrase}" in line or "{" not in line
                                           for line in lines) for lines in kinds.values()), \
            language


def test_subject_words_drop_what_only_says_one_wishes_or_offers():
    assert subject_words("I would love to understand how interns choose a company") == \
        "interns choose company"
    assert subject_words("Je peux montrer Canva") == "canva"  # lower case: it is embedded
    assert subject_words("I want to") == "I want to"  # nothing left: the sentence itself


SENTENCES = [
    CohortSentence("e1", "want", "I want to learn corpus annotation for Quechua.", "en"),
    CohortSentence("e2", "want", "Help with corpus annotation for Guarani please.", "en"),
    CohortSentence("e3", "want", "J'aimerais apprendre l'annotation de corpus.", "fr"),
    CohortSentence("m1", "offer", "I can teach corpus annotation and guidelines.", "en"),
    CohortSentence("e4", "want", "I want to apply to a PhD abroad next year.", "en"),
    CohortSentence("e5", "want", "Applying to a PhD abroad scares me.", "en"),
    CohortSentence("m2", "offer", "I sat on PhD admissions committees abroad.", "en"),
    CohortSentence("m3", "offer", "I run marathons on weekends.", "en"),  # offered, not wished
]


@pytest.fixture
def drawn():
    embedder = HashingEmbedder()
    vectors = embedder.encode([s.text for s in SENTENCES])
    return cohort_topics(SENTENCES, vectors, embedder.encode,
                         CohortTopicParams(distance_threshold=0.6))


def test_cohort_topics_gather_wishes_and_name_who_they_speak_for(drawn):
    assert drawn, "no topic drawn"
    by_wisher = {w: c for c in drawn for w in c.wishers}
    assert by_wisher["e1"] is by_wisher["e2"]  # the two annotation wishes are one topic
    assert by_wisher["e4"] is by_wisher["e5"]
    assert by_wisher["e1"] is not by_wisher["e4"]
    annotation = by_wisher["e1"]
    assert "m1" in annotation.offerers and "m2" not in annotation.offerers
    assert all("m3" not in c.offerers for c in drawn)  # a group of offers alone is no topic
    assert drawn[0].topic.id == "cohort-01" and len({c.topic.id for c in drawn}) == len(drawn)
    for c in drawn:
        assert c.topic.category == COHORT_CATEGORY
        assert set(c.wishes) <= {s.text for s in SENTENCES if s.kind == "want"}
        for lang, title in c.topic.title.items():
            assert title and title[0].isupper()
            assert c.topic.description[lang].startswith(title)
            assert len(c.topic.starters[lang]) == 3
            assert all(title.lower() in s.lower() for s in c.topic.starters[lang][:1])
    # the most wished-for topic first
    sizes = [len(c.wishers) for c in drawn]
    assert sizes == sorted(sizes, reverse=True)


def test_a_topic_has_a_title_in_each_language_its_wishes_are_written_in(drawn):
    annotation = next(c for c in drawn if "e3" in c.wishers)
    assert set(annotation.topic.title) == {"en", "fr"}
    assert "Des souhaits comme" in annotation.topic.description["fr"]


def test_drawn_topics_are_recognised_by_their_text_not_their_templated_starters(drawn):
    texts, _ = topic_views([c.topic for c in drawn])
    assert len(texts) == sum(len(c.topic.title) for c in drawn)  # no starter among them
    catalogue = Topic("x", {"en": "X"}, {"en": "d"}, "careers", {"en": ("a?", "b?")})
    assert len(topic_views([catalogue])[0]) == 3


def test_merge_topics_keeps_the_first_id_and_everything_said():
    a = Topic("a", {"en": "A", "fr": "A fr"}, {"en": "about a"}, "cohort", {"en": ("q1?",)})
    b = Topic("b", {"en": "B"}, {"en": "about b"}, "cohort", {"en": ("q2?", "q1?")})
    c = Topic("c", {"en": "C"}, {"en": "about c"}, "cohort", {})
    merged = merge_topics([a, b, c], ["a", "b"], "Both")
    assert [t.id for t in merged] == ["a", "c"]
    assert merged[0].title == {"en": "Both", "fr": "Both"}
    assert merged[0].description["en"] == "about a about b"
    assert merged[0].starters["en"] == ("q1?", "q2?")
    assert merge_topics([a, b, c], ["b", "c"])[0].id == "a"
    assert merge_topics([a, b, c], ["b", "c"])[1].title == {"en": "B"}
    with pytest.raises(ValueError, match=r"unknown topic.*zz.*expected some of a, b, c"):
        merge_topics([a, b, c], ["a", "zz"])
    with pytest.raises(ValueError, match="at least two"):
        merge_topics([a, b, c], ["a", "a"])


def test_wish_answers_take_the_closest_view_of_each_topic():
    wishes = unit([[1, 0, 0], [0, 0, 1]])
    views = unit([[0.9, 0.1, 0], [0, 1, 0], [0.1, 0, 0.2]])
    similarity, topic = wish_answers(wishes, views, np.array([0, 1, 1]), 2)
    assert topic.tolist() == [0, 1]
    assert similarity[0] > 0.9 and 0.8 < similarity[1] < 0.95
    empty = wish_answers(wishes, np.zeros((0, 3)), np.zeros(0, dtype=np.int64), 0)
    assert empty[1].tolist() == [-1, -1]


def test_catalogue_fit_counts_answered_wishes_and_says_so():
    topics = [Topic("t1", {"en": "T1"}, {"en": ""}), Topic("t2", {"en": "T2"}, {"en": ""})]
    fit = catalogue_fit(topics, ["w1", "w2", "w3", "w4"], np.array([0.5, 0.2, 0.6, 0.1]),
                        np.array([0, 1, 0, 1]), threshold=0.4)
    assert (fit.answered, fit.wishes, fit.share) == (2, 4, 0.5)
    assert fit.by_topic == (("t1", 2),)
    assert fit.unanswered == ("w4", "w2")  # the least answered first
    assert fit_sentence(fit) == "the shipped catalogue answers 2 of 4 wishes of this programme"
    assert fit_sentence(fit, "fr") == \
        "le catalogue fourni répond à 2 des 4 souhaits de ce programme"
    none = catalogue_fit(topics, [], np.zeros(0), np.zeros(0, dtype=np.int64), 0.4)
    assert none.share == 1.0 and "personne" in fit_sentence(none, "fr")


def academic_rows(n: int) -> list[dict]:
    wishes = ["I want to apply to a PhD in machine learning abroad.",
              "I need help writing my first paper for a NLP workshop.",
              "I want to learn corpus annotation for low-resource languages.",
              "How do I answer reviewers in a rebuttal?"]
    rows = [{"id": f"e{i}", "name": f"Mentee {i}", "years_experience": 2,
             "languages": "en", "role_preference": "mentee", "wants": wishes[i % 4]}
            for i in range(n)]
    rows += [{"id": f"m{i}", "name": f"Mentor {i}", "years_experience": 15, "languages": "en",
              "role_preference": "mentor",
              "offers": "I supervise PhD students in NLP and review for ACL."}
             for i in range(max(n // 2, 1))]
    return rows


def test_facade_draws_topics_and_switches_to_them_when_the_catalogue_fits_badly():
    rec = Recommender(embedder=HashingEmbedder())
    rec.add_people(academic_rows(16))
    fit = rec.catalogue_fit()
    assert fit.wishes == 16 and fit.source == "shipped"
    strict = TopicParams(fit_threshold=0.99)  # no wish answered: the catalogue does not fit
    assert rec.topic_source(strict) == "cohort"
    assert rec.topic_source(TopicParams(fit_threshold=-1.0)) == "catalogue"
    drawn = rec.cohort_topics()
    assert drawn and rec.cohort_topics()[0] == drawn[0]  # the same cohort: the same topics
    suggestions = rec.suggest_topics("m0", "e0", k=3, params=strict)
    assert suggestions and all(s.topic_id.startswith("cohort-") for s in suggestions)
    catalogue = rec.suggest_topics("m0", "e0", k=3, params=strict, source="catalogue")
    assert not any(s.topic_id.startswith("cohort-") for s in catalogue)
    with pytest.raises(ValueError, match="source: 'both' is not one of auto, catalogue, cohort"):
        rec.suggest_topics("m0", "e0", source="both")
    # saved as the programme's catalogue, it is the catalogue
    rec.set_topics([c.topic for c in drawn])
    assert rec.topic_source(strict) == "catalogue"
    assert rec.catalogue_fit().source == "programme"


def test_a_handful_of_wishes_keeps_the_catalogue():
    rec = Recommender(embedder=HashingEmbedder())
    rec.add_people(academic_rows(4))
    assert rec.catalogue_fit().wishes == 4
    assert rec.topic_source(TopicParams(fit_threshold=0.99)) == "catalogue"
