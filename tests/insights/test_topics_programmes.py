"""Next topics on the labelled academic and corporate programmes and on the paraphrase set,
with the real multilingual model: the figures of ``benchmarks/bench_topics.py`` (issue #26).
The clustering threshold was chosen on the academic programme, the coverage of notes on the
corporate one, the fit threshold on the even-rank people of both (``docs/tuning.md``)."""

from __future__ import annotations

import sys

import pytest

from ..shared import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_topics import evaluate, paraphrases


@pytest.fixture(scope="module")
def academic():
    return evaluate("academic")


@pytest.fixture(scope="module")
def corporate():
    return evaluate("corporate")


def share(pair: tuple[int, int]) -> float:
    return pair[0] / pair[1]


@pytest.mark.slow
def test_an_academic_programme_gets_its_own_topics(academic):
    found = academic["scores"]
    print(found)
    assert academic["source"] == "cohort"  # the shipped catalogue does not fit it
    answered, wishes = academic["fit"]
    assert answered / wishes < 0.3
    # the cohort's topics answer the pairs; the corporate catalogue barely does
    assert share(found["cohort"]["top3"]) >= 0.75
    assert share(found["catalogue"]["top3"]) <= 0.2
    assert found["cohort"]["distinct_first"][0] > found["catalogue"]["distinct_first"][0]
    assert share(found["cohort"]["resuggested"]) <= 0.25
    assert share(found["baseline"]["resuggested"]) == 1.0  # it never reads the notes


@pytest.mark.slow
def test_a_corporate_programme_keeps_the_catalogue_that_fits_it(corporate):
    found = corporate["scores"]
    print(found)
    assert corporate["source"] == "catalogue"
    answered, wishes = corporate["fit"]
    assert answered / wishes >= 0.5
    assert share(found["catalogue"]["top3"]) >= 0.7
    assert share(found["catalogue"]["resuggested"]) <= 0.2
    assert share(found["cohort"]["top3"]) >= 0.8  # asked for, the cohort's own topics work too


@pytest.mark.slow
def test_notes_in_other_words_or_languages_cover_their_topic():
    found = paraphrases()
    print(found)
    assert found["cases"] >= 20 and found["crosslingual"] * 2 >= found["cases"]
    assert found["leaks"] == 0
    assert found["detected"] == found["cases"]
    assert found["relevant"] >= 20  # what the catalogue reached before notes were read anew
