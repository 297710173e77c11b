"""Careless input, file by file: every reader answers with one ValidationError in the user's
words (file, row, column), the store is left as it was, and the CLI exits with code 2."""

from __future__ import annotations

import codecs
import io
import json
import zipfile
from pathlib import Path

import numpy as np
import pytest
from openpyxl import Workbook

from recommender import HashingEmbedder, Recommender, ValidationError, load_notes, load_people, load_topics
from recommender.embedding.precomputed import PrecomputedEmbedder
from recommender.intake.readers import read_table, rows_from
from recommender.intake.validate import FIELD_LIMITS, MAX_PERSON_CHARS, MAX_TEXT_CHARS

from ..shared import CliResult, run_cli

HEADER = "id,name,years_experience,profile"
GOOD_ROW = "a1,Ann,3,I run our TikTok account."
PEOPLE_CSV = f"{HEADER}\n{GOOD_ROW}\nb2,Bob,20,I want to learn TikTok.\n"


@pytest.fixture(scope="module")
def rec() -> Recommender:
    """One workspace for the module: a rejected file must leave it exactly as it was."""
    r = Recommender(embedder=HashingEmbedder())
    r.add_people([{"id": "s1", "name": "Sylvie", "years_experience": 18,
                   "wants": "I want to understand TikTok."},
                  {"id": "j1", "name": "Inès", "years_experience": 1,
                   "offers": "I run the TikTok account."}])
    r.add_notes([{"mentor_id": "j1", "mentee_id": "s1", "date": "2026-01-05",
                  "text": "We looked at TikTok."}])
    return r


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def xlsx_bytes(rows: list[list]) -> bytes:
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def rejected(rec: Recommender, path: Path, kind: str = "people") -> ValidationError:
    """Import ``path`` as the CLI and the UI do; it must fail and change nothing."""
    before = (rec.store.fingerprint(), rec.people(), rec.notes())
    with pytest.raises(ValidationError) as info:
        if kind == "people":
            rec.add_people(read_table(path), source=path.name)
        else:
            rec.add_notes(read_table(path), source=path.name)
    assert (rec.store.fingerprint(), rec.people(), rec.notes()) == before
    assert all(p.source == path.name for p in info.value.problems)
    return info.value


def only(error: ValidationError) -> str:
    """The message of an error that must hold exactly one problem, as printed."""
    assert len(error.problems) == 1, error
    return str(error.problems[0])


# ----------------------------------------------------------------- not what the name says
@pytest.mark.parametrize("content, expected", [
    (PEOPLE_CSV, "not an Excel workbook, whatever its extension: it holds text (CSV"),
    (json.dumps([{"id": "a"}]), "it holds text (JSON)"),
    (b"\x00\x01\x02\x03" * 50, "not an Excel workbook (.xlsx), whatever its extension"),
    (b"PK\x03\x04" + b"\x00" * 60, "damaged, or not an Excel workbook"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200, "an old Excel .xls workbook"),
])
def test_xlsx_that_is_not_a_workbook(rec, tmp_path, content, expected):
    error = rejected(rec, write(tmp_path, "people.xlsx", content))
    assert expected in only(error)
    assert "zip" not in str(error).lower().replace("zip archive", "")  # no BadZipFile words


