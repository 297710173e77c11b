"""A confirmed column mapping and its JSON file."""

from __future__ import annotations

import dataclasses
import difflib
import json
import logging
import os
import re
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...errors import Problem, ValidationError
from ...language.langid import DEFAULT_CANDIDATES
from ...language.names import ISO_639_1
from ...records import ROLE_PREFERENCES
from ..cells import canonical_column, kind_of, show
from ..readers import nesting_too_deep, read_text_file
from ..validate import ATTRIBUTE_PREFIX, PEOPLE_COLUMNS

logger = logging.getLogger(__name__)

__all__ = ["FIELDS", "MAPPING_VERSION", "MAX_MAPPING_BYTES", "MAX_MAPPING_DEPTH", "MULTI_FIELDS",
           "SINGLE_FIELDS", "TEXT_FIELDS", "ColumnMapping", "is_field"]


MAPPING_VERSION = 1
"""Version of the mapping file format written by :meth:`ColumnMapping.to_json`."""


MAX_MAPPING_BYTES = 1024 * 1024
"""Largest mapping file (or text) read: 1 MB.

A mapping holds a line per question of a form and per answer its value maps translate: the
ones this tool proposes for the 27 labelled forms of ``tests/data/forms`` (15 to 28
questions) are 3 KB at most, so 1 MB leaves room for a form hundreds of times bigger, and
is read and checked in well under a second. A bigger file is no mapping (a data export
given by mistake, or an attempt to exhaust memory)."""

_WHY_LIMIT = " (a mapping is a few KB: is this the right file?)"


MAX_MAPPING_DEPTH = 8
"""Deepest nesting of lists and objects in a mapping file. A mapping needs 4 levels at most
(the file's object > ``value_maps`` > a field's table > a list of language codes); deeper
JSON is refused before it is parsed, since parsing it is what fails (Python's parser
recurses)."""


FIELDS: tuple[str, ...] = tuple(PEOPLE_COLUMNS)
"""The project's people fields a column can feed, in display order."""


TEXT_FIELDS = ("profile", "offers", "wants")


def is_field(name: str) -> bool:
    """A people field, or an attribute ``attr_<name>`` a programme's rules may read
    (``attr_profession``, ``attr_sector``)."""
    return name in FIELDS or re.fullmatch(ATTRIBUTE_PREFIX + r"[a-z0-9][a-z0-9_]*", name) is not None


MULTI_FIELDS = frozenset({*TEXT_FIELDS, "languages", "department", "role", "location",
                          "preferences"})
"""Fields several columns may feed (texts joined; "Lyon, France"; "Faculty, Lab")."""


JOINED_FIELDS = frozenset({"department", "role", "location"})


SINGLE_FIELDS = frozenset(FIELDS) - MULTI_FIELDS - JOINED_FIELDS - {"name", "level"}
"""Fields that take one answer. Several columns may feed one (a form asking a question in
each side's section); a row gives it the one answer it has, and a row answering two of
them differently is a problem naming both columns (never a silent choice)."""




_KEYS = ("version", "role", "generate_ids", "detect_languages", "candidate_languages",
         "fields", "checkbox", "labels", "value_maps", "ignored")


# --------------------------------------------------------------------------- the mapping
def _problem(source: str, column: str | None, message: str) -> Problem:
    return Problem(source, None, column, message)


