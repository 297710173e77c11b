"""What a security probe of the import found, each reproduced: mapping files too big or too
deep, a second column for a single-valued field dropped in silence, UTF-16 mapping files
refused, and error messages as long as the file they describe."""

from __future__ import annotations

import codecs
import json
import shutil
import tracemalloc
from pathlib import Path

import pytest

from recommender import Recommender
from recommender.embedding.backends import HashingEmbedder
from recommender.errors import MAX_SHOWN_PROBLEMS, Problem, ValidationError, shown_problems
from recommender.intake.forms.apply import apply_mapping, people_from_mapped, people_rows
from recommender.intake.forms.mapping import (
    MAX_MAPPING_BYTES,
    MAX_MAPPING_DEPTH,
    ColumnMapping,
)
from recommender.intake.readers import read_form_table, read_table
from recommender.ui.common import problems_text

from ..shared import FORMS

MAPPING = {
    "version": 1, "role": "mentee",
    "fields": {"id": "ID", "name": "Nom complet",
               "years_experience": "Années d'expérience", "wants": ["Souhaits", "Thèmes"],
               "languages": "Langues"},
    "checkbox": ["Thèmes"],
    "labels": {"Souhaits": "Souhaits « libres »"},
    "value_maps": {"years_experience": {"Postdoc": 6, "Doctorant·e": 3},
                   "languages": {"Castellano": "es", "Bilingue": ["fr", "en"]}},
    "ignored": ["Horodatage"],
}


def refused(path: Path) -> Problem:
    """The one problem a mapping file is refused with; it names the file."""
    with pytest.raises(ValidationError) as caught:
        ColumnMapping.load(path)
    problems = caught.value.problems
    assert len(problems) == 1, problems
    assert problems[0].source == path.name and path.name in str(caught.value)
    return problems[0]


