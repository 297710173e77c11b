"""Themes from notes (planted themes are recovered) and every at-risk rule."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from recommender import Recommender
from recommender.insights.health import (
    HealthParams,
    PairStats,
    drift_reason,
    falling_ratings_reason,
    inactivity_reason,
    low_cadence_reason,
    pair_health,
    rating_trend,
)
from recommender.insights.themes import ThemeParams, c_tf_idf, find_themes

PLANTED = {
    "tiktok": ["We filmed TikTok videos for recruiting", "TikTok recruiting videos and creators",
               "Nous avons tourné des vidéos TikTok recrutement", "TikTok creators recruiting video"],
    "excel": ["Excel macros automate the monthly report", "Automate Excel report with macros",
              "Macros Excel pour automatiser le rapport", "Monthly report Excel automation"],
    "livraison": ["Tournée de livraison et application des livreurs",
                  "Les livreurs et la tournée de livraison", "Application de tournée des livreurs",
                  "Livraison tournée livreurs retard"],
}


def planted_notes():
    texts, truth = [], []
    for label, items in enumerate(PLANTED.values()):
        for text in items:
            texts.append(text)
            truth.append(label)
    return texts, np.array(truth)


def test_clustering_recovers_planted_themes_with_fake_embedder():
    from recommender import HashingEmbedder

    texts, truth = planted_notes()
    themes = find_themes(HashingEmbedder().encode(texts), texts, ThemeParams())
    assert adjusted_rand_score(truth, themes.labels) == pytest.approx(1.0)
    labels = {frozenset(words[:2]) for words in themes.keywords}
    assert any({"tiktok"} <= set(w) for w in labels)


def test_c_tf_idf_prefers_words_specific_to_a_class():
    texts = ["budget budget meeting", "budget forecast meeting", "tiktok video meeting",
             "tiktok creators meeting"]
    words = c_tf_idf(texts, np.array([0, 0, 1, 1]), top=2)
    assert words[0][0] == "budget" and words[1][0] == "tiktok"
    assert "meeting" not in words[0][:1] + words[1][:1]


def test_rec_themes_flag_candidate_new_topics():
    rec = Recommender(embedder="hashing")
    rec.add_people([{"id": "a", "name": "A", "years_experience": 1, "offers": "x"},
                    {"id": "b", "name": "B", "years_experience": 20, "wants": "y"}])
    texts, _ = planted_notes()
    rec.add_notes([{"mentor_id": "a", "mentee_id": "b", "date": f"2026-0{1 + i % 3}-10",
                    "text": t} for i, t in enumerate(texts)])
    rec.set_topics([{"id": "tiktok", "title": "TikTok recruiting videos creators",
                     "description": "TikTok videos for recruiting"}])
    themes = rec.themes()
    assert sorted(t.size for t in themes) == [4, 4, 4]
    by_label = {t.nearest_topic_id: t for t in themes}
    flagged = [t for t in themes if t.candidate_new_topic]
    assert len(flagged) == 2 and not any("tiktok" in t.keywords for t in flagged)
    assert sum(sum(t.by_month.values()) for t in themes) == 12 and by_label


@pytest.mark.slow
def test_bilingual_planted_themes_with_real_model():
    from recommender.embedding.backends import make_embedder

    texts = [
        "Nous avons parlé de santé mentale et de stress au travail.",
        "We talked about stress and mental health at work.",
        "Le stress des jeunes salariés et comment en parler.",
        "How young colleagues deal with burnout and anxiety.",
        "Nous avons automatisé le rapport Excel avec Power Automate.",
        "We automated the Excel budget report with Python.",
        "Automatiser les tableaux Excel avec des macros.",
        "Python scripts to automate spreadsheets.",
    ]
    truth = np.array([0, 0, 0, 0, 1, 1, 1, 1])
    themes = find_themes(make_embedder("use-multilingual").encode(texts), texts, ThemeParams())
    assert adjusted_rand_score(truth, themes.labels) >= 0.99


# ---------------------------------------------------------------- health rules
TODAY = dt.date(2026, 11, 28)
P = HealthParams()


def stats(dates, ratings=None, relevance=None, start=None):
    n = len(dates)
    return PairStats(dates, ratings or [None] * n,
                     np.array(relevance if relevance is not None else [0.5] * n), start)


def test_inactivity_rule():
    assert inactivity_reason(stats(["2026-11-20"]), TODAY, P) is None
    assert inactivity_reason(stats(["2026-09-01"]), TODAY, P) == "no session for 88 days"
    assert inactivity_reason(stats([]), TODAY, P) == "no session logged yet"


def test_cadence_rule():
    monthly = [f"2026-{m:02d}-05" for m in range(6, 12)]
    assert low_cadence_reason(stats(monthly), TODAY, P) is None
    sparse = ["2026-03-01", "2026-11-20"]
    assert "under half the target" in low_cadence_reason(stats(sparse), TODAY, P)
    assert low_cadence_reason(stats(["2026-11-10"]), TODAY, P) is None  # too early to judge


def test_falling_ratings_rule():
    assert falling_ratings_reason(stats(["d"] * 4, [5, 4, 3, 2]), P) == "ratings falling (5 → 2)"
    assert falling_ratings_reason(stats(["d"] * 3, [5, 4, 4]), P) is None
    assert falling_ratings_reason(stats(["d"] * 3, [3, 3, 2]), P) == "last session rated 2/5"
    assert rating_trend([None, 3]) is None
    assert rating_trend([1, 2, 3]) == pytest.approx(1.0)


def test_drift_rule():
    assert drift_reason(stats(["d"] * 4, relevance=[0.6, 0.5, 0.1, 0.05]), P) is None
    assert drift_reason(stats(["d"] * 4, relevance=[0.6, 0.1, 0.05, 0.0]), P) == (
        "recent notes drift away from the mentee's wishes")


def test_pair_health_combines_rules():
    figures = pair_health(
        stats(["2026-06-01", "2026-07-01", "2026-08-01"], [5, 3, 1], [0.3, 0.05, 0.0]), TODAY, P)
    assert figures.sessions == 3 and figures.last_session == "2026-08-01"
    assert figures.days_since_last == 119
    assert figures.reasons == ("no session for 119 days", "ratings falling (5 → 1)",
                       "recent notes drift away from the mentee's wishes")


def test_rec_health_programme_level(rec):
    rec.set_pair_status("j1", "s1", "active")
    rec.set_pair_status("j2", "s2", "active")
    rec.add_notes([
        {"mentor_id": "j1", "mentee_id": "s1", "date": "2026-11-01", "rating": 5,
         "text": "We talked about recruiting on TikTok and how graduates search jobs."},
        {"mentor_id": "j1", "mentee_id": "s1", "date": "2026-11-20", "rating": 5,
         "text": "TikTok recruiting videos for graduates."},
    ])
    health = rec.health(as_of="2026-11-28")
    by_pair = {(p.mentor_id, p.mentee_id): p for p in health.pairs}
    assert not by_pair[("j1", "s1")].at_risk
    assert by_pair[("j2", "s2")].sessions == 0
    assert health.sessions_by_month == {"2026-11": 2}
    assert 0 < health.wants_covered_share < 1
    late = rec.health(as_of="2027-03-01")
    assert late.pairs_at_risk == 2


def test_reasons_in_french():
    reasons = pair_health(stats(["2026-06-01", "2026-07-01", "2026-08-01"], [5, 3, 1],
                                [0.3, 0.05, 0.0]), TODAY, P, lang="fr").reasons
    assert reasons == ("aucune séance depuis 119 jours", "notes en baisse (5 → 1)",
                       "les dernières séances s'éloignent des souhaits du mentoré")
