"""The labelled next-topic evaluation sets of ``tests/data/topics_eval`` hold together: fast
structural checks, no embedding model (see that folder's README for the format)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from recommender.language.langid import DEFAULT_CANDIDATES, detect_language

from ..shared import DATA, ROOT

SETS = sorted((DATA / "topics_eval").glob("*.json"))
CATALOGUE = {t["id"] for t in json.loads(
    (ROOT / "recommender" / "data" / "topics.json").read_text(encoding="utf-8"))}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SENTENCE_END = re.compile(r"[.!?…][\"'»”)\]]*$")


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def subjects_of(items: list) -> set[str]:
    """The gold subjects of a person's ``wants`` or ``offers`` (null sentences left out)."""
    return {key for _, key in items if key is not None}


def codes(languages: str) -> set[str]:
    return {c.strip().lower() for c in re.split(r"[,;]", languages or "") if c.strip()}


@pytest.fixture(scope="module", params=SETS, ids=[p.stem for p in SETS])
def evalset(request) -> dict:
    return load(request.param)


def test_there_are_sets():
    assert SETS, "no tests/data/topics_eval/*.json"


def test_header(evalset):
    assert set(evalset) >= {"about", "direction", "subjects", "people", "pairs"}
    assert isinstance(evalset["about"], str) and len(evalset["about"]) > 100
    assert evalset["direction"] in {"classic", "reverse", "peer"}


def test_ids_unique_and_pairs_name_known_people(evalset):
    ids = [p["id"] for p in evalset["people"]]
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]
    keys = [(p["mentor"], p["mentee"]) for p in evalset["pairs"]]
    assert len(keys) == len(set(keys))
    assert {i for pair in keys for i in pair} <= set(ids)


def test_pair_roles_and_language(evalset):
    people = {p["id"]: p for p in evalset["people"]}
    for pair in evalset["pairs"]:
        mentor, mentee = people[pair["mentor"]], people[pair["mentee"]]
        assert mentor["role_preference"] == "mentor", pair
        assert mentee["role_preference"] == "mentee", pair
        assert pair["language"] in codes(mentor["languages"]) & codes(mentee["languages"]), pair


def test_sentences_are_labelled_one_by_one(evalset):
    declared = set(evalset["subjects"])
    for person in evalset["people"]:
        for field in ("wants", "offers"):
            for item in person.get(field, []):
                assert isinstance(item, list) and len(item) == 2, (person["id"], item)
                text, key = item
                assert isinstance(text, str) and SENTENCE_END.search(text.strip()), (person["id"], text)
                assert key is None or key in declared, (person["id"], key)


def test_subjects_declared_and_catalogue_ids_exist(evalset):
    declared = set(evalset["subjects"])
    for key, subject in evalset["subjects"].items():
        assert subject["title"].get("en"), key
        assert set(subject["catalogue"]) <= CATALOGUE, (key, set(subject["catalogue"]) - CATALOGUE)
    for pair in evalset["pairs"]:
        used = set(pair["relevant"]) | set(pair.get("covered", []))
        assert used <= declared, (pair["mentor"], pair["mentee"], used - declared)


def test_relevant_is_wanted_and_offered(evalset):
    people = {p["id"]: p for p in evalset["people"]}
    for pair in evalset["pairs"]:
        wanted = subjects_of(people[pair["mentee"]]["wants"])
        offered = subjects_of(people[pair["mentor"]]["offers"])
        assert 1 <= len(pair["relevant"]) <= 3, pair
        assert set(pair["relevant"]) <= wanted & offered, (pair["mentor"], pair["mentee"])


def test_covered_is_wanted_and_leaves_something_to_suggest(evalset):
    people = {p["id"]: p for p in evalset["people"]}
    for pair in evalset["pairs"]:
        if not pair.get("notes"):
            continue
        wanted = subjects_of(people[pair["mentee"]]["wants"])
        covered = set(pair["covered"])
        assert covered <= wanted, (pair["mentor"], pair["mentee"], covered - wanted)
        assert set(pair["relevant"]) - covered, (pair["mentor"], pair["mentee"])
        for note in pair["notes"]:
            assert DATE.match(note["date"]) and note["text"].strip(), note
            assert 1 <= note["rating"] <= 5, note


def test_sizes(evalset):
    mentees = [p for p in evalset["people"] if p["role_preference"] == "mentee"]
    with_notes = [p for p in evalset["pairs"] if p.get("notes")]
    assert len(evalset["pairs"]) >= 20
    assert len(mentees) >= 20
    assert len(with_notes) >= 8


def test_notes_are_often_in_another_language(evalset):
    with_notes = [p for p in evalset["pairs"] if p.get("notes")]
    crossed = [p for p in with_notes
               if any(detect_language(n["text"], DEFAULT_CANDIDATES, p["language"]) != p["language"]
                      for n in p["notes"])]
    assert len(crossed) >= 0.4 * len(with_notes), (len(crossed), len(with_notes))
