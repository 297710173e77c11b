"""Two sign-up forms of one programme: nothing of one form is replaced by the other in
silence. Microsoft Forms numbers its responses 1, 2, 3... in every form: a response number
is never a person's id, and an import that would update people of the other form, or
change anyone's side, stops and names them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from recommender import Recommender, ValidationError
from recommender.embedding.backends import HashingEmbedder

MS_COLUMNS = ["ID", "Heure de début", "Heure de fin", "Adresse de messagerie", "Nom",
              "Heure de la dernière modification"]


def ms_export(path: Path, questions: list[str], rows: list[tuple[int, str, str, list]]) -> Path:
    """A Microsoft Forms export: its own columns, then the questions; ``rows`` are
    (response number, e-mail, name, answers)."""
    book = Workbook()
    sheet = book.active
    sheet.append(MS_COLUMNS + questions)
    start = dt.datetime(2026, 9, 1, 9, 0)
    for number, email, name, answers in rows:
        begun = start + dt.timedelta(hours=number)
        sheet.append([number, begun, begun + dt.timedelta(minutes=6), email, name, None,
                      *answers])
    book.save(path)
    return path


JUNIOR_QUESTIONS = ["Depuis combien de temps êtes-vous dans l'entreprise ?",
                    "Quels sujets aimeriez-vous transmettre à un dirigeant ?",
                    "Combien de dirigeants pouvez-vous accompagner ?"]
LEADER_QUESTIONS = ["Nombre d'années d'expérience",
                    "Sur quels sujets souhaitez-vous être accompagné(e) ?"]


def juniors(tmp_path: Path, name: str = "juniors.xlsx") -> Path:
    return ms_export(tmp_path / name, JUNIOR_QUESTIONS, [
        (n, f"junior{n}@valmonde.example", f"Junior {n}",
         ["Moins d'un an" if n % 2 else "1 à 2 ans",
          f"TikTok, l'IA générative et les attentes des jeunes diplômés ({n})", "1 ou 2"])
        for n in range(1, 7)])


def leaders(tmp_path: Path, numbers: range = range(3, 9), email=None) -> Path:
    email = email or (lambda n: f"leader{n}@valmonde.example")
    return ms_export(tmp_path / "dirigeants.xlsx", LEADER_QUESTIONS, [
        (n, email(n), f"Dirigeant {n}", [20 + n,
                                          f"Comprendre les réseaux sociaux et l'IA ({n})"])
        for n in numbers])


def import_form(rec: Recommender, path: Path, role: str, **options):
    proposal = rec.propose_mapping(path, role=role)
    return proposal, rec.import_people(path, mapping=proposal.mapping, role=role, **options)


def test_response_numbers_of_two_forms_never_identify_anyone(tmp_path):
    rec = Recommender(embedder=HashingEmbedder())
    proposal, _ = import_form(rec, juniors(tmp_path), "mentor")
    assert proposal.column("ID").ignored and proposal.column("ID").field is None
    assert "response number" in proposal.column("ID").reason
    import_form(rec, leaders(tmp_path), "mentee")  # numbers 3..8 overlap the juniors' 1..6
    people = rec.people()
    assert len(people) == 12
    assert sum(p.role_preference == "mentor" for p in people) == 6
    names = {p.name for p in people}
    assert {"Junior 3", "Dirigeant 3"} <= names


def test_an_import_that_would_update_another_forms_people_stops_and_names_them(tmp_path):
    """The failure seen on real forms: the response number mapped as the id by hand."""
    rec = Recommender(embedder=HashingEmbedder())
    proposal, _ = import_form(rec, juniors(tmp_path), "mentor")
    by_number = {**proposal.mapping.to_dict()}
    by_number["fields"] = {**by_number["fields"], "id": ["ID"]}
    by_number["ignored"] = [c for c in by_number["ignored"] if c != "ID"]
    from recommender.intake.forms.mapping import ColumnMapping

    rec2 = Recommender(embedder=HashingEmbedder())
    rec2.import_people(tmp_path / "juniors.xlsx", mapping=ColumnMapping.from_dict(by_number),
                       role="mentor")
    before = {p.id: p for p in rec2.people()}
    leaders_file = leaders(tmp_path)
    leader_map = rec2.propose_mapping(leaders_file, role="mentee").mapping.to_dict()
    leader_map["fields"] = {**leader_map["fields"], "id": ["ID"]}
    leader_map["ignored"] = [c for c in leader_map["ignored"] if c != "ID"]
    with pytest.raises(ValidationError) as caught:
        rec2.import_people(leaders_file, mapping=ColumnMapping.from_dict(leader_map),
                           role="mentee")
    hint, *problems = caught.value.problems
    assert hint.row is None and "update=True" in hint.message
    assert [p.row for p in problems] == [2, 3, 4, 5]  # responses 3..6 of the leaders
    assert all(p.source == "dirigeants.xlsx" and p.column == "id" for p in problems)
    assert "'Junior 3'" in problems[0].message and "juniors.xlsx" in problems[0].message
    assert {p.id: p for p in rec2.people()} == before  # nothing stored
    # asked explicitly, the import updates them
    rec2.import_people(leaders_file, mapping=ColumnMapping.from_dict(leader_map),
                       role="mentee", update=True)
    assert rec2.person("3").role_preference == "mentee"


def test_a_person_on_both_forms_changing_side_stops_the_import(tmp_path):
    rec = Recommender(embedder=HashingEmbedder())
    import_form(rec, juniors(tmp_path), "mentor")
    same_person = leaders(tmp_path, range(1, 3), email=lambda n: f"junior{n}@valmonde.example")
    with pytest.raises(ValidationError, match=r"would update 'Junior 1'.*juniors.xlsx"):
        import_form(rec, same_person, "mentee")
    assert all(p.role_preference == "mentor" for p in rec.people())


def test_the_next_export_of_the_same_form_updates_its_people(tmp_path):
    """A renamed export of the same form, with a changed answer, is the same source."""
    rec = Recommender(embedder=HashingEmbedder())
    import_form(rec, juniors(tmp_path), "mentor")
    again = ms_export(tmp_path / "juniors (2).xlsx", JUNIOR_QUESTIONS, [
        (1, "junior1@valmonde.example", "Junior 1",
         ["3 ans", "Canva et les podcasts", "2"])])
    _, result = import_form(rec, again, "mentor")
    assert result.stored == 1
    assert any(p.name == "Junior 1" and "Canva" in p.offers for p in rec.people())
    assert rec.store.origins()[next(p.id for p in rec.people() if p.name == "Junior 1")][0] \
        == "juniors (2).xlsx"


def test_a_form_without_a_seniority_question_imports_everyone_alike(tmp_path):
    """A peer programme's form may ask no seniority: everyone counts as 0 years, said once,
    instead of a refused file."""
    path = tmp_path / "peers.csv"
    path.write_text("Timestamp,Email,Full name,What could you teach a colleague?\n"
                    "2026/09/01 10:00,ana@x.example,Ana,Excel and Power Query\n"
                    "2026/09/01 11:00,bo@x.example,Bo,Public speaking\n", encoding="utf-8")
    rec = Recommender(embedder=HashingEmbedder())
    proposal = rec.propose_mapping(path)
    assert any("no column for years_experience" in w for w in proposal.warnings)
    result = rec.import_people(path, mapping=proposal.mapping)
    assert result.stored == 2 and {p.years_experience for p in rec.people()} == {0.0}
    assert any("everyone counts as 0 years" in line for line in result.report)
