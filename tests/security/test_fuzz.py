"""Fuzzing every reader (hypothesis, bounded in time).

The property, for people, notes, topics and precomputed embeddings alike: reading and
importing a file either succeeds and stores exactly the valid batch, or raises the package's
:class:`ValidationError` (never another exception) and the store is unchanged. The inputs:
random bytes under every extension, valid files cut short or with bytes overwritten,
inserted or deleted, generated batches in every encoding the readers claim (UTF-8 with and
without BOM, UTF-16 with a BOM, Windows-1252) and every format, with control characters,
texts at and past the length limits, formulas and HTML in every text column, and JSON
nested deeply. For generated batches an oracle says which (row, column) must be refused.

Column mapping files too: loading one either gives a mapping that saves and loads again
unchanged, or raises a :class:`ValidationError` naming the file; random bytes, valid files
broken in every encoding the data readers read, random JSON in every key, and nesting far
past what a mapping needs (refused before parsing, never a RecursionError).
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, currently_in_test_context, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from recommender import Recommender, ValidationError, load_topics
from recommender.embedding.precomputed import PrecomputedEmbedder
from recommender.intake.forms.mapping import MAX_MAPPING_DEPTH, ColumnMapping
from recommender.intake.readers import read_table
from recommender.intake.validate import (
    FIELD_LIMITS,
    MAX_PERSON_CHARS,
    MAX_TEXT_CHARS,
    validate_notes,
    validate_people,
)


def fuzz(examples: int) -> settings:
    """Bounded: the whole file runs in about 20 s on a 2-core machine; ``make unit`` (the
    fast tier) runs a quarter of the examples (``TANDEM_FUZZ_SHARE``), ``make test`` all."""
    share = float(os.environ.get("TANDEM_FUZZ_SHARE", "1"))
    return settings(max_examples=max(5, round(examples * share)), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


SUFFIXES = [".csv", ".tsv", ".txt", ".xlsx", ".json", ".jsonl", ".ndjson"]
BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")  # what must be refused
XLSX_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1252"]
TEXT_COLUMNS = ("name", "department", "profile", "offers", "wants")
FORMULAS_AND_HTML = [
    "=HYPERLINK(\"http://evil.example\",\"click\")", "=1+1", "+33 6 12 34 56 78", "-2+3",
    "@SUM(A1:A9)", "=cmd|' /C calc'!A0", "<script>alert('x')</script>", "<b>gras</b> &amp; co",
    "<img src=x onerror=alert(1)>", "\"quoted\", with; delimiters\tand tabs",
    "Hélène « œuvre » – 50 € … ’", "line one\nline two\r\nline three\rend", "  padded  ",
    "zero\u200bwidth", "emoji 🎉 and RTL مرحبا",
]
_counter = itertools.count()

# ------------------------------------------------------------------ fixtures and checks


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture(scope="module")
def rec() -> Recommender:
    r = Recommender(embedder="hashing")
    r.add_people([{"id": "s1", "name": "Sylvie", "years_experience": 18,
                   "wants": "I want to understand TikTok."},
                  {"id": "j1", "name": "Inès", "years_experience": 1,
                   "offers": "I run the TikTok account."}])
    r.add_notes([{"mentor_id": "j1", "mentee_id": "s1", "date": "2026-01-05",
                  "text": "We looked at TikTok."}])
    return r


def _state(rec: Recommender) -> tuple[Any, ...]:
    return rec.store.fingerprint(), rec.people(), rec.notes()


def _check_problems(error: ValidationError, source: str) -> None:
    assert error.problems
    for p in error.problems:
        assert p.source == source and p.message
        assert p.row is None or (isinstance(p.row, int) and p.row >= 1)
        assert "Traceback" not in p.message and "Error(" not in p.message


def import_people(rec: Recommender, path: Path) -> ValidationError | None:
    """The property for a people file, imported as the CLI and the UI do."""
    error = _import_people(rec, path)
    if currently_in_test_context():  # the outcomes, shown by --hypothesis-show-statistics
        event(f"people: {'refused' if error else 'stored'}")
    return error


def _import_people(rec: Recommender, path: Path) -> ValidationError | None:
    before = _state(rec)
    try:
        batch = validate_people(read_table(path), source=path.name)
    except ValidationError:
        batch = None
    try:
        rec.add_people(read_table(path), source=path.name)
    except ValidationError as error:
        _check_problems(error, path.name)
        assert _state(rec) == before
        assert batch is None  # a batch that validates is stored
        return error
    assert batch is not None
    people_before = {p.id: p for p in before[1]}
    assert {p.id: p for p in rec.people()} == {**people_before, **{p.id: p for p in batch}}
    assert rec.notes() == before[2]
    return None


def import_notes(rec: Recommender, path: Path) -> ValidationError | None:
    before = _state(rec)
    try:
        batch = validate_notes(read_table(path), rec.store.person_ids(), source=path.name)
    except ValidationError:
        batch = None
    try:
        rec.add_notes(read_table(path), source=path.name)
    except ValidationError as error:
        _check_problems(error, path.name)
        assert _state(rec) == before
        assert batch is None
        return error
    assert batch is not None
    key = lambda n: (n.mentor_id, n.mentee_id, n.date, n.text, n.rating)  # noqa: E731
    assert Counter(map(key, rec.notes())) == Counter(map(key, [*before[2], *batch]))
    assert rec.people() == before[1]
    return None


def load_or_refuse(loader: Any, path: Path) -> None:
    try:
        loader(path)
    except ValidationError as error:
        _check_problems(error, path.name)


# ------------------------------------------------------------------ valid files to mutate
PEOPLE = [
    {"id": "m1", "name": "Hélène Dupré", "years_experience": 22, "department": "Magasins",
     "profile": "Je dirige le magasin. Je veux comprendre TikTok.", "offers": "", "wants": ""},
    {"id": "m2", "name": "Yanis", "years_experience": 1, "department": "Logistique",
     "profile": "", "offers": "Je fais les tournées de livraison.", "wants": "Excel"},
]
NOTES = [{"mentor_id": "j1", "mentee_id": "s1", "date": "2026-02-01", "text": "Vidéos TikTok.",
          "rating": 4},
         {"mentor_id": "j1", "mentee_id": "s1", "date": "2026-03-01", "text": "Excel et IA.",
          "rating": ""}]


def to_csv(rows: list[dict[str, Any]], delimiter: str = ",", line: str = "\r\n") -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=delimiter,
                            lineterminator=line)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def to_xlsx(rows: list[dict[str, Any]]) -> bytes:
    wb = Workbook()
    ws = wb.active
    columns = list(rows[0])
    ws.append(columns)
    for r, row in enumerate(rows, start=2):
        for c, column in enumerate(columns, start=1):
            value = row[column]
            cell = ws.cell(r, c, value if value != "" else None)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # a text that looks like a formula, as a user typed it
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def encoded(rows: list[dict[str, Any]], fmt: str, encoding: str = "utf-8",
            delimiter: str = ",") -> bytes:
    if fmt == "xlsx":
        return to_xlsx(rows)
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=True).encode()
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()
    return to_csv(rows, delimiter).encode(encoding)


VALID_PEOPLE = {fmt: encoded(PEOPLE, fmt) for fmt in ("csv", "xlsx", "json", "jsonl")}
VALID_NOTES = {fmt: encoded(NOTES, fmt) for fmt in ("csv", "xlsx", "json", "jsonl")}


@st.composite
def mutated(draw: st.DrawFn, originals: dict[str, bytes]) -> tuple[str, bytes]:
    fmt = draw(st.sampled_from(sorted(originals)))
    raw = originals[fmt]
    at = draw(st.integers(0, len(raw)))
    junk = draw(st.binary(min_size=1, max_size=20))
    how = draw(st.sampled_from(["truncate", "overwrite", "insert", "delete"]))
    if how == "truncate":
        raw = raw[:at]
    elif how == "overwrite":
        raw = raw[:at] + junk + raw[at + len(junk):]
    elif how == "insert":
        raw = raw[:at] + junk + raw[at:]
    else:
        raw = raw[:at] + raw[at + draw(st.integers(1, 40)):]
    return fmt, raw


# ------------------------------------------------------------------ random and broken files
@fuzz(150)
@given(raw=st.binary(max_size=2000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_under_every_extension(rec, folder, raw, suffix):
    path = folder / f"people{suffix}"
    path.write_bytes(raw)
    import_people(rec, path)
    notes = folder / f"notes{suffix}"
    notes.write_bytes(raw)
    import_notes(rec, notes)
    load_or_refuse(load_topics, path)


@fuzz(120)
@given(case=mutated(VALID_PEOPLE), suffix_for=st.sampled_from(["own", "other"]))
def test_broken_people_files(rec, folder, case, suffix_for):
    fmt, raw = case
    suffix = fmt if suffix_for == "own" else {"csv": "xlsx", "xlsx": "csv", "json": "jsonl",
                                              "jsonl": "json"}[fmt]
    path = folder / f"people.{suffix}"
    path.write_bytes(raw)
    import_people(rec, path)


@fuzz(80)
@given(case=mutated(VALID_NOTES))
def test_broken_notes_files(rec, folder, case):
    fmt, raw = case
    path = folder / f"notes.{fmt}"
    path.write_bytes(raw)
    import_notes(rec, path)


def test_the_unbroken_files_import(folder):
    fresh = Recommender(embedder="hashing")
    fresh.add_people([{"id": "s1", "name": "S", "years_experience": 9, "profile": "TikTok"},
                      {"id": "j1", "name": "J", "years_experience": 1, "profile": "Excel"}])
    for fmt in VALID_PEOPLE:
        path = folder / f"valid.{fmt}"
        path.write_bytes(VALID_PEOPLE[fmt])
        assert import_people(fresh, path) is None, fmt
        path.write_bytes(VALID_NOTES[fmt])
        assert import_notes(fresh, path) is None, fmt
    assert {p.id for p in fresh.people()} >= {"m1", "m2"} and len(fresh.notes()) == 8


@fuzz(25)
@given(depth=st.integers(1, 30_000), where=st.sampled_from(["top", "row", "value"]))
def test_deeply_nested_json(rec, folder, depth, where):
    nested = "[" * depth + "]" * depth
    text = {"top": nested,
            "row": f'[{nested}]',
            "value": f'[{{"id": "d1", "name": "D", "years_experience": 3, "profile": {nested}}}]',
            }[where]
    path = folder / "nested.json"
    path.write_text(text)
    assert import_people(rec, path) is not None


# ------------------------------------------------------------------ generated batches
def text_values(limit: int) -> st.SearchStrategy[str]:
    return st.one_of(
        st.text(max_size=30),  # any character, control characters included
        st.sampled_from(FORMULAS_AND_HTML),
        st.builds(lambda a, b: a + b, st.sampled_from(FORMULAS_AND_HTML), st.text(max_size=8)),
        st.builds(lambda c, n: c * n, st.sampled_from(["a", "é", " b", "€"]),
                  st.sampled_from([limit - 1, limit, limit + 1])),
        st.just(""),
    )


def clean_values(limit: int) -> st.SearchStrategy[str]:
    """Texts that must be accepted: no control character but tab and line breaks, within
    the limit (formulas, HTML, quotes, delimiters and any script welcome)."""
    return st.one_of(
        st.text(st.characters(exclude_categories=("Cc", "Cs"), include_characters="\t\n\r"),
                min_size=1, max_size=30),
        st.sampled_from(FORMULAS_AND_HTML),
        st.builds(lambda c, n: c * n, st.sampled_from(["a", "é", "b "]),
                  st.sampled_from([limit // 3, limit])),
    )


@st.composite
def people_batches(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Rows of people; half of the batches are meant to be stored as they are."""
    valid = draw(st.booleans())
    n = draw(st.integers(1, 4))
    nonce = next(_counter)
    rows = []
    for i in range(n):
        prefix = draw(st.sampled_from(["", "=", "@", "<i>", "+"]))
        row = {"id": f"{prefix}g{nonce}_{i}", "years_experience": draw(st.integers(0, 70))}
        for column in TEXT_COLUMNS:
            limit = MAX_TEXT_CHARS if column in ("profile", "offers", "wants") \
                else FIELD_LIMITS[column]
            row[column] = draw(clean_values(limit) if valid else text_values(limit))
        if valid:
            row["name"] = f"{row['name'].strip() or 'x'}"[: FIELD_LIMITS["name"]]
            if not row["name"].strip():
                row["name"] = "x"
            # keep the person within their total: one long text at most
            if sum(len(row[k]) for k in ("profile", "offers", "wants")) > MAX_PERSON_CHARS:
                row["wants"] = row["wants"][:100]
                row["offers"] = row["offers"][:100]
        rows.append(row)
    return rows


