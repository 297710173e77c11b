"""Numbered rows -> validated people, session notes and topics.

Headers are matched through English and French aliases. Every problem of a batch is
collected and raised at once as a :class:`~recommender.errors.ValidationError` naming file,
row and column; nothing of a rejected batch is stored.

Limits (characters are Unicode code points):

- free text (``profile``, ``offers``, ``wants``, a note's ``text``, a topic's
  ``description``): :data:`MAX_TEXT_CHARS` per field;
- a person's ``profile`` + ``offers`` + ``wants`` together: :data:`MAX_PERSON_CHARS`;
- short fields (ids, name, department, role, email...): :data:`FIELD_LIMITS`, the widths of
  the store's columns.

A longer value is an error naming the row, the column and the limit; nothing is truncated.
Control characters (NUL, escape, form feed... anything but tab, line feed and carriage
return) and lone surrogates are errors too, never stored: they are invisible in most
editors, break exports and usually mean a file read in the wrong encoding.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import Problem, ValidationError
from ..language.names import language_code
from ..language.text import fold
from ..records import (
    PAIR_STATUSES,
    ROLE_PREFERENCES,
    SEGMENT_KINDS,
    Pair,
    Person,
    Segment,
    SessionNote,
    Topic,
)
from .cells import (
    BAD_CHARS,
    CHAR_NAMES,
    canonical_column,
    cell_text,
    is_blank,
    iso_date,
    kind_of,
    languages,
    number,
    show,
    utc_offset,
)
from .readers import read_table

__all__ = [
    "ATTRIBUTE_PREFIX",
    "FIELD_LIMITS",
    "MAX_PERSON_CHARS",
    "MAX_TEXT_CHARS",
    "PEOPLE_ALIASES",
    "PEOPLE_COLUMNS",
    "load_notes",
    "load_people",
    "load_topics",
    "validate_fields",
    "validate_notes",
    "validate_pairs",
    "validate_people",
    "validate_segments",
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
    "manager_id": 200, "languages": 100, "role_preference": 100, "level": 300,
    "preferences": 1000,
    "mentor_id": 200, "mentee_id": 200,
    "title": 300, "category": 200, "language": 100,
    # what only a workspace archive carries (pairs, sentences, settings, where people came from)
    "status": 20, "updated_at": 40, "source": 300, "source_form": 40, "model_id": 200,
    "kind": 10, "key": 100,
}
"""Longest value of each short field, in characters (the widths of the store's columns)."""


_FREE_TEXT = frozenset({"profile", "offers", "wants", "text", "description", "starters"})

PEOPLE_COLUMNS = (
    "id", "name", "years_experience", "department", "role", "location", "languages",
    "profile", "offers", "wants", "role_preference", "capacity", "manager_id", "email",
    "level", "utc_offset", "preferences",
)
ATTRIBUTE_PREFIX = "attr_"
"""A people column ``attr_<name>`` holds the attribute ``<name>`` (``attr_profession``)."""
NOTE_COLUMNS = ("mentor_id", "mentee_id", "date", "text", "rating")

PEOPLE_ALIASES: dict[str, str] = {
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
    "time_zone": "utc_offset", "timezone": "utc_offset", "fuseau_horaire": "utc_offset",
    "zona_horaria": "utc_offset", "fuso_horario": "utc_offset", "utc": "utc_offset",
    "preferences_partenaire": "preferences", "partner_preferences": "preferences",
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

_ROLE_NAMES = {
    "mentor": "mentor", "mentee": "mentee", "mentore": "mentee", "mentoree": "mentee",
    "either": "either", "both": "either", "any": "either", "les_deux": "either",
    "indifferent": "either", "peu_importe": "either", "": "either",
}


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
                and not is_blank(value) and not is_blank(out[name]) \
                and _plain(value) != _plain(out[name]):
            conflicts.setdefault((origin[name], key), row_no)
        if name not in out or key == name:
            out[name] = value
            origin[name] = key
    return out


def _plain(value: Any) -> str:
    # Containers are refused by the field checks anyway; never walk them (they may be deep).
    return kind_of(value) if isinstance(value, (Mapping, list, tuple)) else str(value).strip()


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
    bad = BAD_CHARS.search(value)
    if bad is None:
        return True
    code = ord(bad.group())
    if 0xD800 <= code <= 0xDFFF:
        what = f"an invalid character (a lone surrogate, U+{code:04X})"
    else:
        name = CHAR_NAMES.get(code, "a file read in the wrong encoding?" if code >= 0x80 else "")
        what = f"the control character U+{code:04X}" + (f" ({name})" if name else "")
    col.add(row, column, f"contains {what} at character {bad.start() + 1}: remove it (it is "
            "invisible in most editors)")
    return False


def _checked(col: _Collector, row_no: int, row: Mapping[str, Any], column: str) -> str | None:
    """A text field (a scalar, without control characters, within its length limit), or
    ``None`` once its problem is recorded."""
    value = row.get(column)
    if isinstance(value, (Mapping, list, tuple, set, frozenset, bytes, bytearray)):
        col.add(row_no, column, f"expected a text, found {kind_of(value)}")
        return None
    text = cell_text(value)
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
        found = ", ".join(sorted(show(k, 30) for k in present if k)[:8]) or "none"
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
    _required_columns(col, rows, PEOPLE_ALIASES, ("id", "name", "years_experience"))
    people: list[Person] = []
    first_row_of: dict[str, int] = {}
    conflicts: dict[tuple[str, str], int] = {}
    for row_no, raw in rows:
        row = _resolve(raw, PEOPLE_ALIASES, conflicts, row_no)
        checked_id = _checked(col, row_no, row, "id")
        checked_name = _checked(col, row_no, row, "name")
        pid, name = checked_id or "", checked_name or ""
        if checked_id == "":
            col.add(row_no, "id", "missing id")
        elif pid in first_row_of:
            col.add(row_no, "id", f"duplicate id '{show(pid)}' (first at row {first_row_of[pid]})")
        elif pid:
            first_row_of[pid] = row_no
        if checked_name == "":
            col.add(row_no, "name", "missing name")
        years = 0.0
        raw_years = row.get("years_experience")
        if is_blank(raw_years):
            col.add(row_no, "years_experience", "missing years of experience")
        else:
            parsed = number(raw_years)
            if parsed is None:
                col.add(row_no, "years_experience", f"not a number: '{show(raw_years)}'")
            elif not 0 <= parsed <= 70:
                col.add(row_no, "years_experience", f"must be between 0 and 70, got {parsed:g}")
            else:
                years = parsed
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
        codes, unknown = languages(_field(col, row_no, {"languages": raw_languages},
                                          "languages"))
        for name in unknown:
            col.add(row_no, "languages",
                    f"unknown language '{show(name, 30)}' (use codes like fr;en)")
        preference_text = _field(col, row_no, row, "role_preference")
        preference = _ROLE_NAMES.get(fold(preference_text).replace(" ", "_"))
        if preference is None:
            col.add(row_no, "role_preference",
                    f"must be one of {', '.join(ROLE_PREFERENCES)}, "
                    f"got '{show(preference_text)}'")
            preference = "either"
        capacity: int | None = None  # not said: the programme's setting decides
        if not is_blank(row.get("capacity")):
            cap = number(row.get("capacity"))
            if cap is not None and cap == int(cap) and 0 <= cap <= 20:
                capacity = int(cap)
            else:
                col.add(row_no, "capacity",
                        f"must be a whole number from 0 to 20, got '{show(row.get('capacity'))}'")
        manager = _field(col, row_no, row, "manager_id")
        if manager and manager == pid:
            col.add(row_no, "manager_id", "a person cannot be their own manager")
        email = _field(col, row_no, row, "email")
        if email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
            col.add(row_no, "email", f"not an email address: '{show(email)}'")
        offset = None
        if not is_blank(row.get("utc_offset")):
            offset = utc_offset(row.get("utc_offset"))
            if offset is None:
                col.add(row_no, "utc_offset",
                        f"not a time zone: '{show(row.get('utc_offset'))}' (write it as "
                        "UTC+1, -3, (GMT-03:00) or Europe/Paris)")
        attributes = tuple(
            (key[len(ATTRIBUTE_PREFIX):], value) for key in row
            if key.startswith(ATTRIBUTE_PREFIX) and len(key) > len(ATTRIBUTE_PREFIX)
            and (value := _field(col, row_no, row, key)))
        preferences = _field(col, row_no, row, "preferences")
        people.append(
            Person(
                id=pid, name=name, years_experience=years,
                department=_field(col, row_no, row, "department"),
                role=_field(col, row_no, row, "role"),
                location=_field(col, row_no, row, "location"), languages=tuple(codes),
                profile=texts["profile"], offers=texts["offers"], wants=texts["wants"],
                role_preference=preference, capacity=capacity, manager_id=manager, email=email,
                level=_field(col, row_no, row, "level"), utc_offset=offset,
                attributes=attributes, preferences=preferences,
            )
        )
    col.conflicts(conflicts)
    col.raise_if_any()
    return people


def person_to_row(person: Person) -> dict[str, Any]:
    """The canonical row of a person (``languages`` joined with ``;``)."""
    row = {k: getattr(person, k) for k in PEOPLE_COLUMNS}
    row["languages"] = ";".join(person.languages)
    row.update({ATTRIBUTE_PREFIX + name: value for name, value in person.attributes})
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
def _pair_ids(col: _Collector, row_no: int, row: Mapping[str, Any],
              known_ids: Collection[str] | None) -> dict[str, str]:
    """The mentor and mentee ids of a note's or a pair's row: each present, known (when
    ``known_ids`` is given), and not the same person."""
    ids: dict[str, str] = {}
    for key in ("mentor_id", "mentee_id"):
        before = len(col.problems)
        ids[key] = _field(col, row_no, row, key)
        if len(col.problems) > before:
            continue
        if not ids[key]:
            col.add(row_no, key, f"missing {key}")
        elif known_ids is not None and ids[key] not in known_ids:
            col.add(row_no, key, f"unknown person id '{show(ids[key])}'")
    if ids["mentor_id"] and ids["mentor_id"] == ids["mentee_id"]:
        col.add(row_no, "mentee_id", "mentor and mentee are the same person")
    return ids


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
        ids = _pair_ids(col, row_no, row, known_ids)
        date = ""
        raw_date = row.get("date")
        if is_blank(raw_date):
            col.add(row_no, "date", "missing date")
        else:
            try:
                if isinstance(raw_date, (Mapping, list, tuple, bytes, bytearray)):
                    raise ValueError
                date = iso_date(raw_date)
            except (ValueError, OverflowError):
                col.add(row_no, "date",
                        f"not an ISO 8601 date (YYYY-MM-DD): '{show(raw_date)}'")
        before = len(col.problems)
        text = _field(col, row_no, row, "text")
        if not text and len(col.problems) == before:
            col.add(row_no, "text", "empty text")
        rating = None
        if not is_blank(row.get("rating")):
            value = number(row.get("rating"))
            if value is not None and value == int(value) and 1 <= value <= 5:
                rating = int(value)
            else:
                col.add(row_no, "rating", f"must be a whole number from 1 to 5, got "
                        f"'{show(row.get('rating'))}'")
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
            col.add(row_no, None, f"a row must be a mapping, got {kind_of(raw)}")
            continue
        for flat in _flatten_topic(_resolve(raw, _TOPIC_ALIASES)):
            before = len(col.problems)
            tid = _field(col, row_no, flat, "id")
            written = _field(col, row_no, flat, "language") or "en"
            lang = language_code(written) or fold(written)
            title = _field(col, row_no, flat, "title")
            if not tid:
                if len(col.problems) == before:
                    col.add(row_no, "id", "missing id")
                continue
            if (tid, lang) in first_row:
                col.add(row_no, "id", f"duplicate topic id '{show(tid)}' in language "
                        f"'{show(lang)}' (first at row {first_row[(tid, lang)]})")
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


# --------------------------------------------------------------------------- pairs, sentences
# What a workspace archive carries besides people, notes and topics: read with the same
# checks as a file's cells, so that an archive is no way around them.
_MAX_DETAIL_ITEMS = 256
"""Most entries of a pair's ``parts``, ``signals``, ``reasons`` or ``quotes`` (a run writes
about ten, plus one signal per rule of the programme)."""


def validate_fields(
    rows: Sequence[tuple[int, Mapping[str, Any]]], columns: Sequence[str],
    source: str = "rows",
) -> list[dict[str, str]]:
    """The text fields ``columns`` of numbered rows, each checked as a file's cell is (a
    scalar, no control character, within :data:`FIELD_LIMITS`), or raise with every problem.

    Raises:
        ValidationError: naming ``source``, the row and the column.
    """
    col = _Collector(source)
    out = [{c: _field(col, row_no, row, c) for c in columns} for row_no, row in rows]
    col.raise_if_any()
    return out


_MAX_WHOLE = 2**31 - 1
"""Largest whole number (an id, a position, a version): the store's INTEGER columns."""


def _whole(col: _Collector, row_no: int, row: Mapping[str, Any], column: str, low: int,
           default: int) -> int:
    raw = row.get(column)
    if is_blank(raw):
        return default
    value = number(raw)
    if value is None or value != int(value) or not low <= value <= _MAX_WHOLE:
        col.add(row_no, column, f"must be a whole number from {low} to {_MAX_WHOLE}, got "
                f"'{show(raw)}'")
        return default
    return int(value)


def _share(col: _Collector, row_no: int, row: Mapping[str, Any], column: str) -> float:
    value = number(row.get(column))
    if value is None or not 0 <= value <= 1:
        col.add(row_no, column, f"must be a number from 0 to 1, got '{show(row.get(column))}'")
        return 0.0
    return value


def _flag(col: _Collector, row_no: int, row: Mapping[str, Any], column: str) -> bool:
    raw = row.get(column)
    if isinstance(raw, bool):
        return raw
    if is_blank(raw):
        return False
    text = fold(cell_text(raw)) if isinstance(raw, (str, int, float)) else ""
    if text in ("true", "yes", "1", "false", "no", "0"):
        return text in ("true", "yes", "1")
    col.add(row_no, column, f"must be true or false, got '{show(raw)}'")
    return False


def _details(col: _Collector, row_no: int, row: Mapping[str, Any], column: str,
             values: str) -> Any:
    """A pair's ``parts``/``signals`` (names -> numbers: ``values="numbers"``), ``quotes``
    (names -> texts: ``"texts"``) or ``reasons`` (a list of texts: ``"list"``); an empty one
    when it has a problem."""
    raw = row.get(column)
    empty: Any = [] if values == "list" else {}
    if is_blank(raw):
        return empty
    if not isinstance(raw, (list, tuple) if values == "list" else Mapping):
        want = "a list of texts" if values == "list" else "an object {name: value}"
        col.add(row_no, column, f"expected {want}, found {kind_of(raw)}")
        return empty
    items: Any = raw
    if len(items) > _MAX_DETAIL_ITEMS:
        col.add(row_no, column, f"{len(items)} entries, at most {_MAX_DETAIL_ITEMS}")
        return empty
    before = len(col.problems)
    if values == "list":
        texts = [_field(col, row_no, {column: v}, column) for v in items]
        return texts if len(col.problems) == before else empty
    out: dict[str, Any] = {}
    for name, value in items.items():
        if not isinstance(name, str) or len(name) > FIELD_LIMITS["title"] \
                or BAD_CHARS.search(name):
            col.add(row_no, column, f"not a name: '{show(name)}'")
        elif values == "numbers":
            # numbers as the run wrote them (not texts that read as numbers)
            if isinstance(value, (bool, str)) or number(value) is None:
                col.add(row_no, column, f"'{show(name)}' must be a number, got '{show(value)}'")
            else:
                out[name] = value
        # a quote may be all of a mentor's offers: up to a person's whole text
        elif not isinstance(value, str) or BAD_CHARS.search(value) \
                or len(value) > MAX_PERSON_CHARS:
            col.add(row_no, column, f"'{show(name)}' must be a text of at most "
                    f"{MAX_PERSON_CHARS} characters without control characters")
        else:
            out[name] = value
    return out if len(col.problems) == before else empty


def validate_pairs(
    rows: Sequence[tuple[int, Mapping[str, Any]]],
    known_ids: set[str] | None = None,
    source: str = "rows",
) -> list[Pair]:
    """Turn numbered rows into :class:`Pair` records, or raise with every problem.

    Columns: ``mentor_id``, ``mentee_id``; ``status`` (one of
    :data:`~recommender.records.PAIR_STATUSES`, default ``proposed``); ``locked`` (true or
    false); ``score`` (a number); ``parts`` and ``signals`` (names -> numbers); ``reasons``
    (texts); ``quotes`` (names -> texts); ``updated_at``; ``version`` (a whole number >= 1).

    Args:
        known_ids: the people ids a pair may name; ``None`` skips that check.
    """
    col = _Collector(source)
    pairs: list[Pair] = []
    first_row: dict[tuple[str, str], int] = {}
    for row_no, row in rows:
        before = len(col.problems)
        ids = _pair_ids(col, row_no, row, known_ids)
        pair_key = (ids["mentor_id"], ids["mentee_id"])
        if pair_key[0] and pair_key[0] == pair_key[1]:
            pass  # the same person twice: said by _pair_ids
        elif pair_key in first_row:
            col.add(row_no, "mentee_id", f"duplicate pair '{show(pair_key[0])}' -> "
                    f"'{show(pair_key[1])}' (first at row {first_row[pair_key]})")
        elif all(pair_key):
            first_row[pair_key] = row_no
        status = _field(col, row_no, row, "status") or "proposed"
        if status not in PAIR_STATUSES:
            col.add(row_no, "status", f"must be one of {', '.join(PAIR_STATUSES)}, got "
                    f"'{show(status)}'")
        score = 0.0 if is_blank(row.get("score")) else number(row.get("score"))
        if score is None:
            col.add(row_no, "score", f"not a number: '{show(row.get('score'))}'")
        pair: dict[str, Any] = {
            "locked": _flag(col, row_no, row, "locked"),
            "parts": _details(col, row_no, row, "parts", "numbers"),
            "signals": _details(col, row_no, row, "signals", "numbers"),
            "quotes": _details(col, row_no, row, "quotes", "texts"),
            "reasons": tuple(_details(col, row_no, row, "reasons", "list")),
            "updated_at": _field(col, row_no, row, "updated_at") or None,
            "version": _whole(col, row_no, row, "version", 1, 1)}
        if len(col.problems) == before:
            pairs.append(Pair(pair_key[0], pair_key[1], status, score=score or 0.0, **pair))
    col.raise_if_any()
    return pairs


def validate_segments(
    rows: Sequence[tuple[int, Mapping[str, Any]]],
    known_ids: set[str] | None = None,
    source: str = "rows",
) -> list[Segment]:
    """Turn numbered rows into :class:`Segment` records (a person's labelled sentences), or
    raise with every problem.

    Columns: ``id`` (a whole number >= 1; blank: not stored yet), ``person_id``, ``kind``
    (one of :data:`~recommender.records.SEGMENT_KINDS`), ``position`` (a whole number >= 0),
    ``text``, ``confidence`` and ``p_want`` (from 0 to 1).
    """
    col = _Collector(source)
    segments: list[Segment] = []
    first_row: dict[int, int] = {}
    for row_no, row in rows:
        before = len(col.problems)
        segment_id = _whole(col, row_no, row, "id", 1, 0)
        if segment_id in first_row:
            col.add(row_no, "id", f"duplicate id {segment_id} (first at row "
                    f"{first_row[segment_id]})")
        elif segment_id:
            first_row[segment_id] = row_no
        person = _field(col, row_no, row, "person_id")
        if not person and len(col.problems) == before:
            col.add(row_no, "person_id", "missing person_id")
        elif person and known_ids is not None and person not in known_ids:
            col.add(row_no, "person_id", f"unknown person id '{show(person)}'")
        start = len(col.problems)
        kind = _field(col, row_no, row, "kind")
        if kind not in SEGMENT_KINDS and len(col.problems) == start:
            col.add(row_no, "kind", f"must be one of {', '.join(SEGMENT_KINDS)}, got "
                    f"'{show(kind)}'")
        start = len(col.problems)
        text = _field(col, row_no, row, "text")
        if not text and len(col.problems) == start:
            col.add(row_no, "text", "empty text")
        segment = Segment(person, kind, _whole(col, row_no, row, "position", 0, 0), text,
                          _share(col, row_no, row, "confidence"),
                          _share(col, row_no, row, "p_want"), segment_id)
        if len(col.problems) == before:
            segments.append(segment)
    col.raise_if_any()
    return segments
