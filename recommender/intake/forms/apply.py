"""A confirmed mapping applied to a form's rows, with a report of everything it did.

:func:`apply_mapping` turns the form's rows into rows with the project's field names, plus
an :class:`ImportReport`: unused columns, generated ids and names, languages guessed from
the texts, and every value the mapping did not know (as a
:class:`~recommender.errors.Problem` with row and column, never dropped silently);
:func:`people_from_mapped` validates them; :func:`people_rows` does both for an import.

Joining rules (applied by :func:`apply_mapping`):

- ``profile``, ``offers``, ``wants``: one line per column answered. With several columns,
  a free-text answer is written ``"<label> ▸ <answer>"`` (the label is the column's header,
  :func:`~recommender.language.text.form_label`; the mark, one prose does not use, is
  :data:`~recommender.language.text.LABEL_MARK`), so that a short answer keeps its question
  for the reader, while the profile stage quotes and embeds the answer alone. Answers of
  checkbox columns are split into items (on ``;``, new lines and commas outside brackets)
  and written ``"item; item"``, each item a sentence of its own, without a label (the
  options name their subjects).
  ``labels[column]`` overrides the label of any column (``""``: none). Free-text answers
  are never split: only columns listed in ``checkbox`` are.
- ``languages``: every column's answers, split into names; each name goes through
  ``value_maps["languages"]``, then the one table of language names and codes
  (:mod:`recommender.language.names`: ``Inglés``, ``Français``, ``Português``...) to ISO 639-1
  codes. Where a row has none, they are guessed from its free-text answers
  (:mod:`recommender.language.langid`) and the report says so.
- ``name``: the columns' answers joined by a space (first name + last name).
- ``department``, ``role``, ``location``: distinct answers joined by ``", "``.
- every other field (:data:`~.mapping.SINGLE_FIELDS`: ``id``, ``email``,
  ``years_experience``, ``capacity``...) takes one answer. Several columns may feed it (a
  form asking a question in each side's section): a row gives it the answer of the column
  it answered (the first answered, in the mapping's order); a row answering two of them
  with different values is a problem of that row naming both columns, since either choice
  would drop an answer in silence (the same answer twice is fine).
- ``value_maps[field]`` translates whole answers first (seniority category -> years,
  ``"Les deux"`` -> ``"either"``...). A non-numeric ``years_experience`` answer that the map
  does not know is a problem of that row and column.
- ``role`` (``--role mentor|mentee``) sets ``role_preference`` of every row of the file.
- ``generate_ids``: a row without an id gets ``p-`` + 10 hex digits of the SHA-256 of its
  e-mail address (else of its name): the same person gets the same id at the next import, in
  any form. A manager given by e-mail address then gets the same kind of id. A row without a
  name gets one from the e-mail address.
"""

from __future__ import annotations

import hashlib
import logging
import re
import statistics
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...errors import MAX_SHOWN_PROBLEMS, Problem, ValidationError, shown_problems
from ...language.formats import format_number
from ...language.langid import LangidGuesser, LanguageGuesser
from ...language.names import is_filler, read_part
from ...language.text import LABEL_MARK, fold, form_label, words
from ...records import Person
from ..cells import (
    answer_parts,
    canonical_column,
    cell_text,
    is_blank,
    number,
    show,
    split_items,
    utc_offset,
    value_key,
)
from ..readers import read_form_table, rows_from
from ..validate import ATTRIBUTE_PREFIX, validate_people
from .answers import EMAIL
from .headers import WATCHED, header_scores, question_text
from .mapping import SINGLE_FIELDS, TEXT_FIELDS, ColumnMapping
from .propose import cell_of, form_key, header_of, key_index, mapping_setting

logger = logging.getLogger(__name__)