def test_zip_that_is_not_a_workbook_and_a_truncated_workbook(rec, tmp_path):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("notes.txt", "hello")
    assert "damaged, or not an Excel workbook" in only(
        rejected(rec, write(tmp_path, "people.xlsx", archive.getvalue())))
    good = xlsx_bytes([HEADER.split(","), GOOD_ROW.split(",")])
    for cut in (len(good) // 3, len(good) - 30):
        assert "damaged" in only(rejected(rec, write(tmp_path, f"cut{cut}.xlsx", good[:cut])))


@pytest.mark.parametrize("name", ["people.csv", "people.json", "people.jsonl"])
def test_text_extension_holding_a_workbook(rec, tmp_path, name):
    workbook = xlsx_bytes([HEADER.split(","), GOOD_ROW.split(",")])
    message = only(rejected(rec, write(tmp_path, name, workbook)))
    assert "an Excel workbook or another zip archive" in message and "name it .xlsx" in message


def test_binary_utf16_without_bom_and_unknown_bytes(rec, tmp_path):
    assert "binary data, not a CSV file" in only(
        rejected(rec, write(tmp_path, "p.csv", PEOPLE_CSV.encode("utf-16-le"))))
    bad = f"{HEADER}\n{GOOD_ROW}\nb2,B\x81b,2,text\n".encode("latin-1")
    message = only(rejected(rec, write(tmp_path, "p2.csv", bad)))
    assert "neither UTF-8 nor Windows-1252" in message and "line 3" in message


def test_missing_folder_and_unknown_type(rec, tmp_path):
    assert only(rejected(rec, tmp_path / "nope.csv")) == "nope.csv: file not found"
    folder = tmp_path / "dir.csv"
    folder.mkdir()
    assert "a folder, not a file" in only(rejected(rec, folder))
    assert "unsupported file type '.docx'" in only(rejected(rec, write(tmp_path, "p.docx", "x")))
    with pytest.raises(ValidationError, match="more than the 1 KB accepted"):
        read_table(write(tmp_path, "big.csv", PEOPLE_CSV * 40), max_bytes=1024)


# ----------------------------------------------------------------- empty input
@pytest.mark.parametrize("name, content, detail", [
    ("people.csv", "", "the file is empty"),
    ("people.csv", "\ufeff \r\n\n", "the file is empty"),
    ("people.csv", f"{HEADER}\n", "a header, but no data rows"),
    ("people.csv", f"{HEADER}\n,,,\n \n\n", "a header, but no data rows"),
    ("people.json", "[]", "the list is empty"),
    ("people.json", '{"people": []}', "the list is empty"),
    ("people.jsonl", "\n\n  \n", "the file is empty"),
    ("people.xlsx", b"", "the file is empty"),
])
def test_empty_input_is_reported_as_such(rec, tmp_path, name, content, detail):
    message = only(rejected(rec, write(tmp_path, name, content)))
    assert message.startswith(f"{name}: no rows in {name}") and detail in message


def test_empty_workbooks(rec, tmp_path):
    message = only(rejected(rec, write(tmp_path, "empty.xlsx", xlsx_bytes([]))))
    assert "no rows in empty.xlsx (its first sheet, 'Sheet', is empty)" in message
    header_only = write(tmp_path, "header.xlsx", xlsx_bytes([HEADER.split(",")]))
    assert "no rows in header.xlsx (a header, but no data rows" in only(rejected(rec, header_only))


def test_empty_notes_and_topics_files(tmp_path):
    with pytest.raises(ValidationError, match=r"no rows in notes\.csv"):
        load_notes(write(tmp_path, "notes.csv", "mentor_id,mentee_id,date,text\n"))
    with pytest.raises(ValidationError, match=r"no rows in topics\.json"):
        load_topics(write(tmp_path, "topics.json", "[]"))


# ----------------------------------------------------------------- CSV structure
def test_rows_with_more_or_fewer_cells_than_the_header(rec, tmp_path):
    path = write(tmp_path, "p.csv", f"{HEADER}\n{GOOD_ROW}\nb2,Bob,4\nc3,Cid,5,text,extra\n"
                                    "d4,Dan,6,text,\n")
    error = rejected(rec, path)
    assert [(p.row, p.column) for p in error.problems] == [(3, None), (4, None), (5, None)]
    assert "3 cells, but the header has 4 columns" in str(error.problems[0])
    assert "5 cells, but the header has 4 columns" in str(error.problems[1])


def test_header_named_twice_and_values_under_no_header(rec, tmp_path):
    error = rejected(rec, write(tmp_path, "p.csv", "id,Name,name,years_experience,profile\n"
                                                   "a,A,B,3,text\n"))
    assert only(error) == ("p.csv, row 1, column 'name': the column 'name' appears twice in "
                           "the header (columns B and C): keep one")
    error = rejected(rec, write(tmp_path, "q.csv", f"{HEADER},\n{GOOD_ROW},oops\nb,B,3,t,\n"))
    assert only(error).startswith("q.csv, row 2, column 'E': a value ('oops') in column E, "
                                  "which has no header")
    error = rejected(rec, write(tmp_path, "w.xlsx", xlsx_bytes(
        [HEADER.split(","), [*GOOD_ROW.split(","), None, "stray"]])))
    assert "w.xlsx, row 2, column 'F': a value ('stray') in column F" in only(error)


def test_broken_quotes(rec, tmp_path):
    error = rejected(rec, write(tmp_path, "p.csv", f'{HEADER}\n{GOOD_ROW}\nb,"Bob,3,t\nc,C,3,t\n'))
    assert only(error).startswith('p.csv, row 3: a quoted cell opens here (") and is never closed')
    error = rejected(rec, write(tmp_path, "q.csv", f'{HEADER}\nb,"Bob" Jr,3,t\n'))
    assert 'q.csv, row 2: text follows the closing quote (")' in only(error)


def test_first_line_not_a_header(rec, tmp_path):
    error = rejected(rec, write(tmp_path, "p.csv", f"{GOOD_ROW}\nb2,Bob,20,Text.\n"))
    assert "none of the columns id, name, years_experience was found" in only(error)
    assert "is the first row the header?" in only(error)


def test_line_endings_and_a_long_field_past_the_csv_module_limit(tmp_path):
    rows = load_people(write(tmp_path, "mac.csv", f"{HEADER}\r{GOOD_ROW}\rb,B,3,x\r"))
    assert [r["id"] for r in rows] == ["a1", "b"]
    profile = "word " * 240_000  # 1.2 MB: past the csv module's 128 KB field limit
    with pytest.raises(ValidationError) as info:
        load_people(write(tmp_path, "long.csv", f"{HEADER}\na,Ann,3,{profile}\n"))
    assert only(info.value) == (f"long.csv, row 2, column 'profile': text too long: "
                           f"{len(profile.strip())} characters, at most {MAX_TEXT_CHARS} in "
                           "'profile'; shorten it")


# ----------------------------------------------------------------- encodings
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be",
                                      "cp1252"])
