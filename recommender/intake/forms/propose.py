"""Any sign-up form -> the project's people fields: a proposal, a mapping file, mapped rows.

A programme's sign-up form (Google Forms, Microsoft Forms, any spreadsheet) asks its own
questions in its own words. This stage sits before :func:`recommender.ingest.validate_people`:

1. :func:`propose_mapping` reads the header row and the answers and proposes, for each
   column, the field it feeds (with a confidence and a reason in words), which columns are
   checkbox answers, which hold seniority categories and how many years each category is
   worth (a suggestion the coordinator confirms), and lists every column it leaves unused.
   Nothing is silent: :meth:`MappingProposal.describe` returns the lines a front end prints.
2. The coordinator confirms or edits the :class:`ColumnMapping` (a JSON file, see
   :meth:`ColumnMapping.save`), saved in the workspace and reused for the next import.
3. :func:`apply_mapping` turns the form's rows into rows with the project's field names, plus
   an :class:`ImportReport`: unused columns, generated ids and names, languages guessed from
   the texts, and every value the mapping did not know (as a
   :class:`~recommender.errors.Problem` with row and column, never dropped silently).
4. :func:`people_from_mapped` (or ``validate_people(mapped.rows)``) validates them.

Joining rules (applied by :func:`apply_mapping`):

- ``profile``, ``offers``, ``wants``: one line per column answered. With several columns,
  a free-text answer is written ``"<label>: <answer>"`` (the label is the column's header),
  so that a short answer keeps its question. Answers of checkbox columns are split into
  items (on ``;``, new lines and commas outside brackets) and written ``"item; item"``, each
  item a sentence of its own, without a label (the options name their subjects).
  ``labels[column]`` overrides the label of any column (``""``: none). Free-text answers
  are never split: only columns listed in ``checkbox`` are.
- ``languages``: every column's answers, split into names; each name goes through
  ``value_maps["languages"]``, then the built-in names in English, French, Spanish,
  Portuguese, German and Italian (``Inglés``, ``Français``, ``Português``...) to ISO 639-1
  codes. Where a row has none, they are guessed from its free-text answers
  (:mod:`recommender.langid`) and the report says so.
- ``name``: the columns' answers joined by a space (first name + last name).
- ``department``, ``role``, ``location``: distinct answers joined by ``", "``.
- every other field: the first non-empty answer.
- ``value_maps[field]`` translates whole answers first (seniority category -> years,
  ``"Les deux"`` -> ``"either"``...). A non-numeric ``years_experience`` answer that the map
  does not know is a problem of that row and column.
- ``role`` (``--role mentor|mentee``) sets ``role_preference`` of every row of the file.
- ``generate_ids``: a row without an id gets ``p-`` + 10 hex digits of the SHA-256 of its
  e-mail address (else of its name): the same person gets the same id at the next import, in
  any form. A manager given by e-mail address then gets the same kind of id. A row without a
  name gets one from the e-mail address.

Years suggested for answers (:func:`suggest_years`), all to be confirmed: a closed range
(``"3-5 years"``, ``"0-2 ans"``) gives its midpoint; an open one gives its bound
(``"10+ years"``, ``"Plus de 10 ans"`` -> 10; ``"less than 2 years"`` -> 1, half the
bound); a number of years or months gives it; known categories give a typical figure
(undergraduate 0, master's student 1, junior PhD student 2, PhD student 3, senior PhD
student 4, postdoc 6, faculty member 12, intern 0, apprentice 1, junior 2, mid-level 5,
senior 10, expert or lead 12, manager (``cadre``) 10, director 20, executive 25).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import hashlib
import json
import logging
import math
import os
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...errors import Problem, ValidationError
from ...language.langid import DEFAULT_CANDIDATES, LangidGuesser, LanguageGuesser
from ...language.text import fold, words
from ...records import ROLE_PREFERENCES, Person
from ..validate import (
    _PEOPLE_ALIASES,
    PEOPLE_COLUMNS,
    canonical_column,
    read_table,
    rows_from,
    validate_people,
)

__all__ = [
    "FIELDS",
    "MAPPING_VERSION",
    "ColumnMapping",
    "ColumnProposal",
    "ImportReport",
    "MappedRows",
    "MappingProposal",
    "PeopleRows",
    "ValueSuggestion",
    "apply_mapping",
    "form_key",
    "header_of",
    "language_code",
    "missing_fields",
    "people_from_mapped",
    "people_rows",
    "propose_mapping",
    "read_form",
    "split_items",
    "suggest_years",
]

logger = logging.getLogger(__name__)

MAPPING_VERSION = 1
"""Version of the mapping file format written by :meth:`ColumnMapping.to_json`."""

FIELDS: tuple[str, ...] = tuple(PEOPLE_COLUMNS)
"""The project's people fields a column can feed, in display order."""

TEXT_FIELDS = ("profile", "offers", "wants")
MULTI_FIELDS = frozenset({*TEXT_FIELDS, "languages"})  # several columns are expected
JOINED_FIELDS = frozenset({"department", "role", "location"})
SINGLE_FIELDS = frozenset(FIELDS) - MULTI_FIELDS - JOINED_FIELDS - {"name"}

_ROLES = (*ROLE_PREFERENCES,)
_KEYS = ("version", "role", "generate_ids", "detect_languages", "candidate_languages",
         "fields", "checkbox", "labels", "value_maps", "ignored")

MIN_CONFIDENCE = 0.5
"""A column is proposed for a field from this confidence on."""

HINT_CONFIDENCE = 0.3
"""Below :data:`MIN_CONFIDENCE` but from this on, an unused column gets a 'looks like' warning."""

_WATCHED = frozenset({"id", "name", "email", "languages", "manager_id", "years_experience",
                      "role_preference", "capacity"})

# --------------------------------------------------------------------------- languages
_LANGUAGE_WORDS: dict[str, tuple[str, ...]] = {
    # folded (lower case, no accents) names in English, French, Spanish, Portuguese, German,
    # Italian, plus the language's own name
    "en": ("english", "anglais", "ingles", "englisch", "inglese", "eng"),
    "fr": ("french", "francais", "frances", "franzosisch", "francese", "fra", "fre"),
    "es": ("spanish", "espagnol", "espanol", "castellano", "castillan", "espanhol",
           "spanisch", "spagnolo", "castelhano"),
    "pt": ("portuguese", "portugais", "portugues", "portugiesisch", "portoghese"),
    "de": ("german", "allemand", "aleman", "alemao", "deutsch", "tedesco"),
    "it": ("italian", "italien", "italiano", "italienisch"),
    "nl": ("dutch", "neerlandais", "hollandais", "holandes", "neerlandes", "nederlands",
           "niederlandisch", "olandese"),
    "ar": ("arabic", "arabe", "arabisch", "arabo"),
    "zh": ("chinese", "chinois", "chino", "chines", "chinesisch", "cinese", "mandarin",
           "mandarim"),
    "ja": ("japanese", "japonais", "japones", "japanisch", "giapponese"),
    "ko": ("korean", "coreen", "coreano", "koreanisch"),
    "ru": ("russian", "russe", "ruso", "russo", "russisch"),
    "pl": ("polish", "polonais", "polaco", "polones", "polnisch", "polacco"),
    "tr": ("turkish", "turc", "turco", "turkisch"),
    "ca": ("catalan", "catala", "catalao", "katalanisch", "catalano"),
    "gl": ("galician", "galicien", "gallego", "galego"),
    "eu": ("basque", "euskara", "vasco", "baskisch"),
    "el": ("greek", "grec", "griego", "grego", "griechisch", "greco"),
    "ro": ("romanian", "roumain", "rumano", "romeno", "rumanisch"),
    "sv": ("swedish", "suedois", "sueco", "schwedisch", "svedese"),
    "uk": ("ukrainian", "ukrainien", "ucraniano", "ukrainisch", "ucraino"),
    "he": ("hebrew", "hebreu", "hebreo", "hebraisch", "ebraico"),
    "fa": ("persian", "persan", "farsi", "persa"),
    "hi": ("hindi",),
    "vi": ("vietnamese", "vietnamien", "vietnamita"),
    "qu": ("quechua",),
    "gn": ("guarani",),
}
_LANGUAGE_BY_WORD = {w: code for code, names in _LANGUAGE_WORDS.items() for w in names}
_LANGUAGE_CODES = frozenset(_LANGUAGE_WORDS)
# Words around a language name that say nothing more (levels, "native", "and"...).
_LANGUAGE_FILLERS = frozenset(
    "and et y e und ed or ou o native natif native_speaker maternelle langue language idioma "
    "lingua fluent courant fluido fluente fluente basic basique basico intermediate "
    "intermediaire intermedio advanced avance avanzado avancado level niveau nivel good bon "
    "bonne bueno bom notions some un peu little speaker mother tongue c1 c2 b1 b2 a1 a2 "
    "brazilian bresilien brasileno brasileiro european british american mexican".split()
)
_LANGUAGE_SPLIT = re.compile(r"[,;/|\n&+]+|\s+(?:and|et|y|e|und|ed|or|ou|o)\s+", re.IGNORECASE)


