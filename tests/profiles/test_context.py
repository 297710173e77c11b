"""Wishes read in context (issue #10): how much a wish needs the sentences before it, list
items read under their header, and the want vectors that result."""

from __future__ import annotations

import numpy as np

from recommender import MatchParams
from recommender.language.stopwords import content_words
from recommender.matching.cohort import Sentences, context_need, in_context
from recommender.profiles.intent import KINDS
from recommender.profiles.segment import _under_headers


def test_a_wish_that_names_its_topic_needs_no_context():
    for text in ("Desejo entender como a geração Z escolhe um empregador.",
                 "I want to understand how young people use refurbished electronics platforms.",
                 "Quiero aprender a usar herramientas de IA generativa para preparar informes."):
        assert context_need(text, 4) <= 0.25, text


def test_a_short_or_pronoun_bound_wish_needs_its_context():
    for text in ("Je veux comprendre ce qui les attire ailleurs.",
                 "I want to understand what they would actually come in for.",
                 "Das möchte ich beim nächsten Mal besser machen.",
                 "Taugt das wirklich etwas?",
                 "Vorrei capire che cosa si aspettano da me.",
                 "J'aimerais comprendre ce qui cloche."):
        assert context_need(text, 4) >= 0.5, text
    assert context_need("Taugt das wirklich etwas?", 0) == 0.0


def test_content_words_leave_out_function_and_wish_words_in_six_languages():
    assert content_words("Je veux mieux saisir leurs attentes.") == ["attentes"]
    assert content_words("Ich möchte verstehen, wie das geht.") == ["geht"]
    assert "empregador" in content_words("Desejo entender como a geração Z escolhe um empregador")


def test_a_wish_that_needs_its_context_is_read_as_the_sentence_before_it():
    rng = np.random.default_rng(0)
    want, before = rng.normal(size=(2, 16)).astype(np.float32)
    want /= np.linalg.norm(want)
    before /= np.linalg.norm(before)
    wants = Sentences(want[None], np.ones(1, np.float32), np.zeros(1, np.int64),
                      np.array([0, 1]))
    alone = in_context(wants, before[None], 0.15, np.array([0.0]), 3.0)[0]
    needy = in_context(wants, before[None], 0.15, np.array([1.0]), 3.0)[0]
    assert float(needy @ before) > float(alone @ before) + 0.3
    assert abs(float(np.linalg.norm(needy)) - 1) < 1e-5


def test_list_items_take_the_label_of_their_header():
    texts = ["Head of Operations.", "What I'd like to learn:", "Mental health of young staff",
             "Spotting burnout early", "I also coach the night shift."]
    proba = np.array([[0.1, 0.1, 0.8], [0.0, 1.0, 0.0], [0.3, 0.3, 0.4], [0.6, 0.1, 0.3],
                      [0.9, 0.05, 0.05]])
    labels, source = _under_headers(texts, ["S"] * 5, proba)
    assert [KINDS[k] for k in labels] == ["other", "other", "want", "want", "offer"]
    assert source == [0, 1, 1, 1, 4]
    # Another person's sentences never inherit a header.
    labels, _ = _under_headers(texts[1:4], ["S", "T", "T"], proba[1:4])
    assert [KINDS[k] for k in labels] == ["want", "other", "offer"]


def test_the_new_settings_are_validated():
    for bad in ({"anaphora_weight": -1}, {"known_weight": -0.5}, {"context_decay": 1.0},
                {"self_contained_words": -1}):
        try:
            MatchParams(**bad)
        except ValueError:
            continue
        raise AssertionError(bad)


def test_fold_strips_the_accents_of_accented_scripts_and_nothing_else():
    """Fold's two patterns of marks (basic plane, others) against the definition, character
    by character, over every code point: a combining mark goes when it follows a letter of
    Latin, Greek or Cyrillic (an accent), and stays elsewhere (part of a Thai or kana
    letter, recomposed)."""
    import sys
    import unicodedata

    from recommender.language.text import fold

    def accented(c: str) -> bool:
        return c <= "\u052f" or "\u1e00" <= c <= "\u1fff"

    def by_definition(text: str) -> str:
        decomposed = unicodedata.normalize("NFKD", text).lower()
        kept: list[str] = []
        anchor = ""
        for c in decomposed:
            if not unicodedata.combining(c):
                anchor = c
            elif anchor and accented(anchor):
                continue
            kept.append(c)
        return unicodedata.normalize("NFC", "".join(kept))

    assert fold("Année, ÇA, naïve, Ærø") == "annee, ca, naive, ærø"  # ø is a letter
    assert fold("が ที่") == "が ที่" and fold("Tiếng Việt") == "tieng viet"
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    for start in range(0, len(every), 4096):
        chunk = every[start : start + 4096]
        assert fold(chunk) == by_definition(chunk), hex(start)