def test_every_encoding_the_readers_claim(tmp_path, encoding):
    text = ("id;nom;années d'expérience;profil\n"
            "h1;Hélène Dupré – « Cœur »;12,5;Je veux apprendre l’œuvre d’Excel… 50 €.\n")
    raw = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        raw = (codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE) + raw
    row = load_people(write(tmp_path, f"{encoding}.csv", raw))[0]
    assert row["name"] == "Hélène Dupré – « Cœur »"
    assert row["profile"] == "Je veux apprendre l’œuvre d’Excel… 50 €."
    assert row["years_experience"] == 12.5


def test_a_bom_that_lies(tmp_path):
    raw = codecs.BOM_UTF8 + f"{HEADER}\na,Hél\xe8ne,3,x\n".encode("latin-1")
    with pytest.raises(ValidationError, match="not valid UTF-8 text"):
        load_people(write(tmp_path, "p.csv", raw))


# ----------------------------------------------------------------- control characters
@pytest.mark.parametrize("char, label", [("\x00", "U+0000 (NUL)"), ("\x1b", "U+001B (escape)"),
                                         ("\x0c", "U+000C (form feed)"),
                                         ("\x7f", "U+007F (delete)"),
                                         ("\x85", "U+0085 (a file read in the wrong encoding?)")])
def test_control_characters_are_refused_with_row_and_column(rec, tmp_path, char, label):
    path = write(tmp_path, "p.csv", f"{HEADER}\n{GOOD_ROW}\nb2,Bo{char}b,4,text\n")
    error = rejected(rec, path)
    assert only(error).startswith(f"p.csv, row 3, column 'name': contains the control "
                                  f"character {label} at character 3")


def test_nul_in_every_format_and_python_rows(rec, tmp_path):
    person = {"id": "n1", "name": "Nu\x00l", "years_experience": 3, "profile": "text"}
    write(tmp_path, "p.json", json.dumps([person]))
    write(tmp_path, "p.jsonl", json.dumps(person) + "\n")
    for name in ("p.json", "p.jsonl"):
        assert "row 1, column 'name': contains the control character U+0000" in only(
            rejected(rec, tmp_path / name))
    before = rec.people()
    with pytest.raises(ValidationError, match="U\\+0000"):
        rec.add_people([person])
    assert rec.people() == before
    with pytest.raises(ValidationError, match="lone surrogate"):
        rec.add_people([dict(person, name="A\ud800")])


