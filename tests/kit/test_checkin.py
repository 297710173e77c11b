"""The check-in: the form written (XLSX, CSV; English, French), filled in, read back as
session notes with their ratings, the health reading them, and who has not answered."""

from __future__ import annotations

import csv
import datetime as dt

import openpyxl
import pytest

from recommender import Recommender, ValidationError
from recommender.errors import Problem
from recommender.intake.cells import canonical_column
from recommender.intake.readers import read_table
from recommender.kit import CHECKIN_COLUMNS, checkin_header, read_answers

from .conftest import KIT_PEOPLE


def test_the_form_has_a_row_per_kept_pair(workspace, tmp_path):
    workspace.set_pair_status("m3", "s3", "active")
    path = workspace.checkin_form(tmp_path / "form.xlsx")
    sheet = openpyxl.load_workbook(path).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == checkin_header("en")
    assert rows[0][4:] == ["Session date (YYYY-MM-DD)", "Rating (1-5)",
                           "What did you talk about?"]
    assert sorted((r[0], r[1]) for r in rows[1:]) == [("m1", "s1"), ("m2", "s2"), ("m3", "s3")]
    assert all(r[4:] == [None, None, None] for r in rows[1:])
    accepted = workspace.checkin_form(tmp_path / "accepted.csv", "fr", ("accepted",))
    with accepted.open(encoding="utf-8-sig") as handle:
        french = list(csv.reader(handle))
    assert french[0] == checkin_header("fr")
    assert "Date de la séance (JJ/MM/AAAA)" in french[0] and len(french) == 3


def test_answers_come_back_as_notes_and_ratings(workspace, tmp_path):
    path = workspace.checkin_form(tmp_path / "form.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book.active
    by_pair = {(row[0].value, row[1].value): row for row in sheet.iter_rows(min_row=2)}
    date, rating, text = 4, 5, 6
    row = by_pair[("m1", "s1")]
    row[date].value, row[rating].value = "2026-09-08", 5
    row[text].value = "Nous avons regardé les vidéos de recrutement sur TikTok."
    row = by_pair[("m2", "s2")]
    row[date].value, row[rating].value = "2026-09-09", 2  # a rating without words
    book.save(path)
    before = {p.mentor_id: p.sessions for p in workspace.health("2026-09-30").pairs}

    result = workspace.import_checkin(path)

    assert result.stored == 2 and result.duplicates == 0
    assert set(result.answered) == {("m1", "s1"), ("m2", "s2")}
    assert result.missing == (("m3", "s3"),)
    [note] = workspace.notes("m1", "s1")
    assert (note.date, note.rating) == ("2026-09-08", 5) and "TikTok" in note.text
    [quiet] = workspace.notes("m2", "s2")
    assert quiet.rating == 2 and quiet.text == "Check-in without comment."
    health = {p.mentor_id: p for p in workspace.health("2026-09-30").pairs}
    assert health["m1"].sessions == before.get("m1", 0) + 1
    assert health["m1"].last_session == "2026-09-08"
    # imported twice: nothing stored twice
    again = workspace.import_checkin(path)
    assert again.stored == 0 and again.duplicates == 2
    assert len(workspace.notes("m1", "s1")) == 1


def test_a_french_form_reads_french_dates(workspace, tmp_path):
    path = workspace.checkin_form(tmp_path / "formulaire.csv", "fr")
    with path.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    columns = CHECKIN_COLUMNS["fr"]
    header = rows[0]
    for row in rows[1:]:
        if row[0] == "m3":
            row[header.index(columns["date"])] = "28/09/2026"
            row[header.index(columns["rating"])] = "4"
            row[header.index(columns["text"])] = "Premier tableau automatisé ensemble."
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)  # as French Excel saves it
    result = workspace.import_checkin(path)
    assert result.stored == 1 and set(result.missing) == {("m1", "s1"), ("m2", "s2")}
    [note] = workspace.notes("m3", "s3")
    assert (note.date, note.rating) == ("2026-09-28", 4)