# ------------------------------------------------------- 1. mapping files: size and nesting
@pytest.mark.parametrize("where", ["top", "fields", "value_maps", "objects"])
def test_a_mapping_file_nested_200_000_deep_is_refused_naming_the_file(tmp_path, where):
    depth = 200_000
    deep = "[" * depth + "]" * depth
    text = {"top": deep,
            "fields": f'{{"version": 1, "fields": {{"wants": {deep}}}}}',
            "value_maps": f'{{"version": 1, "value_maps": {{"languages": {{"x": {deep}}}}}}}',
            "objects": '{"a":' * (depth // 2) + "1" + "}" * (depth // 2)}[where]  # < 1 MB
    path = tmp_path / "deep.json"
    path.write_text(text, encoding="utf-8")
    problem = refused(path)  # not a RecursionError
    assert f"nested more than {MAX_MAPPING_DEPTH} deep (line 1, column " in problem.message
    assert "a mapping needs 4 levels at most" in problem.message


def test_the_nesting_a_mapping_needs_is_read_and_brackets_in_texts_do_not_count(tmp_path):
    data = {**MAPPING, "labels": {"Souhaits": '[[[[[[[[[[ {{{{{{{{{{ \\" [[[[[['}}
    path = tmp_path / "mapping.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    mapping = ColumnMapping.load(path)
    assert mapping.value_maps["languages"]["Bilingue"] == ["fr", "en"]  # 4 levels deep
    assert mapping.labels["Souhaits"].startswith("[[[[[[[[[[")


def test_a_mapping_file_over_1_mb_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "export.json"
    with path.open("wb") as handle:  # 690 MB on paper, nothing on disk (a sparse file)
        handle.truncate(690 * 2**20)
    tracemalloc.start()
    try:
        problem = refused(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert problem.message == ("the mapping file is 690.0 MB, more than the 1.0 MB accepted (a "
                               "mapping is a few KB: is this the right file?)")
    assert peak < 2**20  # its size was enough: not a byte of it was read


def test_a_mapping_file_just_over_the_limit_is_refused_and_one_at_the_limit_is_read(tmp_path):
    text = json.dumps(MAPPING, ensure_ascii=False)
    at_limit = text[:-1] + " " * (MAX_MAPPING_BYTES - len(text.encode("utf-8"))) + "}"
    path = tmp_path / "mapping.json"
    path.write_bytes(at_limit.encode("utf-8"))
    assert ColumnMapping.load(path) == ColumnMapping.from_dict(MAPPING)
    path.write_bytes(at_limit.encode("utf-8") + b" ")
    assert "1.0 MB, more than the 1.0 MB accepted" in refused(path).message


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_mapping_file_that_never_ends_is_read_up_to_the_limit_only(tmp_path):
    # A device or a pipe has no size to check: reading stops past the limit.
    link = tmp_path / "zero.json"
    link.symlink_to("/dev/zero")
    assert refused(link).message == ("the mapping file is more than the 1.0 MB accepted (a "
                                     "mapping is a few KB: is this the right file?)")


def test_a_mapping_text_over_the_limit_is_refused_before_it_is_parsed():
    text = '{"version": 1, "ignored": [' + ", ".join(['"x"'] * 300_000) + "]}"
    with pytest.raises(ValidationError, match=r"more than the 1048576 accepted") as caught:
        ColumnMapping.from_json(text, source="pasted")
    assert caught.value.problems[0].source == "pasted"


def test_a_number_python_cannot_read_is_a_problem_of_the_mapping_file(tmp_path):
    path = tmp_path / "mapping.json"
    path.write_text('{"version": 1' + "0" * 5000 + "}", encoding="utf-8")
    assert refused(path).message.startswith("not readable JSON: Exceeds the limit")


def test_quoted_values_are_cut_in_messages(tmp_path):
    path = tmp_path / "mapping.json"
    path.write_text(json.dumps({"version": 1, "fields": {"wants": [1] * 100_000},
                                "x" * 100_000: 1}), encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        ColumnMapping.load(path)
    assert len(str(caught.value)) < 1000


# ------------------------------------------------------- 2. several columns, one field
YEARS_TWICE = ColumnMapping(fields={
    "id": ("ID",), "name": ("Name",),
    "years_experience": ("Years in industry", "Years in academia"), "wants": ("Wants",)},
    value_maps={"years_experience": {"Postdoc": 6}}, detect_languages=False)


def row(n: int, industry: str, academia: str) -> tuple[int, dict[str, str]]:
    return n, {"ID": f"p{n}", "Name": f"P{n}", "Years in industry": industry,
               "Years in academia": academia, "Wants": "To learn."}


def test_a_second_column_for_years_experience_answered_differently_is_a_problem_naming_both():
    mapped = apply_mapping([row(2, "12", "3")], YEARS_TWICE, "form.csv")
    with pytest.raises(ValidationError) as caught:
        people_from_mapped(mapped)
    assert caught.value.problems == (Problem(
        "form.csv", 2, "Years in academia",
        "the columns 'Years in industry' and 'Years in academia' give the same field "
        "(years_experience) with different values ('12' and '3'): keep one in the mapping, "
        "or one answer in the row"),)


def test_a_row_answering_one_of_the_years_columns_gets_its_years():
    """A form asking the question in each side's section: each row answers one column."""
    mapped = apply_mapping([row(2, "12", ""), row(3, "", "Postdoc"), row(4, "6", "Postdoc"),
                            row(5, "4", "4,0")], YEARS_TWICE, "form.csv")
    people = people_from_mapped(mapped)  # the same years written twice is no problem
    assert [p.years_experience for p in people] == [12, 6, 6, 4]


def test_a_partial_import_leaves_out_the_rows_whose_years_disagree():
    rows = [row(2, "12", "3"), row(3, "", "Postdoc")]
    ready = people_rows(rows, "form.csv", YEARS_TWICE, partial=True)
    assert [n for n, _ in ready.rows] == [3]
    assert [(p.row, p.column) for p in ready.skipped] == [(2, "Years in academia")]


@pytest.mark.parametrize(("field", "first", "second"), [
    ("email", "ana@example.org", "ana.souza@example.org"), ("capacity", "2", "3"),
    ("utc_offset", "UTC+1", "Europe/Lisbon"), ("role_preference", "mentor", "mentee")])
def test_every_single_valued_field_follows_the_same_rule(field, first, second):
    mapping = ColumnMapping(fields={"id": ("ID",), "name": ("Name",), "wants": ("Wants",),
                                    field: ("A", "B")}, detect_languages=False)
    base = {"ID": "p1", "Name": "Ana", "Wants": "To learn."}
    people_from_mapped(apply_mapping([(2, {**base, "A": first, "B": first})], mapping))
    with pytest.raises(ValidationError, match=rf"give the same field \({field}\)"):
        people_from_mapped(apply_mapping([(2, {**base, "A": first, "B": second})], mapping))


# ------------------------------------------------------- 3. mapping files in any encoding
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32",
                                      "cp1252"])
def test_a_mapping_file_is_decoded_as_data_files_are(tmp_path, encoding):
    text = json.dumps(MAPPING, ensure_ascii=False, indent=2)
    bom = codecs.BOM_UTF16_BE if encoding == "utf-16-be" else b""  # the others write theirs
    raw = bom + text.encode(encoding)
    path = tmp_path / "mapping.json"
    path.write_bytes(raw)
    mapping = ColumnMapping.load(path)
    assert mapping.columns_of("years_experience") == ("Années d'expérience",)
    assert mapping.labels == {"Souhaits": "Souhaits « libres »"}


def test_a_utf16_mapping_file_without_its_byte_order_mark_says_so(tmp_path):
    path = tmp_path / "mapping.json"
    path.write_bytes(json.dumps(MAPPING).encode("utf-16-le"))
    assert "UTF-16 text needs its byte-order mark" in refused(path).message


def test_a_mapping_file_in_no_encoding_names_the_line_of_the_bad_byte(tmp_path):
    path = tmp_path / "mapping.json"
    path.write_bytes(b'{"version": 1,\n"ignored": ["\x81"]}')
    assert refused(path).message == ("neither UTF-8 nor Windows-1252 text: byte 0x81 on line 2 "
                                     "is unreadable in both; save the file as 'UTF-8'")


def test_a_utf16_mapping_file_imports_from_the_command_line(tandem, tmp_path):
    shutil.copy(FORMS / "google_mentees_en.csv", tmp_path / "mentees.csv")
    first = tandem("import", "--workspace", "ws", "mentees.csv", "--role", "mentee",
                   "--model", "hashing")
    assert first.returncode == 2 and "a mapping is needed" in first.stderr
    proposal = tmp_path / "mentees.mapping.json"
    proposal.write_bytes(proposal.read_text(encoding="utf-8").encode("utf-16"))
    done = tandem("import", "--workspace", "ws", "mentees.csv", "--map", proposal.name,
                  "--model", "hashing")
    assert done.returncode == 0, done.stderr
    assert "mentees.csv: 10 people added" in done.stderr


# ------------------------------------------------------- 4. long lists of problems
@pytest.fixture(scope="module")
def empty_rows(tmp_path_factory) -> Path:
    """One person, then 100 000 empty rows."""
    path = tmp_path_factory.mktemp("rows") / "people.json"
    person = {"id": "p1", "name": "Ana", "years_experience": 3, "profile": "Data."}
    path.write_text(json.dumps([person, *[[]] * 100_000]), encoding="utf-8")
    return path


TAIL = "… and 99950 more problems in 99950 rows"


def test_100_000_empty_rows_make_a_short_message_but_keep_every_problem(empty_rows):
    with pytest.raises(ValidationError) as caught:
        read_table(empty_rows)
    error = caught.value
    assert len(error.problems) == 100_000  # every one, for the API's users
    lines = str(error).splitlines()
    assert lines[0] == "100000 problems in the input, nothing was stored:"
    assert lines[1] == "  - people.json, row 2: expected an object {...} for a row, found a list [...]"
    assert len(lines) == 1 + MAX_SHOWN_PROBLEMS + 1 and lines[-1] == f"  - {TAIL}"
    assert len(str(error)) < 10_000


def test_100_000_empty_rows_make_a_short_report_on_the_page(empty_rows):
    with pytest.raises(ValidationError) as caught:
        read_form_table(empty_rows)
    for lang, tail in (("en", "… and 99950 more problem(s) in 99950 row(s)"),
                       ("fr", "… et 99950 autre(s) problème(s) dans 99950 ligne(s)")):
        lines = problems_text(caught.value, lang).splitlines()
        assert len(lines) == 1 + MAX_SHOWN_PROBLEMS + 1
        assert lines[1].startswith("• people.json, row 2: expected an object")
        assert lines[-1] == f"• {tail}"  # in the page's language


def test_100_000_empty_rows_make_a_short_message_on_the_command_line(tandem, empty_rows):
    run = tandem("import", "--workspace", "ws", str(empty_rows), "--model", "hashing")
    assert run.returncode == 2
    lines = run.stderr.splitlines()
    assert sum(line.startswith("  - ") for line in lines) == MAX_SHOWN_PROBLEMS + 1
    assert lines[-1] == f"  - {TAIL}" and len(run.stderr) < 10_000


def test_a_partial_import_still_uses_every_problem(tmp_path):
    """``partial`` leaves out every bad row, not only the ones a message shows."""
    bad = [(n, {"id": f"p{n}", "name": "P", "years_experience": 3, "profile": ""})
           for n in range(2, 2 + 3 * MAX_SHOWN_PROBLEMS)]
    good = (900, {"id": "ok", "name": "Ok", "years_experience": 3, "profile": "Data."})
    ready = people_rows([*bad, good], "p.csv", partial=True)
    assert [n for n, _ in ready.rows] == [900]
    assert len(ready.skipped) == 3 * MAX_SHOWN_PROBLEMS
    rec = Recommender(embedder=HashingEmbedder())
    result = rec.import_people([*bad, good], "p.csv", partial=True)
    assert result.stored == 1 and len(result.skipped) == 3 * MAX_SHOWN_PROBLEMS


@pytest.mark.parametrize(("count", "tail"), [
    (MAX_SHOWN_PROBLEMS, ""), (MAX_SHOWN_PROBLEMS + 1, "and 1 more problem in 1 row"),
    (MAX_SHOWN_PROBLEMS + 3, "and 3 more problems in 3 rows")])
def test_the_list_is_cut_only_past_the_limit(count, tail):
    problems = [Problem("f.csv", n, "id", "missing id") for n in range(count)]
    shown, more = shown_problems(problems)
    assert len(shown) == min(count, MAX_SHOWN_PROBLEMS) and more == tail


def test_problems_of_the_whole_file_are_counted_without_rows():
    problems = [Problem("f.csv", None, None, "x")] * (MAX_SHOWN_PROBLEMS + 2)
    assert shown_problems(problems)[1] == "and 2 more problems"
    assert str(ValidationError(problems)).endswith("\n  - … and 2 more problems")


def test_a_short_list_is_shown_whole():
    error = ValidationError([Problem("f.csv", 2, "id", "missing id")])
    assert str(error) == ("1 problem in the input, nothing was stored:\n"
                          "  - f.csv, row 2, column 'id': missing id")
    assert problems_text(error, "en").splitlines()[1:] == ["• f.csv, row 2, column 'id': missing id"]


def test_the_import_report_lists_fifty_warnings_and_problems_then_counts(tmp_path):
    mapping = ColumnMapping(fields={"id": ("ID",), "name": ("Name",), "wants": ("Wants",),
                                    "years_experience": ("Years",), "email": ("A", "B")},
                            detect_languages=False)
    rows = [(n, {"ID": f"p{n}", "Name": "P", "Wants": "To learn.", "Years": "Guru",
                 "A": "a@x.org", "B": "b@x.org"}) for n in range(2, 122)]
    lines = apply_mapping(rows, mapping, "f.csv").report.describe()
    warnings = [line for line in lines if line.startswith("Warning: ")]
    problems = [line for line in lines if line.startswith("Problem: ")]
    assert len(warnings) == len(problems) == MAX_SHOWN_PROBLEMS + 1
    assert warnings[-1] == "Warning: … and 70 more warnings"
    assert problems[-1] == "Problem: … and 70 more problems in 70 rows"


@pytest.mark.parametrize("syntax", ["json", "toml"])
def test_a_rules_file_nested_50_000_deep_or_over_the_limit_is_refused(tmp_path, syntax):
    """Rules files and the page's rules box: the same limits as mapping files, checked
    before the parsers recurse (a RecursionError traceback before)."""
    from recommender.matching.programme import MAX_RULES_BYTES, load_rules, parse_rules_text

    deep = tmp_path / f"rules.{syntax}"
    depth = 50_000  # far past the parsers' recursion limit, within the size limit
    deep.write_text(('{"levels": ' + "[" * depth + "]" * depth + "}") if syntax == "json"
                    else ("levels = " + "[" * depth + "]" * depth), encoding="utf-8")
    with pytest.raises(ValueError, match=r"rules\.(json|toml): line 1, column \d+: lists or "
                                         r"tables nested more than 16 deep"):
        load_rules(deep)
    with pytest.raises(ValueError, match="nested more than 16 deep"):
        parse_rules_text(deep.read_text(encoding="utf-8"), "the page's rules")
    big = tmp_path / f"big.{syntax}"
    big.write_text(" " * (MAX_RULES_BYTES + 1), encoding="utf-8")
    with pytest.raises(ValueError, match="big"):
        load_rules(big)
    # a UTF-16 rules file is read as data files are
    ok = tmp_path / "ok.toml"
    ok.write_text('preferences = "off"\n', encoding="utf-16")
    assert load_rules(ok).preferences == "off"


def test_the_skipped_rows_of_a_partial_import_are_capped_on_the_command_line(tandem, tmp_path):
    people = tmp_path / "people.csv"
    rows = ["id,name,years_experience,profile"]
    rows += [f"p{i},Person {i},{-i - 1},Data and dashboards." for i in range(120)]
    rows.append("ok,Ana,3,I run dashboards.")
    people.write_text("\n".join(rows) + "\n", encoding="utf-8")
    run = tandem("import", "--workspace", "ws", str(people), "--model", "hashing", "--partial")
    assert run.returncode == 0, run.stderr
    listed = [line for line in run.stderr.splitlines() if line.startswith("  - ")]
    assert len(listed) == MAX_SHOWN_PROBLEMS + 1
    assert listed[-1] == "  - … and 70 more problems in 70 rows"