def test_tabs_and_line_breaks_in_texts_are_kept(tmp_path):
    path = write(tmp_path, "p.csv", f'{HEADER}\na,Ann,3,"First line.\n\tSecond line."\n')
    assert load_people(path)[0]["profile"] == "First line.\n\tSecond line."


# ----------------------------------------------------------------- limits
def test_field_limits_are_exact(rec):
    base = {"id": "L1", "name": "Long", "years_experience": 3}
    rec_limits = Recommender(embedder="hashing")
    assert rec_limits.add_people([dict(base, profile="x" * MAX_TEXT_CHARS)]) == 1
    with pytest.raises(ValidationError) as info:
        rec.add_people([dict(base, offers="y" * (MAX_TEXT_CHARS + 1))], source="form")
    assert only(info.value) == (f"form, row 1, column 'offers': text too long: "
                                f"{MAX_TEXT_CHARS + 1} characters, at most {MAX_TEXT_CHARS} in "
                                "'offers'; shorten it")
    with pytest.raises(ValidationError) as info:
        rec.add_people([dict(base, name="N" * (FIELD_LIMITS["name"] + 1), profile="p")])
    assert f"at most {FIELD_LIMITS['name']} in 'name'" in only(info.value)


def test_limit_per_person(rec):
    third = MAX_PERSON_CHARS // 3 + 1
    assert 3 * third > MAX_PERSON_CHARS and third <= MAX_TEXT_CHARS
    row = {"id": "P", "name": "P", "years_experience": 3, "profile": "p" * third,
           "offers": "o" * third, "wants": "w" * third}
    with pytest.raises(ValidationError) as info:
        rec.add_people([row])
    assert only(info.value) == (f"rows, row 1: profile, offers and wants hold {3 * third} "
                                f"characters together, at most {MAX_PERSON_CHARS} per person; "
                                "shorten them")
    ok = dict(row, wants="w" * (MAX_PERSON_CHARS - 2 * third))
    assert Recommender(embedder="hashing").add_people([ok]) == 1


def test_long_note_text(rec):
    with pytest.raises(ValidationError) as info:
        rec.add_notes([{"mentor_id": "j1", "mentee_id": "s1", "date": "2026-02-01",
                        "text": "n" * (MAX_TEXT_CHARS + 1)}], source="notes.csv")
    assert only(info.value).startswith("notes.csv, row 1, column 'text': text too long")


# ----------------------------------------------------------------- JSON
def test_json_structure_problems(rec, tmp_path):
    cases = {
        "nested.json": ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        "number.json": ("42", "expected a list of rows ([{...}, {...}]), found a number"),
        "two.json": (json.dumps({"people": [{"id": 1}], "notes": [{"id": 2}]}),
                     "several lists of rows (people, notes)"),
        "syntax.json": ('[{"id": "a",\n "name": "A" "years_experience": 3}]',
                        "not valid JSON at line 2, character 14: a comma is missing"),
        "digits.json": ('[{"id": "a", "name": "A", "years_experience": ' + "9" * 5000 + "}]",
                        "not readable JSON"),
        "scalars.json": ("[1, 2]", "row 1: expected an object {...} for a row, found a number"),
    }
    for name, (content, expected) in cases.items():
        error = rejected(rec, write(tmp_path, name, content))
        assert expected in str(error.problems[0]), (name, str(error))


def test_json_values_of_the_wrong_kind(rec, tmp_path):
    row = {"id": "a", "name": ["A"], "years_experience": 10**400, "profile": {"x": 1},
           "capacity": [1]}
    error = rejected(rec, write(tmp_path, "p.json", json.dumps([row])))
    assert {(p.column, p.message) for p in error.problems} == {
        ("name", "expected a text, found a list [...]"),
        ("years_experience", f"not a number: '{str(10**400)[:60]}…'"),
        ("profile", "expected a text, found an object {...}"),
        ("capacity", "must be a whole number from 0 to 20, got 'a list [...]'"),
    }
    error = rejected(rec, write(tmp_path, "k.json",
                                '[{"id": "a", "ID": "b", "name": "A", "years_experience": 3, '
                                '"profile": "p", "profile": "q"}]'))
    assert {(p.row, p.column) for p in error.problems} == {(1, "profile"), (1, "ID")}


