"""A proposed mapping of a sign-up form's columns to the project's people fields.

:func:`propose_mapping` reads the header row and the answers and proposes, for each column,
the field it feeds (with a confidence and a reason in words), which columns are checkbox
answers, which hold seniority categories and how many years each category is worth (a
suggestion the coordinator confirms), and lists every column it leaves unused. Nothing is
silent: :meth:`MappingProposal.describe` returns the lines a front end prints. The
coordinator confirms or edits the :class:`~.mapping.ColumnMapping` (a JSON file), saved in
the workspace and reused for the next import of the same form (:func:`form_key`).
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import re
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ...language.langid import DEFAULT_CANDIDATES
from ...language.levels import LADDERS, ladder_positions
from ...language.names import is_filler, part_languages
from ...language.stopwords import function_words
from ...language.text import fold, words
from ...records import ROLE_PREFERENCES
from ..cells import answer_parts, canonical_column, number
from ..validate import ATTRIBUTE_PREFIX, PEOPLE_ALIASES
from .answers import Answers, analyse, with_answers
from .headers import WATCHED, header_scores, header_words, question_text
from .mapping import MULTI_FIELDS, TEXT_FIELDS, ColumnMapping
from .values import MAX_CAPACITY, suggest_capacity

__all__ = [
    "ColumnProposal",
    "MappingProposal",
    "ValueSuggestion",
    "cell_of",
    "form_key",
    "header_of",
    "key_index",
    "mapping_setting",
    "missing_fields",
    "propose_mapping",
]

logger = logging.getLogger(__name__)


MIN_CONFIDENCE = 0.5
"""A column is proposed for a field from this confidence on."""

HINT_CONFIDENCE = 0.3
"""Below :data:`MIN_CONFIDENCE` but from this on, an unused column gets a 'looks like' warning."""


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
                lines.append(f"  '{question_text(c.column)}' -> {c.field}{extra} "
                             f"[{c.confidence:.0%}]: "
                             f"{c.reason}")
            elif c.ignored:
                lines.append(f"  '{question_text(c.column)}' -> ignored: {c.reason}")
            else:
                lines.append(f"  '{question_text(c.column)}' -> not used: {c.reason}")
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
    aliases :mod:`recommender.intake.validate` knows), and one of ``profile``, ``offers``, ``wants``.
    A front end that gets a non-empty list should propose a mapping instead of validating.
    """
    found = set()
    for h in header:
        key = canonical_column(h)
        found.add(PEOPLE_ALIASES.get(key, key))
    missing = [f for f in ("id", "name", "years_experience") if f not in found]
    if not found & set(TEXT_FIELDS):
        missing.append("profile/offers/wants")
    return missing


def mapping_setting(rows: Sequence[tuple[int, Mapping[str, Any]]]) -> str:
    """The workspace setting a form's confirmed mapping is saved under (one per form)."""
    return f"mapping:{form_key(header_of(rows)) if rows else ''}"


def header_of(rows: Sequence[tuple[int, Mapping[str, Any]]]) -> list[str]:
    """Every column of numbered rows (as :func:`~recommender.intake.readers.read_table` gives), in order."""
    return list(dict.fromkeys(k for _, row in rows for k in row))


def cell_of(row: Mapping[str, Any], column: str, keys: Mapping[str, str]) -> Any:
    if column in row:
        return row[column]
    actual = keys.get(canonical_column(column))
    return row.get(actual) if actual is not None else None


def key_index(rows: Sequence[tuple[int, Mapping[str, Any]]]) -> dict[str, str]:
    """Folded column name -> the key the rows use."""
    index: dict[str, str] = {}
    for key in header_of(rows):
        index.setdefault(canonical_column(key), key)
    return index


# A question that only asks to say more about the one before it.
_FOLLOW_UP = re.compile(
    r"\b(please (elaborate|specify|explain|describe)|if (other|yes|so|you answered)|other "
    r"please specify|bitte (erlautern|angeben|prazisieren|beschreiben)|falls (andere|ja|"
    r"sonstige)|precisez|si autre|si oui|especifique|por favor (explique|especifique|detalle)|"
    r"en caso de otro|si otro|se outro|se sim|caso outro|se altro|specificare)\b|"
    r"^(other|autre|autres|otro|otros|outro|outros|andere|sonstige|altro)$")


def _follow_up(header: Sequence[str], scored: dict[str, dict[str, tuple[float, str]]]) -> None:
    """"Please elaborate" after a question says more of the same: it feeds the field of the
    question before it when that is a text (offers, wants, profile); after anything else
    (a yes/no, a choice of partner) it feeds nothing."""
    for before, column in itertools.pairwise(header):
        if not _FOLLOW_UP.search(header_words(column)):
            continue
        previous = max(scored[before].items(), key=lambda kv: kv[1][0], default=None)
        scores = scored[column]
        if previous and previous[0] in TEXT_FIELDS and previous[1][0] >= MIN_CONFIDENCE:
            scores[previous[0]] = (max(0.8, scores.get(previous[0], (0.0, ""))[0]),
                                   f"it says more about '{question_text(before, 50)}', which "
                                   f"feeds {previous[0]}")
        else:
            for name in [n for n in scores if not n.startswith("_")]:
                scores[name] = (min(scores[name][0], 0.3), f"{scores[name][1]}, but it only "
                                f"says more about '{question_text(before, 50)}'")