def language_code(name: str) -> str | None:
    """The ISO 639-1 code of a language name in EN/FR/ES/PT/DE/IT, or of a code.

    ``"Inglés"``, ``"Anglais"``, ``"english"``, ``"EN"`` -> ``"en"``; ``"Português"`` ->
    ``"pt"``; ``None`` when unknown.
    """
    key = fold(name).strip()
    if key in _LANGUAGE_CODES:
        return key
    return _LANGUAGE_BY_WORD.get(key)


def _language_codes(answer: str) -> tuple[list[str], list[str]]:
    """Codes found in one answer, and the parts naming no language (unknown)."""
    codes: list[str] = []
    unknown: list[str] = []
    for part in _LANGUAGE_SPLIT.split(_drop_brackets(answer)):
        part = part.strip(" .:-–")
        if not part:
            continue
        # a part may be a code ("EN"), else the names among its words count ("Inglés
        # avanzado"); a two-letter word inside a phrase is never taken for a code ("de").
        code = language_code(part)
        found = [code] if code else [c for c in (_LANGUAGE_BY_WORD.get(w) for w in
                                                 words(fold(part))) if c]
        if not found:
            if not set(fold(part).split()) <= _LANGUAGE_FILLERS:
                unknown.append(part)
            continue
        codes.extend(c for c in found if c not in codes)
    return codes, unknown


def _drop_brackets(text: str) -> str:
    return re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text)


# --------------------------------------------------------------------------- values
def _blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _text(value: Any) -> str:
    if _blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _value_key(value: Any) -> str:
    """How answers are compared with value-map keys: folded, single spaces."""
    return " ".join(fold(_text(value)).split())


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return None if math.isnan(float(value)) else float(value)
    text = re.sub(r"[\s\u202f\u00a0]", "", _text(value)).replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def split_items(answer: Any) -> list[str]:
    """Split a checkbox answer into its items.

    Google Forms joins the ticked options with ``", "``, Microsoft Forms with ``";"``;
    new lines separate items too. Commas inside brackets do not split
    (``"Junior Ph.D. Student (1st, 2nd year)"`` stays whole).
    """
    text = _text(answer)
    items: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if ch in ";\n" or (ch == "," and depth == 0):
            items.append("".join(current))
            current = []
            continue
        current.append(ch)
    items.append("".join(current))
    out: list[str] = []
    for item in (i.strip() for i in items):
        if item and item not in out:
            out.append(item)
    return out


_RANGE = re.compile(
    r"(?<![\d.])(\d+(?:[.,]\d+)?)\s*(?:-|–|—|à|a|to|y|e|bis|until|hasta|ate|até)\s*"
    r"(\d+(?:[.,]\d+)?)(?![\d.])")
_OPEN_UP = re.compile(
    r"(?:plus de|more than|over|above|au[- ]dela de|mais de|mas de|más de|\+|>|>=|≥)\s*"
    r"(\d+(?:[.,]\d+)?)|(\d+(?:[.,]\d+)?)\s*(?:\+|ans? (?:et|ou) plus|years? (?:and|or) more|"
    r"or more|and more|et plus|ou plus|y mas|ou mais|e mais)")
_OPEN_DOWN = re.compile(
    r"(?:moins de|less than|under|below|menos de|<|<=|≤)\s*(\d+(?:[.,]\d+)?)")
_SINGLE = re.compile(r"^(?:about |environ |~)?(\d+(?:[.,]\d+)?)\s*"
                     r"(ans?|annees?|years?|yrs?|anos?|jahre?|anni|mois|months?|meses)?$")

# (pattern on the folded answer, years, what it is); the first that matches wins.
_CATEGORIES: tuple[tuple[str, float, str], ...] = (
    (r"\bsenior\b.*\b(ph ?d|doctora|doutora)|(ph ?d|doctora|doutora).*\b(3rd|third|3e|3eme|"
     r"troisieme|4th|final|last)\b", 4, "a senior PhD student"),
    (r"\bjunior\b.*\b(ph ?d|doctora|doutora)|(ph ?d|doctora|doutora).*\b(1st|first|2nd|second|"
     r"1re|1ere|2e|2eme|premiere|deuxieme)\b", 2, "a junior PhD student"),
    (r"post ?-?doc|postdoctora|pos ?-?doutora|pos ?-?doc", 6, "a postdoc"),
    (r"\bph ?d\b|doctoran|doctorad|doutorand|doutorad|doctoral|\bthese\b|\btesis\b",
     3, "a PhD student"),
    (r"\bfaculty\b|professor|professeur|profesor|lecturer|maitre de conferences|\bdocente\b|"
     r"enseignant.chercheur|tenure", 12, "a faculty member"),
    (r"master|\bmsc\b|maestria|mestrad|\bm1\b|\bm2\b", 1, "a master's student"),
    (r"undergrad|bachelor|licence|\bbsc\b|pregrado|\bgrado\b|graduacao|graduando|"
     r"licenciatura", 0, "an undergraduate student"),
    (r"stagiaire|\bintern\b|internship|\bstage\b|estagiari|becari|pasante", 0, "an intern"),
    (r"alternan|apprenti|apprentice|work.study|aprendiz", 1, "an apprentice"),
    (r"executive|\bceo\b|\bcto\b|\bvp\b|vice.president|c.level|directeur general|comex|"
     r"director general|diretor geral", 25, "an executive"),
    (r"director|directeur|directrice|directora|diretor|\bhead of\b", 20, "a director"),
    (r"\bcadre\b|manager|gestionnaire|gerente|encadrant", 10, "a manager"),
    (r"expert|\blead\b|principal|staff", 12, "an expert or lead"),
    (r"\bsenior\b|\bsr\b|experimente|experiente|confirme", 10, "a senior"),
    (r"intermediate|mid.level|intermediaire|\bmedio\b|pleno", 5, "mid-level staff"),
    (r"\bjunior\b|\bjr\b|debutant|beginner|principiante|iniciante|early career|"
     r"jeune diplome|new graduate|recien", 2, "a junior"),
)


def suggest_years(answer: Any) -> tuple[float, str] | None:
    """A suggested number of years of experience for a seniority answer, with its reason.

    See the module docstring for the rules. ``None`` when nothing is recognised.

    >>> suggest_years("3-5 ans")
    (4.0, 'midpoint of the range 3-5')
    """
    text = " ".join(fold(_text(answer)).split())
    if not text:
        return None
    number = _number(text)
    if number is not None:
        return number, "a number of years"
    months = "mois" in text or "month" in text or "meses" in text
    if (m := _RANGE.search(text)) and not months:
        low, high = (float(g.replace(",", ".")) for g in m.groups())
        if low <= high:
            return (low + high) / 2, f"midpoint of the range {m.group(1)}-{m.group(2)}"
    if m := _OPEN_DOWN.search(text):
        bound = float(m.group(1).replace(",", "."))
        bound = bound / 12 if months else bound
        return round(bound / 2, 2), f"half of the upper bound {m.group(1)}"
    if m := _OPEN_UP.search(text):
        bound = float((m.group(1) or m.group(2)).replace(",", "."))
        bound = bound / 12 if months else bound
        return bound, f"lower bound of the open range {m.group(0).strip()}"
    if m := _SINGLE.match(text):
        value = float(m.group(1).replace(",", "."))
        unit = m.group(2) or ""
        if unit.startswith(("mois", "month", "mes")):
            return round(value / 12, 2), f"{m.group(1)} months"
        return value, f"{m.group(1)} years"
    plain = text.replace(".", "")  # "Ph.D." -> "phd"
    for pattern, years, label in _CATEGORIES:
        if re.search(pattern, plain):
            return float(years), f"typical for {label}"
    return None


_MENTEE_WORDS = frozenset("mentee mentees mentore mentoree mentorado mentorada mentorados "
                          "mentoreado mentoreada aprendiz filleul filleule".split())
_MENTOR_WORDS = frozenset("mentor mentors mentora mentoras tuteur tutrice tutor tutora "
                          "marraine parrain".split())
