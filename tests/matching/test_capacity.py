"""A coordinator's numbers mean what they say: ``max_mentees_per_mentor`` mentees for each
mentor (unless their own answer says fewer), and a second partner only for someone when
everyone who can have a first has one."""

from __future__ import annotations

from collections import Counter

from recommender import Recommender
from recommender.embedding.backends import HashingEmbedder

TOPICS = ["TikTok videos for recruiting", "Power BI dashboards", "podcasts for the brand",
          "generative AI prompts", "LinkedIn employer branding", "Canva visuals"]


def cohort(mentors: int, mentees: int, capacity: dict[int, int] | None = None) -> Recommender:
    rec = Recommender(embedder=HashingEmbedder())
    rows = [{"id": f"m{i}", "name": f"M{i}", "years_experience": 2, "role_preference": "mentor",
             "offers": f"I can teach {TOPICS[i % 6]} and {TOPICS[(i + 1) % 6]}.",
             **({"capacity": capacity[i]} if capacity and i in capacity else {})}
            for i in range(mentors)]
    rows += [{"id": f"s{i}", "name": f"S{i}", "years_experience": 20,
              "role_preference": "mentee",
              "wants": f"I want to learn {TOPICS[i % 6]} and {TOPICS[(i + 2) % 6]}."}
             for i in range(mentees)]
    rec.add_people(rows)
    return rec


def test_two_mentees_per_mentor_when_the_programme_says_two():
    rec = cohort(3, 6, capacity={2: 1})  # m2 said one
    result = rec.suggest_pairs(max_mentees_per_mentor=2)
    per_mentor = Counter(p.mentor_id for p in result.pairs)
    assert per_mentor == {"m0": 2, "m1": 2, "m2": 1}
    assert rec.person("m0").capacity is None and rec.person("m2").capacity == 1


def test_a_third_mentor_goes_to_nobody_while_a_mentee_has_none():
    rec = cohort(4, 3)
    result = rec.suggest_pairs(max_mentors_per_mentee=3, max_mentees_per_mentor=1)
    per_mentee = Counter(p.mentee_id for p in result.pairs)
    assert set(per_mentee) == {"s0", "s1", "s2"}  # everyone has one before anyone has two
    assert sum(per_mentee.values()) == 4
