"""Files -> rows -> validated records.

Reads CSV (UTF-8 with or without BOM, UTF-16 with a BOM as Excel's "Unicode text" export
writes it, or Windows-1252; ``;``, ``,`` or tab delimited, as French Excel exports them),
XLSX, JSON and JSON Lines. Headers are matched through English and French aliases. Every
problem of a batch is collected and raised at once as a
:class:`~recommender.errors.ValidationError` naming file, row and column, in the user's
words: a reader never lets a library's exception out (a damaged workbook, a file that is not
what its extension says, bad JSON, an encoding it cannot read, an empty file, a row with more
or fewer cells than the header).

Row numbers: for CSV and XLSX the spreadsheet row (the header is row 1, so the first person
is row 2; a cell holding line breaks is still one row); for JSON and Python rows the 1-based
position in the list; for JSON Lines the line number.

Limits (characters are Unicode code points), checked by the ``validate_*`` functions:

- free text (``profile``, ``offers``, ``wants``, a note's ``text``, a topic's
  ``description``): :data:`MAX_TEXT_CHARS` per field;
- a person's ``profile`` + ``offers`` + ``wants`` together: :data:`MAX_PERSON_CHARS`;
- short fields (ids, name, department, role, email...): :data:`FIELD_LIMITS`, the widths of
  the store's columns;
- a file: :data:`MAX_FILE_BYTES`.

A longer value is an error naming the row, the column and the limit; nothing is truncated.
Control characters (NUL, escape, form feed... anything but tab, line feed and carriage
return) and lone surrogates are errors too, never stored: they are invisible in most
editors, break exports and usually mean a file read in the wrong encoding.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import logging
import math
import re
import threading
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import Problem, ValidationError
from ..language.text import fold
from ..records import ROLE_PREFERENCES, Person, SessionNote, Topic

__all__ = [
    "FIELD_LIMITS",
    "MAX_FILE_BYTES",
    "MAX_PERSON_CHARS",
    "MAX_TEXT_CHARS",
    "load_notes",
    "load_people",
    "load_topics",
    "read_table",
    "rows_from",
    "validate_notes",
    "validate_people",
    "validate_topics",
]

logger = logging.getLogger(__name__)

MAX_TEXT_CHARS = 5000
"""Longest free-text field accepted (a profile, a wish list, a session note, a description).

Chosen from ``benchmarks/bench_text_limits.py``: embedding time grows linearly with the text
and a text embedded in one piece (a session note, a profile with no sentence end) needs about
3.8 MB of working memory per 1000 characters, so 5000 characters stay under 20 MB and a tenth
of a second, while 100 000 would take close to 400 MB."""

MAX_PERSON_CHARS = 10000
"""Longest ``profile`` + ``offers`` + ``wants`` of one person, together.