__all__ = [
    "ImportReport",
    "MappedRows",
    "PeopleRows",
    "apply_mapping",
    "check_updates",
    "people_from_mapped",
    "people_rows",
    "read_form",
]


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
        """Lines for a person: columns, warnings, generated values, guesses, problems (the
        first fifty warnings and problems, then how many more)."""
        used = sum(1 for _, fate in self.columns if fate not in ("ignored", "not used"))
        lines = [f"{self.source}: {self.rows} rows; {len(self.columns)} columns: {used} used, "
                 f"{sum(f == 'ignored' for _, f in self.columns)} ignored, "
                 f"{len(self.unused)} not used."]
        lines.extend(f"  '{question_text(column)}' -> {fate}" for column, fate in self.columns)
        # a warning or a problem per row: a file of 100 000 rows must not print 100 000 lines
        lines.extend(f"Warning: {w}" for w in self.warnings[:MAX_SHOWN_PROBLEMS])
        if len(self.warnings) > MAX_SHOWN_PROBLEMS:
            lines.append(f"Warning: … and {len(self.warnings) - MAX_SHOWN_PROBLEMS} more "
                         "warnings")
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
        shown, more = shown_problems(self.problems)
        lines.extend(f"Problem: {p}" for p in shown)
        if more:
            lines.append(f"Problem: … {more}")
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


def _generated_id(email: str, name: str, response: str) -> tuple[str, str]:
    """An id that finds the same person again: from the e-mail address, else the name, else
    the response itself (its time stamp and answers): never from the file's name or the
    row's place, which change when an export is renamed or sorted."""
    if email:
        key, how = fold(email).strip(), "the e-mail address"
    elif name:
        key, how = " ".join(fold(name).split()), "the name"
    else:
        key, how = "response:" + response, "the response's answers"
    return "p-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:10], how