def representable(rows: list[dict[str, Any]], fmt: str) -> list[dict[str, Any]]:
    """What the format can hold at all (openpyxl refuses control characters)."""
    if fmt != "xlsx":
        return rows
    return [{k: XLSX_UNWRITABLE.sub("?", v) if isinstance(v, str) else v for k, v in r.items()}
            for r in rows]


def no_surrogates(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: re.sub("[\ud800-\udfff]", "?", v) if isinstance(v, str) else v
             for k, v in r.items()} for r in rows]


def as_read(value: str, fmt: str) -> str:
    """A text as the reader returns it: CSV and XLSX carry line breaks as \\n."""
    if fmt in ("csv", "xlsx"):
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.strip()


def oracle(rows: list[dict[str, Any]], fmt: str, first_row: int) -> set[tuple[int, str | None]]:
    """The (row, column) problems a batch of generated people must be refused with."""
    problems: set[tuple[int, str | None]] = set()
    for offset, row in enumerate(rows):
        row_no = first_row + offset
        values = {k: as_read(v, fmt) for k, v in row.items() if isinstance(v, str)}
        for column in ("id", *TEXT_COLUMNS):
            limit = MAX_TEXT_CHARS if column in ("profile", "offers", "wants") \
                else FIELD_LIMITS[column]
            if BAD.search(values[column]) or len(values[column]) > limit:
                problems.add((row_no, column))
        if not values["name"]:
            problems.add((row_no, "name"))
        texts = [values[k] for k in ("profile", "offers", "wants")]
        if not any((row_no, k) in problems for k in ("profile", "offers", "wants")):
            if not any(texts):
                problems.add((row_no, "profile"))
            elif sum(map(len, texts)) > MAX_PERSON_CHARS:
                problems.add((row_no, None))
    return problems