_EITHER_WORDS = frozenset("both either any deux ambos ambas indifferent indiferente "
                          "peu importe".split())


def _suggest_role(answer: Any) -> tuple[str, str] | None:
    tokens = set(words(fold(_text(answer))))
    mentee = bool(tokens & _MENTEE_WORDS)
    mentor = bool(tokens & _MENTOR_WORDS)
    if tokens & _EITHER_WORDS or (mentee and mentor):
        return "either", "names both roles"
    if mentee:
        return "mentee", "names the mentee role"
    if mentor:
        return "mentor", "names the mentor role"
    return None


def _suggest_capacity(answer: Any) -> tuple[int, str] | None:
    if m := re.search(r"\d+", _text(answer)):
        return int(m.group(0)), "the number in the answer"
    return None


# --------------------------------------------------------------------------- the mapping
def _problem(source: str, column: str | None, message: str) -> Problem:
    return Problem(source, None, column, message)


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
            ValidationError: the text is not JSON, or not a valid mapping.
        """
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValidationError([_problem(
                source, None, f"not a JSON file (line {exc.lineno}, column {exc.colno}: "
                f"{exc.msg})")]) from None
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

        Raises:
            ValidationError: the file is missing, unreadable or not a valid mapping (each
                problem names the file and the key).
        """
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise ValidationError([_problem(path.name, None, "mapping file not found")]) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ValidationError([_problem(path.name, None,
                                            f"unreadable mapping file ({exc})")]) from None
        return cls.from_json(text, source=path.name)


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
            out.append(_problem(source, key, f"unknown key '{key}'{_nearest(key, _KEYS)}"))
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
                                    f"of column names, got {json.dumps(columns)}"))
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
            out.append(_problem(source, key, f"must be true or false, got {json.dumps(data[key])}"))
    if "role" in data and data["role"] is not None and not isinstance(data["role"], str):
        out.append(_problem(source, "role", "must be mentor, mentee, either or null"))
    return out


def _check_mapping(mapping: ColumnMapping, source: str) -> list[Problem]:
    """Problems of a mapping's content: unknown fields, clashes, values of the value maps."""
    out: list[Problem] = []
    for name in mapping.fields:
        if name not in FIELDS:
            out.append(_problem(source, f"fields.{name}", f"unknown field '{name}'"
                                f"{_nearest(name, FIELDS)}; fields are {', '.join(FIELDS)}"))
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
    if mapping.role is not None and mapping.role not in _ROLES:
        out.append(_problem(source, "role", f"must be one of {', '.join(_ROLES)} or null, "
                            f"got '{mapping.role}'"))
    for code in mapping.candidate_languages:
        if not re.fullmatch(r"[a-z]{2}", code):
            out.append(_problem(source, "candidate_languages",
                                f"'{code}' is not a two-letter language code"))
    for name, table in mapping.value_maps.items():
        where = f"value_maps.{name}"
        if name not in FIELDS:
            out.append(_problem(source, where, f"unknown field '{name}'{_nearest(name, FIELDS)}"))
            continue
        for answer, value in table.items():
            message = _bad_value(name, value)
            if message:
                out.append(_problem(source, where, f"'{answer}': {message}"))
    return out


def _bad_value(name: str, value: Any) -> str | None:
    """Why ``value`` cannot be a value-map target for field ``name`` (None: it can)."""
    if name == "years_experience":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 70:
            return f"years must be a number from 0 to 70, got {json.dumps(value)}"
    elif name == "capacity":
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 20:
            return f"capacity must be a whole number from 0 to 20, got {json.dumps(value)}"
    elif name == "languages":
        codes = value if isinstance(value, list) else [value]
        if not all(isinstance(c, str) and re.fullmatch(r"([a-z]{2})?", c) for c in codes):
            return (f"must be a two-letter code like \"es\" (or \"\" to ignore the answer), "
                    f"got {json.dumps(value)}")
    elif name == "role_preference":
        if value not in _ROLES:
            return f"must be one of {', '.join(_ROLES)}, got {json.dumps(value)}"
    elif not isinstance(value, (str, int, float)) or isinstance(value, bool):
        return f"must be text or a number, got {json.dumps(value)}"
    return None


# --------------------------------------------------------------------------- header rules
# (regex on the folded header words, field, weight). "_meta": form metadata to ignore;
# "_topics": subjects of interest, to offers for mentors, wants for mentees, else profile.
_RULES: tuple[tuple[str, str, float], ...] = (
    (r"\btimestamp\b|horodat|marca temporal|carimbo|\bstart time\b|\bcompletion time\b|"
     r"heure de debut|heure de fin|last modified|derniere modification|submitted at|"
     r"date de soumission|hora de inicio|hora de finalizacion|\btotal points\b|"
     r"\bquiz feedback\b", "_meta", 1.0),
    (r"\bemployee (id|number)\b|\bidentifiant\b|\bmatricule\b|\bstaff (id|number)\b|"
     r"numero d employe", "id", 0.95),
    (r"\bid\b", "id", 0.7),
    (r"\bfull name\b|nom et prenom|nom prenom|prenom et nom|nom complet|nombre completo|"
     r"nome completo|\byour name\b|votre nom|\bnombre y apellido", "name", 0.95),
    (r"\bfirst name\b|\blast name\b|\bsurname\b|\bprenom\b|nom de famille|\bapellidos?\b|"
     r"\bsobrenome\b|\bgiven name\b|\bfamily name\b", "name", 0.9),
    (r"\bname\b|\bnom\b|\bnome\b", "name", 0.75),
    (r"\bnombre\b(?! d)", "name", 0.6),
    (r"\be ?mail\b|\bcourriel\b|messagerie|\bcorreo\b|\bmail\b", "email", 0.95),
    (r"years? of (professional |work )?experience|annees d experience|nombre d annees|"
     r"anos de experiencia|\bseniority\b|\banciennete\b|\bcareer stage\b|"
     r"depuis combien|how long have you", "years_experience", 0.95),
    (r"\byears\b|\bannees\b|\bexperience level\b|niveau d experience|\bstatut\b|"
     r"academic (level|status|position)|current (position|status|stage)|"
     r"\bposicion actual\b|\bcargo atual\b", "years_experience", 0.65),
    (r"\bdepartment\b|\bdepartement\b|\bdepartamento\b|\bservice\b|\bdirection\b|"
     r"\bfaculty\b|\bfaculte\b|\bfacultad\b|\bteam\b|\bequipe\b|\baffiliation\b|"
     r"\binstitution\b|\buniversity\b|\buniversite\b|\buniversidad\b|\buniversidade\b|"
     r"\bcompany\b|\bentreprise\b|\bemployer\b|\bemployeur\b|\bempresa\b|\blab(oratory)?\b|"
     r"\blaboratoire\b", "department", 0.85),
    (r"\bjob title\b|\bposte\b|\bfonction\b|\bintitule\b|\boccupation\b|\bprofession\b|"
     r"\bmetier\b|\bcargo\b|\bpuesto\b|\bposition\b|\bjob\b", "role", 0.7),
    (r"\blocation\b|\bcity\b|\bville\b|\bcountry\b|\bpays\b|\bpais\b|\bciudad\b|\bcidade\b|"
     r"\bsite\b|\blieu\b|\blocalisation\b|based in|where are you based|ou etes vous|"
     r"\bregion\b", "location", 0.85),
    (r"\blanguages?\b|\blangues?\b|\bidiomas?\b|\blinguas?\b|\blenguas?\b|\bsprachen?\b",
     "languages", 0.95),
    (r"\bspeak\b|\bparlez\b|\bhablas?\b|\bfala\b", "languages", 0.7),
    (r"nationalit|citizenship|citoyennete|nacionalidad|country of (origin|birth)|"
     r"pays d origine|pays de naissance", "_nationality", 0.9),
    (r"about (you|yourself)|\bbio\b|\bbiography\b|\bprofile?\b|presentez vous|presentation|"
     r"\bparcours\b|\bbackground\b|describe yourself|decrivez vous|tell us|\bmotivation\b|"
     r"why do you want|pourquoi souhaitez|sobre (ti|voce|usted)", "profile", 0.8),
    (r"\boffer\b|\boffrir\b|\bapporter\b|\bshare\b|\bpartager\b|help (with|others|a mentee)|"
     r"\bexpertise\b|\bstrengths?\b|points forts|\bteach\b|\benseigner\b|\bofrecer\b|"
     r"\boferecer\b|\bcompartir\b|\bcompartilhar\b|can you bring|pouvez vous aider|"
     r"\bsavoir faire\b", "offers", 0.85),
    (r"\blearn\b|\bapprendre\b|\baprender\b|\bdevelop\b|\bdevelopper\b|\bdesarrollar\b|"
     r"\bdesenvolver\b|\bimprove\b|\bameliorer\b|\bmejorar\b|\bmelhorar\b|\bgoals?\b|"
     r"\bobjectifs?\b|\bobjetivos?\b|\bexpect|\battentes?\b|\bexpectativas?\b|\bhope\b|"
     r"\bneeds?\b|\bbesoins?\b|looking for|\bcherchez\b|\bwish|\bsouhaits?\b|\bwant\b|"
     r"\bprogresser\b|\bgrow\b", "wants", 0.85),
    (r"research (areas?|interests?|topics?|fields?)|fields? of (interest|research|study)|"
     r"areas? of (interest|research|expertise)|\btopics?\b|\bthemes?\b|\bthematiques?\b|"
     r"\bsujets?\b|domaines?|centres? d interet|\binterests?\b|areas? de (investigacion|"
     r"interes|pesquisa)|\btemas?\b|\bdisciplines?\b", "_topics", 0.8),
    (r"mentor or (a )?mentee|mentor ou mentore|role preference|preferred role|"
     r"would you like to be|souhaitez vous etre|participate as|participer en tant que|"
     r"\brole souhaite\b|participar como", "role_preference", 0.95),
    (r"how many mentees|combien de (mentores|personnes|binomes)|\bcapacity\b|\bcapacite\b|"
     r"number of mentees|max(imum)? (number of )?mentees|cuantos|quantos", "capacity", 0.95),
    (r"\bmanager\b|\bresponsable\b|\bsupervisor\b|\bsuperieur\b|\badvisor\b|\bn 1\b|"
     r"directeur de these|directrice de these|\bjefe\b|\bchefe\b|\bgestor\b",
     "manager_id", 0.8),
)
_COMPILED_RULES = tuple((re.compile(p), f, w) for p, f, w in _RULES)

