"""The language layer: one table of function words (compared folded), one table of language
names, numbers as each page language writes them, and the readers that use them."""

from __future__ import annotations

import numpy as np
import pytest

from recommender import Recommender, ValidationError
from recommender.embedding.backends import HashingEmbedder
from recommender.intake.cells import languages
from recommender.language.formats import format_number
from recommender.language.langid import StopWordGuesser, detect_language
from recommender.language.names import ISO_639_1, language_code, parse_languages
from recommender.language.stopwords import (
    STOP_WORD_LANGUAGES,
    content_words,
    stop_words,
)
from recommender.language.text import fold
from recommender.matching.cohort import _lexical
from recommender.matching.explain import shared_terms
from recommender.matching.params import MatchParams


def test_every_language_of_the_default_embedder_has_function_words():
    assert set(STOP_WORD_LANGUAGES) == {"ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl",
                                        "pl", "pt", "ru", "th", "tr", "zh"}
    for lang in STOP_WORD_LANGUAGES:
        assert len(stop_words(lang)) >= 20, lang
    with pytest.raises(ValueError, match="no function words for xx"):
        stop_words("xx")


def test_function_words_are_folded_once_and_compare_with_folded_text():
    every = stop_words()
    for written in ("très", "déjà", "être", "même", "für", "über", "más", "não", "até", "perché"):
        assert fold(written) in every, written
        assert written not in every  # the table holds folded words only
    assert every == stop_words(*STOP_WORD_LANGUAGES)


def test_a_word_shared_only_as_a_function_word_is_no_lexical_overlap():
    """Two profiles sharing only "très" (and other accented function words) share no rare
    vocabulary: folded text was once compared with unfolded lists (+0.115 measured)."""
    offers = ["Je suis très à l'aise avec Canva, déjà depuis longtemps.",
              "J'anime des ateliers Python pour l'équipe."]
    wants = ["Je veux être très bon en négociation, même avec des acheteurs.",
             "Je veux comprendre TikTok."]
    offer_rows, want_rows = _lexical(offers, wants)
    overlap = np.asarray(offer_rows[0].multiply(want_rows[0]).sum())
    assert float(overlap) == 0.0
    assert shared_terms(wants[0], offers[0]) == []
    # A real shared rare word still counts.
    offer_rows, want_rows = _lexical(["Je fais des tableaux Power Query très vite."],
                                     ["Je veux maîtriser Power Query."])
    assert float(offer_rows[0].multiply(want_rows[0]).sum()) > 0
    assert set(shared_terms("Je veux maîtriser Power Query.", "Power Query tous les jours")) \
        == {"power", "query"}


def test_the_tres_case_gives_no_lexical_part_to_a_pair():
    rec = Recommender(embedder=HashingEmbedder())
    rec.add_people([
        {"id": "m", "name": "M", "years_experience": 1, "role_preference": "mentor",
         "offers": "Je suis très organisée et déjà formée aux tableaux."},
        {"id": "s", "name": "S", "years_experience": 20, "role_preference": "mentee",
         "wants": "Je veux être très à jour sur les réseaux sociaux."},
    ])
    pair = rec.explain_pair("m", "s", params=MatchParams(min_score=0))
    assert pair.signals["lexical"] == 0.0 and pair.parts["lexical"] == 0.0


def test_content_words_leave_out_function_words_of_every_language():
    assert content_words("Je suis déjà très curieuse des vidéos") == ["curieuse", "videos"]
    assert content_words("Ich möchte über Daten lernen") == ["daten"]


@pytest.mark.parametrize("name, code", [
    ("Inglés", "en"), ("Anglais", "en"), ("ENGLISH", "en"), ("eng", "en"), ("Français", "fr"),
    ("fre", "fr"), ("Deutsch", "de"), ("Português", "pt"), ("Castellano", "es"),
    ("Néerlandais", "nl"), ("русский", "ru"), ("中文", "zh"), ("日本語", "ja"), ("한국어", "ko"),
    ("العربية", "ar"), ("Türkçe", "tr"), ("polski", "pl"), ("ไทย", "th"), ("sw", "sw")])
def test_one_table_of_language_names_and_codes(name, code):
    assert language_code(name) == code


def test_a_two_letter_token_is_a_language_only_if_iso_names_it():
    assert "xx" not in ISO_639_1 and language_code("xx") is None
    assert parse_languages("fr en") == (["fr", "en"], [])
    assert parse_languages("Inglés; Français") == (["en", "fr"], [])
    assert parse_languages("English and Spanish (native)") == (["en", "es"], [])
    assert parse_languages("Inglés de nivel medio") == (["en"], [])  # "de" is not German here
    assert parse_languages("fr;xx;Klingon") == (["fr"], ["xx", "Klingon"])
    assert languages(["fr", "Anglais"]) == (["fr", "en"], [])