@fuzz(150)
@given(rows=people_batches(), fmt=st.sampled_from(["csv", "xlsx", "json", "jsonl", "python"]),
       encoding=st.sampled_from(ENCODINGS), delimiter=st.sampled_from([",", ";", "\t"]))
def test_generated_people_batches(rec, folder, rows, fmt, encoding, delimiter):
    rows = representable(rows, fmt)
    if fmt == "csv":
        rows = no_surrogates(rows)  # a lone surrogate cannot be written to a text file
        try:
            raw = to_csv(rows, delimiter).encode(encoding)
        except UnicodeEncodeError:  # a character Windows-1252 lacks: the file is UTF-8
            raw = to_csv(rows, delimiter).encode("utf-8")
        if encoding == "cp1252":
            # Windows-1252 bytes that are valid UTF-8 too ("Â¡" is written C2 A1, which is
            # UTF-8 for "¡"): no reader can tell which was meant; a real file with such
            # text is already mojibake
            try:
                ambiguous = raw.decode("utf-8") != to_csv(rows, delimiter)
            except UnicodeDecodeError:
                ambiguous = False
            assume(not ambiguous)
        if encoding == "utf-16":
            assert raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    expected = oracle(rows, fmt, first_row=2 if fmt in ("csv", "xlsx") else 1)
    if fmt == "python":
        before = _state(rec)
        try:
            rec.add_people(rows, source="form")
            error = None
        except ValidationError as exc:
            error = exc
            assert _state(rec) == before
    else:
        path = folder / f"generated.{fmt}"
        path.write_bytes(raw if fmt == "csv" else encoded(rows, fmt))
        error = import_people(rec, path)
    found = set() if error is None else {(p.row, p.column) for p in error.problems}
    event(f"{'refused' if error else 'stored'} {fmt}")
    assert found == expected, error
    if error is None:
        for row in rows:
            stored = rec.person(as_read(row["id"], fmt))
            for column in TEXT_COLUMNS:
                assert getattr(stored, column) == as_read(row[column], fmt), column
            assert stored.years_experience == row["years_experience"]