# Form wordings seen in the wild (EN / FR), for fuzzy matching of whole headers.
_WORDINGS: dict[str, tuple[str, ...]] = {
    "_meta": ("Timestamp", "Horodateur", "Start time", "Completion time", "Heure de début",
              "Heure de fin", "Last modified time", "Heure de la dernière modification"),
    "name": ("Full name", "Name", "Nom et prénom", "Nom", "Your name", "Prénom Nom"),
    "email": ("Email Address", "Adresse e-mail", "Adresse de messagerie", "Email", "Courriel"),
    "years_experience": ("Years of experience", "Nombre d'années d'expérience",
                         "How many years of experience do you have?",
                         "What is your current position?", "Career stage", "Ancienneté"),
    "department": ("Department / Faculty", "Department", "Service / Direction", "Institution",
                   "Affiliation"),
    "role": ("Job title", "Poste occupé", "Intitulé de poste", "Current job"),
    "location": ("Country of residence", "City", "Ville", "Pays de résidence", "Site"),
    "languages": ("Which languages do you speak?", "Langues parlées",
                  "Languages spoken", "Quelles langues parlez-vous ?",
                  "In which languages can you do the mentoring?"),
    "profile": ("Tell us about yourself", "Présentez-vous en quelques lignes", "Short bio",
                "Why do you want to join the programme?"),
    "offers": ("What can you offer a mentee?", "What can you offer?",
               "Que pouvez-vous apporter ?", "Que pouvez-vous partager ?",
               "Areas where you can help"),
    "wants": ("What skills would you like to develop?", "Que souhaitez-vous apprendre ?",
              "What do you want to learn?", "Career goals", "What are your expectations?",
              "Quelles compétences souhaitez-vous développer ?"),
    "_topics": ("Research areas", "Fields of interest", "Domaines de recherche",
                "Thématiques qui vous intéressent"),
    "role_preference": ("Would you like to be a mentor or a mentee?",
                        "Souhaitez-vous être mentor ou mentoré ?"),
    "capacity": ("How many mentees can you take?", "Combien de mentorés pouvez-vous suivre ?"),
    "manager_id": ("Manager", "Responsable hiérarchique", "Your manager's email"),
}


def _header_words(column: str) -> str:
    return canonical_column(column).replace("_", " ")


def _header_scores(column: str) -> dict[str, tuple[float, str]]:
    """Score of each field (and _meta, _topics) for a header alone, with a reason."""
    text = _header_words(column)
    scores: dict[str, tuple[float, str]] = {}

    def offer(name: str, score: float, reason: str) -> None:
        if score > scores.get(name, (0.0, ""))[0]:
            scores[name] = (score, reason)

    canonical = canonical_column(column)
    if canonical in FIELDS:
        offer(canonical, 1.0, "the header is the field's name")
    elif canonical in _PEOPLE_ALIASES:
        offer(_PEOPLE_ALIASES[canonical], 0.95, f"'{column}' is a known name of this field")
    hits: dict[str, list[tuple[float, str]]] = {}
    for regex, name, weight in _COMPILED_RULES:
        found = regex.search(text)
        if found:
            hits.setdefault(name, []).append((weight, found.group(0)))
    for name, matched in hits.items():
        matched.sort(reverse=True)
        score = min(1.0, matched[0][0] + 0.05 * (len(matched) - 1))
        words_found = ", ".join(f"'{w}'" for _, w in matched[:3])
        offer(name, score, f"the header mentions {words_found}")
    for name, wordings in _WORDINGS.items():
        for wording in wordings:
            ratio = difflib.SequenceMatcher(None, text, _header_words(wording)).ratio()
            if ratio >= 0.8:
                offer(name, round(0.95 * ratio, 2), f"close to the form wording '{wording}' "
                      f"({ratio:.0%} alike)")
    return scores


# --------------------------------------------------------------------------- answers
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_DATETIME = re.compile(
    r"^\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\s*"
    r"(?:[ap]\.?m\.?)?\s*(?:gmt|utc)?[+\-]?[\d:]*)?$", re.IGNORECASE)


@dataclass(frozen=True)
class _Answers:
    """What a column's answers look like."""

    count: int  # non-empty answers
    rows: int
    distinct: tuple[str, ...]
    kind: str
    mean_words: float
    language_share: float
    checkbox: bool
    years: tuple[tuple[str, tuple[float, str] | None], ...] = ()
    roles: tuple[tuple[str, tuple[str, str] | None], ...] = ()

    @property
    def years_share(self) -> float:
        return sum(1 for _, s in self.years if s) / len(self.years) if self.years else 0.0


def _looks_checkbox(values: Sequence[str]) -> bool:
    """Answers made of ticked options: several items per answer, items repeated across rows."""
    split = [split_items(v) for v in values]
    multi = sum(1 for items in split if len(items) >= 2)
    if not values or multi < max(1, 0.2 * len(values)):
        return False
    counts = Counter(item.casefold() for items in split for item in items)
    total = sum(counts.values())
    repeated = sum(c for c in counts.values() if c >= 2)
    mean_words = sum(len(i.split()) * c for i, c in counts.items()) / total
    return repeated / total >= 0.5 and mean_words <= 6


def _analyse(cells: Sequence[Any]) -> _Answers:
    values = [v for v in cells if not _blank(v)]
    texts = [_text(v) for v in values]
    distinct = tuple(dict.fromkeys(texts))
    n = len(texts)
    if not n:
        return _Answers(0, len(cells), (), "empty", 0.0, 0.0, False)
    mean_words = sum(len(t.split()) for t in texts) / n
    codes = unknown = 0
    for t in texts:
        found, missing = _language_codes(t)
        codes += bool(found)
        unknown += len(missing)
    language_share = codes / n if not unknown else codes / (n + unknown)
    checkbox = _looks_checkbox(texts)
    numbers = [_number(v) for v in values]
    kind = "text" if mean_words >= 6 else "short"
    if all(isinstance(v, (dt.date, dt.datetime, dt.time)) or _DATETIME.match(t)
           for v, t in zip(values, texts, strict=True)):
        kind = "date"
    elif all(x is not None for x in numbers):
        ints = [x for x in numbers if x is not None]
        kind = "sequence" if sorted(ints) == [float(i) for i in range(1, n + 1)] and n > 1 \
            else "number"
    elif sum(bool(_EMAIL.fullmatch(t)) for t in texts) >= 0.7 * n:
        kind = "email"
    elif checkbox:
        kind = "checkbox"
    elif language_share >= 0.6:
        kind = "languages"
    elif len(distinct) <= 12 and len(distinct) <= 0.7 * n and mean_words <= 12:
        kind = "category"
    years = tuple((d, suggest_years(d)) for d in distinct) if kind in (
        "category", "short", "number") else ()
    roles = tuple((d, _suggest_role(d)) for d in distinct) if kind in ("category", "short") \
        else ()
    return _Answers(n, len(cells), distinct, kind, mean_words, language_share, checkbox,
                    years, roles)