def _response_text(row: Mapping[str, Any]) -> str:
    """Every cell of a response, in column order: what identifies an anonymous answer."""
    return "\x1f".join(f"{canonical_column(k)}={cell_text(v)}" for k, v in row.items()
                        if not is_blank(v))


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
        self.maps = {f: {value_key(k): v for k, v in table.items()}
                     for f, table in mapping.value_maps.items()}
        self.checkbox = {canonical_column(c) for c in mapping.checkbox}
        self.problems: list[Problem] = []
        self.failed: set[tuple[int, str]] = set()
        self.generated_ids: list[tuple[int, str, str]] = []
        self.generated_names: list[tuple[int, str]] = []
        self.guessed: list[tuple[int, tuple[str, ...]]] = []
        self.warnings: list[str] = []
        self.left_out: list[int] = []
        known = [v for v in self.maps.get("years_experience", {}).values()
                 if isinstance(v, (int, float)) and not isinstance(v, bool)]
        self.default_years = float(statistics.median(known)) if known else 0.0

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
                if not is_blank(v := cell_of(row, c, self.keys))]

    def label(self, column: str) -> str:
        text = form_label(column)
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
            mapped = self.maps.get(field_name, {}).get(value_key(value), value)
            checkbox = canonical_column(column) in self.checkbox
            if checkbox:
                body = "; ".join(split_items(mapped))
            else:
                body = cell_text(mapped)
                free.append(body)
            label = form_label(self.mapping.labels.get(column, ""))
            if column not in self.mapping.labels and several and not checkbox:
                label = self.label(column)
            lines.append(f"{label}{LABEL_MARK}{body}" if label else body)
        return "\n".join(lines), free

    def languages(self, row_no: int, row: Mapping[str, Any]) -> list[str]:
        table = self.maps.get("languages", {})
        codes: list[str] = []
        for column, value in self.answers(row, "languages"):
            whole = table.get(value_key(value))
            if whole is not None:
                parts = [whole] if isinstance(whole, str) else list(whole)
                codes.extend(c for c in parts if c and c not in codes)
                continue
            for part in answer_parts(value, canonical_column(column) in self.checkbox):
                mapped = table.get(value_key(part))
                if mapped is not None:
                    found = [mapped] if isinstance(mapped, str) else list(mapped)
                else:
                    found, others = read_part(part)
                    if not found and not is_filler(part):
                        self.warnings.append(
                            f"row {row_no}, column '{question_text(column)}': '{part}' names no language "
                            "this tool knows: left out (add it under value_maps -> "
                            "languages with an ISO 639-1 code to keep it)")
                    elif found and others:
                        self.warnings.append(
                            f"row {row_no}, column '{question_text(column)}': "
                            f"{', '.join(repr(w) for w in others)} in '{part}' names no "
                            f"language this tool knows (kept: {'+'.join(found)}); add "
                            "the part under value_maps -> languages to say what it means")
                codes.extend(c for c in found if c and c not in codes)
        return codes

    def years(self, row_no: int, row: Mapping[str, Any]) -> Any:
        """The years an answer is worth; an answer the value map does not know, or none,
        counts as the median of the years the map gives (a warning says so): one answer
        nobody foresaw ("Other") must not keep a whole form out."""
        default = format_number(self.default_years, "en")
        for column, value in self.answers(row, "years_experience"):
            table = self.maps.get("years_experience", {})
            key = value_key(value)
            if key in table:
                return table[key]
            if number(value) is not None:
                return value
            self.warnings.append(
                f"row {row_no}, column '{question_text(column)}': '{cell_text(value)}' is not a number and "
                f"not in the mapping's value map: counted as {default} years (the median of "
                "the map's); add it under value_maps -> years_experience to say otherwise")
            return self.default_years
        columns = ", ".join(f"'{c}'" for c in self.mapping.columns_of("years_experience"))
        self.warnings.append(f"row {row_no}: no answer in {columns}: counted as {default} "
                             "years (the median of the map's)")
        return self.default_years

    def compared(self, field_name: str, answer: Any) -> Any:
        """What an answer of a single-valued field says, to compare with another column's:
        after the value map, a number of years (``"6"`` and ``"Postdoc"`` -> 6 agree), a
        time zone's offset, or else the folded text."""
        mapped = self.maps.get(field_name, {}).get(value_key(answer), answer)
        read: Any = None
        if field_name in ("years_experience", "capacity"):
            read = number(mapped)
        elif field_name == "utc_offset":
            read = utc_offset(mapped)
        return read if read is not None else value_key(mapped)

    def one_answer(self, row_no: int, row: Mapping[str, Any], field_name: str) -> None:
        """A row answering two columns of a single-valued field differently is a problem
        naming both (taking the first would drop the other in silence)."""
        first: tuple[str, Any, Any] | None = None
        for column, value in self.answers(row, field_name):
            said = self.compared(field_name, value)
            if first is None:
                first = (column, value, said)
            elif said != first[2]:
                self.fail(row_no, column, field_name, (
                    f"the columns '{question_text(first[0])}' and '{question_text(column)}' give "
                    f"the same field ({field_name}) with different values "
                    f"('{show(cell_text(first[1]), 40)}' and '{show(cell_text(value), 40)}'): "
                    "keep one in the mapping, or one answer in the row"))
                return

    def empty(self, row: Mapping[str, Any]) -> bool:
        """An unfinished response: nothing answered but the form's own columns, or one the
        form tool itself marks unfinished (Typeform's "Response Type: partial")."""
        marked = fold(cell_text(cell_of(row, "Response Type", self.keys))) == "partial"
        return marked or not any(self.answers(row, name) for name in self.mapping.fields)

    def first(self, row: Mapping[str, Any], field_name: str) -> Any:
        for _, value in self.answers(row, field_name):
            return self.maps.get(field_name, {}).get(value_key(value), value)
        return None

    def joined(self, row: Mapping[str, Any], field_name: str, sep: str) -> str:
        parts: list[str] = []
        for column, value in self.answers(row, field_name):
            mapped = self.maps.get(field_name, {}).get(value_key(value), value)
            items = split_items(mapped) if canonical_column(column) in self.checkbox else [cell_text(mapped)]
            parts.extend(p for p in items if p and p not in parts)
        return sep.join(parts)

    def map_row(self, row_no: int, row: Mapping[str, Any]) -> dict[str, Any] | None:
        """The row under the people fields, or None for an unfinished (empty) response."""
        m = self.mapping
        if self.empty(row):
            self.left_out.append(row_no)
            return None
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
        # no seniority question (a peer programme's form): everyone alike, said once
        out["years_experience"] = self.years(row_no, row) if m.columns_of(
            "years_experience") else 0.0
        if m.columns_of("level"):
            out["level"] = self.joined(row, "level", " ")
        elif m.columns_of("years_experience"):
            # a seniority answered as a category ("Postdoc", "HEO") is also the person's
            # level, which a programme's ladder reads; a number of years is not a level
            answer = next((cell_text(v) for _, v in self.answers(row, "years_experience")), "")
            if answer and number(answer) is None:
                out["level"] = answer
        if m.columns_of("utc_offset"):
            value = self.first(row, "utc_offset")
            if value is not None and not is_blank(value):
                if utc_offset(value) is None:  # one answer nobody foresaw keeps no row out
                    self.warnings.append(
                        f"row {row_no}, column '{question_text(m.columns_of('utc_offset')[0])}':"
                        f" '{cell_text(value)}' is no time zone this tool reads: left out "
                        "(write it as UTC+1, -3 or Europe/Paris, or map it under value_maps "
                        "-> utc_offset)")
                else:
                    out["utc_offset"] = value
        if m.columns_of("preferences"):
            out["preferences"] = self.joined(row, "preferences", "; ")
        for name in m.fields:
            if name.startswith(ATTRIBUTE_PREFIX):
                out[name] = self.joined(row, name, ";")
        if m.role is not None:
            out["role_preference"] = m.role
        email = cell_text(out.get("email"))
        if m.generate_ids:
            if not cell_text(out.get("id")):
                out["id"], how = _generated_id(email, cell_text(out.get("name")),
                                               _response_text(row))
                self.generated_ids.append((row_no, out["id"], how))
            if not cell_text(out.get("name")):
                # a name that leads back to the answer: the file and its row
                out["name"] = _name_from_email(email) if email else \
                    f"{self.source}, row {row_no}"
                self.generated_names.append((row_no, out["name"]))
            manager = cell_text(out.get("manager_id"))
            if manager and EMAIL.fullmatch(manager):
                out["manager_id"] = _generated_id(manager, "", "")[0]
        codes = self.languages(row_no, row)
        if not codes and m.detect_languages:
            text = " ".join(free)
            if len(words(text)) >= 3:
                codes = [lang for lang, _ in self.guesser().guess(text)]
                self.guessed.append((row_no, tuple(codes)))
        out["languages"] = ";".join(codes)
        for name in m.fields:  # the mapping's order, so problems come in a stable order
            if name in SINGLE_FIELDS and len(m.columns_of(name)) > 1 \
                    and not (name == "role_preference" and m.role):  # the file's role wins
                self.one_answer(row_no, row, name)
        return out