@st.composite
def note_batches(draw: st.DrawFn) -> list[dict[str, Any]]:
    return [{"mentor_id": "j1", "mentee_id": "s1",
             "date": f"2026-{draw(st.integers(1, 12)):02d}-{draw(st.integers(1, 28)):02d}",
             "text": draw(text_values(MAX_TEXT_CHARS)),
             "rating": draw(st.sampled_from(["", 1, 3, 5]))}
            for _ in range(draw(st.integers(1, 4)))]


@fuzz(80)
@given(rows=note_batches(), fmt=st.sampled_from(["csv", "xlsx", "json", "jsonl"]))
def test_generated_note_batches(rec, folder, rows, fmt):
    rows = representable(rows, fmt)
    if fmt == "csv":
        rows = no_surrogates(rows)
    path = folder / f"notes.{fmt}"
    path.write_bytes(encoded(rows, fmt))
    first = 2 if fmt in ("csv", "xlsx") else 1
    expected = set()
    for offset, row in enumerate(rows):
        text = as_read(row["text"], fmt)
        if BAD.search(text) or len(text) > MAX_TEXT_CHARS or not text:
            expected.add((first + offset, "text"))
    error = import_notes(rec, path)
    assert (set() if error is None else {(p.row, p.column) for p in error.problems}) == expected