def test_json_one_object_and_language_lists(tmp_path):
    person = {"id": "a", "name": "A", "years_experience": 3, "profile": "p",
              "languages": ["fr", "en"]}
    assert load_people(write(tmp_path, "one.json", json.dumps(person)))[0]["languages"] == "fr;en"
    text = "Line one\u2028still the same text"
    jsonl = json.dumps(dict(person, profile=text), ensure_ascii=False) + "\n"
    assert load_people(write(tmp_path, "p.jsonl", jsonl))[0]["profile"] == text


def test_jsonl_problems_are_named_by_line(rec, tmp_path):
    good = json.dumps({"id": "a", "name": "A", "years_experience": 3, "profile": "p"})
    error = rejected(rec, write(tmp_path, "p.jsonl", f'{good}\n\n["a"]\n{{"id": \n'))
    assert [(p.row, p.column) for p in error.problems] == [(3, None), (4, None)]
    assert "one object per line" in str(error.problems[0])
    assert str(error.problems[1]).startswith("p.jsonl, row 4: not valid JSON at character")


# ----------------------------------------------------------------- Python rows
@pytest.mark.parametrize("rows, expected", [
    ("people.csv", "got a file name or a text"),
    (None, "got null"),
    ({"id": "a"}, "got an object"),
    ([["a", "b"]], "row 1: a row must be a mapping, got a list"),
])
def test_python_rows_that_are_not_rows(rows, expected):
    with pytest.raises(ValidationError, match=expected.replace("[", r"\[")):
        rows_from(rows)


def test_pandas_missing_values_are_blank():
    import pandas as pd

    frame = pd.DataFrame({"id": ["a"], "name": ["A"], "years_experience": [3],
                          "profile": ["p"], "department": [pd.NA]}).astype({"department": "string"})
    workspace = Recommender(embedder="hashing")
    workspace.add_people(frame)
    assert workspace.person("a").department == ""


# ----------------------------------------------------------------- notes and topics readers
def test_notes_and_topics_readers_share_the_checks(rec, tmp_path):
    header = "mentor_id,mentee_id,date,text\n"
    notes = write(tmp_path, "notes.csv", f"{header}j1,s1,2026-03-01,Good \x00 talk\n"
                                         "j1,s1,2026-03-02\n")
    # The file's shape first (a row with a cell missing), then the values.
    assert only(rejected(rec, notes, kind="notes")).startswith("notes.csv, row 3: 3 cells")
    notes.write_text(f"{header}j1,s1,2026-03-01,Good \x00 talk\nj1,s1,2026-03-02,ok\n")
    assert "row 2, column 'text': contains the control character U+0000" in only(
        rejected(rec, notes, kind="notes"))
    with pytest.raises(ValidationError, match="damaged, or not an Excel workbook"):
        load_topics(write(tmp_path, "topics.xlsx", b"PK\x03\x04junk"))
    with pytest.raises(ValidationError) as info:
        load_topics(write(tmp_path, "t.json", json.dumps(
            [{"id": "t1", "en": {"title": "T\x1b", "description": "d" * (MAX_TEXT_CHARS + 1),
                                 "starters": ["ok", "bad\x00"]}}])))
    assert {(p.row, p.column) for p in info.value.problems} == {
        (1, "title"), (1, "description"), (1, "starters")}


# ----------------------------------------------------------------- precomputed embeddings
def _npz(path: Path, **arrays) -> Path:
    np.savez(path, **arrays)
    return path