def _seniority(answers: _Answers) -> bool:
    """Categories or ranges that say how experienced someone is."""
    if answers.kind not in ("category", "short") or not answers.years:
        return False
    ranges = all(s is not None and not s[1].startswith("typical") for _, s in answers.years)
    return answers.years_share >= 0.6 and (answers.kind == "category" or ranges)


def _with_answers(scores: dict[str, tuple[float, str]], answers: _Answers,
                  meta_present: bool, canonical: str) -> dict[str, tuple[float, str]]:
    """Adjust header scores with what the answers look like."""
    out = dict(scores)

    def put(name: str, score: float, reason: str) -> None:
        old = out.get(name)
        if old is None or score > old[0]:
            joined = f"{reason}; {old[1]}" if old else reason
            out[name] = (min(score, 1.0), joined)

    def cap(name: str, score: float, why: str) -> None:
        if name in out and out[name][0] > score:
            out[name] = (score, f"{out[name][1]}, but {why}")

    kind = answers.kind
    if answers.rows == 0:  # a header without rows: the header alone decides
        return out
    if kind == "empty":
        for name in list(out):
            if not name.startswith("_"):
                cap(name, min(out[name][0], 0.45), "no row answers it")
        return out
    if kind == "date":
        put("_meta", 0.9, "the answers are dates and times")
    if kind == "sequence" and canonical == "id" and meta_present:
        out.pop("id", None)
        put("_meta", 0.95, "the answers are a response number (1, 2, 3...) that restarts in "
            "every form, so it cannot identify a person")
    if kind == "email" and out.get("manager_id", (0.0, ""))[0] >= 0.7:
        put("manager_id", 0.97, "the header names a manager and the answers are e-mail "
            "addresses (the manager's)")
    elif kind == "email":
        put("email", max(out.get("email", (0.0, ""))[0], 0.9), "the answers are e-mail addresses")
    else:
        cap("email", 0.35, "the answers are not e-mail addresses")
    if kind == "languages" or answers.language_share >= 0.6:
        header_says = out.get("languages", (0.0, ""))[0]
        put("languages", max(header_says, 0.85 if header_says >= 0.5 else 0.6),
            f"{answers.language_share:.0%} of the answers name languages")
        if "_nationality" in out:
            cap("languages", 0.35, "the header asks for a nationality")
    elif "languages" in out:
        cap("languages", 0.4, f"only {answers.language_share:.0%} of the answers name "
            "languages")
    if _seniority(answers):
        share = answers.years_share
        put("years_experience", max(out.get("years_experience", (0.0, ""))[0] + 0.1, 0.85),
            f"the answers are {len(answers.distinct)} seniority categories or ranges "
            f"({share:.0%} recognised)")
        cap("role", 0.45, "its answers are seniority categories")
        cap("name", 0.3, "its answers are categories")
    elif "years_experience" in out and kind not in ("number", "category", "short"):
        cap("years_experience", 0.4, "the answers are neither numbers nor categories")
    if "years_experience" in out and kind == "number":
        put("years_experience", out["years_experience"][0] + 0.05, "the answers are numbers")
    if kind in ("text", "checkbox"):
        for name in ("name", "id", "years_experience", "capacity"):
            cap(name, 0.3, "the answers are free text")
    if kind in ("number", "sequence", "date"):
        for name in (*TEXT_FIELDS, "_topics", "name", "languages"):
            cap(name, 0.3, f"the answers are {'dates' if kind == 'date' else 'numbers'}")
    roles = [r for _, r in answers.roles if r]
    if answers.roles and len(roles) >= 0.8 * len(answers.roles):
        put("role_preference", max(out.get("role_preference", (0.0, ""))[0], 0.8),
            "the answers name the mentor and mentee roles")
    return out


# --------------------------------------------------------------------------- proposal
@dataclass(frozen=True)
class ValueSuggestion:
    """A suggested value for one distinct answer (years for a seniority category...).

    ``target`` is None when nothing could be suggested: the coordinator must give one.
    """

    answer: str
    target: Any
    reason: str


@dataclass(frozen=True)
class ColumnProposal:
    """What the proposal does with one column of the form, and why.

    Attributes:
        column: the header as given.
        field: the field it feeds, or None (ignored or not used).
        confidence: 0 to 1, how sure the proposal is.
        reason: why, in words.
        kind: what the answers look like: text, short, checkbox, category, number,
            sequence, date, email, languages or empty.
        ignored: form metadata (timestamps, response numbers), deliberately left out.
        values: value-map suggestions for its distinct answers (seniority -> years...).
    """

    column: str
    field: str | None
    confidence: float
    reason: str
    kind: str
    ignored: bool = False
    values: tuple[ValueSuggestion, ...] = ()


@dataclass(frozen=True)
class MappingProposal:
    """A proposed :class:`ColumnMapping`, every column's fate, and what to check."""

    mapping: ColumnMapping
    columns: tuple[ColumnProposal, ...]
    warnings: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def unused(self) -> tuple[str, ...]:
        """Columns neither mapped nor deliberately ignored."""
        return tuple(c.column for c in self.columns if c.field is None and not c.ignored)

    def column(self, name: str) -> ColumnProposal:
        """The proposal for one column (header as given, or its folded form).

        Raises:
            KeyError: no such column.
        """
        key = canonical_column(name)
        for proposal in self.columns:
            if canonical_column(proposal.column) == key:
                return proposal
        raise KeyError(name)

    def describe(self) -> list[str]:
        """Lines a front end prints: every column and what it maps to, then warnings."""
        mapped = sum(1 for c in self.columns if c.field)
        role = self.mapping.role or "from the answers"
        lines = [f"Proposed mapping of {len(self.columns)} columns: {mapped} used, "
                 f"{sum(c.ignored for c in self.columns)} ignored, {len(self.unused)} not used "
                 f"(role of every row: {role})."]
        for c in self.columns:
            if c.field:
                extra = " (checkbox: answers split into items)" \
                    if self.mapping.is_checkbox(c.column) else ""
                lines.append(f"  '{c.column}' -> {c.field}{extra} [{c.confidence:.0%}]: "
                             f"{c.reason}")
            elif c.ignored:
                lines.append(f"  '{c.column}' -> ignored: {c.reason}")
            else:
                lines.append(f"  '{c.column}' -> not used: {c.reason}")
            for v in c.values:
                if v.target is None:
                    lines.append(f"      '{v.answer}' -> ? (no suggestion: {v.reason})")
                else:
                    lines.append(f"      '{v.answer}' -> {v.target} (suggested: {v.reason})")
        if any(c.values for c in self.columns):
            lines.append("Suggested values are guesses: confirm or edit them under "
                         "value_maps in the mapping file.")
        lines.extend(f"Note: {n}" for n in self.notes)
        lines.extend(f"Warning: {w}" for w in self.warnings)
        return lines


def form_key(header: Iterable[str]) -> str:
    """A short key naming a form by its columns, to keep one mapping file per form.

    The same form exported again (any order of columns, any case or accents) has the same
    key, so the workspace can find the mapping confirmed for it last time.
    """
    columns = sorted({canonical_column(h) for h in header if str(h).strip()})
    return hashlib.sha256("\n".join(columns).encode("utf-8")).hexdigest()[:16]


def missing_fields(header: Iterable[str]) -> list[str]:
    """Required fields a file cannot give without a mapping (none: it can be read as it is).

    ``id``, ``name`` and ``years_experience`` must be columns (under their names or the
    aliases :mod:`recommender.ingest` knows), and one of ``profile``, ``offers``, ``wants``.
    A front end that gets a non-empty list should propose a mapping instead of validating.
    """
    found = set()
    for h in header:
        key = canonical_column(h)
        found.add(_PEOPLE_ALIASES.get(key, key))
    missing = [f for f in ("id", "name", "years_experience") if f not in found]
    if not found & set(TEXT_FIELDS):
        missing.append("profile/offers/wants")
    return missing


def header_of(rows: Sequence[tuple[int, Mapping[str, Any]]]) -> list[str]:
    """Every column of numbered rows (as :func:`~recommender.ingest.read_table` gives), in order."""
    return list(dict.fromkeys(k for _, row in rows for k in row))


