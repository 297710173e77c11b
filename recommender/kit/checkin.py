"""The check-in: a short feedback form per pair (a table, in English or French) whose
answers come back as session notes with their ratings, and who has not answered.

The form has one row per pair: the two ids (kept to read the answers back), the two names,
then what the pair fills in: the session's date, a rating from 1 to 5, a few words. A pair
that held several sessions copies its row. An answered row (a date, a rating or a text)
becomes a :class:`~recommender.records.SessionNote` row for the facade to validate and store
(the date written ``DD/MM/YYYY`` in the French form is read too); an answer without words
gets a text saying so, as a note needs one. The Insights tab's health reads these notes like any
other: the sessions counted, their dates and ratings.

Reading the file and checking the rows (ids known, a date, a rating 1-5, limits) is the
facade's: this module only knows the form's columns. A table without the form's id columns
or without any answer column (the people file chosen by mistake) is refused
at once, naming the columns it has, rather than read as a form nobody answered; and
:meth:`CheckinAnswers.named` writes a problem's column as the form's header (``Note (1 à
5)``, not ``rating``).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..errors import Problem, ValidationError
from ..language.formats import parse_date
from ..records import Person
from ..reports.export import neutralise

__all__ = ["CHECKIN_COLUMNS", "CHECKIN_KEYS", "CheckinAnswers", "checkin_header",
           "checkin_rows", "read_answers"]

logger = logging.getLogger(__name__)

CHECKIN_KEYS = ("mentor_id", "mentee_id", "mentor", "mentee", "date", "rating", "text")
"""What each column of the form holds, in order."""

CHECKIN_COLUMNS: dict[str, dict[str, str]] = {
    "en": {"mentor_id": "mentor_id", "mentee_id": "mentee_id", "mentor": "Mentor",
           "mentee": "Mentee", "date": "Session date (YYYY-MM-DD)", "rating": "Rating (1-5)",
           "text": "What did you talk about?"},
    "fr": {"mentor_id": "mentor_id", "mentee_id": "mentee_id", "mentor": "Mentor",
           "mentee": "Mentoré", "date": "Date de la séance (JJ/MM/AAAA)",
           "rating": "Note (1 à 5)", "text": "De quoi avez-vous parlé ?"},
}
"""The form's column headers in each language."""

_NO_WORDS = {"en": "Check-in without comment.", "fr": "Point d'étape sans commentaire."}
_ANSWERS = ("date", "rating", "text")


def checkin_header(language: str) -> list[str]:
    """The form's headers in ``language`` (English when it has none)."""
    columns = CHECKIN_COLUMNS.get(language, CHECKIN_COLUMNS["en"])
    return [columns[key] for key in CHECKIN_KEYS]


def checkin_rows(pairs: Iterable[tuple[Person, Person]], language: str
                 ) -> list[dict[str, Any]]:
    """One row per ``(mentor, mentee)``, keyed by the form's headers in ``language``, the
    answers empty."""
    columns = CHECKIN_COLUMNS.get(language, CHECKIN_COLUMNS["en"])
    return [{columns["mentor_id"]: mentor.id, columns["mentee_id"]: mentee.id,
             columns["mentor"]: mentor.name, columns["mentee"]: mentee.name,
             columns["date"]: "", columns["rating"]: "", columns["text"]: ""}
            for mentor, mentee in pairs]


@dataclass(frozen=True)
class CheckinAnswers:
    """A filled form, read.

    Attributes:
        notes: the answered rows as ``(row number, note row)`` (``mentor_id``,
            ``mentee_id``, ``date``, ``text``, ``rating``), to validate and store.
        asked: every pair the form lists, in order.
        answered: the pairs with at least one answered row.
        language: the language of the form's headers.
        headers: the file's header of each note column (``date``: ``Date de la séance
            (JJ/MM/AAAA)``), to name it in problems (:meth:`named`).
    """

    notes: tuple[tuple[int, dict[str, Any]], ...]
    asked: tuple[tuple[str, str], ...]
    answered: tuple[tuple[str, str], ...]
    language: str
    headers: Mapping[str, str] = field(default_factory=dict)

    def named(self, problems: Iterable[Problem]) -> list[Problem]:
        """``problems`` found in :attr:`notes` (by the notes' validation), their columns
        named as the form's headers, which the person who filled it in sees."""
        return [replace(p, column=self.headers[p.column])
                if p.column is not None and p.column in self.headers else p for p in problems]


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value) or \
        (isinstance(value, str) and not value.strip())


