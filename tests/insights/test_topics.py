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
    assert all(set(t.title) == {"en", "fr"} and 2 <= len(t.starters["fr"]) <= 3 for t in topics)
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
