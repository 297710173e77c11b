"""Files -> rows -> validated records.

Reads CSV (UTF-8 with or without BOM, or cp1252; ``;``, ``,`` or tab delimited, as French
Excel exports them), XLSX, JSON and JSON Lines. Headers are matched through English and
French aliases. Every problem of a batch is collected and raised at once as a
:class:`~recommender.errors.ValidationError` naming file, row and column.

Row numbers: for CSV and XLSX the spreadsheet line (the header is row 1, so the first
person is row 2); for JSON and Python rows the 1-based position in the list.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .errors import Problem, ValidationError
from .records import ROLE_PREFERENCES, Person, SessionNote, Topic
from .text import fold

__all__ = [
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
"""Longest free-text field accepted (a profile, a wish list, a session note)."""

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


def _resolve(row: Mapping[str, Any], aliases: Mapping[str, str]) -> dict[str, Any]:
    """Rename a row's keys through one table's aliases (a canonical name wins over an alias)."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        name = aliases.get(key, key)
        if name not in out or key == name:
            out[name] = value
    return out


# --------------------------------------------------------------------------- reading
def _decode(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")  # never fails; cp1252 covers French Excel exports


def _read_csv(raw: bytes) -> list[tuple[int, dict[str, Any]]]:
    text = _decode(raw)
    sample = text[:4096]
    first_line = sample.splitlines()[0] if sample else ""
    # Sniffer guesses wrong on short samples; the header line decides between ; , and tab.
    delimiter = max((";", ",", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows: list[tuple[int, dict[str, Any]]] = []
    header: list[str] | None = None
    for line_no, cells in enumerate(reader, start=1):
        if header is None:
            header = [canonical_column(c) for c in cells]
            continue
        if not any(c.strip() for c in cells):
            continue
        rows.append((line_no, dict(zip(header, cells, strict=False))))
    return rows


def _read_xlsx(path: Path) -> list[tuple[int, dict[str, Any]]]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        rows: list[tuple[int, dict[str, Any]]] = []
        header: list[str] | None = None
        for line_no, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            if header is None:
                header = [canonical_column(c) if c is not None else "" for c in cells]
                continue
            if all(c is None or str(c).strip() == "" for c in cells):
                continue
            rows.append((line_no, {h: c for h, c in zip(header, cells, strict=False) if h}))
        return rows
    finally:
        workbook.close()


def _read_json(raw: bytes, lines: bool) -> list[tuple[int, dict[str, Any]]]:
    text = _decode(raw)
    if lines:
        items = [json.loads(line) for line in text.splitlines() if line.strip()]
    else:
        data = json.loads(text)
        if isinstance(data, Mapping):
            # {"people": [...]} or {"notes": [...]}: take the single list inside.
            lists = [v for v in data.values() if isinstance(v, list)]
            data = lists[0] if len(lists) == 1 else [data]
        items = list(data)
    return [
        (i, {canonical_column(k): v for k, v in item.items()} if isinstance(item, Mapping) else {})
        for i, item in enumerate(items, start=1)
    ]


def read_table(path: str | Path) -> list[tuple[int, dict[str, Any]]]:
    """Read a CSV, XLSX, JSON or JSON Lines file into ``(row number, row)`` pairs.

    Column names are canonical (aliases resolved); values are left as read.

    Raises:
        ValidationError: the file is missing, of an unknown kind or unreadable.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm"):
            return _read_xlsx(path)
        raw = path.read_bytes()
        if suffix in (".csv", ".tsv", ".txt"):
            return _read_csv(raw)
        if suffix in (".jsonl", ".ndjson"):
            return _read_json(raw, lines=True)
        if suffix == ".json":
            return _read_json(raw, lines=False)
    except FileNotFoundError:
        raise ValidationError([Problem(path.name, None, None, "file not found")]) from None
    except (json.JSONDecodeError, csv.Error, OSError, ValueError, KeyError) as exc:
        raise ValidationError([Problem(path.name, None, None, f"unreadable file ({exc})")]) from exc
    raise ValidationError(
        [Problem(path.name, None, None, f"unsupported file type '{suffix}' "
                 "(use .csv, .xlsx, .json or .jsonl)")]
    )


def rows_from(rows: Any, source: str = "rows") -> list[tuple[int, dict[str, Any]]]:
    """Normalise Python input to numbered rows.

    Accepts an iterable of mappings, a pandas DataFrame, or ``(row number, mapping)`` pairs
    as :func:`read_table` returns them (their row numbers are kept for error messages).
    """
    if hasattr(rows, "to_dict") and hasattr(rows, "columns"):
        rows = rows.to_dict(orient="records")
    out = []
    for i, row in enumerate(rows, start=1):
        if isinstance(row, tuple) and len(row) == 2 and isinstance(row[1], Mapping):
            out.append((int(row[0]), {canonical_column(k): v for k, v in row[1].items()}))
            continue  # already numbered by read_table: keep the file's row numbers
        if not isinstance(row, Mapping):
            raise ValidationError([Problem(source, i, None, "a row must be a mapping")])
        out.append((i, {canonical_column(k): v for k, v in row.items()}))
    return out


# --------------------------------------------------------------------------- values
def _is_blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and value.strip() == ""


def _text(value: Any) -> str:
    return "" if _is_blank(value) else str(value).strip()


def _number(value: Any) -> float:
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        # French decimal comma, thin spaces as thousands separators.
        cleaned = re.sub(r"[\s\u202f\u00a0]", "", str(value)).replace(",", ".")
        number = float(cleaned)
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


def _check_length(col: _Collector, row: int, column: str, value: str) -> None:
    if len(value) > MAX_TEXT_CHARS:
        col.add(row, column, f"text too long ({len(value)} characters, at most {MAX_TEXT_CHARS})")


# --------------------------------------------------------------------------- people
def validate_people(
    rows: Sequence[tuple[int, Mapping[str, Any]]], source: str = "rows"
) -> list[Person]:
    """Turn numbered rows into :class:`Person` records, or raise with every problem.

    Raises:
        ValidationError: listing each missing field, bad value or duplicate id.
    """
    col = _Collector(source)
    people: list[Person] = []
    first_row_of: dict[str, int] = {}
    for row_no, raw in rows:
        row = _resolve(raw, _PEOPLE_ALIASES)
        pid = _text(row.get("id"))
        name = _text(row.get("name"))
        if not pid:
            col.add(row_no, "id", "missing id")
        elif pid in first_row_of:
            col.add(row_no, "id", f"duplicate id '{pid}' (first at row {first_row_of[pid]})")
        else:
            first_row_of[pid] = row_no
        if not name:
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
                col.add(row_no, "years_experience", f"not a number: '{raw_years}'")
        texts = {k: _text(row.get(k)) for k in ("profile", "offers", "wants")}
        if not any(texts.values()):
            col.add(row_no, "profile", "empty text: give at least one of profile, offers, wants")
        for key, value in texts.items():
            _check_length(col, row_no, key, value)
        try:
            languages = _languages(row.get("languages"))
        except ValueError as exc:
            col.add(row_no, "languages", f"unknown language '{exc}' (use codes like fr;en)")
            languages = ()
        preference = _ROLE_NAMES.get(fold(_text(row.get("role_preference"))).replace(" ", "_"))
        if preference is None:
            col.add(row_no, "role_preference",
                    f"must be one of {', '.join(ROLE_PREFERENCES)}, "
                    f"got '{_text(row.get('role_preference'))}'")
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
                        f"must be a whole number from 0 to 20, got '{row.get('capacity')}'")
        manager = _text(row.get("manager_id"))
        if manager and manager == pid:
            col.add(row_no, "manager_id", "a person cannot be their own manager")
        email = _text(row.get("email"))
        if email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
            col.add(row_no, "email", f"not an email address: '{email}'")
        people.append(
            Person(
                id=pid, name=name, years_experience=years,
                department=_text(row.get("department")), role=_text(row.get("role")),
                location=_text(row.get("location")), languages=languages,
                profile=texts["profile"], offers=texts["offers"], wants=texts["wants"],
                role_preference=preference, capacity=capacity, manager_id=manager, email=email,
            )
        )
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
        ValidationError: every problem of the file, with its row and column.
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
    notes: list[SessionNote] = []
    for row_no, raw in rows:
        row = _resolve(raw, _NOTE_ALIASES)
        ids = {}
        for key in ("mentor_id", "mentee_id"):
            ids[key] = _text(row.get(key))
            if not ids[key]:
                col.add(row_no, key, f"missing {key}")
            elif known_ids is not None and ids[key] not in known_ids:
                col.add(row_no, key, f"unknown person id '{ids[key]}'")
        if ids["mentor_id"] and ids["mentor_id"] == ids["mentee_id"]:
            col.add(row_no, "mentee_id", "mentor and mentee are the same person")
        date = ""
        if _is_blank(row.get("date")):
            col.add(row_no, "date", "missing date")
        else:
            try:
                date = _iso_date(row.get("date"))
            except ValueError:
                col.add(row_no, "date", f"not an ISO 8601 date (YYYY-MM-DD): '{row.get('date')}'")
        text = _text(row.get("text"))
        if not text:
            col.add(row_no, "text", "empty text")
        _check_length(col, row_no, "text", text)
        rating = None
        if not _is_blank(row.get("rating")):
            try:
                value = _number(row.get("rating"))
                if value != int(value) or not 1 <= value <= 5:
                    raise ValueError
                rating = int(value)
            except ValueError:
                col.add(row_no, "rating", f"must be a whole number from 1 to 5, got "
                        f"'{row.get('rating')}'")
        notes.append(SessionNote(ids["mentor_id"], ids["mentee_id"], date, text, rating))
    col.raise_if_any()
    return notes


def load_notes(path: str | Path) -> list[dict[str, Any]]:
    """Read and validate a session-notes file (ids are checked when added to a workspace)."""
    path = Path(path)
    notes = validate_notes(read_table(path), None, source=path.name)
    return [{k: getattr(n, k) for k in NOTE_COLUMNS} for n in notes]


# --------------------------------------------------------------------------- topics
def _starters(value: Any) -> tuple[str, ...]:
    if isinstance(value, (list, tuple)):
        return tuple(_text(v) for v in value if _text(v))
    return tuple(s.strip() for s in re.split(r"[|\n]", _text(value)) if s.strip())


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
        for flat in _flatten_topic(_resolve(raw, _TOPIC_ALIASES)):
            tid = _text(flat.get("id"))
            lang = fold(_text(flat.get("language")) or "en")
            lang = _LANGUAGE_NAMES.get(lang, lang)
            title = _text(flat.get("title"))
            if not tid:
                col.add(row_no, "id", "missing id")
                continue
            if (tid, lang) in first_row:
                col.add(row_no, "id", f"duplicate topic id '{tid}' in language '{lang}' "
                        f"(first at row {first_row[(tid, lang)]})")
                continue
            first_row[(tid, lang)] = row_no
            if not title:
                col.add(row_no, "title", "missing title")
            description = _text(flat.get("description"))
            _check_length(col, row_no, "description", description)
            entry = merged.setdefault(
                tid, {"title": {}, "description": {}, "starters": {}, "category": "", "row": row_no}
            )
            entry["title"][lang] = title
            entry["description"][lang] = description
            entry["starters"][lang] = _starters(flat.get("starters"))
            entry["category"] = entry["category"] or _text(flat.get("category"))
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
