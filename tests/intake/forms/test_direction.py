"""A form's question read for who it is about and which way it points, in English, French,
Spanish, Portuguese and German: what the person answering can give (offers), wants to get
(wants), is (profile), would rather avoid, prefers in a partner; counts that are no
capacity. Questions written for this test, not taken from the labelled forms."""

from __future__ import annotations

import pytest

from recommender.intake.forms.headers import header_scores, question_text
from recommender.intake.forms.propose import propose_mapping


def best(question: str) -> str | None:
    scores = header_scores(question)
    return max(scores.items(), key=lambda kv: kv[1][0])[0] if scores else None


@pytest.mark.parametrize("question, field", [
    # giving, though the question says "want" or "hope"
    ("What skills do you want to help mentees to improve?", "offers"),
    ("What do you hope to contribute as a mentor?", "offers"),
    ("Which topics could you teach a senior leader?", "offers"),
    ("Is there anything you could help your mentor with in return?", "offers"),
    ("Que souhaitez-vous transmettre à votre binôme ?", "offers"),
    ("Sur quels sujets pourriez-vous accompagner un dirigeant ?", "offers"),
    ("¿En qué temas puedes ayudar a otros colegas?", "offers"),
    ("Em que você pode ajudar um mentorado?", "offers"),
    ("Welche Themen können Sie anderen beibringen?", "offers"),
    ("Sur quels outils êtes-vous à l'aise ?", "offers"),
    # getting, though the question says "help"
    ("What are the skills you are interested in being mentored in?", "wants"),
    ("How could a colleague help you?", "wants"),
    ("Sur quels points aimeriez-vous être accompagné(e) ?", "wants"),
    ("¿Qué te gustaría aprender en el programa?", "wants"),
    ("O que você espera do programa?", "wants"),
    ("Wobei möchten Sie begleitet werden?", "wants"),
    ("What do you most want to get from a mentor?", "wants"),
    ("Where would you like support with?", "wants"),
    ("Qu'attendez-vous de ce programme pour vous-même ?", "wants"),
    # who the person is
    ("Do you work in a specific research field?", "profile"),
    ("Tell us about your background", "profile"),
    ("Présentez-vous en quelques lignes", "profile"),
    ("Conte um pouco sobre sua trajetória", "profile"),
    # neither offer nor want
    ("Y a-t-il des sujets que vous ne souhaitez pas aborder ?", "_avoid"),
    ("Anything you'd rather not talk about?", "_avoid"),
    ("¿Hay temas que prefieres evitar?", "_avoid"),
    ("Do you have any preferences for a mentee?", "preferences"),
    ("Avez-vous des préférences pour votre binôme ?", "preferences"),
    ("How many academic research papers have you written?", "_count"),
    ("Combien d'articles avez-vous publiés ?", "_count"),
    # capacity: people one takes, or time one has
    ("How many mentees can you take on?", "capacity"),
    ("Combien de dirigeants pouvez-vous accompagner ?", "capacity"),
    ("¿Cuántas personas puedes acompañar a la vez?", "capacity"),
    ("Quantos mentorados você pode acompanhar?", "capacity"),
    ("Wie viele Mentees können Sie betreuen?", "capacity"),
    ("How much time can you give per month?", "capacity"),
])
def test_a_question_is_read_for_its_direction(question, field):
    assert best(question) == field


def test_subjects_with_no_direction_go_to_the_side_of_the_file():
    rows = [(i + 2, {"Research areas": a, "Email": f"p{i}@x.example"})
            for i, a in enumerate(["Robotics", "NLP", "Computer vision", "NLP"])]
    side = {role: propose_mapping(["Research areas", "Email"], rows, role=role).column(
        "Research areas").field for role in ("mentor", "mentee")}
    assert side == {"mentor": "offers", "mentee": "wants"}


def test_a_bilingual_question_is_shown_in_its_first_language_and_shortened():
    header = ("What language(s) do you speak? / ¿Qué idioma(s) hablas? / "
              "Que idioma(s) você fala?")
    assert question_text(header) == "What language(s) do you speak?"
    long = "Are you open to discuss/enumerate the impacts of the program with organizers later?"
    shown = question_text(long, 40)
    assert len(shown) <= 40 and shown.endswith("…") and shown.startswith("Are you open")
    assert question_text("Nom / Name") == "Nom / Name"  # too short to be two questions
