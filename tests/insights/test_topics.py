"""Topic catalogue validation and the topic algorithms on hand-made vectors."""

from __future__ import annotations

import json

import numpy as np
import pytest

from recommender import ValidationError, load_topics
from recommender.insights.catalogue import default_catalogue
from recommender.insights.coverage import covered_by_notes
from recommender.insights.params import TopicParams
from recommender.insights.topics import lexical_similarity, mmr, score_topics


def test_default_catalogue_is_bilingual_and_broad():
    topics = default_catalogue()
    assert len(topics) >= 40 and len({t.id for t in topics}) == len(topics)
    # six or more starters a language: three are shown, all help recognise the topic in notes
    assert all(set(t.title) == {"en", "fr"} and len(t.starters["fr"]) == len(t.starters["en"])
               >= 6 for t in topics)
    categories = {t.category for t in topics}
    assert {"technology", "social media", "recruiting", "early-career view of work",
            "diversity and inclusion", "customers and markets", "sustainability"} <= categories
    ids = {t.id for t in topics}
    # The seed scenarios: a store manager with a delivery clerk; HR seniors on recruiting.
    assert {"front-line-reality", "field-apps", "delivery-expectations"} <= ids
    assert {"employer-brand", "candidate-experience", "salary-transparency", "onboarding"} <= ids
    assert {"genai-daily", "collab-tools", "cyber-habits", "data-dashboards"} <= ids


def test_catalogue_file_errors_are_clear(tmp_path):
    path = tmp_path / "topics.json"
    path.write_text(json.dumps([
        {"id": "a", "en": {"title": "A", "description": "x"}, "fr": {"title": "A", "description": "x"}},
        {"id": "a", "en": {"title": "A2", "description": "y"}},
        {"id": "b", "en": {"title": "B", "description": "z"}},
    ]))
    with pytest.raises(ValidationError) as info:
        load_topics(path, required_languages=("en", "fr"))
    messages = [str(p) for p in info.value.problems]
    assert "topics.json, row 2, column 'id': duplicate topic id 'a' in language 'en' " \
           "(first at row 1)" in messages
    assert "topics.json, row 3, column 'language': topic 'b' lacks fr" in messages


def test_covered_topic_is_excluded_and_close_one_penalised():
    topics = np.eye(4, dtype=np.float32)
    topics[1] = [0.5, 0.866, 0, 0]  # close to topic 0, not covered by the note
    wants = np.array([[0, 0.756, 0.655, 0]], dtype=np.float32)  # equally near topics 1 and 2
    notes = np.array([[1, 0, 0, 0]], dtype=np.float32)  # the notes discussed topic 0
    params = TopicParams()
    assert covered_by_notes(topics, notes, params).tolist() == [0, -1, -1, -1]
    scores = score_topics(topics, wants, np.ones(1), wants, np.ones(1), notes, None, params)
    assert scores.score[0] == -np.inf
    assert scores.relevance[1] == pytest.approx(scores.relevance[2], abs=1e-3)
    assert scores.closest[1] == 0 and scores.closeness[1] == pytest.approx(0.5, abs=1e-3)
    assert scores.score[1] < scores.score[2]


def test_mmr_picks_varied_items():
    scores = np.array([1.0, 0.99, 0.5, -np.inf])
    sims = np.array([[1, 0.99, 0.1, 0], [0.99, 1, 0.1, 0], [0.1, 0.1, 1, 0], [0, 0, 0, 1]])
    assert mmr(scores, sims, 2, diversity=0.0) == [0, 1]
    assert mmr(scores, sims, 2, diversity=0.5) == [0, 2]
    assert 3 not in mmr(scores, sims, 4, diversity=0.5)


def test_lexical_similarity_ignores_stop_words_and_accents():
    sims = lexical_similarity(["ce qu'ils pensent de la seconde main"],
                              ["Seconde main et réparation", "La marque employeur"])
    assert sims[0, 0] > 0 and sims[0, 1] == 0


def test_a_note_nearest_one_of_the_pairs_candidates_covers_it():
    # a paraphrase is only moderately close to any topic (0.3), but plainly nearest topic 1
    # among the topics this pair would be offered (0 and 1), ahead of topic 0 by the margin
    topics = np.eye(4, 20, dtype=np.float32)
    note = np.full((1, 20), 0.0)
    note[0, :4] = [0.1, 0.3, 0.0, 0.25]
    note[0, 4:] = np.sqrt((1 - (note[0, :4] ** 2).sum()) / 16)  # the rest: about nothing
    params = TopicParams()
    assert covered_by_notes(topics, note, params).tolist() == [-1, -1, -1, -1]
    covered = covered_by_notes(topics, note, params, candidates=np.array([0, 1, 2]))
    assert covered.tolist() == [-1, 0, -1, -1]
    # not ahead of the next candidate by the margin: nothing
    tie = note.copy()
    tie[0, 0] = 0.3
    assert covered_by_notes(topics, tie, params, candidates=np.array([0, 1])).tolist() == \
        [-1, -1, -1, -1]


def test_a_clause_covers_for_its_sentence_and_views_stand_for_their_topic():
    from recommender.insights.coverage import note_clauses, note_sentences
    from recommender.records import SessionNote

    notes = [SessionNote("m", "e", "2026-01-05", "We met at the café, then he showed me "
                         "Power BI dashboards. Next time: LinkedIn.")]
    texts, owner = note_sentences(notes)
    assert texts == ["We met at the café, then he showed me Power BI dashboards."]
    clauses, sentence = note_clauses(texts)
    assert clauses == ["We met at the café", "he showed me Power BI dashboards."]
    assert sentence.tolist() == [0, 0] and owner.tolist() == [0]
    # two views of topic 1 (say, its French text), one of topic 0; the clause matches the
    # second view of topic 1 though the whole sentence is near nothing
    views = np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1]], dtype=np.float32)
    view_topic = np.array([0, 1, 1])
    sentence_vec = np.array([[0.5, 0.5, 0.5]], dtype=np.float32) / np.sqrt(0.75)
    clause_vecs = np.array([[0.9, 0.0, 0.0], [0.0, 0.0, 1.0]], dtype=np.float32)
    covered = covered_by_notes(views, sentence_vec, TopicParams(), view_topic, 2,
                               clause_vecs, np.array([0, 0]))
    assert covered.tolist() == [0, 0]  # both clauses credited to sentence 0