# ------------------------------------------------------------------ embeddings and topics
def _npz_bytes(**arrays: Any) -> bytes:
    out = io.BytesIO()
    np.savez(out, **arrays)
    return out.getvalue()


VALID_NPZ = {"npz": _npz_bytes(texts=np.array(["a", "b", "c"]), vectors=np.eye(3)),
             "model": _npz_bytes(texts=np.array(["a"]), vectors=np.ones((1, 2)),
                                 model_id=np.array("m"))}
VALID_TOPICS = {"json": json.dumps([{"id": "t1", "category": "tech",
                                     "en": {"title": "AI", "description": "d", "starters": ["s"]},
                                     "fr": {"title": "IA", "description": "d"}}]).encode(),
                "csv": b"id,title,description,language,starters\nt1,AI,d,en,a|b\n"}


@fuzz(100)
@given(case=st.one_of(mutated(VALID_NPZ), st.tuples(st.just("npz"), st.binary(max_size=500))))
def test_precomputed_embeddings_files(folder, case):
    path = folder / "vectors.npz"
    path.write_bytes(case[1])
    load_or_refuse(PrecomputedEmbedder.load, path)


@fuzz(80)
@given(case=mutated(VALID_TOPICS))
def test_topic_files(folder, case):
    fmt, raw = case
    path = folder / f"topics.{fmt}"
    path.write_bytes(raw)
    load_or_refuse(load_topics, path)


# ------------------------------------------------------------------ column mapping files
MAPPING = ColumnMapping.from_dict({
    "version": 1, "role": "mentee",
    "fields": {"id": "Matricule", "name": ["Prénom", "Nom"],
               "years_experience": "Années d'expérience", "wants": ["Souhaits", "Thèmes"],
               "languages": "Langues parlées", "attr_sector": "Secteur"},
    "checkbox": ["Thèmes"], "labels": {"Souhaits": "Souhaits « libres »"},
    "value_maps": {"years_experience": {"Cadre": 10, "Stagiaire": 0},
                   "languages": {"Castillan": "es", "Bilingue": ["fr", "en"]}},
    "ignored": ["Horodatage"], "candidate_languages": ["fr", "en"],
})
MAPPING_ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32", "cp1252"]