def test_a_people_file_reads_language_names_as_the_form_importer_does(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("id;name;years;languages;wants\n"
                    "a;Ana;3;\"Inglés; Français\";Je veux apprendre Python.\n"
                    "b;Bo;9;Deutsch, English;I want to learn Excel.\n", encoding="utf-8")
    rec = Recommender(embedder=HashingEmbedder())
    rec.import_people(path)
    assert rec.person("a").languages == ("en", "fr")
    assert rec.person("b").languages == ("de", "en")
    with pytest.raises(ValidationError, match="unknown language 'xx'"):
        rec.add_people([{"id": "c", "name": "C", "years_experience": 1, "languages": "fr;xx",
                         "wants": "x y z"}])


def test_numbers_are_written_as_each_page_language_writes_them():
    assert format_number(30.25, "fr") == "30,2" and format_number(30.25, "en") == "30.2"
    assert format_number(3.0, "fr", 2) == "3" and format_number(0.07, "fr", 2) == "0,07"
    assert format_number(None, "en") == ""


def test_language_guesses_read_the_one_table():
    assert StopWordGuesser(("fr", "en")).classify_code("Je veux comprendre les jeunes") == "fr"
    assert detect_language("Développement RH, paie et formation") == "fr"
    assert detect_language("I lead our payroll team") == "en"
    assert detect_language("") == "en"


def test_a_yes_no_column_is_no_languages_column_but_a_languages_cell_reads_any_code():
    """"No" is Norwegian's code and the commonest answer of a form: a column of yes/no
    answers must not look like languages; a people file's languages cell reads any code."""
    assert parse_languages("No") == ([], ["No"])
    assert parse_languages("no", any_code=True) == (["no"], [])
    assert languages("no;sw") == (["no", "sw"], [])
    assert language_code("Norwegian") == "no" and language_code("no") is None
    from recommender.intake.forms.answers import analyse

    assert analyse(["Yes", "No", "Yes", "No", "Yes"]).language_share == 0.0


@pytest.mark.parametrize("answer, codes, unknown", [
    # a locale tag is its language, never a second one (pt-BR is not Breton)
    ("pt-BR", ["pt"], []), ("fr-CA; en-CA", ["fr", "en"], []), ("zh-TW", ["zh"], []),
    ("es-419", ["es"], []), ("sr_Latn", ["sr"], []),
    # a code beside a name is read too, in either order
    ("English fr", ["en", "fr"], []), ("fr English", ["fr", "en"], []),
    ("Français EN", ["fr", "en"], []), ("Anglais courant, FR", ["en", "fr"], []),
    # a word beside a name that names nothing is reported, not dropped
    ("English Klingon", ["en"], ["Klingon"]),
    # levels and link words, in several languages, say nothing more
    ("Inglés de nivel avanzado", ["en"], []), ("anglais lu, écrit, parlé", ["en"], []),
    ("Englisch (Muttersprache), Deutsch B2", ["en", "de"], []),
    ("Anglais courant, notions d'espagnol", ["en", "es"], []),
    ("tiếng Việt, English", ["vi", "en"], []), ("fr de", ["fr", "de"], []),
])
def test_an_answer_reads_every_language_it_names_and_reports_the_rest(answer, codes, unknown):
    assert parse_languages(answer, any_code=True) == (codes, unknown)


def test_a_people_file_refuses_a_word_beside_a_language_it_does_not_know():
    rec = Recommender(embedder=HashingEmbedder())
    with pytest.raises(ValidationError, match="Klingon"):
        rec.add_people([{"id": "c", "name": "C", "years_experience": 1,
                         "languages": "English Klingon", "wants": "x y z"}])
    rec.add_people([{"id": "d", "name": "D", "years_experience": 1, "languages": "pt-BR",
                     "wants": "x y z"}])
    assert rec.person("d").languages == ("pt",)


@pytest.mark.parametrize("answers, header, languages", [
    (["IT", "HR", "IT", "HR", "Finance", "IT"], "Business unit", False),
    (["IT", "HR", "IT", "HR", "IT"], "Business unit", False),
    (["RH", "IT", "Finance", "Ventes", "IT"], "Direction", False),
    (["FR", "EN", "FR", "ES", "EN"], "Languages", True),
    (["FR", "EN", "FR; EN", "ES", "EN"], "Column 7", True),
    (["Français", "Anglais, espagnol", "FR", "Deutsch"], "Column 7", True),
])
def test_a_column_of_two_letter_codes_is_languages_only_if_the_header_or_answers_say_so(
        answers, header, languages):
    from recommender.intake.forms.propose import propose_mapping

    rows = [(i + 2, {header: a, "E-mail": f"p{i}@x.org"}) for i, a in enumerate(answers)]
    proposal = propose_mapping([header, "E-mail"], rows)
    assert (proposal.column(header).field == "languages") is languages


@pytest.mark.parametrize("text, kept, dropped", [
    ("The war for talent is on", {"war", "talent"}, set()),
    ("I ate at the canteen and met the new team", {"ate", "met", "canteen"}, set()),
    ("Die Digitalisierung und die Arbeit in der Firma", {"digitalisierung", "arbeit"},
     {"die", "und", "der"}),
    ("Desejo entender como a geração Z escolhe um empregador", {"geracao", "empregador"},
     {"como"}),
    ("Quiero aprender mucho sobre la inteligencia artificial", {"inteligencia"},
     {"mucho", "sobre"}),
    ("podcast pod TikTok", {"podcast", "pod", "tiktok"}, set()),
])
def test_a_text_loses_the_function_words_of_its_own_language_only(text, kept, dropped):
    """Function words of every language at once once dropped English words ("war", "met",
    "ate": German, Dutch, Portuguese function words): a text loses those of the languages
    it is written in."""
    from recommender.language.stopwords import content_words

    found = set(content_words(text))
    assert kept <= found and not dropped & found


def test_thai_and_kana_function_words_survive_folding():
    """Folding strips accents, not the marks that are part of a Thai or kana letter."""
    from recommender.language.text import words

    assert {"ที่", "เป็น"} <= stop_words("th")
    assert "が" in stop_words("ja") and "か" in stop_words("ja")
    assert words(fold("ข้อมูล ที่ เป็น")) == ["ข้อมูล", "ที่", "เป็น"]