def _cell(row: Mapping[str, Any], column: str, keys: Mapping[str, str]) -> Any:
    if column in row:
        return row[column]
    actual = keys.get(canonical_column(column))
    return row.get(actual) if actual is not None else None


def _key_index(rows: Sequence[tuple[int, Mapping[str, Any]]]) -> dict[str, str]:
    """Folded column name -> the key the rows use."""
    index: dict[str, str] = {}
    for key in header_of(rows):
        index.setdefault(canonical_column(key), key)
    return index


def _value_suggestions(name: str, answers: _Answers) -> tuple[ValueSuggestion, ...]:
    out: list[ValueSuggestion] = []
    if name == "years_experience":
        for answer, guess in answers.years:
            if _number(answer) is not None:
                continue
            if guess is None:
                out.append(ValueSuggestion(answer, None, "not a recognised category or range"))
            else:
                out.append(ValueSuggestion(answer, guess[0], guess[1]))
    elif name == "role_preference":
        for answer, role in answers.roles:
            if role is None:
                out.append(ValueSuggestion(answer, None, "names no role"))
            elif fold(answer).strip() != role[0]:
                out.append(ValueSuggestion(answer, role[0], role[1]))
    elif name == "capacity":
        for answer in answers.distinct:
            if _number(answer) is None:
                cap = _suggest_capacity(answer)
                out.append(ValueSuggestion(answer, cap[0] if cap else None,
                                           cap[1] if cap else "no number in the answer"))
    elif name == "languages":
        names: dict[str, str | None] = {}
        for answer in answers.distinct:
            for part in _LANGUAGE_SPLIT.split(_drop_brackets(answer)):
                part = part.strip(" .:-–")
                if part and part not in names and fold(part) not in _LANGUAGE_FILLERS:
                    found, _ = _language_codes(part)
                    names[part] = found[0] if len(found) == 1 else None
        for part, code in names.items():
            if code is None:
                out.append(ValueSuggestion(part, None, "not a language name this tool knows"))
            elif fold(part) != code:
                out.append(ValueSuggestion(part, code, "language name"))
    return tuple(out)


def propose_mapping(
    header: Sequence[str],
    rows: Sequence[tuple[int, Mapping[str, Any]]] = (),
    role: str | None = None,
    candidate_languages: Sequence[str] = DEFAULT_CANDIDATES,
) -> MappingProposal:
    """Propose how a form's columns feed the people fields.

    Args:
        header: the form's column names as read (original wording or folded keys).
        rows: its answers, ``(row number, row)`` as :func:`~recommender.ingest.read_table`
            returns them; the answers decide between close candidates (seniority
            categories go to ``years_experience``, e-mail addresses to ``email``...).
        role: ``"mentor"`` or ``"mentee"`` when the whole file is one side: subjects of
            interest then go to ``offers`` (mentors) or ``wants`` (mentees).
        candidate_languages: languages a guess from the texts may return.

    Returns:
        the proposal; its :meth:`~MappingProposal.describe` names every column.
    """
    if role is not None and role not in _ROLES:
        raise ValueError(f"role must be one of {', '.join(_ROLES)}, got '{role}'")
    keys = _key_index(rows)
    header = [h for h in header if str(h).strip()]
    metas = {h for h in header if _header_scores(h).get("_meta", (0.0, ""))[0] >= 0.9}
    analysed: dict[str, _Answers] = {}
    scored: dict[str, dict[str, tuple[float, str]]] = {}
    for column in header:
        answers = _analyse([_cell(r, column, keys) for _, r in rows])
        analysed[column] = answers
        scores = _with_answers(_header_scores(column), answers, bool(metas - {column}),
                               canonical_column(column))
        if "_topics" in scores:
            topics_to = {"mentor": "offers", "mentee": "wants"}.get(role or "", "profile")
            score, reason = scores.pop("_topics")
            side = f" ({role}s' subjects)" if role in ("mentor", "mentee") else ""
            if score > scores.get(topics_to, (0.0, ""))[0]:
                scores[topics_to] = (score - 0.05, f"{reason}: subjects of interest{side}")
        if role is not None and "role_preference" in scores:
            score, reason = scores["role_preference"]
            scores["role_preference"] = (min(score, 0.45), f"{reason}, but the whole file has "
                                         f"role '{role}'")
        scored[column] = scores

    chosen: dict[str, tuple[str | None, float, str, bool]] = {}
    for column, scores in scored.items():
        best = max(scores.items(), key=lambda kv: kv[1][0], default=None)
        if best is None:
            kind = analysed[column].kind
            why = {"text": "no field recognised; free-text answers: add it to profile, offers "
                           "or wants if they help matching",
                   "empty": "no row answers it",
                   "category": "no field recognised (answers chosen from a list)",
                   "short": "no field recognised (short answers)"}.get(
                kind, f"no field recognised ({kind} answers)")
            chosen[column] = (None, 0.0, why, False)
            continue
        name, (score, reason) = best
        if name == "_meta" and score >= MIN_CONFIDENCE:
            chosen[column] = (None, score, f"form metadata: {reason}", True)
        elif score >= MIN_CONFIDENCE and not name.startswith("_"):
            chosen[column] = (name, score, reason, False)
        elif name.startswith("_"):
            chosen[column] = (None, 0.0, f"{reason}: no field of the project takes it", False)
        else:
            chosen[column] = (None, score, f"{reason} (confidence {score:.0%})", False)

    warnings: list[str] = []
    # one column for single-valued fields: the most confident one wins
    by_field: dict[str, list[str]] = {}
    for column, choice in chosen.items():
        if choice[0]:
            by_field.setdefault(choice[0], []).append(column)
    for field_name, sources in by_field.items():
        if field_name in MULTI_FIELDS or len(sources) == 1:
            continue
        if field_name == "name" and all(
                re.search(r"first|last|prenom|nom de famille|surname|apellido|sobrenome|given|"
                          r"family", _header_words(c)) for c in sources):
            continue
        ranked = sorted(sources, key=lambda c: -chosen[c][1])
        for column in ranked[1:]:
            _, score, reason, _ = chosen[column]
            chosen[column] = (None, score, f"{reason}; {field_name} already comes from "
                              f"'{ranked[0]}'", False)

    for column, choice in chosen.items():
        if choice[0] or choice[3]:
            continue
        hint = max(((f, s) for f, (s, _) in scored[column].items() if f in _WATCHED),
                   key=lambda fs: fs[1], default=None)
        if hint and hint[1] >= HINT_CONFIDENCE:
            warnings.append(f"column '{column}' looks like {hint[0]} ({hint[1]:.0%}: "
                            f"{scored[column][hint[0]][1]}) but is not used: map it in the "
                            "mapping file if it is")

    proposals: list[ColumnProposal] = []
    fields: dict[str, list[str]] = {}
    value_maps: dict[str, dict[str, Any]] = {}
    checkbox: list[str] = []
    ignored_columns: list[str] = []
    for column in header:
        target, score, reason, ignored = chosen[column]
        answers = analysed[column]
        values: tuple[ValueSuggestion, ...] = ()
        if target:
            fields.setdefault(target, []).append(column)
            if answers.checkbox and target in (*TEXT_FIELDS, "languages", "department"):
                checkbox.append(column)
            values = _value_suggestions(target, answers)
            table = value_maps.setdefault(target, {})
            for v in values:
                if v.target is None:
                    warnings.append(f"column '{column}': no {target} suggested for "
                                    f"'{v.answer}': give one under value_maps.{target}")
                elif v.answer not in table:
                    table[v.answer] = v.target
        if ignored:
            ignored_columns.append(column)
        proposals.append(ColumnProposal(column, target, round(score, 2), reason, answers.kind,
                                        ignored, values))

    notes: list[str] = []
    generate = "id" not in fields
    if generate:
        source = "the e-mail address" if "email" in fields else (
            "the name" if "name" in fields else "the file and row number")
        notes.append(f"no id column: ids will be generated from {source} (generate_ids)")
    if "name" not in fields:
        notes.append("no name column: names will be made from the e-mail address "
                     "(generate_ids)" if "email" in fields else
                     "no name column: every row will be called after its generated id")
        generate = True
    if "languages" not in fields:
        notes.append("no languages column: each person's languages will be guessed from "
                     f"their free-text answers (among {', '.join(candidate_languages)}); the "
                     "import report lists the guesses")
    if "years_experience" not in fields:
        warnings.append("no column for years_experience: every person needs one; map a "
                        "seniority or experience column")
    if not any(f in fields for f in TEXT_FIELDS):
        warnings.append("no column for profile, offers or wants: every person needs a text")
    if role:
        notes.append(f"every row of this file gets role_preference '{role}'")
    mapping = ColumnMapping(
        fields={k: tuple(v) for k, v in fields.items()}, checkbox=tuple(checkbox),
        value_maps={k: v for k, v in value_maps.items() if v}, ignored=tuple(ignored_columns),
        role=role, generate_ids=generate, candidate_languages=tuple(candidate_languages))
    proposal = MappingProposal(mapping, tuple(proposals), tuple(warnings), tuple(notes))
    for line in proposal.describe():
        logger.debug("%s", line)
    return proposal