def test_precomputed_embeddings_file_problems(tmp_path):
    texts = np.array(["a", "b"])
    good = _npz(tmp_path / "good.npz", texts=texts, vectors=np.ones((2, 4)))
    assert PrecomputedEmbedder.load(good).dimension == 4
    raw = good.read_bytes()
    cases = {
        "missing.npz": (None, "file not found"),
        "random.npz": (b"these are not arrays", "damaged, or not a NumPy .npz file"),
        "truncated.npz": (raw[: len(raw) // 2], "damaged, or not a NumPy .npz file"),
        "empty.npz": (b"", "damaged, or not a NumPy .npz file"),
    }
    for name, (content, expected) in cases.items():
        if content is not None:
            (tmp_path / name).write_bytes(content)
        with pytest.raises(ValidationError) as info:
            PrecomputedEmbedder.load(tmp_path / name)
        assert only(info.value).startswith(f"{name}: {expected}"), name
    np.save(tmp_path / "single.npy", np.ones(3))
    (tmp_path / "single.npz").write_bytes((tmp_path / "single.npy").read_bytes())
    arrays = {
        "single.npz": None,
        "objects.npz": dict(texts=np.array(["a", 1], dtype=object), vectors=np.ones((2, 4))),
        "novectors.npz": dict(texts=texts),
        "flat.npz": dict(texts=texts, vectors=np.ones(4)),
        "count.npz": dict(texts=texts, vectors=np.ones((3, 4))),
        "nan.npz": dict(texts=texts, vectors=np.array([[1.0, 0], [np.nan, 1]])),
        "twice.npz": dict(texts=np.array(["a", "a"]), vectors=np.eye(2)),
    }
    expected_where = {"single.npz": (None, None), "objects.npz": (None, None),
                      "novectors.npz": (None, "vectors"), "flat.npz": (None, "vectors"),
                      "count.npz": (None, "vectors"), "nan.npz": (2, "vectors"),
                      "twice.npz": (2, "texts")}
    for name, content in arrays.items():
        path = tmp_path / name if content is None else _npz(tmp_path / name, **content)
        with pytest.raises(ValidationError) as info:
            PrecomputedEmbedder.load(path)
        problem = info.value.problems[0]
        assert (problem.row, problem.column) == expected_where[name], (name, problem)


# ----------------------------------------------------------------- UI and CLI
def test_ui_reports_a_bad_upload_and_stores_nothing(tmp_path):
    from recommender.ui.coordinator import Coordinator

    workspace = Recommender(embedder="hashing")
    coordinator = Coordinator(workspace, export_dir=tmp_path / "exports")
    upload = write(tmp_path, "people.xlsx", PEOPLE_CSV)
    result = coordinator.import_files(str(upload))
    assert "people.xlsx: not an Excel workbook" in str(result)
    assert workspace.people() == [] and not upload.exists()


def tandem(*args: str, cwd: Path) -> CliResult:
    return run_cli(*args, cwd=cwd)


def test_cli_exits_2_on_every_kind_of_bad_file(tmp_path):
    write(tmp_path, "people.csv", PEOPLE_CSV)
    ok = tandem("import", "-q", "people.csv", "--workspace", "ws", "--model", "hashing",
                cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr
    write(tmp_path, "empty.csv", f"{HEADER}\n")
    write(tmp_path, "fake.xlsx", PEOPLE_CSV)
    write(tmp_path, "nul.csv", f"{HEADER}\n{GOOD_ROW}\nz9,Ze\x00d,4,text\n")
    for name, expected in (("empty.csv", "no rows in empty.csv"),
                           ("fake.xlsx", "fake.xlsx: not an Excel workbook"),
                           ("nul.csv", "nul.csv, row 3, column 'name': contains the control")):
        result = tandem("import", "-q", name, "--workspace", "ws", cwd=tmp_path)
        assert result.returncode == 2, (name, result.stderr)
        assert expected in result.stderr and "Traceback" not in result.stderr
    (tmp_path / "vectors.npz").write_bytes(b"PK\x03\x04 truncated")
    result = tandem("match", "-q", "--people", "people.csv", "--embeddings", "vectors.npz",
                    "--out", "out", "--no-cache", cwd=tmp_path)
    assert result.returncode == 2 and "vectors.npz: damaged" in result.stderr
    check = Recommender.open(tmp_path / "ws")
    assert [p.id for p in check.people()] == ["a1", "b2"]
    check.close()
