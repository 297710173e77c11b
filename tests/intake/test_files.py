"""Input files: formats, French exports, aliases and every bad-input case."""

from __future__ import annotations

import json

import pytest
from openpyxl import Workbook

from recommender import Recommender, ValidationError, load_notes, load_people
from recommender.intake.validate import MAX_TEXT_CHARS

HEADER = "id;nom;années d'expérience;service;langues;profil\n"


def test_cp1252_semicolon_decimal_comma(tmp_path):
    path = tmp_path / "export.csv"
    text = HEADER + "a1;Hélène Dupré;12,5;Comptabilité;français;Je veux apprendre Excel avancé.\n"
    path.write_bytes(text.encode("cp1252"))
    rows = load_people(path)
    assert rows[0]["name"] == "Hélène Dupré"
    assert rows[0]["years_experience"] == 12.5
    assert rows[0]["department"] == "Comptabilité"
    assert rows[0]["languages"] == "fr"


def test_utf8_bom_comma_csv(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("\ufeffid,name,years_experience,offers\nx,Zoé,1,Je gère TikTok\n",
                    encoding="utf-8")
    rows = load_people(path)
    assert rows[0]["id"] == "x" and rows[0]["name"] == "Zoé"


def test_xlsx_json_jsonl(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["ID", "Name", "Years experience", "Wants"])
    ws.append(["p1", "Ann", 20, "I want to learn TikTok"])
    wb.save(tmp_path / "p.xlsx")
    assert load_people(tmp_path / "p.xlsx")[0]["years_experience"] == 20.0
    (tmp_path / "p.json").write_text(json.dumps(
        {"people": [{"id": "p1", "name": "Ann", "years_experience": 3, "profile": "x y z"}]}))
    assert load_people(tmp_path / "p.json")[0]["id"] == "p1"
    (tmp_path / "p.jsonl").write_text(
        '{"id": "p1", "name": "Ann", "years_experience": 3, "profile": "abc"}\n'
        '{"id": "p2", "name": "Bob", "years_experience": 4, "profile": "def"}\n')
    assert [r["id"] for r in load_people(tmp_path / "p.jsonl")] == ["p1", "p2"]


def test_every_problem_is_listed_with_file_row_and_column(tmp_path):
    path = tmp_path / "bad.csv"
    long_text = "x" * (MAX_TEXT_CHARS + 1)
    path.write_text(
        "id,name,years_experience,profile,role_preference,capacity,email\n"
        "a,Ann,abc,hello there,mentor,1,\n"        # row 2: non-numeric experience
        "a,Bob,3,hello there,,1,\n"                # row 3: duplicate id
        ",Cid,3,hello there,,1,\n"                 # row 4: missing id
        "d,,3,hello there,,1,\n"                   # row 5: missing name
        "e,Eve,3,,,1,\n"                           # row 6: empty text
        f"f,Fay,3,{long_text},,1,\n"               # row 7: text too long
        "g,Gus,-2,ok text,boss,x,not-an-email\n",  # row 8: three problems
        encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        load_people(path)
    found = {(p.row, p.column) for p in info.value.problems}
    assert found == {
        (2, "years_experience"), (3, "id"), (4, "id"), (5, "name"), (6, "profile"),
        (7, "profile"), (8, "years_experience"), (8, "role_preference"), (8, "capacity"),
        (8, "email"),
    }
    message = str(info.value)
    assert "bad.csv, row 2, column 'years_experience': not a number: 'abc'" in message
    assert "duplicate id 'a' (first at row 2)" in message
    assert all(p.source == "bad.csv" for p in info.value.problems)


def test_missing_years_is_reported():
    with pytest.raises(ValidationError) as info:
        Recommender(embedder="hashing").add_people([{"id": "a", "name": "A", "profile": "hi"}])
    assert info.value.problems[0].column == "years_experience"
    assert info.value.problems[0].row == 1


def test_notes_file_problems(tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text("mentor_id;mentee_id;date;texte;note\n"
                    "j1;s1;2026-13-01;ok;\n"
                    "j1;j1;2026-01-01;;9\n", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        load_notes(path)
    found = {(p.row, p.column) for p in info.value.problems}
    assert found == {(2, "date"), (3, "mentee_id"), (3, "text")}


def test_unknown_ids_in_notes_and_rejected_batch_changes_nothing(rec):
    rec.add_notes([{"mentor_id": "j1", "mentee_id": "s1", "date": "2026-05-01", "text": "TikTok"}])
    before = rec.store.fingerprint()
    notes_before = rec.notes()
    with pytest.raises(ValidationError) as info:
        rec.add_notes([
            {"mentor_id": "j1", "mentee_id": "s1", "date": "2026-06-01", "text": "good one"},
            {"mentor_id": "ghost", "mentee_id": "s1", "date": "2026-06-01", "text": "x"},
            {"mentor_id": "j1", "mentee_id": "s1", "date": "2026-06-01", "text": "y",
             "rating": "6"},
        ], source="notes.csv")
    assert [str(p) for p in info.value.problems] == [
        "notes.csv, row 2, column 'mentor_id': unknown person id 'ghost'",
        "notes.csv, row 3, column 'rating': must be a whole number from 1 to 5, got '6'",
    ]
    assert rec.store.fingerprint() == before
    assert rec.notes() == notes_before


def test_rejected_people_batch_leaves_store_unchanged(rec, people_rows):
    before_people = rec.people()
    before = rec.store.fingerprint()
    changed = dict(people_rows[0], name="Renamed")
    with pytest.raises(ValidationError):
        rec.add_people([changed, {"id": "z", "name": "Z", "years_experience": "many",
                                  "profile": "text"}])
    assert rec.people() == before_people
    assert rec.store.fingerprint() == before


def test_dataframe_input_and_update(rec, people_rows):
    import pandas as pd

    frame = pd.DataFrame([dict(people_rows[0], name="Sylvie R.")])
    assert rec.add_people(frame) == 1
    assert rec.person("s1").name == "Sylvie R."
    assert len(rec.people()) == 4


def test_undeclared_languages_allow_any_pair_and_topics_follow_the_text():
    rec = Recommender(embedder="hashing")
    rec.add_people([
        {"id": "a", "name": "A", "years_experience": 20,
         "profile": "Je veux comprendre les réseaux sociaux et la vidéo."},
        {"id": "b", "name": "B", "years_experience": 1, "role_preference": "mentor",
         "offers": "I make social media videos every day."},
    ])
    assert rec.person("a").languages == ()
    pairs = rec.suggest_pairs().pairs
    assert [(p.mentor_id, p.mentee_id) for p in pairs] == [("b", "a")]
    assert rec.suggest_topics("b", "a", k=1)[0].language == "fr"