def apply_mapping(
    rows: Sequence[tuple[int, Mapping[str, Any]]],
    mapping: ColumnMapping,
    source: str = "rows",
    guesser: LanguageGuesser | None = None,
) -> MappedRows:
    """Rename and transform a form's rows to the people fields, with a full report.

    Args:
        rows: ``(row number, row)`` pairs as :func:`~recommender.intake.readers.read_table` returns.
        mapping: the confirmed mapping.
        source: the file name, for the report and problems.
        guesser: guesses languages from texts; default a
            :class:`~recommender.language.langid.LangidGuesser` over the mapping's
            ``candidate_languages``, loaded only if a row needs it.

    Returns:
        the mapped rows (give them to :func:`~recommender.intake.validate.validate_people`, or use
        :func:`people_from_mapped` to get the mapping's problems and the validation's
        together) and the :class:`ImportReport`.
    """
    keys = key_index(rows)
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
    mapped_rows = ((row_no, mapper.map_row(row_no, row)) for row_no, row in rows)
    out_rows = tuple((row_no, row) for row_no, row in mapped_rows if row is not None)

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
            scores = header_scores(key)
            hint = max(((f, s) for f, (s, _) in scores.items() if f in WATCHED),
                       key=lambda fs: fs[1], default=None)
            if hint and hint[1] >= 0.6:
                taken = f" (the mapping takes {hint[0]} from " \
                        f"{', '.join(repr(c) for c in mapping.columns_of(hint[0]))})" \
                    if mapping.columns_of(hint[0]) else ""
                warnings.append(f"column '{question_text(key)}' looks like {hint[0]} but is "
                                "not used"
                                f"{taken}: add it to the mapping or to 'ignored'")
    if mapper.left_out:
        rows_left = _first([str(r) for r in mapper.left_out])
        warnings.append(f"{len(mapper.left_out)} unfinished responses left out (nothing "
                        "answered but the form's own columns, or marked partial by the form "
                        f"tool): rows {rows_left}")
    if not mapping.columns_of("years_experience"):
        warnings.append("no column for years_experience: everyone counts as 0 years")
    warnings.extend(mapper.warnings)
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
    """A file (any format :func:`~recommender.intake.readers.read_table` reads; its questions
    as written, :func:`~recommender.intake.readers.read_form_table`) or Python rows (as
    :func:`~recommender.intake.readers.rows_from` takes) as ``(source, numbered rows)``; a
    file's source is its name."""
    if isinstance(rows, (str, Path)):
        return Path(rows).name, read_form_table(rows)
    return source, rows_from(rows, source, as_written=True)