def test_a_bad_answer_stores_nothing_and_names_the_row(workspace, tmp_path):
    first = tmp_path / "a.csv"
    first.write_text("mentor_id,mentee_id,Mentor,Mentee,Session date (YYYY-MM-DD),"
                     "Rating (1-5),What did you talk about?\n"
                     "m1,s1,Inès,Sylvie,2026-09-08,4,Fine.\n"
                     "m2,s2,Sam,Robert,2026-09-09,9,Great.\n", encoding="utf-8")
    second = tmp_path / "b.csv"
    second.write_text("mentor_id,mentee_id,Mentor,Mentee,Session date (YYYY-MM-DD),"
                      "Rating (1-5),What did you talk about?\n"
                      "m3,nobody,Léa,?,someday,,Hmm.\n", encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        workspace.import_checkin(first, second)
    text = str(caught.value)
    # named as the form the pair filled in names them
    assert "a.csv, row 3, column 'Rating (1-5)'" in text
    assert "b.csv, row 2, column 'mentee_id'" in text
    assert "b.csv, row 2, column 'Session date (YYYY-MM-DD)'" in text
    assert workspace.notes() == []


def test_answers_from_several_files_and_rows(workspace):
    rows_a = [{"mentor_id": "m1", "mentee_id": "s1", "Session date (YYYY-MM-DD)": "2026-09-08",
               "Rating (1-5)": 4, "What did you talk about?": "TikTok."},
              {"mentor_id": "m1", "mentee_id": "s1", "Session date (YYYY-MM-DD)": "2026-09-22",
               "Rating (1-5)": 5, "What did you talk about?": "Recruiting fairs."}]
    rows_b = [{"mentor_id": "m2", "mentee_id": "s2", "Session date (YYYY-MM-DD)": "",
               "Rating (1-5)": "", "What did you talk about?": ""}]
    result = workspace.import_checkin(rows_a, rows_b)
    assert result.stored == 2 and result.answered == (("m1", "s1"),)
    assert result.missing == (("m2", "s2"), ("m3", "s3"))


def test_a_file_that_is_not_a_check_in_form_is_refused(workspace, tmp_path):
    people = tmp_path / "people.csv"
    people.write_text("id,name,email\nm1,Inès Martin,ines.martin@example.org\n",
                      encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        workspace.import_checkin(people)
    text = str(caught.value)
    assert "not a check-in form: no mentor_id and no mentee_id column" in text
    assert "columns found: email, id, name" in text
    names = tmp_path / "names.csv"  # the ids, but every answer column deleted
    names.write_text("mentor_id,mentee_id,Mentor,Mentee\nm1,s1,Inès,Sylvie\n",
                     encoding="utf-8")
    with pytest.raises(ValidationError, match="not a check-in form: no answer column"):
        workspace.import_checkin(names)
    assert workspace.notes() == []


def test_a_french_xlsx_with_date_cells_and_bad_answers(workspace, tmp_path):
    """Excel turns a typed date into a date cell; a rating out of range, a date that does
    not exist and an unknown id are each named (file, row, column), nothing is stored."""
    path = workspace.checkin_form(tmp_path / "formulaire.xlsx", "fr")
    book = openpyxl.load_workbook(path)
    sheet = book.active
    by_pair = {(row[0].value, row[1].value): row for row in sheet.iter_rows(min_row=2)}
    row = by_pair[("m1", "s1")]
    row[4].value, row[5].value, row[6].value = dt.datetime(2026, 9, 8), 4.0, "Bien."
    row = by_pair[("m2", "s2")]
    row[4].value, row[5].value, row[6].value = "31/02/2026", 6, "Trop bien."
    row = by_pair[("m3", "s3")]
    row[1].value, row[4].value, row[5].value = "s9", "29/09/2026", "cinq"
    book.save(path)
    rows = {r[0].row: r[0].value for r in sheet.iter_rows(min_row=2)}
    m2_row = next(n for n, v in rows.items() if v == "m2")
    m3_row = next(n for n, v in rows.items() if v == "m3")

    with pytest.raises(ValidationError) as caught:
        workspace.import_checkin(path)

    problems = {(p.source, p.row, p.column) for p in caught.value.problems}
    date, rating = "Date de la séance (JJ/MM/AAAA)", "Note (1 à 5)"  # the form's own words
    assert problems == {("formulaire.xlsx", m2_row, date), ("formulaire.xlsx", m2_row, rating),
                        ("formulaire.xlsx", m3_row, "mentee_id"),
                        ("formulaire.xlsx", m3_row, rating)}
    assert "got '6'" in str(caught.value) and "'31/02/2026'" in str(caught.value)
    assert workspace.notes() == []
    # fixed, the same file imports; the date cell is read as the day typed
    row = by_pair[("m2", "s2")]
    row[4].value, row[5].value = "30/09/2026", 5
    row = by_pair[("m3", "s3")]
    row[1].value, row[5].value = "s3", 3
    book.save(path)
    result = workspace.import_checkin(path)
    assert result.stored == 3 and result.missing == ()
    assert {(n.mentor_id, n.date, n.rating) for n in workspace.notes()} == {
        ("m1", "2026-09-08", 4), ("m2", "2026-09-30", 5), ("m3", "2026-09-29", 3)}
    assert workspace.import_checkin(path).stored == 0


def test_problems_can_name_the_forms_own_columns():
    rows = [(2, {"mentor_id": "m1", "mentee_id": "s1", "date_de_la_seance_jj_mm_aaaa": "x",
                 "note_1_a_5": "9", "de_quoi_avez_vous_parle": "y"})]
    answers = read_answers(rows, canonical_column, "formulaire.csv")
    assert answers.language == "fr"
    named = answers.named([Problem("formulaire.csv", 2, "rating", "must be ..."),
                           Problem("formulaire.csv", 2, "mentee_id", "unknown"),
                           Problem("formulaire.csv", None, None, "whole file")])
    assert [p.column for p in named] == ["Note (1 à 5)", "mentee_id", None]
    assert str(named[0]) == "formulaire.csv, row 2, column 'Note (1 à 5)': must be ..."


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_ids_a_spreadsheet_would_read_as_formulas_come_back(tmp_path, suffix):
    rec = Recommender.open(tmp_path / "ws", embedder="hashing")
    people = [dict(p) for p in KIT_PEOPLE[:2]]
    people[0]["id"], people[1]["id"] = "-m1", "@s1"
    rec.add_people(people)
    rec.add_pair("-m1", "@s1", status="accepted")
    path = rec.checkin_form(tmp_path / f"form.{suffix}")
    rows = read_table(path)
    assert rows[0][1]["mentor_id"] == "'-m1"  # kept from being a formula in the form
    rows[0][1].update({"session_date_yyyy_mm_dd": "2026-09-08", "rating_1_5": 4})
    result = rec.import_checkin(rows)
    assert result.stored == 1 and result.answered == (("-m1", "@s1"),) and result.missing == ()
    [note] = rec.notes("-m1", "@s1")
    assert note.rating == 4


def test_an_answer_for_two_people_who_are_not_a_pair_is_refused(workspace):
    rows = [{"mentor_id": "m1", "mentee_id": "s2", "Session date (YYYY-MM-DD)": "2026-09-08",
             "Rating (1-5)": 4, "What did you talk about?": "LinkedIn."}]
    with pytest.raises(ValidationError) as caught:
        workspace.import_checkin(rows)
    assert "answers 1, row 1, column 'mentee_id': m1 and s2 are not a pair of the " \
           "programme" in str(caught.value)
    assert workspace.notes() == []
