"""Files -> numbered rows, whatever the file holds.

Reads CSV (UTF-8 with or without BOM, UTF-16 with a BOM as Excel's "Unicode text" export
writes it, or Windows-1252; ``;``, ``,`` or tab delimited, as French Excel exports them),
XLSX, JSON and JSON Lines, up to :data:`MAX_FILE_BYTES`. Every problem of a file is raised
at once as a :class:`~recommender.errors.ValidationError` naming file, row and column, in
the user's words: a reader never lets a library's exception out (a damaged workbook, a file
that is not what its extension says, bad JSON, an encoding it cannot read, an empty file, a
row with more or fewer cells than the header).

Row numbers: for CSV and XLSX the spreadsheet row (the header is row 1, so the first person
is row 2; a cell holding line breaks is still one row); for JSON and Python rows the 1-based
position in the list; for JSON Lines the line number.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import json
import logging
import re
import threading
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import Problem, ValidationError
from .cells import BAD_CHARS, canonical_column, kind_of, show

logger = logging.getLogger(__name__)

__all__ = ["MAX_FILE_BYTES", "nesting_too_deep", "read_form_table", "read_table", "read_text_file",
           "rows_from"]


MAX_FILE_BYTES = 100 * 1024 * 1024
"""Largest file :func:`read_table` reads (100 MB)."""


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


def _looks_like(raw: bytes) -> str | None:
    """What readable text looks like (``None`` when it is not readable text)."""
    try:
        text = _decode(raw)
    except _Fail:
        return None
    if len(BAD_CHARS.findall(text[:4096])) * 20 > len(text[:4096]):
        return None  # more than 5% control characters: not text
    start = text.lstrip("\ufeff \t\r\n")[:1]
    return {"{": "JSON", "[": "JSON", "<": "HTML or XML"}.get(start, "CSV or plain text")


def _line_of(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def _decode(raw: bytes, save_as: str = "CSV UTF-8") -> str:
    """Bytes to text: a byte-order mark decides, else UTF-8, else Windows-1252 (``save_as``:
    the format a message asks for).

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
                            f"as {save_as}") from None
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
                    f"{line} is unreadable in both; save the file as '{save_as}'") from None


def _header(cells: Sequence[Any], row_no: int, problems: list[Problem], source: str,
            as_written: bool = False) -> list[str]:
    """Canonical column names of a header row; a name given twice is a problem. Or, for a
    sign-up form (``as_written``), the questions as the form wrote them (spaces collapsed),
    a question asked twice told apart by its rank ("Please elaborate. (2)"): forms repeat
    questions, and only the coordinator can say which answers matter."""
    if as_written:
        return _questions(cells)
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


def _questions(cells: Sequence[Any]) -> list[str]:
    names: list[str] = []
    seen: dict[str, int] = {}
    for cell in cells:
        text = " ".join(str(cell).split()) if cell is not None else ""
        if not text:
            names.append("")
            continue
        key = canonical_column(text) or text
        seen[key] = seen.get(key, 0) + 1
        names.append(text if seen[key] == 1 else f"{text} ({seen[key]})")
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
            f"a value ('{show(cell, 40)}') in column {_column_letter(i)}, which has no header: "
            "name the column or remove the value")))


def _raise_csv_field_limit(needed: int) -> None:
    # The csv module refuses fields over 128 KB: lift its limit to the file's length (only
    # ever raised, never lowered), so long texts reach the length check that names the row,
    # the column and the real limit.
    with _field_limit_lock:
        if csv.field_size_limit() < needed:
            csv.field_size_limit(needed)


def _read_csv(text: str, source: str, as_written: bool = False
              ) -> list[tuple[int, dict[str, Any]]]:
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
                header = _header(cells, row_no, problems, source, as_written)
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


def _read_xlsx(raw: bytes, source: str, as_written: bool = False
               ) -> list[tuple[int, dict[str, Any]]]:
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
            header = _header(cells, row_no, problems, source, as_written)
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
            raise _Fail(f"expected a list of rows ([{{...}}, {{...}}]), found {kind_of(data)}")
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
                                    f"{kind_of(item)}{hint}"))
            continue
        for key in getattr(item, "duplicates", ()):
            problems.append(Problem(source, row_no, key, f"the key '{key}' appears twice"))
        rows.append((row_no, _canonical_row(item, source, row_no, problems)))
    if problems:
        raise ValidationError(problems)
    return rows


def _canonical_row(row: Mapping[Any, Any], source: str, row_no: int,
                   problems: list[Problem], as_written: bool = False) -> dict[str, Any]:
    """Keys to canonical column names (or kept as written); two keys folding to one name
    is a problem."""
    out: dict[str, Any] = {}
    original: dict[str, Any] = {}
    for key, value in row.items():
        name = canonical_column(key)
        if name in original and name:
            problems.append(Problem(source, row_no, str(key), (
                f"'{original[name]}' and '{key}' name the same column: keep one")))
            continue
        out[" ".join(str(key).split()) if as_written else name] = value
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


