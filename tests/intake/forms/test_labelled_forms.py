"""The labelled form exports of ``tests/data/forms/cases`` (corporate and academic, French,
English, Spanish, Portuguese, German; Microsoft Forms, Google Forms, Typeform, hand-kept
sheets): each proposal, accepted as it is, imports every response that holds a person, and
never reads a question from the wrong side. The held-out forms are left to the benchmark."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recommender import Recommender
from recommender.embedding.backends import HashingEmbedder

CASES = Path(__file__).resolve().parents[2] / "data" / "forms" / "cases"
FORMS = sorted(p.parent for p in CASES.glob("*/expected.json"))


def load(case: Path) -> tuple[Path, dict]:
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    return next(p for p in case.iterdir() if p.stem == "form"), expected


@pytest.mark.parametrize("case", FORMS, ids=[c.name for c in FORMS])
def test_the_proposal_as_it_is_imports_every_response(case):
    path, expected = load(case)
    rec = Recommender(embedder=HashingEmbedder())
    proposal = rec.propose_mapping(path, role=expected["role"])
    result = rec.import_people(path, mapping=proposal.mapping, role=expected["role"])
    people = rec.people()
    assert len(people) == expected["rows"] - len(expected.get("needs_person", ()))
    assert result.stored == len(people)
    assert len({p.id for p in people}) == len(people)  # nobody replaced by somebody else
    if expected["role"]:
        assert {p.role_preference for p in people} == {expected["role"]}


@pytest.mark.parametrize("case", FORMS, ids=[c.name for c in FORMS])
def test_no_question_is_read_from_the_wrong_side(case):
    path, expected = load(case)
    proposal = Recommender(embedder=HashingEmbedder()).propose_mapping(
        path, role=expected["role"])
    for header, field in expected["fields"].items():
        found = proposal.column(header).field
        if field in ("offers", "wants"):
            assert found != {"offers": "wants", "wants": "offers"}[field], header
        if field == "ignored":  # form metadata, subjects to avoid, partner wishes...
            assert found not in ("id", "offers", "wants", "capacity"), header


def test_the_development_forms_are_read_right():
    """A floor, not the figure: ``benchmarks/bench_forms.py`` reports each form."""
    right = total = 0
    for case in FORMS:
        path, expected = load(case)
        if expected["split"] != "dev":
            continue
        proposal = Recommender(embedder=HashingEmbedder()).propose_mapping(
            path, role=expected["role"])
        for header, field in expected["fields"].items():
            found = proposal.column(header).field or "ignored"
            right += found == field
            total += 1
    assert total >= 90 and right / total >= 0.95
