"""A form's questions are labels, not wishes: sentences, topic reasons and pair reasons quote
the answers people gave, never the question above them (fake embedder)."""

from __future__ import annotations

from recommender import HashingEmbedder, Recommender
from recommender.intake.forms.mapping import ColumnMapping

GOALS = "What career goals do you want to achieve in the next three years?"
SKILLS = "What are the skills you are interested in being mentored in?"
OFFER = "Which skills can you help mentees improve?"
AREAS = "Mentor Motivation. Which research areas can you mentor?"


def imported() -> Recommender:
    rec = Recommender(embedder=HashingEmbedder())
    mentees = [{"Email": f"e{i}@uni.example", "Name": f"Mentee {i}", "Position": "1",
                GOALS: "Finish my PhD and apply to a postdoc abroad.",
                SKILLS: "Scientific writing for a first paper. Answering reviewers."}
               for i in range(3)]
    mentors = [{"Email": f"m{i}@uni.example", "Name": f"Mentor {i}", "Position": "15",
                OFFER: "Scientific writing, rebuttals and reviewing.",
                AREAS: "Computer vision for medical images."}
               for i in range(3)]
    rec.import_people(mentees, "mentees.csv", role="mentee", mapping=ColumnMapping(
        fields={"email": ("Email",), "name": ("Name",), "years_experience": ("Position",),
                "wants": (GOALS, SKILLS)}, generate_ids=True))
    rec.import_people(mentors, "mentors.csv", role="mentor", mapping=ColumnMapping(
        fields={"email": ("Email",), "name": ("Name",), "years_experience": ("Position",),
                "offers": (OFFER, AREAS)}, generate_ids=True))
    return rec


def question_words(text: str) -> bool:
    return any(q.rstrip("?").split(".")[-1].strip()[:25] in text
               for q in (GOALS, SKILLS, OFFER, AREAS))


def test_the_profile_keeps_the_question_for_the_reader_and_the_sentences_the_answer():
    rec = imported()
    person = next(p for p in rec.people() if p.role_preference == "mentee")
    assert person.wants.startswith("What career goals do you want to achieve in the next "
                                   "three years ▸ Finish my PhD")
    mentor = next(p for p in rec.people() if p.role_preference == "mentor")
    # a question asked in two sentences stays one label, never a sentence of its own
    assert "Mentor Motivation / Which research areas can you mentor ▸ Computer" in mentor.offers
    texts = [s.text for s in rec.segments()]
    assert "Finish my PhD and apply to a postdoc abroad." in texts
    assert "Scientific writing, rebuttals and reviewing." in texts
    assert not [t for t in texts if question_words(t)], texts


def test_topic_and_pair_reasons_quote_answers_not_questions():
    rec = imported()
    mentor = next(p.id for p in rec.people() if p.role_preference == "mentor")
    mentee = next(p.id for p in rec.people() if p.role_preference == "mentee")
    for source in ("catalogue", "cohort"):
        for suggestion in rec.suggest_topics(mentor, mentee, k=3, source=source):
            assert not [r for r in suggestion.reasons if question_words(r)], suggestion.reasons
    explained = rec.explain_pair(mentor, mentee)
    assert explained is not None
    assert not [r for r in explained.reasons if question_words(r)], explained.reasons