# --------------------------------------------------------------------------- applying
@dataclass(frozen=True)
class ImportReport:
    """What :func:`apply_mapping` did beyond renaming, so that nothing is silent.

    Attributes:
        source: the file name.
        rows: how many rows were mapped.
        columns: every column of the file and what became of it (a field, ``ignored`` or
            ``not used``).
        unused: columns neither used nor ignored.
        warnings: unused columns that look like a known field, and the like.
        generated_ids: ``(row, id, from what)``.
        generated_names: ``(row, name)``.
        guessed_languages: ``(row, codes)`` guessed from the texts.
        problems: answers the mapping did not know and columns it names that the file lacks.
    """

    source: str
    rows: int
    columns: tuple[tuple[str, str], ...]
    unused: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    generated_ids: tuple[tuple[int, str, str], ...] = ()
    generated_names: tuple[tuple[int, str], ...] = ()
    guessed_languages: tuple[tuple[int, tuple[str, ...]], ...] = ()
    problems: tuple[Problem, ...] = ()
    failed_cells: frozenset[tuple[int, str]] = frozenset()
    """``(row, field)`` where a problem was found: validation need not report it again."""

    def describe(self) -> list[str]:
        """Lines for a person: columns, warnings, generated values, guesses, problems."""
        used = sum(1 for _, fate in self.columns if fate not in ("ignored", "not used"))
        lines = [f"{self.source}: {self.rows} rows; {len(self.columns)} columns: {used} used, "
                 f"{sum(f == 'ignored' for _, f in self.columns)} ignored, "
                 f"{len(self.unused)} not used."]
        lines.extend(f"  '{column}' -> {fate}" for column, fate in self.columns)
        lines.extend(f"Warning: {w}" for w in self.warnings)
        if self.generated_ids:
            hows = sorted({how for _, _, how in self.generated_ids})
            lines.append(f"Ids generated for {len(self.generated_ids)} rows (from "
                         f"{' or '.join(hows)}): " + _first(
                             [f"row {r} '{i}'" for r, i, _ in self.generated_ids]))
        if self.generated_names:
            lines.append(f"Names made for {len(self.generated_names)} rows: " + _first(
                [f"row {r} '{n}'" for r, n in self.generated_names]))
        if self.guessed_languages:
            lines.append("Languages guessed from the texts (none given): " + _first(
                [f"row {r} {'+'.join(codes) or '?'}" for r, codes in self.guessed_languages]))
        lines.extend(f"Problem: {p}" for p in self.problems)
        return lines


def _first(items: Sequence[str], shown: int = 12) -> str:
    """Items joined by commas, the first ``shown`` of them and how many more."""
    more = len(items) - shown
    return ", ".join(items[:shown]) + (f" and {more} more" if more > 0 else "")


@dataclass(frozen=True)
class MappedRows:
    """Rows with the project's field names, ready for ``validate_people``, and the report."""

    rows: tuple[tuple[int, dict[str, Any]], ...]
    report: ImportReport


def _generated_id(email: str, name: str, fallback: str) -> tuple[str, str]:
    if email:
        key, how = fold(email).strip(), "the e-mail address"
    elif name:
        key, how = " ".join(fold(name).split()), "the name"
    else:
        key, how = fallback, "the file and row number"
    return "p-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:10], how


def _name_from_email(email: str) -> str:
    local = email.split("@", 1)[0]
    parts = [p for p in re.split(r"[._\-+\d]+", local) if p]
    return " ".join(p.capitalize() for p in parts)


class _Mapper:
    """Maps one file's rows; collects the report as it goes."""

    def __init__(self, mapping: ColumnMapping, source: str,
                 keys: Mapping[str, str], guesser: Callable[[], LanguageGuesser]):
        self.mapping = mapping
        self.source = source
        self.keys = keys
        self.guesser_factory = guesser
        self._guesser: LanguageGuesser | None = None
        self.maps = {f: {_value_key(k): v for k, v in table.items()}
                     for f, table in mapping.value_maps.items()}
        self.checkbox = {canonical_column(c) for c in mapping.checkbox}
        self.problems: list[Problem] = []
        self.failed: set[tuple[int, str]] = set()
        self.generated_ids: list[tuple[int, str, str]] = []
        self.generated_names: list[tuple[int, str]] = []
        self.guessed: list[tuple[int, tuple[str, ...]]] = []

    def guesser(self) -> LanguageGuesser:
        if self._guesser is None:
            try:
                self._guesser = self.guesser_factory()
            except ValueError as exc:  # a candidate language the model does not know
                raise ValidationError([Problem(self.source, None, "candidate_languages",
                                               f"cannot guess languages: {exc}")]) from None
        return self._guesser

    def fail(self, row: int, column: str, field_name: str, message: str) -> None:
        self.problems.append(Problem(self.source, row, column, message))
        self.failed.add((row, field_name))

    def answers(self, row: Mapping[str, Any], field_name: str) -> list[tuple[str, Any]]:
        return [(c, v) for c in self.mapping.columns_of(field_name)
                if not _blank(v := _cell(row, c, self.keys))]

    def label(self, column: str) -> str:
        text = str(column).strip().rstrip("?:. ")
        if "_" in text and " " not in text:
            text = text.replace("_", " ").capitalize()
        return text

    def text_field(self, row: Mapping[str, Any], field_name: str) -> tuple[str, list[str]]:
        """The field's text and the free-text answers (for language detection)."""
        answers = self.answers(row, field_name)
        several = len(self.mapping.columns_of(field_name)) > 1
        lines: list[str] = []
        free: list[str] = []
        for column, value in answers:
            mapped = self.maps.get(field_name, {}).get(_value_key(value), value)
            checkbox = canonical_column(column) in self.checkbox
            if checkbox:
                body = "; ".join(split_items(mapped))
            else:
                body = _text(mapped)
                free.append(body)
            label = self.mapping.labels.get(column, "")
            if column not in self.mapping.labels and several and not checkbox:
                label = self.label(column)
            lines.append(f"{label}: {body}" if label else body)
        return "\n".join(lines), free

    def languages(self, row_no: int, row: Mapping[str, Any]) -> list[str]:
        table = self.maps.get("languages", {})
        codes: list[str] = []
        for column, value in self.answers(row, "languages"):
            whole = table.get(_value_key(value))
            if whole is not None:
                parts = [whole] if isinstance(whole, str) else list(whole)
                codes.extend(c for c in parts if c and c not in codes)
                continue
            items = split_items(value) if canonical_column(column) in self.checkbox else [_text(value)]
            for item in items:
                for part in _LANGUAGE_SPLIT.split(_drop_brackets(item)):
                    part = part.strip(" .:-–")
                    if not part:
                        continue
                    mapped = table.get(_value_key(part))
                    if mapped is not None:
                        found = [mapped] if isinstance(mapped, str) else list(mapped)
                    else:
                        found, unknown = _language_codes(part)
                        for name in unknown:
                            self.problems.append(Problem(
                                self.source, row_no, column,
                                f"unknown language '{name}': add it under value_maps -> "
                                "languages with a two-letter code (or \"\" to ignore it)"))
                    codes.extend(c for c in found if c and c not in codes)
        return codes

    def years(self, row_no: int, row: Mapping[str, Any]) -> Any:
        for column, value in self.answers(row, "years_experience"):
            table = self.maps.get("years_experience", {})
            key = _value_key(value)
            if key in table:
                return table[key]
            if _number(value) is not None:
                return value
            self.fail(row_no, column, "years_experience",
                      f"'{_text(value)}' is not a number and not in the mapping's value map: "
                      "add it under value_maps -> years_experience with a number of years")
            return None
        return None

    def first(self, row: Mapping[str, Any], field_name: str) -> Any:
        for _, value in self.answers(row, field_name):
            return self.maps.get(field_name, {}).get(_value_key(value), value)
        return None

    def joined(self, row: Mapping[str, Any], field_name: str, sep: str) -> str:
        parts: list[str] = []
        for column, value in self.answers(row, field_name):
            mapped = self.maps.get(field_name, {}).get(_value_key(value), value)
            items = split_items(mapped) if canonical_column(column) in self.checkbox else [_text(mapped)]
            parts.extend(p for p in items if p and p not in parts)
        return sep.join(parts)

    def map_row(self, row_no: int, row: Mapping[str, Any]) -> dict[str, Any]:
        m = self.mapping
        out: dict[str, Any] = {}
        free: list[str] = []
        for name in TEXT_FIELDS:
            if m.columns_of(name):
                out[name], texts = self.text_field(row, name)
                free.extend(texts)
        for name in ("department", "role", "location"):
            if m.columns_of(name):
                out[name] = self.joined(row, name, ", ")
        if m.columns_of("name"):
            out["name"] = self.joined(row, "name", " ")
        for name in ("id", "email", "capacity", "manager_id", "role_preference"):
            if m.columns_of(name):
                value = self.first(row, name)
                if value is not None:
                    out[name] = value
        if m.columns_of("years_experience"):
            out["years_experience"] = self.years(row_no, row)
        if m.role is not None:
            out["role_preference"] = m.role
        email = _text(out.get("email"))
        if m.generate_ids:
            if not _text(out.get("id")):
                out["id"], how = _generated_id(email, _text(out.get("name")),
                                               f"{self.source}:{row_no}")
                self.generated_ids.append((row_no, out["id"], how))
            if not _text(out.get("name")):
                out["name"] = _name_from_email(email) if email else f"Participant {out['id']}"
                self.generated_names.append((row_no, out["name"]))
            manager = _text(out.get("manager_id"))
            if manager and _EMAIL.fullmatch(manager):
                out["manager_id"] = _generated_id(manager, "", "")[0]
        codes = self.languages(row_no, row)
        if not codes and m.detect_languages:
            text = " ".join(free)
            if len(words(text)) >= 3:
                codes = [lang for lang, _ in self.guesser().guess(text)]
                self.guessed.append((row_no, tuple(codes)))
        out["languages"] = ";".join(codes)
        return out