def encode_mapping(text: str, encoding: str) -> bytes:
    """The text as a mapping file in ``encoding`` (a byte-order mark for the UTF-16 and 32
    ones); UTF-8 when the encoding lacks one of its characters."""
    try:
        raw = text.encode(encoding)
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")
    return codecs.BOM_UTF16_BE + raw if encoding == "utf-16-be" else raw


VALID_MAPPINGS = {e: encode_mapping(MAPPING.to_json(), e) for e in MAPPING_ENCODINGS}


def load_mapping(path: Path) -> ColumnMapping | None:
    """The property for a mapping file: a mapping that saves and loads again unchanged, or
    the package's error naming the file."""
    try:
        mapping = ColumnMapping.load(path)
    except ValidationError as error:
        _check_problems(error, path.name)
        if currently_in_test_context():
            event("mapping: refused")
        return None
    assert ColumnMapping.from_json(mapping.to_json()) == mapping
    if currently_in_test_context():
        event("mapping: read")
    return mapping


def test_the_mapping_file_loads_in_every_encoding(folder):
    for encoding, raw in VALID_MAPPINGS.items():
        path = folder / "mapping.json"
        path.write_bytes(raw)
        assert load_mapping(path) == MAPPING, encoding


@fuzz(100)
@given(raw=st.binary(max_size=2000))
def test_random_bytes_as_a_mapping_file(folder, raw):
    path = folder / "random.mapping.json"
    path.write_bytes(raw)
    load_mapping(path)


@fuzz(120)
@given(case=mutated(VALID_MAPPINGS))
def test_broken_mapping_files(folder, case):
    path = folder / "broken.mapping.json"
    path.write_bytes(case[1])
    load_mapping(path)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12)
    | st.sampled_from(["fr", "en", "mentor", "Nom", "Cadre", "attr_x", ""]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=4),
    max_leaves=12)


@fuzz(150)
@given(key=st.sampled_from(["version", "role", "generate_ids", "detect_languages",
                            "candidate_languages", "fields", "checkbox", "labels",
                            "value_maps", "ignored", "other"]),
       inner=st.one_of(st.none(), st.sampled_from(["wants", "languages", "years_experience",
                                                   "capacity", "Souhaits", "attr_sector"])),
       value=JSON_VALUES, encoding=st.sampled_from(MAPPING_ENCODINGS), ascii=st.booleans())
def test_generated_mapping_files(folder, key, inner, value, encoding, ascii):
    data = MAPPING.to_dict()
    if inner is not None and isinstance(data.get(key), dict):
        data[key] = {**data[key], inner: value}  # one field, label or table replaced
    else:
        data[key] = value
    path = folder / "generated.mapping.json"
    path.write_bytes(encode_mapping(json.dumps(data, ensure_ascii=ascii), encoding))
    load_mapping(path)


@fuzz(40)
@given(depth=st.integers(1, 300_000),
       where=st.sampled_from(["top", "fields", "value_maps", "objects", "text"]))
def test_deeply_nested_mapping_files(folder, depth, where):
    deep = "[" * depth + "]" * depth
    text, levels = {
        "top": (deep, depth),
        "fields": (f'{{"version": 1, "fields": {{"wants": {deep}}}}}', depth + 2),
        "value_maps": (f'{{"version": 1, "value_maps": {{"languages": {{"x": {deep}}}}}}}',
                       depth + 3),
        "objects": ('{"a":' * (depth // 3) + "1" + "}" * (depth // 3), depth // 3),  # < 1 MB
        "text": (f'{{"version": 1, "labels": {{"Nom": "{deep}"}}}}', 2),  # brackets in a text
    }[where]
    path = folder / "nested.mapping.json"
    path.write_text(text, encoding="utf-8")
    try:
        ColumnMapping.load(path)
        too_deep = False
    except ValidationError as error:
        _check_problems(error, path.name)
        too_deep = "nested more than" in str(error)
    assert too_deep == (levels > MAX_MAPPING_DEPTH)