Matching reads at most 16 wish and 16 offer sentences of a person, so text beyond a few
thousand characters adds import time (about 15 ms per 1000 characters) and nothing to the
pairs; 10 000 leaves room for a long profile beside its offers and wants."""

FIELD_LIMITS: dict[str, int] = {
    "id": 200, "name": 300, "department": 300, "role": 300, "location": 300, "email": 300,
    "manager_id": 200, "languages": 100, "role_preference": 100,
    "mentor_id": 200, "mentee_id": 200,
    "title": 300, "category": 200, "language": 100,
}
"""Longest value of each short field, in characters (the widths of the store's columns)."""

MAX_FILE_BYTES = 100 * 1024 * 1024
"""Largest file :func:`read_table` reads (100 MB)."""

_FREE_TEXT = frozenset({"profile", "offers", "wants", "text", "description", "starters"})

PEOPLE_COLUMNS = (
    "id", "name", "years_experience", "department", "role", "location", "languages",
    "profile", "offers", "wants", "role_preference", "capacity", "manager_id", "email",
)
NOTE_COLUMNS = ("mentor_id", "mentee_id", "date", "text", "rating")

_PEOPLE_ALIASES: dict[str, str] = {
    # people
    "identifiant": "id", "matricule": "id", "id_employe": "id", "employee_id": "id",
    "nom": "name", "nom_complet": "name", "full_name": "name", "prenom_nom": "name",
    "annees_d_experience": "years_experience", "annees_experience": "years_experience",
    "experience": "years_experience", "years": "years_experience",
    "anciennete": "years_experience", "experience_years": "years_experience",
    "service": "department", "departement": "department", "direction": "department",
    "dept": "department", "team": "department", "equipe": "department",
    "poste": "role", "fonction": "role", "title": "role", "job_title": "role", "intitule": "role",
    "site": "location", "lieu": "location", "localisation": "location", "ville": "location",
    "city": "location",
    "langues": "languages", "langue": "languages", "language": "languages",
    "profil": "profile", "bio": "profile", "description": "profile", "presentation": "profile",
    "offre": "offers", "offres": "offers", "je_peux_partager": "offers",
    "peut_partager": "offers", "ce_que_je_peux_partager": "offers", "competences": "offers",
    "can_share": "offers", "offer": "offers",
    "souhaits": "wants", "souhait": "wants", "je_veux_apprendre": "wants",
    "veut_apprendre": "wants", "ce_que_je_veux_apprendre": "wants", "besoins": "wants",
    "want": "wants", "wants_to_learn": "wants", "learning_goals": "wants",
    "preference": "role_preference", "role_souhaite": "role_preference",
    "preference_de_role": "role_preference", "preference_role": "role_preference",
    "capacite": "capacity", "max_mentees": "capacity",
    "manager": "manager_id", "responsable": "manager_id", "id_manager": "manager_id",
    "manager_id": "manager_id", "id_responsable": "manager_id",
    "courriel": "email", "mail": "email", "e_mail": "email", "adresse_email": "email",
}

_NOTE_ALIASES: dict[str, str] = {
    # notes
    "mentor": "mentor_id", "id_mentor": "mentor_id", "mentore": "mentee_id",
    "mentee": "mentee_id", "id_mentore": "mentee_id", "id_mentee": "mentee_id",
    "texte": "text", "compte_rendu": "text", "contenu": "text", "notes": "text",
    "evaluation": "rating", "satisfaction": "rating", "score": "rating",
    "date_de_session": "date", "session_date": "date", "date_session": "date",
}

_TOPIC_ALIASES: dict[str, str] = {
    # topics
    "titre": "title", "categorie": "category", "langue_sujet": "language",
    "amorces": "starters", "questions": "starters",
}

_LANGUAGE_NAMES = {
    "fr": "fr", "fra": "fr", "fre": "fr", "francais": "fr", "french": "fr",
    "en": "en", "eng": "en", "anglais": "en", "english": "en",
    "es": "es", "espagnol": "es", "spanish": "es", "de": "de", "allemand": "de",
    "german": "de", "it": "it", "italien": "it", "italian": "it",
    "pt": "pt", "portugais": "pt", "portuguese": "pt", "ar": "ar", "arabe": "ar",
    "arabic": "ar", "nl": "nl", "neerlandais": "nl", "dutch": "nl",
}

_ROLE_NAMES = {
    "mentor": "mentor", "mentee": "mentee", "mentore": "mentee", "mentoree": "mentee",
    "either": "either", "both": "either", "any": "either", "les_deux": "either",
    "indifferent": "either", "peu_importe": "either", "": "either",
}


def canonical_column(header: Any) -> str:
    """Fold a header to a key: lower case, no accents, ``_`` between words."""
    return re.sub(r"[^a-z0-9]+", "_", fold(str(header)).strip()).strip("_")


def _resolve(row: Mapping[str, Any], aliases: Mapping[str, str],
             conflicts: dict[tuple[str, str], int] | None = None, row_no: int = 0
             ) -> dict[str, Any]:
    """Rename a row's keys through one table's aliases (a canonical name wins over an alias).

    Two columns naming the same field with different values (``nom`` and ``name``) are
    recorded in ``conflicts`` as ``{(first key, second key): first row}`` when it is given.
    """
    out: dict[str, Any] = {}
    origin: dict[str, str] = {}
    for key, value in row.items():
        name = aliases.get(key, key)
        if name in out and conflicts is not None and origin[name] != key \
                and not _is_blank(value) and not _is_blank(out[name]) \
                and _plain(value) != _plain(out[name]):
            conflicts.setdefault((origin[name], key), row_no)
        if name not in out or key == name:
            out[name] = value
            origin[name] = key
    return out


def _plain(value: Any) -> str:
    # Containers are refused by the field checks anyway; never walk them (they may be deep).
    return _kind_of(value) if isinstance(value, (Mapping, list, tuple)) else str(value).strip()


# --------------------------------------------------------------------------- reading
class _Obj(dict[str, Any]):
    """A decoded JSON object that remembers the keys it held twice."""

    duplicates: tuple[str, ...] = ()


def _json_object(pairs: list[tuple[str, Any]]) -> _Obj:
    obj = _Obj(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        twice = []
        for key, _ in pairs:
            if key in seen:
                twice.append(key)
            seen.add(key)
        obj.duplicates = tuple(twice)
    return obj


_SUFFIX_KINDS = {
    ".csv": "csv", ".tsv": "csv", ".txt": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
}
_KIND_WORDS = {
    "csv": "a CSV file", "xlsx": "an Excel workbook (.xlsx)", "json": "a JSON file",
    "jsonl": "a JSON Lines file",
}
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BOMS = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"), (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_CHAR_NAMES = {0x00: "NUL", 0x08: "backspace", 0x0B: "vertical tab", 0x0C: "form feed",
               0x1B: "escape", 0x7F: "delete"}
_JSON_REASONS = (
    ("Expecting value", "a value is missing here, or this is not JSON"),
    ("Expecting ',' delimiter", "a comma is missing"),
    ("Expecting ':' delimiter", "a colon is missing after a key"),
    ("Expecting property name enclosed in double quotes",
     "a key must be written in double quotes (or a comma is one too many)"),
    ("Unterminated string", "a quoted text is never closed"),
    ("Extra data", "more follows the end of the JSON value (one object per line is the "
                   "JSON Lines format: name the file .jsonl)"),
    ("Invalid control character", "a line break or control character inside a quoted text "
                                   "(write a line break as \\n)"),
    ("Invalid \\escape", "an invalid backslash escape in a quoted text"),
    ("Invalid \\uXXXX escape", "an invalid \\u escape in a quoted text"),
)
_field_limit_lock = threading.Lock()


class _Fail(Exception):
    """One problem that stops reading a file (turned into a ValidationError by read_table)."""

    def __init__(self, message: str, row: int | None = None, column: str | None = None):
        super().__init__(message)
        self.message, self.row, self.column = message, row, column


def _column_letter(index: int) -> str:
    """Spreadsheet letters of a 0-based column index (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n / 1024:.0f} KB"


def _kind_of(value: Any) -> str:
    """How a user would call a value's type."""
    if isinstance(value, Mapping):
        return "an object {...}"
    if isinstance(value, (list, tuple, set, frozenset)):
        return "a list [...]"
    if isinstance(value, (bytes, bytearray)):
        return "bytes"
    if isinstance(value, bool):
        return "true/false"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return "a number"
    return "a text"


def _show(value: Any, width: int = 60) -> str:
    """A value as quoted in a message: containers named, long texts cut."""
    if isinstance(value, (Mapping, list, tuple, set, frozenset, bytes, bytearray)):
        return _kind_of(value)
    text = str(value)
    text = _BAD_CHARS.sub("?", text)
    return text if len(text) <= width else f"{text[:width]}…"


def _looks_like(raw: bytes) -> str | None:
    """What readable text looks like (``None`` when it is not readable text)."""
    try:
        text = _decode(raw)
    except _Fail:
        return None
    if len(_BAD_CHARS.findall(text[:4096])) * 20 > len(text[:4096]):
        return None  # more than 5% control characters: not text
    start = text.lstrip("\ufeff \t\r\n")[:1]
    return {"{": "JSON", "[": "JSON", "<": "HTML or XML"}.get(start, "CSV or plain text")


def _line_of(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def _decode(raw: bytes) -> str:
    """Bytes to text: a byte-order mark decides, else UTF-8, else Windows-1252.

    Raises:
        _Fail: the bytes are none of those (the line of the first unreadable byte is named).
    """
    for bom, encoding, label in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError as exc:
                line = _line_of(raw, exc.start)
                raise _Fail(f"not valid {label} text (it starts with a {label} byte-order mark, "
                            f"but the bytes near line {line} are not {label}); save it again "
                            "as CSV UTF-8") from None
            return text.lstrip("\ufeff")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")  # French Excel exports
    except UnicodeDecodeError as exc:
        line = _line_of(raw, exc.start)
        raise _Fail(f"neither UTF-8 nor Windows-1252 text: byte 0x{raw[exc.start]:02X} on line "
                    f"{line} is unreadable in both; save the file as 'CSV UTF-8'") from None


def _header(cells: Sequence[Any], row_no: int, problems: list[Problem], source: str
            ) -> list[str]:
    """Canonical column names of a header row; a name given twice is a problem."""
    names = [canonical_column(c) if c is not None else "" for c in cells]
    first: dict[str, int] = {}
    for i, name in enumerate(names):
        if not name:
            continue
        if name in first:
            label = str(cells[i]).strip()
            problems.append(Problem(source, row_no, label, (
                f"the column '{label}' appears twice in the header (columns "
                f"{_column_letter(first[name])} and {_column_letter(i)}): keep one")))
        else:
            first[name] = i
    return names


def _unnamed_values(header: Sequence[str], cells: Sequence[Any], row_no: int,
                    reported: set[int], problems: list[Problem], source: str) -> None:
    """A value under no header would be dropped: report it once per column."""
    for i, cell in enumerate(cells):
        named = i < len(header) and header[i]
        if named or i in reported or cell is None or str(cell).strip() == "":
            continue
        reported.add(i)
        problems.append(Problem(source, row_no, _column_letter(i), (
            f"a value ('{_show(cell, 40)}') in column {_column_letter(i)}, which has no header: "
            "name the column or remove the value")))


def _raise_csv_field_limit(needed: int) -> None:
    # The csv module refuses fields over 128 KB: lift its limit to the file's length (only
    # ever raised, never lowered), so long texts reach the length check that names the row,
    # the column and the real limit.
    with _field_limit_lock:
        if csv.field_size_limit() < needed:
            csv.field_size_limit(needed)


def _read_csv(text: str, source: str) -> list[tuple[int, dict[str, Any]]]:
    first_line = next((line for line in io.StringIO(text, newline=None) if line.strip()), "")
    # Sniffer guesses wrong on short samples; the header line decides between ; , and tab.
    delimiter = max((";", ",", "\t"), key=first_line.count)
    _raise_csv_field_limit(len(text) + 1)
    # newline=None: \r\n, \n and a lone \r (old Mac files) all end a line.
    reader = csv.reader(io.StringIO(text, newline=None), delimiter=delimiter, strict=True)
    rows: list[tuple[int, dict[str, Any]]] = []
    problems: list[Problem] = []
    header: list[str] | None = None
    unnamed: set[int] = set()
    row_no = 0
    try:
        for row_no, cells in enumerate(reader, start=1):
            if not any(c.strip() for c in cells):
                continue  # blank line
            if header is None:
                header = _header(cells, row_no, problems, source)
                continue
            if len(cells) != len(header):
                shown = {";": "';'", ",": "','", "\t": "tab"}[delimiter]
                problems.append(Problem(source, row_no, None, (
                    f"{len(cells)} cells, but the header has {len(header)} columns: a {shown} "
                    "too many or too few (a text holding a delimiter must be in double quotes)")))
                continue
            _unnamed_values(header, cells, row_no, unnamed, problems, source)
            rows.append((row_no, {h: c for h, c in zip(header, cells, strict=True) if h}))
    except csv.Error as exc:
        reason = str(exc)
        if "unexpected end of data" in reason:
            message = ('a quoted cell opens here (") and is never closed: add the closing '
                       "quote")
        elif "expected after" in reason:
            message = ('text follows the closing quote (") of a cell; inside a quoted cell, '
                       'write a quote twice ("")')
        else:
            message = f"not readable as CSV ({reason})"
        problems.append(Problem(source, row_no + 1, None, message))
    if problems:
        raise ValidationError(problems)
    if header is None:
        raise _Fail(f"no rows in {source} (only empty lines)")
    if not rows:
        raise _Fail(f"no rows in {source} (a header, but no data rows under it)")
    return rows


def _read_xlsx(raw: bytes, source: str) -> list[tuple[int, dict[str, Any]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        try:
            if not workbook.worksheets:
                raise _Fail("the workbook has no worksheet")
            sheet = workbook.worksheets[0]
            title = str(sheet.title)
            table = [tuple(cells) for cells in sheet.iter_rows(values_only=True)]
        finally:
            workbook.close()
    except _Fail:
        raise
    except Exception as exc:  # zipfile, XML and openpyxl errors alike: a damaged file
        logger.debug("openpyxl could not read %s: %r", source, exc)
        raise _Fail("damaged, or not an Excel workbook: it could not be opened; open it in "
                    "Excel and save it again as .xlsx (or as CSV UTF-8)") from None
    rows: list[tuple[int, dict[str, Any]]] = []
    problems: list[Problem] = []
    header: list[str] | None = None
    unnamed: set[int] = set()
    for row_no, cells in enumerate(table, start=1):
        if all(c is None or str(c).strip() == "" for c in cells):
            continue
        if header is None:
            header = _header(cells, row_no, problems, source)
            continue
        _unnamed_values(header, cells, row_no, unnamed, problems, source)
        rows.append((row_no, {h: c for h, c in zip(header, cells, strict=False) if h}))
    if problems:
        raise ValidationError(problems)
    if header is None:
        raise _Fail(f"no rows in {source} (its first sheet, '{title}', is empty)")
    if not rows:
        raise _Fail(f"no rows in {source} (a header, but no data rows under it, in "
                    f"its first sheet '{title}')")
    return rows


def _loads(text: str) -> Any:
    """``json.loads`` with problems in plain words (and duplicate keys remembered)."""
    try:
        return json.loads(text, object_pairs_hook=_json_object)
    except json.JSONDecodeError as exc:
        reason = next((words for key, words in _JSON_REASONS if exc.msg.startswith(key)),
                      exc.msg)
        raise _Fail(f"not valid JSON at line {exc.lineno}, character {exc.colno}: "
                    f"{reason}") from None
    except RecursionError:
        raise _Fail("not readable: lists or objects nested too deeply") from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise _Fail(f"not readable JSON: {exc}".split(";")[0]) from None


def _unwrap(data: Any) -> Any:
    """``{"people": [...]}`` holds its rows in its one list of objects; any other object is
    one row."""
    if not isinstance(data, Mapping):
        return data
    lists = [k for k, v in data.items() if isinstance(v, list)
             and (all(isinstance(i, Mapping) for i in v) if v else len(data) == 1)]
    if len(lists) == 1:
        return data[lists[0]]
    if len(lists) > 1:
        raise _Fail(f"holds several lists of rows ({', '.join(map(str, lists))}): give one "
                    "list per file")
    return [data]


def _read_json(text: str, source: str, lines: bool) -> list[tuple[int, dict[str, Any]]]:
    problems: list[Problem] = []
    items: list[tuple[int, Any]] = []
    if lines:
        # Split on line feeds only: a JSON text may hold U+2028 and friends unescaped.
        for line_no, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                items.append((line_no, _loads(line)))
            except _Fail as fail:
                items.append((line_no, fail))
        if not items:
            raise _Fail(f"no rows in {source} (only empty lines)")
    else:
        data = _unwrap(_loads(text))
        if not isinstance(data, list):
            raise _Fail(f"expected a list of rows ([{{...}}, {{...}}]), found {_kind_of(data)}")
        if not data:
            raise _Fail(f"no rows in {source} (the list is empty)")
        items = list(enumerate(data, start=1))
    rows: list[tuple[int, dict[str, Any]]] = []
    for row_no, item in items:
        if isinstance(item, _Fail):
            problems.append(Problem(source, row_no, None,
                                    item.message.replace(" at line 1,", " at")))
            continue
        if not isinstance(item, Mapping):
            hint = " (a .jsonl file holds one object per line)" if lines else ""
            problems.append(Problem(source, row_no, None,
                                    f"expected an object {{...}} for a row, found "
                                    f"{_kind_of(item)}{hint}"))
            continue
        for key in getattr(item, "duplicates", ()):
            problems.append(Problem(source, row_no, key, f"the key '{key}' appears twice"))
        rows.append((row_no, _canonical_row(item, source, row_no, problems)))
    if problems:
        raise ValidationError(problems)
    return rows


def _canonical_row(row: Mapping[Any, Any], source: str, row_no: int,
                   problems: list[Problem]) -> dict[str, Any]:
    """Keys to canonical column names; two keys folding to one name is a problem."""
    out: dict[str, Any] = {}
    original: dict[str, Any] = {}
    for key, value in row.items():
        name = canonical_column(key)
        if name in out and name:
            problems.append(Problem(source, row_no, str(key), (
                f"'{original[name]}' and '{key}' name the same column: keep one")))
            continue
        out[name] = value
        original[name] = key
    return out


def _sniff(raw: bytes) -> str:
    """What the bytes are: ``empty``, ``zip``, ``ole2``, ``binary`` or ``text``."""
    body = raw
    for bom, _, _ in _BOMS:
        if body.startswith(bom):
            body = body[len(bom):]
            break
    if not body.strip(b" \t\r\n\x00"):
        return "empty"
    if raw.startswith(_ZIP_MAGIC):
        return "zip"
    if raw.startswith(_OLE2_MAGIC):
        return "ole2"
    # A stray NUL is a field's problem (named with its row and column); text made of them
    # (UTF-16 without its byte-order mark, a binary file) is not text at all.
    if raw.count(b"\x00") * 10 > len(raw) and \
            not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "binary"
    return "text"


def _read(path: Path, source: str, max_bytes: int) -> list[tuple[int, dict[str, Any]]]:
    suffix = path.suffix.lower()
    try:
        if path.is_dir():
            raise _Fail("a folder, not a file")
        kind = _SUFFIX_KINDS.get(suffix)
        if kind is None:
            shown = f"'{suffix}'" if suffix else "(no extension)"
            raise _Fail(f"unsupported file type {shown} (use .csv, .xlsx, .json or .jsonl)")
        size = path.stat().st_size
        if size > max_bytes:
            raise _Fail(f"the file is {_size(size)}, more than the {_size(max_bytes)} accepted")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise _Fail("file not found") from None
    except PermissionError:
        raise _Fail("the file cannot be read: permission denied") from None
    except OSError as exc:
        raise _Fail(f"the file cannot be read ({exc.strerror or exc})") from None
    content = _sniff(raw)
    if content == "empty":
        raise _Fail(f"no rows in {source} (the file is empty)")
    what = _KIND_WORDS[kind]
    if content == "ole2":
        raise _Fail(f"an old Excel .xls workbook or a password-protected one, not {what}: save "
                    "it from Excel as .xlsx without a password, or as CSV UTF-8")
    if kind == "xlsx":
        if content == "zip":
            return _read_xlsx(raw, source)
        looks = _looks_like(raw) if content == "text" else None
        if looks is not None:
            raise _Fail(f"not an Excel workbook, whatever its extension: it holds text "
                        f"({looks}); give the file its real extension (.csv, .json), or save "
                        "it from Excel as .xlsx")
        raise _Fail("not an Excel workbook (.xlsx), whatever its extension: it cannot be read")
    if content == "zip":
        raise _Fail(f"an Excel workbook or another zip archive, not {what}: if it is a "
                    "workbook, name it .xlsx")
    if content == "binary":
        raise _Fail(f"binary data, not {what}: is it really {what}? (UTF-16 text needs its "
                    "byte-order mark; save it as CSV UTF-8)")
    text = _decode(raw)
    if kind == "csv":
        return _read_csv(text, source)
    return _read_json(text, source, lines=kind == "jsonl")


def read_table(path: str | Path, *, max_bytes: int | None = None
               ) -> list[tuple[int, dict[str, Any]]]:
    """Read a CSV, XLSX, JSON or JSON Lines file into ``(row number, row)`` pairs.

    Column names are canonical (aliases resolved); values are left as read.

    Args:
        path: the file; its extension says how to read it (and a content that is not of
            that kind is an error saying what it looks like).
        max_bytes: the largest file accepted; :data:`MAX_FILE_BYTES` by default.

    Raises:
        ValidationError: the file is missing, empty, of an unknown kind, not what its
            extension says, in an encoding it cannot read, or malformed (a row with more or
            fewer cells than the header, a column named twice, a value under no header,
            broken JSON...), with the row and column where they exist. Never another
            exception for a file's content.
    """
    path = Path(path)
    source = path.name or str(path)
    try:
        return _read(path, source, MAX_FILE_BYTES if max_bytes is None else max_bytes)
    except _Fail as fail:
        raise ValidationError([Problem(source, fail.row, fail.column, fail.message)]) from None


def rows_from(rows: Any, source: str = "rows") -> list[tuple[int, dict[str, Any]]]:
    """Normalise Python input to numbered rows.

    Accepts an iterable of mappings, a pandas DataFrame, or ``(row number, mapping)`` pairs
    as :func:`read_table` returns them (their row numbers are kept for error messages).

    Raises:
        ValidationError: the input is not rows (a file name, a single mapping, not iterable),
            a row is not a mapping, or two of its keys name the same column.
    """
    if hasattr(rows, "to_dict") and hasattr(rows, "columns"):
        rows = rows.to_dict(orient="records")
    if isinstance(rows, (str, bytes, Path)):
        raise ValidationError([Problem(source, None, None, (
            "expected rows (a list of dicts or a DataFrame), got a file name or a text: read "
            "a file with load_people / load_notes first"))])
    if isinstance(rows, Mapping) or not isinstance(rows, Iterable):
        raise ValidationError([Problem(source, None, None, (
            f"expected rows (a list of dicts or a DataFrame), got {_kind_of(rows)}"))])
    out = []
    problems: list[Problem] = []
    for i, row in enumerate(rows, start=1):
        if isinstance(row, tuple) and len(row) == 2 and isinstance(row[1], Mapping):
            # already numbered by read_table: keep the file's row numbers
            out.append((int(row[0]), _canonical_row(row[1], source, int(row[0]), problems)))
            continue
        if not isinstance(row, Mapping):
            problems.append(Problem(source, i, None,
                                    f"a row must be a mapping, got {_kind_of(row)}"))
            continue
        out.append((i, _canonical_row(row, source, i, problems)))
    if problems:
        raise ValidationError(problems)
    return out


# --------------------------------------------------------------------------- values
def _is_blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if type(value).__name__ in ("NAType", "NaTType"):  # pandas' missing values
        return True
    return isinstance(value, str) and value.strip() == ""


def _text(value: Any) -> str:
    return "" if _is_blank(value) else str(value).strip()


def _number(value: Any) -> float:
    if isinstance(value, bool):
        raise ValueError
    try:
        if isinstance(value, (int, float)):
            number = float(value)
        else:
            # French decimal comma, thin spaces as thousands separators.
            cleaned = re.sub(r"[\s\u202f\u00a0]", "", str(value)).replace(",", ".")
            number = float(cleaned)
    except OverflowError:
        raise ValueError from None
    if math.isnan(number) or math.isinf(number):
        raise ValueError
    return number


def _languages(value: Any) -> tuple[str, ...]:
    codes: list[str] = []
    for token in re.split(r"[;,/|\s]+", fold(_text(value))):
        if not token:
            continue
        code = _LANGUAGE_NAMES.get(token, token if len(token) == 2 else "")
        if not code:
            raise ValueError(token)
        if code not in codes:
            codes.append(code)
    return tuple(codes)


def _iso_date(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return dt.datetime.fromisoformat(_text(value)).date().isoformat()


class _Collector:
    """Accumulates problems for one batch so that all of them are reported together."""

    def __init__(self, source: str):
        self.source = source
        self.problems: list[Problem] = []

    def add(self, row: int | None, column: str | None, message: str) -> None:
        self.problems.append(Problem(self.source, row, column, message))

    def raise_if_any(self) -> None:
        if self.problems:
            raise ValidationError(self.problems)

    def conflicts(self, found: Mapping[tuple[str, str], int]) -> None:
        for (first, second), row in found.items():
            self.add(row, second, f"the columns '{first}' and '{second}' give the same field "
                     "with different values: keep one")


def _limit(column: str) -> int:
    # Read at call time, so that a benchmark (or a test) can lift the limits.
    return MAX_TEXT_CHARS if column in _FREE_TEXT else FIELD_LIMITS.get(column, MAX_TEXT_CHARS)


def _check_length(col: _Collector, row: int, column: str, value: str) -> bool:
    limit = _limit(column)
    if len(value) > limit:
        col.add(row, column, f"text too long: {len(value)} characters, at most {limit} in "
                f"'{column}'; shorten it")
        return False
    return True


def _check_chars(col: _Collector, row: int, column: str, value: str) -> bool:
    bad = _BAD_CHARS.search(value)
    if bad is None:
        return True
    code = ord(bad.group())
    if 0xD800 <= code <= 0xDFFF:
        what = f"an invalid character (a lone surrogate, U+{code:04X})"
    else:
        name = _CHAR_NAMES.get(code, "a file read in the wrong encoding?" if code >= 0x80 else "")
        what = f"the control character U+{code:04X}" + (f" ({name})" if name else "")
    col.add(row, column, f"contains {what} at character {bad.start() + 1}: remove it (it is "
            "invisible in most editors)")
    return False


def _checked(col: _Collector, row_no: int, row: Mapping[str, Any], column: str) -> str | None:
    """A text field (a scalar, without control characters, within its length limit), or
    ``None`` once its problem is recorded."""
    value = row.get(column)
    if isinstance(value, (Mapping, list, tuple, set, frozenset, bytes, bytearray)):
        col.add(row_no, column, f"expected a text, found {_kind_of(value)}")
        return None
    text = _text(value)
    if not _check_chars(col, row_no, column, text) or not _check_length(col, row_no, column, text):
        return None
    return text


def _field(col: _Collector, row_no: int, row: Mapping[str, Any], column: str) -> str:
    """:func:`_checked`, with ``""`` for a field whose problem is recorded."""
    return _checked(col, row_no, row, column) or ""


def _required_columns(col: _Collector, rows: Sequence[tuple[int, Mapping[str, Any]]],
                      aliases: Mapping[str, str], required: Sequence[str]) -> None:
    """Stop at once when not one required column is there (a missing or shifted header)."""
    present: set[str] = set()
    for _, raw in rows:
        present.update(_resolve(raw, aliases))
    if rows and not present.intersection(required):
        found = ", ".join(sorted(_show(k, 30) for k in present if k)[:8]) or "none"
        col.add(None, None, f"none of the columns {', '.join(required)} was found (columns: "
                f"{found}): is the first row the header?")
        col.raise_if_any()


# --------------------------------------------------------------------------- people
def validate_people(
    rows: Sequence[tuple[int, Mapping[str, Any]]], source: str = "rows"
) -> list[Person]:
    """Turn numbered rows into :class:`Person` records, or raise with every problem.

    Raises:
        ValidationError: listing each missing field, bad value, duplicate id, text over its
            limit (:data:`MAX_TEXT_CHARS` per free-text field, :data:`MAX_PERSON_CHARS` per
            person, :data:`FIELD_LIMITS` for short fields) or control character.
    """
    col = _Collector(source)
    _required_columns(col, rows, _PEOPLE_ALIASES, ("id", "name", "years_experience"))
    people: list[Person] = []
    first_row_of: dict[str, int] = {}
    conflicts: dict[tuple[str, str], int] = {}
    for row_no, raw in rows:
        row = _resolve(raw, _PEOPLE_ALIASES, conflicts, row_no)
        checked_id = _checked(col, row_no, row, "id")
        checked_name = _checked(col, row_no, row, "name")
        pid, name = checked_id or "", checked_name or ""
        if checked_id == "":
            col.add(row_no, "id", "missing id")
        elif pid in first_row_of:
            col.add(row_no, "id", f"duplicate id '{_show(pid)}' (first at row {first_row_of[pid]})")
        elif pid:
            first_row_of[pid] = row_no
        if checked_name == "":
            col.add(row_no, "name", "missing name")
        years = 0.0
        raw_years = row.get("years_experience")
        if _is_blank(raw_years):
            col.add(row_no, "years_experience", "missing years of experience")
        else:
            try:
                years = _number(raw_years)
                if not 0 <= years <= 70:
                    col.add(row_no, "years_experience", f"must be between 0 and 70, got {years:g}")
            except ValueError:
                col.add(row_no, "years_experience", f"not a number: '{_show(raw_years)}'")
        before = len(col.problems)
        texts = {k: _field(col, row_no, row, k) for k in ("profile", "offers", "wants")}
        if not any(texts.values()) and len(col.problems) == before:
            col.add(row_no, "profile", "empty text: give at least one of profile, offers, wants")
        total = sum(len(v) for v in texts.values())
        if total > MAX_PERSON_CHARS and len(col.problems) == before:
            col.add(row_no, None, f"profile, offers and wants hold {total} characters together, "
                    f"at most {MAX_PERSON_CHARS} per person; shorten them")
        raw_languages = row.get("languages")
        if isinstance(raw_languages, (list, tuple)) and all(isinstance(x, str)
                                                            for x in raw_languages):
            raw_languages = ";".join(raw_languages)
        languages_text = _field(col, row_no, {"languages": raw_languages}, "languages")
        try:
            languages = _languages(languages_text)
        except ValueError as exc:
            col.add(row_no, "languages",
                    f"unknown language '{_show(exc, 30)}' (use codes like fr;en)")
            languages = ()
        preference_text = _field(col, row_no, row, "role_preference")
        preference = _ROLE_NAMES.get(fold(preference_text).replace(" ", "_"))
        if preference is None:
            col.add(row_no, "role_preference",
                    f"must be one of {', '.join(ROLE_PREFERENCES)}, "
                    f"got '{_show(preference_text)}'")
            preference = "either"
        capacity = 1
        if not _is_blank(row.get("capacity")):
            try:
                cap = _number(row.get("capacity"))
                if cap != int(cap) or not 0 <= cap <= 20:
                    raise ValueError
                capacity = int(cap)
            except ValueError:
                col.add(row_no, "capacity",
                        f"must be a whole number from 0 to 20, got '{_show(row.get('capacity'))}'")
        manager = _field(col, row_no, row, "manager_id")
        if manager and manager == pid:
            col.add(row_no, "manager_id", "a person cannot be their own manager")
        email = _field(col, row_no, row, "email")
        if email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
            col.add(row_no, "email", f"not an email address: '{_show(email)}'")
        people.append(
            Person(
                id=pid, name=name, years_experience=years,
                department=_field(col, row_no, row, "department"),
                role=_field(col, row_no, row, "role"),
                location=_field(col, row_no, row, "location"), languages=languages,
                profile=texts["profile"], offers=texts["offers"], wants=texts["wants"],
                role_preference=preference, capacity=capacity, manager_id=manager, email=email,
            )
        )
    col.conflicts(conflicts)
    col.raise_if_any()
    return people


def person_to_row(person: Person) -> dict[str, Any]:
    """The canonical row of a person (``languages`` joined with ``;``)."""
    row = {k: getattr(person, k) for k in PEOPLE_COLUMNS}
    row["languages"] = ";".join(person.languages)
    return row


def load_people(path: str | Path) -> list[dict[str, Any]]:
    """Read and validate a people file; return its rows as canonical dicts.

    Raises:
        ValidationError: every problem of the file, with its row and column (see
            :func:`read_table` and :func:`validate_people`).
    """
    path = Path(path)
    people = validate_people(read_table(path), source=path.name)
    logger.info("read %d people from %s", len(people), path.name)
    return [person_to_row(p) for p in people]


# --------------------------------------------------------------------------- notes
def validate_notes(
    rows: Sequence[tuple[int, Mapping[str, Any]]],
    known_ids: set[str] | None = None,
    source: str = "rows",
) -> list[SessionNote]:
    """Turn numbered rows into :class:`SessionNote` records, or raise with every problem.

    Args:
        rows: ``(row number, row)`` pairs.
        known_ids: the people ids a note may refer to; ``None`` skips that check.
        source: the file name used in error messages.
    """
    col = _Collector(source)
    _required_columns(col, rows, _NOTE_ALIASES, ("mentor_id", "mentee_id", "date", "text"))
    notes: list[SessionNote] = []
    conflicts: dict[tuple[str, str], int] = {}
    for row_no, raw in rows:
        row = _resolve(raw, _NOTE_ALIASES, conflicts, row_no)
        ids = {}
        for key in ("mentor_id", "mentee_id"):
            before = len(col.problems)
            ids[key] = _field(col, row_no, row, key)
            if len(col.problems) > before:
                continue
            if not ids[key]:
                col.add(row_no, key, f"missing {key}")
            elif known_ids is not None and ids[key] not in known_ids:
                col.add(row_no, key, f"unknown person id '{_show(ids[key])}'")
        if ids["mentor_id"] and ids["mentor_id"] == ids["mentee_id"]:
            col.add(row_no, "mentee_id", "mentor and mentee are the same person")
        date = ""
        raw_date = row.get("date")
        if _is_blank(raw_date):
            col.add(row_no, "date", "missing date")
        else:
            try:
                if isinstance(raw_date, (Mapping, list, tuple, bytes, bytearray)):
                    raise ValueError
                date = _iso_date(raw_date)
            except (ValueError, OverflowError):
                col.add(row_no, "date",
                        f"not an ISO 8601 date (YYYY-MM-DD): '{_show(raw_date)}'")
        before = len(col.problems)
        text = _field(col, row_no, row, "text")
        if not text and len(col.problems) == before:
            col.add(row_no, "text", "empty text")
        rating = None
        if not _is_blank(row.get("rating")):
            try:
                value = _number(row.get("rating"))
                if value != int(value) or not 1 <= value <= 5:
                    raise ValueError
                rating = int(value)
            except ValueError:
                col.add(row_no, "rating", f"must be a whole number from 1 to 5, got "
                        f"'{_show(row.get('rating'))}'")
        notes.append(SessionNote(ids["mentor_id"], ids["mentee_id"], date, text, rating))
    col.conflicts(conflicts)
    col.raise_if_any()
    return notes


def load_notes(path: str | Path) -> list[dict[str, Any]]:
    """Read and validate a session-notes file (ids are checked when added to a workspace)."""
    path = Path(path)
    notes = validate_notes(read_table(path), None, source=path.name)
    return [{k: getattr(n, k) for k in NOTE_COLUMNS} for n in notes]


# --------------------------------------------------------------------------- topics
def _starters(col: _Collector, row_no: int, value: Any) -> tuple[str, ...]:
    if isinstance(value, (list, tuple)):
        items = [_field(col, row_no, {"starters": v}, "starters") for v in value]
        return tuple(s for s in items if s)
    text = _field(col, row_no, {"starters": value}, "starters")
    return tuple(s.strip() for s in re.split(r"[|\n]", text) if s.strip())


def _flatten_topic(row: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Nested catalogue entries ({"en": {...}, "fr": {...}}) to one flat row per language."""
    nested = [k for k in row if len(k) == 2 and isinstance(row[k], Mapping)]
    if not nested:
        return [dict(row)]
    base = {k: v for k, v in row.items() if k not in nested}
    return [
        {**base, **_resolve({canonical_column(k): v for k, v in row[lang].items()},
                            _TOPIC_ALIASES), "language": lang}
        for lang in nested
    ]


def validate_topics(
    rows: Sequence[tuple[int, Mapping[str, Any]]],
    source: str = "rows",
    required_languages: Iterable[str] = (),
) -> list[Topic]:
    """Build :class:`Topic` records from rows (one per topic and language).

    Rows may be flat (``id, title, description, language, category, starters``; starters
    separated by ``|``) or nested per language (``{"id", "category", "en": {...}, "fr": {...}}``).

    Args:
        required_languages: languages every topic must have (the shipped catalogue needs
            ``("en", "fr")``).
    """
    col = _Collector(source)
    merged: dict[str, dict[str, Any]] = {}
    first_row: dict[tuple[str, str], int] = {}
    for row_no, raw in rows:
        if not isinstance(raw, Mapping):
            col.add(row_no, None, f"a row must be a mapping, got {_kind_of(raw)}")
            continue
        for flat in _flatten_topic(_resolve(raw, _TOPIC_ALIASES)):
            before = len(col.problems)
            tid = _field(col, row_no, flat, "id")
            lang = fold(_field(col, row_no, flat, "language") or "en")
            lang = _LANGUAGE_NAMES.get(lang, lang)
            title = _field(col, row_no, flat, "title")
            if not tid:
                if len(col.problems) == before:
                    col.add(row_no, "id", "missing id")
                continue
            if (tid, lang) in first_row:
                col.add(row_no, "id", f"duplicate topic id '{_show(tid)}' in language "
                        f"'{_show(lang)}' (first at row {first_row[(tid, lang)]})")
                continue
            first_row[(tid, lang)] = row_no
            if not title and len(col.problems) == before:
                col.add(row_no, "title", "missing title")
            description = _field(col, row_no, flat, "description")
            entry = merged.setdefault(
                tid, {"title": {}, "description": {}, "starters": {}, "category": "", "row": row_no}
            )
            entry["title"][lang] = title
            entry["description"][lang] = description
            entry["starters"][lang] = _starters(col, row_no, flat.get("starters"))
            entry["category"] = entry["category"] or _field(col, row_no, flat, "category")
    required = tuple(required_languages)
    for tid, entry in merged.items():
        missing = [lang for lang in required if lang not in entry["title"]]
        if missing:
            col.add(entry["row"], "language", f"topic '{tid}' lacks {', '.join(missing)}")
    col.raise_if_any()
    return [
        Topic(tid, e["title"], e["description"], e["category"], e["starters"])
        for tid, e in merged.items()
    ]


def load_topics(path: str | Path, required_languages: Iterable[str] = ()) -> list[Topic]:
    """Read and validate a topic catalogue file (flat table or nested JSON)."""
    path = Path(path)
    return validate_topics(read_table(path), path.name, required_languages)