def apply_mapping(
    rows: Sequence[tuple[int, Mapping[str, Any]]],
    mapping: ColumnMapping,
    source: str = "rows",
    guesser: LanguageGuesser | None = None,
) -> MappedRows:
    """Rename and transform a form's rows to the people fields, with a full report.

    Args:
        rows: ``(row number, row)`` pairs as :func:`~recommender.ingest.read_table` returns.
        mapping: the confirmed mapping.
        source: the file name, for the report and problems.
        guesser: guesses languages from texts; default a
            :class:`~recommender.langid.LangidGuesser` over the mapping's
            ``candidate_languages``, loaded only if a row needs it.

    Returns:
        the mapped rows (give them to :func:`~recommender.ingest.validate_people`, or use
        :func:`people_from_mapped` to get the mapping's problems and the validation's
        together) and the :class:`ImportReport`.
    """
    keys = _key_index(rows)
    problems: list[Problem] = []
    for column in mapping.used_columns():
        if column not in keys.values() and canonical_column(column) not in keys:
            problems.append(Problem(
                source, None, column,
                f"the mapping uses column '{column}' but the file has no such column "
                f"(its columns: {', '.join(keys.values()) or 'none'})"))
    mapper = _Mapper(mapping, source, keys,
                     lambda: LangidGuesser(mapping.candidate_languages) if guesser is None
                     else guesser)
    out_rows = tuple((row_no, mapper.map_row(row_no, row)) for row_no, row in rows)

    ignored = {canonical_column(c) for c in mapping.ignored}
    fates: list[tuple[str, str]] = []
    unused: list[str] = []
    warnings: list[str] = []
    for key in keys.values():
        name = mapping.field_of(key)
        if name:
            fates.append((key, name + (" (checkbox)" if mapping.is_checkbox(key) else "")))
        elif canonical_column(key) in ignored:
            fates.append((key, "ignored"))
        else:
            fates.append((key, "not used"))
            unused.append(key)
            scores = _header_scores(key)
            hint = max(((f, s) for f, (s, _) in scores.items() if f in _WATCHED),
                       key=lambda fs: fs[1], default=None)
            if hint and hint[1] >= 0.6:
                taken = f" (the mapping takes {hint[0]} from " \
                        f"{', '.join(repr(c) for c in mapping.columns_of(hint[0]))})" \
                    if mapping.columns_of(hint[0]) else ""
                warnings.append(f"column '{key}' looks like {hint[0]} but is not used"
                                f"{taken}: add it to the mapping or to 'ignored'")
    for row_no, codes in mapper.guessed:
        if not codes:
            warnings.append(f"row {row_no}: no languages given or guessed: the person counts "
                            "as speaking every language")
    report = ImportReport(
        source=source, rows=len(out_rows), columns=tuple(fates), unused=tuple(unused),
        warnings=tuple(warnings), generated_ids=tuple(mapper.generated_ids),
        generated_names=tuple(mapper.generated_names),
        guessed_languages=tuple(mapper.guessed), problems=tuple(problems + mapper.problems),
        failed_cells=frozenset(mapper.failed))
    logger.info("%s: %d rows mapped, %d columns unused, %d ids generated, %d languages "
                "guessed, %d problems", source, len(out_rows), len(unused),
                len(mapper.generated_ids), len(mapper.guessed), len(report.problems))
    return MappedRows(out_rows, report)


def people_from_mapped(mapped: MappedRows) -> list[Person]:
    """Validate mapped rows; raise the mapping's and the validation's problems together.

    Raises:
        ValidationError: every problem, in row order; a cell the mapping already reported
            is not reported again by the validation.
    """
    report = mapped.report
    validation: Sequence[Problem] = ()
    people: list[Person] = []
    try:
        people = validate_people(mapped.rows, source=report.source)
    except ValidationError as exc:
        validation = [p for p in exc.problems
                      if (p.row, p.column) not in report.failed_cells]
    problems = [*report.problems, *validation]
    if problems:
        problems.sort(key=lambda p: (p.row is not None, p.row or 0))
        raise ValidationError(problems)
    return people


def read_form(rows: Any, source: str = "rows") -> tuple[str, list[tuple[int, dict[str, Any]]]]:
    """A file (any format :func:`~recommender.ingest.read_table` reads) or Python rows (as
    :func:`~recommender.ingest.rows_from` takes) as ``(source, numbered rows)``; a file's
    source is its name."""
    if isinstance(rows, (str, Path)):
        return Path(rows).name, read_table(rows)
    return source, rows_from(rows, source)


@dataclass(frozen=True)
class PeopleRows:
    """A people file made ready to store by :func:`people_rows`.

    Attributes:
        rows: ``(row number, row)`` pairs under the project's field names, all valid.
        skipped: the problems of the rows left out (only with ``partial``).
        report: lines describing the mapping's work (empty without a mapping).
        mapping: the mapping applied (with the role), to save in the workspace; or ``None``.
        setting: the workspace setting that mapping is saved under (one per form).
    """

    rows: list[tuple[int, dict[str, Any]]]
    skipped: tuple[Problem, ...] = ()
    report: tuple[str, ...] = ()
    mapping: ColumnMapping | None = None
    setting: str = ""


def people_rows(rows: list[tuple[int, dict[str, Any]]], source: str,
                mapping: ColumnMapping | None = None, role: str | None = None,
                partial: bool = False) -> PeopleRows:
    """Map (when a ``mapping`` is given) and validate a people file's numbered ``rows``.

    Args:
        role: ``"mentor"`` or ``"mentee"`` for every row (one form per side).
        partial: leave out the rows with problems and report them; by default one bad row
            rejects the whole file.

    Raises:
        ValidationError: a problem (any, or one that is not a row's when ``partial``).
    """
    report: tuple[str, ...] = ()
    setting = f"mapping:{form_key(header_of(rows)) if rows else ''}"
    try:
        if mapping is not None:
            mapping = mapping.with_role(role) if role else mapping
            mapped = apply_mapping(rows, mapping, source)
            rows, report = list(mapped.rows), tuple(mapped.report.describe())
            people_from_mapped(mapped)
        else:
            if role:
                rows = [(n, {**r, "role_preference": role}) for n, r in rows]
            validate_people(rows, source=source)
        skipped: tuple[Problem, ...] = ()
    except ValidationError as exc:
        if not partial or any(p.row is None for p in exc.problems):
            raise
        bad = {p.row for p in exc.problems}
        rows = [(n, r) for n, r in rows if n not in bad]
        skipped = exc.problems
    return PeopleRows(rows, skipped, report, mapping, setting)