@dataclass(frozen=True)
class PeopleRows:
    """A people file made ready to store by :func:`people_rows`.

    Attributes:
        rows: ``(row number, row)`` pairs under the project's field names, all valid.
        skipped: the problems of the rows left out (only with ``partial``).
        report: lines describing the mapping's work (empty without a mapping).
        mapping: the mapping applied (with the role), to save in the workspace; or ``None``.
        setting: the workspace setting that mapping is saved under (one per form).
        form: the form's key (:func:`~.propose.form_key`): the same for every export of it.
    """

    rows: list[tuple[int, dict[str, Any]]]
    skipped: tuple[Problem, ...] = ()
    report: tuple[str, ...] = ()
    mapping: ColumnMapping | None = None
    setting: str = ""
    form: str = ""


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
    setting = mapping_setting(rows)
    form = form_key(header_of(rows)) if rows else ""
    try:
        if mapping is not None:
            mapping = mapping.with_role(role) if role else mapping
            mapped = apply_mapping(rows, mapping, source)
            rows, report = list(mapped.rows), tuple(mapped.report.describe())
            people_from_mapped(mapped)
        else:
            rows = rows_from(rows, source)  # a people file's columns, as the reader names them
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
    return PeopleRows(rows, skipped, report, mapping, setting, form)


UPDATE_HINT = ("the people below came from another form or would change side; to update "
               "them all the same, import with update=True (command line: --update; page: "
               "tick 'Update people imported from another form, or who change side')")


def check_updates(people: Sequence[Person], row_numbers: Sequence[int], source: str,
                  form: str, known: Mapping[str, Person],
                  origins: Mapping[str, tuple[str, str]]) -> None:
    """Stop an import that would replace people in silence: people imported from another
    form (two forms' response numbers, or one person on both sides, give the same id) and
    anyone whose role would change.

    Raises:
        ValidationError: one problem per such row, naming the person and where they came
            from.
    """
    problems: list[Problem] = []
    for row_no, person in zip(row_numbers, people, strict=True):
        old = known.get(person.id)
        if old is None:
            continue
        old_source, old_form = origins.get(person.id, ("", ""))
        if old_form and form and old_form != form:
            problems.append(Problem(source, row_no, "id", (
                f"would update '{old.name}' (id {person.id}, {old.role_preference}), imported "
                f"from {old_source or 'another file'}, a different form")))
        elif old.role_preference != person.role_preference:
            problems.append(Problem(source, row_no, "role_preference", (
                f"would change the role of '{old.name}' (id {person.id}) from "
                f"{old.role_preference} to {person.role_preference}")))
    if problems:
        raise ValidationError([Problem(source, None, None, UPDATE_HINT), *problems])
