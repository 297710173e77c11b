"""Form questions set apart from answers, clauses, and note sentences that put a subject off."""

from __future__ import annotations

import pytest

from recommender.language.langid import detect_language
from recommender.language.negation import not_discussed
from recommender.language.text import form_label, split_answer, split_clauses


@pytest.mark.parametrize("question, label", [
    ("What career goals do you want to achieve in the next three years?",
     "What career goals do you want to achieve in the next three years"),
    ("Mentee Motivation. Which area do you prefer to be mentored in?",
     "Mentee Motivation / Which area do you prefer to be mentored in"),
    ("What are your goals? ¿Cuáles son tus objetivos?",
     "What are your goals / Cuáles son tus objetivos"),
    ("Ce que je propose :", "Ce que je propose"),
    ("Time zone: GMT offset", "Time zone / GMT offset"),
    ("Skills ▸ tools", "Skills   tools"),
])
def test_a_question_becomes_a_label_with_no_sentence_end_or_colon(question, label):
    assert form_label(question) == label
    assert split_answer(f"{form_label(question)} ▸ my answer.") == (label, "my answer.")


@pytest.mark.parametrize("sentence, expected", [
    ("Skills you want to be mentored in ▸ NLP, computer vision",
     ("Skills you want to be mentored in", "NLP, computer vision")),
    ("Ce que je propose ▸ Canva, Notion", ("Ce que je propose", "Canva, Notion")),
    # a colon in prose is the writer's own: all of it is the answer
    ("Thirty years in credit risk: model validation and Basel reporting.",
     ("", "Thirty years in credit risk: model validation and Basel reporting.")),
    ("Ce que je propose : Canva, Notion", ("", "Ce que je propose : Canva, Notion")),
    ("I meet them at 10:30 on Mondays.", ("", "I meet them at 10:30 on Mondays.")),
    ("No mark in this sentence", ("", "No mark in this sentence")),
])
def test_split_answer_finds_a_form_label_only(sentence, expected):
    assert split_answer(sentence) == expected


@pytest.mark.parametrize("sentence, clauses", [
    ("Il m'a montré ses achats sur Vinted et l'atelier où il ressemelle ses baskets.",
     ["Il m'a montré ses achats sur Vinted", "l'atelier où il ressemelle ses baskets."]),
    ("We met at the café, then she showed me her dashboards in Power BI.",
     ["We met at the café", "she showed me her dashboards in Power BI."]),
    ("Short one.", []),
    ("A single clause without any break in it.", []),
])
def test_split_clauses(sentence, clauses):
    assert split_clauses(sentence) == clauses


@pytest.mark.parametrize("sentence", [
    "We didn't get to automating my weekly report; next time.",
    "Next time: delivery slots and returns.",
    "No time left for ChatGPT, we'll try it next session.",
    "Newsletters only made it onto the list for next month.",
    "On n'a pas eu le temps de regarder les tableaux de bord.",
    "La prochaine fois : TikTok.",
    "On n’a pas encore abordé LinkedIn.",
    "No tuvimos tiempo de hablar de becas.",
    "Não tivemos tempo para o LinkedIn.",
    "Keine Zeit mehr für Dashboards, nächstes Mal.",
])
def test_sentences_that_put_a_subject_off(sentence):
    assert not_discussed(sentence)


@pytest.mark.parametrize("sentence", [
    "She showed me her dashboards in Power BI.",
    "She has not yet found a job.",
    "Elle n'a pas encore de poste.",
    "She starts her new job next month.",
    "Il veut faire du reporting automatique.",
    "We talked about how to do a pivot table.",
    "Il veut savoir ce qu'il fera plus tard.",
])
def test_sentences_about_what_was_discussed(sentence):
    assert not not_discussed(sentence)


def test_a_language_the_model_does_not_know_is_no_candidate():
    assert detect_language("Quiero escribir mi primer artículo científico", ("gn", "es"),
                           "gn") == "es"
    assert detect_language("anything at all here", ("gn",), "gn") == "gn"
