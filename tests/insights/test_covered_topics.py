"""A topic a pair's notes cover, even in other words, is detected and never suggested as
"not covered" (real multilingual model)."""

from __future__ import annotations

import json

import pytest

from recommender import load_demo

from ..shared import DATA
from .test_topics_quality import build

PARAPHRASES = DATA / "labelled_topics_paraphrased.json"
CASES = json.loads(PARAPHRASES.read_text(encoding="utf-8"))["cases"]


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_paraphrased_notes_cover_their_topic(case):
    rec = build(case)
    covered = {c.topic_id for c in rec.covered_topics("mentor", "mentee")}
    suggested = [s.topic_id for s in rec.suggest_topics("mentor", "mentee", k=5)]
    assert set(case["covered"]) <= covered, covered
    assert not set(case["covered"]) & set(suggested), suggested


@pytest.fixture(scope="module")
def demo():
    return load_demo()


@pytest.mark.slow
def test_demo_generative_ai_pair_is_not_offered_generative_ai_again(demo):
    # Mehdi (P038) showed Bernard (P003) ChatGPT summarising a report and prepared a board
    # presentation with generative AI: that topic is covered, whatever the notes' wording.
    covered = {c.topic_id for c in demo.covered_topics("P038", "P003")}
    suggestions = demo.suggest_topics("P038", "P003", k=5)
    assert "genai-daily" in covered
    assert "genai-daily" not in [s.topic_id for s in suggestions]
    assert all("Pas encore abordé" not in r or s.topic_id not in covered
               for s in suggestions for r in s.reasons)


@pytest.mark.slow
def test_cards_are_in_score_order_with_reasons_of_their_own(demo):
    suggestions = demo.suggest_topics("P038", "P003", k=5)
    scores = [s.score for s in suggestions]
    assert scores == sorted(scores, reverse=True)
    firsts = [s.reasons[0] for s in suggestions]
    seconds = [s.reasons[1] for s in suggestions]
    assert len(set(firsts)) == len(firsts) and len(set(seconds)) == len(seconds), firsts