def _read_bytes(path: Path, max_bytes: int, what: str = "file", why: str = "") -> bytes:
    """A file's bytes, at most ``max_bytes`` of them: its size is checked before reading, and
    reading stops past the limit (a pipe, a device or a file still growing has no size to
    check). ``what`` names the file in messages, ``why`` explains the limit."""
    try:
        if path.is_dir():
            raise _Fail(f"a folder, not a {what}")
        size = path.stat().st_size
        if size > max_bytes:
            raise _Fail(f"the {what} is {_size(size)}, more than the {_size(max_bytes)} "
                        f"accepted{why}")
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise _Fail(f"{what} not found") from None
    except PermissionError:
        raise _Fail(f"the {what} cannot be read: permission denied") from None
    except OSError as exc:
        raise _Fail(f"the {what} cannot be read ({exc.strerror or exc})") from None
    if len(raw) > max_bytes:
        raise _Fail(f"the {what} is more than the {_size(max_bytes)} accepted{why}")
    return raw


def _read(path: Path, source: str, max_bytes: int, as_written: bool = False
          ) -> list[tuple[int, dict[str, Any]]]:
    suffix = path.suffix.lower()
    with contextlib.suppress(OSError):  # a path that cannot be looked at: _read_bytes says why
        if path.is_dir():
            raise _Fail("a folder, not a file")
    kind = _SUFFIX_KINDS.get(suffix)
    if kind is None:
        shown = f"'{suffix}'" if suffix else "(no extension)"
        raise _Fail(f"unsupported file type {shown} (use .csv, .xlsx, .json or .jsonl)")
    raw = _read_bytes(path, max_bytes)
    content = _sniff(raw)
    if content == "empty":
        raise _Fail(f"no rows in {source} (the file is empty)")
    what = _KIND_WORDS[kind]
    if content == "ole2":
        raise _Fail(f"an old Excel .xls workbook or a password-protected one, not {what}: save "
                    "it from Excel as .xlsx without a password, or as CSV UTF-8")
    if kind == "xlsx":
        if content == "zip":
            return _read_xlsx(raw, source, as_written)
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
        return _read_csv(text, source, as_written)
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


def read_form_table(path: str | Path, *, max_bytes: int | None = None
                    ) -> list[tuple[int, dict[str, Any]]]:
    """Read a sign-up form's export as :func:`read_table` does, each answer under its
    question as the form wrote it (what a coordinator recognises), a question asked twice
    told apart by its rank (``"Please elaborate. (2)"``) instead of refused. JSON files
    keep their keys as written too.

    Raises:
        ValidationError: as :func:`read_table`, but for a question asked twice.
    """
    path = Path(path)
    source = path.name or str(path)
    try:
        return _read(path, source, MAX_FILE_BYTES if max_bytes is None else max_bytes,
                     as_written=True)
    except _Fail as fail:
        raise ValidationError([Problem(source, fail.row, fail.column, fail.message)]) from None


def read_text_file(path: str | Path, *, max_bytes: int, what: str = "file", why: str = ""
                   ) -> str:
    """The text of a small text file (a column mapping), decoded as the data files are: a
    byte-order mark decides (UTF-8, UTF-16, UTF-32), else UTF-8, else Windows-1252.

    Args:
        max_bytes: the largest file accepted, checked before reading.
        what: the file's kind as messages name it (``"mapping file"``).
        why: the reason for the limit, added to its message.

    Raises:
        ValidationError: naming the file: missing, a folder, unreadable, over ``max_bytes``,
            binary data (UTF-16 without its byte-order mark is), or in none of those
            encodings.
    """
    path = Path(path)
    source = path.name or str(path)
    try:
        raw = _read_bytes(path, max_bytes, what, why)
        if _sniff(raw) == "binary":
            raise _Fail(f"binary data, not a text {what} (UTF-16 text needs its byte-order "
                        "mark): save it as UTF-8")
        return _decode(raw, save_as="UTF-8")
    except _Fail as fail:
        raise ValidationError([Problem(source, fail.row, fail.column, fail.message)]) from None


def rows_from(rows: Any, source: str = "rows", *, as_written: bool = False
              ) -> list[tuple[int, dict[str, Any]]]:
    """Normalise Python input to numbered rows.

    Accepts an iterable of mappings, a pandas DataFrame, or ``(row number, mapping)`` pairs
    as :func:`read_table` returns them (their row numbers are kept for error messages).
    Keys become canonical column names, or stay as written (``as_written``: a sign-up
    form's questions, to show as the form wrote them); two keys naming one column are a
    problem either way.

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
            f"expected rows (a list of dicts or a DataFrame), got {kind_of(rows)}"))])
    out = []
    problems: list[Problem] = []
    for i, row in enumerate(rows, start=1):
        if isinstance(row, tuple) and len(row) == 2 and isinstance(row[1], Mapping):
            # already numbered by read_table: keep the file's row numbers
            out.append((int(row[0]), _canonical_row(row[1], source, int(row[0]), problems,
                                                    as_written)))
            continue
        if not isinstance(row, Mapping):
            problems.append(Problem(source, i, None,
                                    f"a row must be a mapping, got {kind_of(row)}"))
            continue
        out.append((i, _canonical_row(row, source, i, problems, as_written)))
    if problems:
        raise ValidationError(problems)
    return out


_NESTING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{}]')
"""A JSON string (skipped: brackets inside it do not count) or a bracket."""


def nesting_too_deep(text: str, limit: int) -> tuple[int, int] | None:
    """Where (line, column) a JSON (or TOML) ``text`` first nests lists or objects deeper
    than ``limit``, or None; a linear scan, so that deep input is refused without being
    parsed (the parsers recurse, and fail with a RecursionError long before memory)."""
    depth = 0
    for match in _NESTING.finditer(text):
        char = match.group()
        if char in ("[", "{"):
            depth += 1
            if depth > limit:
                at = match.start()
                return text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
        elif char in ("]", "}"):
            depth -= 1
    return None