def _is_category(answers: Answers) -> bool:
    return (answers.kind == "category" and 2 <= len(answers.distinct) <= 12
            and answers.mean_words <= 3)


def attribute_name(column: str) -> str:
    """``attr_<words>``: a column's name as an attribute (a short label's content words, a
    question's first: "Sector" -> ``attr_sector``, "Which sector best describes your
    work?" -> ``attr_sector``)."""
    folded = canonical_column(question_text(column, 60)).split("_")
    content = [w for w in folded if w and w not in function_words(folded)] or folded
    # a short label keeps its words ("research_field"); a question its first one
    return ATTRIBUTE_PREFIX + "_".join(content[:2] if len(content) <= 2 else content[:1])


DEFAULT_CAPACITY = 1
"""Mentees a person takes when their answer gives no number (a default to confirm)."""


_NO_PREFERENCE = re.compile(
    r"^(no|any|none|n a|na|sans|aucune?|sin|sem|nein|keine?|nessuna?)( \w+){0,2}$|"
    r"\b(no (preference|minimum|restriction)|doesn t matter|does not matter|no matter|"
    r"indifferent|peu (m )?importe|pas de (preference|minimum)|sin preferencia|"
    r"sem preferencia|egal|keine (praferenz|vorliebe)|indiferente|da igual|tanto faz|"
    r"whatever|either|les deux|both|ambos|beides|entrambi)\b")
_MINIMUM = re.compile(r"\b(minimum|minimal|at least|au moins|minimo|minima|mindest\w*|"
                      r"almeno|no less than|a partir de|ab)\b")
_MAXIMUM = re.compile(r"\b(maximum|at most|au plus|maximo|hochstens|al massimo)\b")


def preference_suggestions(column: str, answers: Sequence[str]
                           ) -> tuple[ValueSuggestion, ...]:
    """A condition on the partner for each short answer of a preference question, to
    confirm: "no preference" -> none; a level a shipped ladder knows -> ``level >= X``
    (``<=`` after "maximum", ``=`` when the question says neither); another choice ->
    ``= X`` (the partner answered X somewhere). A long free answer gets no suggestion:
    the coordinator writes the condition or leaves it out."""
    header = header_words(column)
    op = ">=" if _MINIMUM.search(header) else "<=" if _MAXIMUM.search(header) else "="
    out: list[ValueSuggestion] = []
    for answer in answers:
        folded = " ".join(re.sub(r"[^\w]+", " ", fold(answer)).split())
        first = folded.split(" ", 1)[0] if folded else ""
        on_a_ladder = any(ladder_positions(ladder, [answer])[0] >= 0
                          for ladder in LADDERS.values())
        if (_NO_PREFERENCE.search(folded) and not on_a_ladder) \
                or folded in ("no", "non", "nao", "nein"):
            out.append(ValueSuggestion(answer, "", "no preference: no condition"))
        elif on_a_ladder and len(words(answer)) <= 12:
            out.append(ValueSuggestion(answer, f"level {op} {answer.strip()}",
                                       "a level: a condition on the partner's level, to "
                                       "confirm"))
        elif first in ("yes", "oui", "si", "sim", "ja", "y"):
            # "Yes" to "a mentor from another team?": the question says what to write
            out.append(ValueSuggestion(answer, "", "yes: write the condition the question "
                                       "describes (e.g. 'department != Finance') or leave "
                                       "it empty"))
        elif len(words(answer)) > 6:
            out.append(ValueSuggestion(answer, "", "free text: write the condition "
                                       "(e.g. 'level >= Master's student', 'sector = "
                                       "Academia') or leave it empty"))
        else:
            out.append(ValueSuggestion(answer, f"= {answer.strip()}",
                                       "a choice: the partner must have given this answer, "
                                       "to confirm"))
    return tuple(out)