def _columns(keys: Iterable[str], key_of: Callable[[str], str]
             ) -> tuple[dict[str, str], dict[str, str], str]:
    """Which form column each of a file's (canonical) columns is, the header of each form
    column found, and the form's language (the one whose headers it has most of)."""
    keys = set(keys)
    found: dict[str, str] = {}
    headers: dict[str, str] = {}
    votes = dict.fromkeys(CHECKIN_COLUMNS, 0)
    for language, columns in CHECKIN_COLUMNS.items():
        for key, header in columns.items():
            canonical = key_of(header)
            if canonical in keys and canonical not in found:
                found[canonical] = key
                headers.setdefault(key, header)
                if header not in ("mentor_id", "mentee_id", "Mentor"):
                    votes[language] += 1
    for key in ("date", "rating", "text"):  # the notes file's own names work as well
        if key in keys and key not in found:
            found[key] = key
            headers.setdefault(key, key)
    return found, headers, max(votes, key=lambda lang: votes[lang])


def _check_form(keys: set[str], found: Mapping[str, str], source: str) -> None:
    """Refuse a table that is not a check-in form: no id column, or no answer column."""
    have = set(found.values())
    lacking = [k for k in ("mentor_id", "mentee_id") if k not in have]
    if not lacking and have & set(_ANSWERS):
        return
    what = (f"no {' and no '.join(lacking)} column" if lacking else
            "no answer column (" + ", ".join(f"'{CHECKIN_COLUMNS['en'][k]}'" for k in _ANSWERS)
            + " or their French names)")
    columns = ", ".join(sorted(keys)[:10]) + (", ..." if len(keys) > 10 else "")
    raise ValidationError([Problem(
        source, None, None,
        f"not a check-in form: {what} (columns found: {columns or 'none'}); write the form "
        "with 'tandem checkin --out' or the page's kits, and keep its header row")])


def _id(value: Any) -> str:
    """An id cell as written in the form: the ``'`` the form put before an id a
    spreadsheet would read as a formula (``-42``, ``@jdoe``) taken off again."""
    text = "" if _blank(value) else str(value).strip()
    if text.startswith("'") and neutralise(text[1:]) == text:
        return text[1:]
    return text


def _date(value: Any, language: str) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value
    parsed = parse_date(str(value).strip(), language)
    return parsed or value  # not a date: the notes' validation names the row and column


def read_answers(rows: Sequence[tuple[int, Mapping[str, Any]]],
                 key_of: Callable[[str], str], source: str = "check-in answers"
                 ) -> CheckinAnswers:
    """The answers of a filled form.

    Args:
        rows: ``(row number, row)`` as the facade's reader returns them, columns named the
            reader's canonical way.
        key_of: that canonical naming of a column header (the same function the reader
            applies), to find the form's columns in either language.
        source: the file's name, for the problem of a table that is not a form.

    Raises:
        ValidationError: the rows are not a check-in form (no ``mentor_id`` or
            ``mentee_id`` column, or no answer column), naming ``source`` and the
            columns found.
    """
    keys = {k for _, row in rows for k in row}
    columns, headers, language = _columns(keys, key_of)
    if rows:
        _check_form(keys, columns, source)
    notes: list[tuple[int, dict[str, Any]]] = []
    asked: list[tuple[str, str]] = []
    answered: list[tuple[str, str]] = []
    for row_no, raw in rows:
        row = {columns[k]: v for k, v in raw.items() if k in columns}
        pair = (_id(row.get("mentor_id")), _id(row.get("mentee_id")))
        if pair[0] and pair[1] and pair not in asked:
            asked.append(pair)
        if all(_blank(row.get(k)) for k in _ANSWERS):
            continue
        text = "" if _blank(row.get("text")) else str(row["text"]).strip()
        if not text:  # a note needs a text: a date or a rating alone says the session was held
            text = _NO_WORDS.get(language, _NO_WORDS["en"])
        notes.append((row_no, {"mentor_id": pair[0], "mentee_id": pair[1],
                               "date": "" if _blank(row.get("date"))
                               else _date(row["date"], language),
                               "text": text,
                               "rating": None if _blank(row.get("rating")) else row["rating"]}))
        if pair not in answered:
            answered.append(pair)
    logger.info("check-in: %d answer(s) from %d of %d pair(s)", len(notes), len(answered),
                len(asked))
    return CheckinAnswers(tuple(notes), tuple(asked), tuple(answered), language, headers)