def _json(value: Any) -> str:
    """A value of a mapping file as a message quotes it: JSON, cut after 60 characters."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):  # a Python value given to from_dict
        return kind_of(value)
    return show(text, 60)


def _nearest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _names(value: str | Iterable[str]) -> tuple[str, ...]:
    """One name or several, as a tuple (a lone string is one name, not its letters)."""
    return (value,) if isinstance(value, str) else tuple(value)


@dataclass(frozen=True)
class ColumnMapping:
    """How a form's columns feed the project's people fields.

    Columns are named as in the form's header row; they are matched to a file's columns
    whatever the case, accents and punctuation (``"Which languages do you speak?"`` matches
    the read column ``which_languages_do_you_speak``). Treat the mappings as read-only.

    Attributes:
        fields: for each field of :data:`FIELDS`, the columns feeding it, in order.
        checkbox: columns whose answers are lists of ticked options, split into items.
        labels: the label written before a column's answers in a text field (default: the
            column's header for a free-text column when several columns feed the field,
            none for a checkbox column; ``""``: no label).
        value_maps: per field, answer -> value (``{"years_experience": {"Postdoc": 6}}``,
            ``{"languages": {"Castellano": "es"}}``); answers compare folded.
        ignored: columns deliberately left out (form metadata, consent...).
        role: ``"mentor"``, ``"mentee"`` or ``"either"`` for every row of the file, or None.
        generate_ids: give a generated id (and name) to rows that have none.
        detect_languages: guess the languages of rows that give none from their texts.
        candidate_languages: the languages a guess may return (ISO 639-1).
    """

    fields: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    checkbox: tuple[str, ...] = ()
    labels: Mapping[str, str] = field(default_factory=dict)
    value_maps: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    ignored: tuple[str, ...] = ()
    role: str | None = None
    generate_ids: bool = False
    detect_languages: bool = True
    candidate_languages: tuple[str, ...] = DEFAULT_CANDIDATES

    def __post_init__(self) -> None:
        fields = {f: _names(self.fields[f]) for f in FIELDS if self.fields.get(f)}
        extra = {f: _names(c) for f, c in self.fields.items() if f not in FIELDS}
        object.__setattr__(self, "fields", {**fields, **extra})
        object.__setattr__(self, "checkbox", _names(self.checkbox))
        object.__setattr__(self, "ignored", _names(self.ignored))
        object.__setattr__(self, "labels", dict(self.labels))
        object.__setattr__(self, "value_maps",
                           {f: dict(m) for f, m in self.value_maps.items() if m})
        object.__setattr__(self, "candidate_languages", _names(self.candidate_languages))
        problems = _check_mapping(self, "mapping")
        if problems:
            raise ValidationError(problems)

    # ----------------------------------------------------------------- queries
    def columns_of(self, field_name: str) -> tuple[str, ...]:
        """The columns feeding ``field_name`` (empty when none)."""
        return tuple(self.fields.get(field_name, ()))

    def field_of(self, column: str) -> str | None:
        """The field a column feeds, or None."""
        key = canonical_column(column)
        for name, columns in self.fields.items():
            if any(canonical_column(c) == key for c in columns):
                return name
        return None

    def used_columns(self) -> tuple[str, ...]:
        """Every column that feeds a field, in field order."""
        return tuple(c for columns in self.fields.values() for c in columns)

    def is_checkbox(self, column: str) -> bool:
        """Whether ``column`` is declared a checkbox (multiple choice) column."""
        key = canonical_column(column)
        return any(canonical_column(c) == key for c in self.checkbox)

    def with_role(self, role: str | None) -> ColumnMapping:
        """The same mapping for a file whose rows all have ``role`` (None: from the rows)."""
        return dataclasses.replace(self, role=role)

    # ----------------------------------------------------------------- JSON
    def to_dict(self) -> dict[str, Any]:
        """The mapping as plain JSON data, with its format version."""
        return {
            "version": MAPPING_VERSION,
            "role": self.role,
            "generate_ids": self.generate_ids,
            "detect_languages": self.detect_languages,
            "candidate_languages": list(self.candidate_languages),
            "fields": {f: list(c) for f, c in self.fields.items()},
            "checkbox": list(self.checkbox),
            "labels": dict(self.labels),
            "value_maps": {f: dict(m) for f, m in self.value_maps.items()},
            "ignored": list(self.ignored),
        }

    def to_json(self) -> str:
        """The mapping file's text (UTF-8 JSON, indented, accents kept)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_dict(cls, data: Any, source: str = "mapping") -> ColumnMapping:
        """Build a mapping from JSON data, or raise with every problem of it.

        Fields may list several columns or name one (``"email": "Email Address"``).

        Raises:
            ValidationError: naming ``source`` and the key of each problem.
        """
        problems = _check_data(data, source)
        if problems:
            raise ValidationError(problems)
        fields = {f: (c,) if isinstance(c, str) else tuple(c)
                  for f, c in data.get("fields", {}).items()}
        try:
            return cls(
                fields=fields,
                checkbox=tuple(data.get("checkbox", ())),
                labels=dict(data.get("labels", {})),
                value_maps={f: dict(m) for f, m in data.get("value_maps", {}).items()},
                ignored=tuple(data.get("ignored", ())),
                role=data.get("role"),
                generate_ids=bool(data.get("generate_ids", False)),
                detect_languages=bool(data.get("detect_languages", True)),
                candidate_languages=tuple(data.get("candidate_languages", DEFAULT_CANDIDATES)),
            )
        except ValidationError as exc:  # the same checks, named after the file
            raise ValidationError([dataclasses.replace(p, source=source)
                                   for p in exc.problems]) from None

    @classmethod
    def from_json(cls, text: str, source: str = "mapping") -> ColumnMapping:
        """Parse a mapping file's text.

        Raises:
            ValidationError: the text is not JSON, longer than :data:`MAX_MAPPING_BYTES`,
                nested deeper than :data:`MAX_MAPPING_DEPTH`, or not a valid mapping.
        """
        if len(text) > MAX_MAPPING_BYTES:
            raise ValidationError([_problem(source, None, (
                f"the mapping is {len(text)} characters long, more than the "
                f"{MAX_MAPPING_BYTES} accepted{_WHY_LIMIT}"))])
        deep = nesting_too_deep(text, MAX_MAPPING_DEPTH)
        if deep is not None:
            raise ValidationError([_problem(source, None, (
                f"not readable: lists or objects nested more than {MAX_MAPPING_DEPTH} deep "
                f"(line {deep[0]}, column {deep[1]}); a mapping needs 4 levels at most"))])
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValidationError([_problem(
                source, None, f"not a JSON file (line {exc.lineno}, column {exc.colno}: "
                f"{exc.msg})")]) from None
        except ValueError as exc:  # an integer of more than 4300 digits
            raise ValidationError([_problem(
                source, None, f"not readable JSON: {exc}".split(";")[0])]) from None
        return cls.from_dict(data, source)

    def save(self, path: str | Path) -> Path:
        """Write the mapping file (atomically: a reader never sees half a file)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(self.to_json())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        logger.info("mapping saved to %s", path)
        return path

    @classmethod
    def load(cls, path: str | Path) -> ColumnMapping:
        """Read a mapping file.

        The file is decoded as data files are (UTF-8 with or without BOM, UTF-16 or UTF-32
        with a BOM, else Windows-1252), and refused unread over :data:`MAX_MAPPING_BYTES`.

        Raises:
            ValidationError: the file is missing, unreadable, too big, nested too deeply or
                not a valid mapping (each problem names the file and the key).
        """
        path = Path(path)
        text = read_text_file(path, max_bytes=MAX_MAPPING_BYTES, what="mapping file",
                              why=_WHY_LIMIT)
        return cls.from_json(text, source=path.name or str(path))


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def _check_data(data: Any, source: str) -> list[Problem]:
    """Problems of the JSON shape of a mapping file (types, keys, version)."""
    if not isinstance(data, dict):
        return [_problem(source, None, "a mapping file must be a JSON object "
                         '({"version": 1, "fields": {...}})')]
    out: list[Problem] = []
    for key in data:
        if key not in _KEYS:
            out.append(_problem(source, show(key), f"unknown key '{show(key)}'"
                                f"{_nearest(key, _KEYS)}"))
    version = data.get("version")
    if version is None:
        out.append(_problem(source, "version", f"missing version (this tool writes "
                            f"{MAPPING_VERSION})"))
    elif not isinstance(version, int) or isinstance(version, bool) or version < 1:
        out.append(_problem(source, "version", f"version must be a whole number, got {version!r}"))
    elif version > MAPPING_VERSION:
        out.append(_problem(source, "version", f"written by a newer version of the tool "
                            f"(format {version}, this one reads up to {MAPPING_VERSION})"))
    fields = data.get("fields", {})
    if not isinstance(fields, dict):
        out.append(_problem(source, "fields", "must map field names to lists of columns"))
    else:
        for name, columns in fields.items():
            if not (isinstance(columns, str) and columns.strip()) and not _is_str_list(columns):
                out.append(_problem(source, f"fields.{name}", "must be a column name or a list "
                                    f"of column names, got {_json(columns)}"))
    for key in ("checkbox", "ignored", "candidate_languages"):
        if key in data and not _is_str_list(data[key]):
            out.append(_problem(source, key, "must be a list of names"))
    for key in ("labels", "value_maps"):
        if key in data and not isinstance(data[key], dict):
            out.append(_problem(source, key, "must be a JSON object"))
    if isinstance(data.get("labels"), dict):
        for column, label in data["labels"].items():
            if not isinstance(label, str):
                out.append(_problem(source, f"labels.{column}", "a label must be text"))
    if isinstance(data.get("value_maps"), dict):
        for name, table in data["value_maps"].items():
            if not isinstance(table, dict):
                out.append(_problem(source, f"value_maps.{name}",
                                    "must map answers to values (a JSON object)"))
    for key in ("generate_ids", "detect_languages"):
        if key in data and not isinstance(data[key], bool):
            out.append(_problem(source, key, f"must be true or false, got {_json(data[key])}"))
    if "role" in data and data["role"] is not None and not isinstance(data["role"], str):
        out.append(_problem(source, "role", "must be mentor, mentee, either or null"))
    return out


def _check_mapping(mapping: ColumnMapping, source: str) -> list[Problem]:
    """Problems of a mapping's content: unknown fields, clashes, values of the value maps."""
    out: list[Problem] = []
    for name in mapping.fields:
        if not is_field(name):
            out.append(_problem(source, f"fields.{name}", f"unknown field '{name}'"
                                f"{_nearest(name, FIELDS)}; fields are {', '.join(FIELDS)}, "
                                f"or {ATTRIBUTE_PREFIX}<name> for an attribute"))
    seen: dict[str, str] = {}
    for name, columns in mapping.fields.items():
        for column in columns:
            key = canonical_column(column)
            if not key:
                out.append(_problem(source, f"fields.{name}", "a column name is empty"))
            elif key in seen and seen[key] != name:
                out.append(_problem(source, f"fields.{name}", f"column '{column}' already "
                                    f"feeds {seen[key]}: a column feeds one field"))
            elif key in seen:
                out.append(_problem(source, f"fields.{name}", f"column '{column}' is listed twice"))
            seen[key] = name
    for column in mapping.ignored:
        if canonical_column(column) in seen:
            out.append(_problem(source, "ignored", f"column '{column}' is both ignored and "
                                f"used for {seen[canonical_column(column)]}"))
    if mapping.role is not None and mapping.role not in ROLE_PREFERENCES:
        out.append(_problem(source, "role", f"must be one of {', '.join(ROLE_PREFERENCES)} or null, "
                            f"got '{show(mapping.role)}'"))
    for code in mapping.candidate_languages:
        if code not in ISO_639_1:
            out.append(_problem(source, "candidate_languages",
                                f"'{show(code)}' is not an ISO 639-1 language code"))
    for name, table in mapping.value_maps.items():
        where = f"value_maps.{name}"
        if not is_field(name):
            out.append(_problem(source, where, f"unknown field '{show(name)}'"
                                f"{_nearest(name, FIELDS)}"))
            continue
        for answer, value in table.items():
            message = _bad_value(name, value)
            if message:
                out.append(_problem(source, where, f"'{show(answer)}': {message}"))
    return out


def _bad_value(name: str, value: Any) -> str | None:
    """Why ``value`` cannot be a value-map target for field ``name`` (None: it can)."""
    if name == "years_experience":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 70:
            return f"years must be a number from 0 to 70, got {_json(value)}"
    elif name == "capacity":
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 20:
            return f"capacity must be a whole number from 0 to 20, got {_json(value)}"
    elif name == "languages":
        codes = value if isinstance(value, list) else [value]
        if not all(isinstance(c, str) and (c == "" or c in ISO_639_1) for c in codes):
            return (f"must be an ISO 639-1 code like \"es\" (or \"\" to ignore the answer), "
                    f"got {_json(value)}")
    elif name == "role_preference":
        if value not in ROLE_PREFERENCES:
            return f"must be one of {', '.join(ROLE_PREFERENCES)}, got {_json(value)}"
    elif not isinstance(value, (str, int, float)) or isinstance(value, bool):
        return f"must be text or a number, got {_json(value)}"
    return None