def _value_suggestions(name: str, answers: Answers, column: str = ""
                       ) -> tuple[ValueSuggestion, ...]:
    """A value for every answer the import could not read as it is: a suggestion, or a
    stated default, so that the proposal accepted unchanged imports every row."""
    out: list[ValueSuggestion] = []
    if name == "years_experience":
        known = [guess[0] for _, guess in answers.years if guess is not None]
        default = float(statistics.median(known)) if known else 0.0
        for answer, guess in answers.years:
            if number(answer) is not None:
                continue
            if guess is None:
                out.append(ValueSuggestion(answer, default, (
                    "no figure recognised: the median of the column's other answers, a "
                    "default to confirm" if known else "no figure recognised: 0, a default "
                    "to confirm")))
            else:
                out.append(ValueSuggestion(answer, guess[0], guess[1]))
    elif name == "role_preference":
        for answer, role in answers.roles:
            if role is None:
                out.append(ValueSuggestion(answer, "either", "names no role: either side, a "
                                           "default to confirm"))
            elif fold(answer).strip() != role[0]:
                out.append(ValueSuggestion(answer, role[0], role[1]))
    elif name == "capacity":
        for answer in answers.distinct:
            value = number(answer)
            if value is not None and value == int(value) and 0 <= value <= MAX_CAPACITY:
                continue
            cap = suggest_capacity(answer)
            out.append(ValueSuggestion(answer, cap[0], cap[1]) if cap else ValueSuggestion(
                answer, DEFAULT_CAPACITY, f"no number in the answer: {DEFAULT_CAPACITY}, a "
                "default to confirm"))
    elif name == "preferences":
        out.extend(preference_suggestions(column, answers.distinct))
    elif name == "languages":
        names: dict[str, list[str]] = {}
        for answer in answers.distinct:
            for part in answer_parts(answer, answers.checkbox):
                if part not in names and not is_filler(part):
                    names[part] = part_languages(part)
        for part, codes in names.items():
            if not codes:
                out.append(ValueSuggestion(part, "", "names no language this tool knows: left "
                                           "out unless you give its ISO 639-1 code"))
            elif fold(part) != "".join(codes):
                out.append(ValueSuggestion(part, codes[0] if len(codes) == 1 else codes,
                                           "language name"))
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
        rows: its answers, ``(row number, row)`` as :func:`~recommender.intake.readers.read_table`
            returns them; the answers decide between close candidates (seniority
            categories go to ``years_experience``, e-mail addresses to ``email``...).
        role: ``"mentor"`` or ``"mentee"`` when the whole file is one side: subjects of
            interest then go to ``offers`` (mentors) or ``wants`` (mentees).
        candidate_languages: languages a guess from the texts may return.

    Returns:
        the proposal; its :meth:`~MappingProposal.describe` names every column.
    """
    if role is not None and role not in ROLE_PREFERENCES:
        raise ValueError(f"role must be one of {', '.join(ROLE_PREFERENCES)}, got '{role}'")
    keys = key_index(rows)
    header = [h for h in header if str(h).strip()]
    metas = {h for h in header if header_scores(h).get("_meta", (0.0, ""))[0] >= 0.9}
    analysed: dict[str, Answers] = {}
    scored: dict[str, dict[str, tuple[float, str]]] = {}
    for column in header:
        answers = analyse([cell_of(r, column, keys) for _, r in rows])
        analysed[column] = answers
        scores = with_answers(header_scores(column), answers, bool(metas - {column}),
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

    _follow_up(header, scored)
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
        elif score >= MIN_CONFIDENCE and name == "profile" and _is_category(analysed[column]):
            # "Sector: Academia / Industry": a choice, not a sentence to embed; kept as a
            # named attribute a programme's rules can read (preferences, bans, points)
            chosen[column] = (attribute_name(column), score, f"{reason}; the answers are a "
                              "few choices: an attribute the programme's rules can read",
                              False)
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
        if field_name == "name" and len(sources) <= 3 and any(
                re.search(r"first|last|prenom|nom de famille|surname|apellido|sobrenome|given|"
                          r"family|vorname|nachname|cognome", header_words(c))
                for c in sources):  # a name written over several columns
            continue
        ranked = sorted(sources, key=lambda c: -chosen[c][1])
        for column in ranked[1:]:
            _, score, reason, _ = chosen[column]
            chosen[column] = (None, score, f"{reason}; {field_name} already comes from "
                              f"'{ranked[0]}'", False)

    for column, choice in chosen.items():
        if choice[0] or choice[3]:
            continue
        hint = max(((f, s) for f, (s, _) in scored[column].items() if f in WATCHED),
                   key=lambda fs: fs[1], default=None)
        if hint and hint[1] >= HINT_CONFIDENCE:
            warnings.append(f"column '{question_text(column)}' looks like {hint[0]} "
                            f"({hint[1]:.0%}: "
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
            values = _value_suggestions(target, answers, column)
            table = value_maps.setdefault(target, {})
            for v in values:
                if v.target is None:
                    warnings.append(f"column '{question_text(column)}': no {target} "
                                    "suggested for "
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
            "the name" if "name" in fields else "each response's time stamp and answers (a "
            "renamed export finds the same people)")
        notes.append(f"no id column: ids will be generated from {source} (generate_ids)")
    if "name" not in fields:
        notes.append("no name column: names will be made from the e-mail address "
                     "(generate_ids)" if "email" in fields else
                     "no name column: every row will be called after its file and row "
                     "('mentors.csv, row 5')")
        generate = True
    if "languages" not in fields:
        notes.append("no languages column: each person's languages will be guessed from "
                     f"their free-text answers (among {', '.join(candidate_languages)}); the "
                     "import report lists the guesses")
    if "years_experience" not in fields:
        warnings.append("no column for years_experience: everyone will count as 0 years, so "
                        "the experience rule cannot tell people apart (fine for a peer "
                        "programme); map a seniority or experience column if there is one")
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


