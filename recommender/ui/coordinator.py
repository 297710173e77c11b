"""The coordinator's actions as plain functions over a :class:`Recommender`.

No Gradio here: each method takes plain values and returns plain values (strings, pandas
DataFrames, matplotlib figures, file paths), so the same workflow is testable without a
browser and scriptable through ``gradio_client`` once ``app.py`` wires it.

User text is only ever returned as data for text components and tables, or escaped with
:func:`html.escape` where HTML is built.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import logging
import math
import re
import shutil
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import PairRuleError, Problem, StaleDecisionError, UnknownIdError, ValidationError
from ..insights.themes import theme_title
from ..intake.cells import canonical_column, split_items
from ..intake.forms.apply import ImportReport, MappedRows, apply_mapping, people_from_mapped
from ..intake.forms.mapping import FIELDS, ColumnMapping
from ..intake.forms.propose import MappingProposal, header_of, missing_fields
from ..intake.forms.values import suggest_years
from ..intake.readers import read_table
from ..language.formats import format_date, format_month, format_number, format_percent, parse_date
from ..language.names import language_code
from ..language.text import fold
from ..recommender import Recommender
from ..records import KEPT_STATUSES, PAIR_STATUSES, Pair, Person, ProgressFn
from ..reports.export import write_table
from .forms import (
    _IGNORE,
    _PREVIEW_ROWS,
    MappingStep,
    _field_of_cell,
    _guess_role,
    _original_headers,
    _short,
    _years_value,
    reason_text,
    warning_text,
)
from .i18n import LEVELS, column, level_floor, level_of, t, word
from .review import review_html

__all__ = ["Coordinator", "MappingStep", "Result", "Review", "pair_key", "split_pair_key"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Result:
    """What an action did: whether it succeeded, and the message to show (translated)."""

    ok: bool
    message: str

    def __str__(self) -> str:
        return self.message


def pair_key(mentor_id: str, mentee_id: str) -> str:
    """The value that identifies a pair in dropdowns and API calls: ``mentor|mentee``."""
    return f"{mentor_id}|{mentee_id}"


def split_pair_key(key: str | None) -> tuple[str, str] | None:
    if not key or "|" not in key:
        return None
    mentor, mentee = key.split("|", 1)
    return mentor, mentee


def _problems(error: ValidationError, lang: str) -> str:
    """The report of a rejected input: one line per problem, with file, row and column."""
    return "\n".join([t("nothing_stored", lang), *(f"• {p}" for p in error.problems)])


_FIELD_LABELS = {"years_experience": "years", "role_preference": "role_preference",
                 "manager_id": "manager", "name": "name", "department": "department",
                 "role": "role", "languages": "languages", "profile": "profile",
                 "offers": "offers", "wants": "wants", "capacity": "capacity", "date": "date",
                 "text": "note_text", "rating": "rating"}


def _form_problems(error: ValidationError, lang: str, header: str) -> str:
    """The problems of a form (no file, no row): the field as labelled on the page."""
    lines = [t(header, lang)]
    for p in error.problems:
        label = t(_FIELD_LABELS[p.column], lang) if p.column in _FIELD_LABELS else p.column
        lines.append(f"• {label}: {p.message}" if label else f"• {p.message}")
    return "\n".join(lines)


@dataclass(frozen=True)
class Review:
    """The review panel of the selected pair: its HTML, the pair's version as shown (decisions
    pass it back), and the labels of the decision buttons, naming the pair."""

    key: str | None
    html: str
    version: int
    buttons: dict[str, str]


_ID_AT_END = re.compile(r"\(([^()]*)\)\s*$")


def id_in(cell: Any) -> str | None:
    """The id in a ``Name (id)`` table cell."""
    found = _ID_AT_END.search(str(cell or ""))
    return found.group(1) if found else None


def _table_rows(table: Any) -> list[list[Any]]:
    """The rows of a table as a page sends it back (a DataFrame, a dict or lists)."""
    if table is None:
        return []
    if isinstance(table, pd.DataFrame):
        return table.values.tolist()
    if isinstance(table, dict) and "data" in table:
        return [list(r) for r in table["data"]]
    return [list(r) for r in table]


def _as_frame(table: Any) -> pd.DataFrame:
    return table if isinstance(table, pd.DataFrame) else pd.DataFrame(_table_rows(table))


def _problem_line(problem: Problem, labels: dict[str, str], lang: str) -> str:
    """A problem of an import with its row and column, the column as the form wrote it."""
    where = []
    if problem.row is not None:
        where.append(f"{t('row_word', lang)} {problem.row}")
    if problem.column:
        where.append(f"{t('column_word', lang)} '{labels.get(problem.column, problem.column)}'")
    return (", ".join(where) + ": " if where else "") + problem.message


def _remove_upload(path: str | Path) -> None:
    # Uploaded personal data must not linger in Gradio's temporary folder once imported.
    try:
        Path(path).unlink(missing_ok=True)
    except OSError as exc:  # pragma: no cover - depends on the file system
        logger.warning("could not remove uploaded file %s: %s", path, exc)


class Coordinator:
    """Everything the coordinator page does, over one workspace.

    One lock serialises the actions: several browser tabs share the process, and the FAISS
    indices held in memory must not be changed by two requests at once. The store itself is
    transactional, so a second process on the same workspace is safe too.

    Args:
        rec: the workspace's recommender.
        export_dir: where exports are written for download (a private temporary folder by
            default).
    """

    def __init__(self, rec: Recommender, export_dir: str | Path | None = None):
        self.rec = rec
        self.export_dir = Path(export_dir or tempfile.mkdtemp(prefix="tandem-export-"))
        self.lock = threading.RLock()
        self.upload_dir = Path(tempfile.mkdtemp(prefix="tandem-upload-"))
        self._explained: dict[tuple[Person, Person, str], Pair] = {}
        self._themes_cache: tuple[tuple[tuple[int, str], ...], list[Any]] | None = None

    # ------------------------------------------------------------------ settings
    def notes_visible(self) -> bool:
        return self.rec.notes_visible()

    def set_notes_visible(self, visible: bool) -> bool:
        with self.lock:
            self.rec.set_notes_visible(bool(visible))
        return bool(visible)

    # ------------------------------------------------------------------ participants
    def people_table(self, query: str = "", lang: str = "en") -> pd.DataFrame:
        """Participants matching ``query`` (in id, name, department, role or texts)."""
        needle = (query or "").strip().lower()
        rows = []
        for p in self.rec.people():
            haystack = " ".join((p.id, p.name, p.department, p.role, p.profile, p.offers,
                                 p.wants)).lower()
            if needle and needle not in haystack:
                continue
            rows.append({
                column("id", lang): p.id, column("name", lang): p.name,
                column("years", lang): format_number(p.years_experience, lang),
                column("department", lang): p.department, column("role", lang): p.role,
                column("languages", lang): ";".join(p.languages),
                column("preference", lang): word(p.role_preference, lang),
            })
        cols = [column(k, lang) for k in ("id", "name", "years", "department", "role",
                                          "languages", "preference")]
        return pd.DataFrame(rows, columns=cols)

    def person_ids(self) -> list[tuple[str, str]]:
        return [(f"{p.name} ({p.id})", p.id) for p in self.rec.people()]

    def departments(self) -> list[str]:
        return sorted({p.department for p in self.rec.people() if p.department})

    def import_files(self, people_file: str | None, notes_file: str | None = None,
                     lang: str = "en", progress: ProgressFn | None = None) -> Result:
        """Validate and import the uploaded files; a report of what happened, as plain text.

        Nothing of a file is stored when any of its rows is wrong; the report lists every
        problem with its row and column. The uploaded files are deleted afterwards.
        """
        if not people_file and not notes_file:
            return Result(False, t("no_file", lang))
        lines = []
        try:
            with self.lock:
                if people_file:
                    name = Path(people_file).name
                    try:
                        n = self.rec.add_people(read_table(people_file), source=name,
                                                progress=progress)
                        lines.append(t("imported", lang, n=n))
                    except ValidationError as exc:
                        lines.append(_problems(exc, lang))
                        return Result(False, "\n".join(lines))
                if notes_file:
                    name = Path(notes_file).name
                    try:
                        n = self.rec.add_notes(read_table(notes_file), source=name)
                        lines.append(t("imported_notes", lang, n=n))
                    except ValidationError as exc:
                        lines.append(_problems(exc, lang))
                        return Result(False, "\n".join(lines))
            return Result(True, "\n".join(lines))
        finally:
            for path in (people_file, notes_file):
                if path:
                    _remove_upload(path)

    def person_fields(self, person_id: str | None) -> list[Any]:
        """The edit form's values for a person (empty when none is chosen or known)."""
        empty: list[Any] = ["", None, "", "", "", "", "", "", "either", 1, ""]
        if not person_id:
            return empty
        try:
            p = self.rec.person(person_id)
        except UnknownIdError:
            return empty
        return [p.name, p.years_experience, p.department, p.role, ";".join(p.languages),
                p.profile, p.offers, p.wants, p.role_preference, p.capacity, p.manager_id]

    def save_person(self, person_id: str | None, name: str, years: float | None,
                    department: str, role: str, languages: str, profile: str, offers: str,
                    wants: str, role_preference: str, capacity: float | None, manager_id: str,
                    lang: str = "en") -> Result:
        """Update a participant from the edit form; the problems, by field, if a value is
        wrong (nothing is saved then)."""
        if not person_id:
            return Result(False, t("choose_person", lang))
        try:
            current = self.rec.person(person_id)
        except UnknownIdError:
            return Result(False, t("choose_person", lang))
        row = {
            "id": person_id, "name": name or "", "years_experience": years,
            "department": department or "", "role": role or "", "languages": languages or "",
            "profile": profile or "", "offers": offers or "", "wants": wants or "",
            "role_preference": role_preference or "either",
            "capacity": 1 if capacity is None else capacity, "manager_id": manager_id or "",
            "email": current.email, "location": current.location,
        }
        try:
            with self.lock:
                self.rec.add_people([row], source="form")
        except ValidationError as exc:
            return Result(False, _form_problems(exc, lang, "not_saved"))
        return Result(True, t("saved", lang))

    def delete_person(self, person_id: str | None, confirmed: bool, lang: str = "en") -> Result:
        """Erase a participant everywhere (store, vectors, pairs, notes)."""
        if not person_id:
            return Result(False, t("choose_person", lang))
        if not confirmed:
            return Result(False, t("confirm_first", lang))
        with self.lock:
            self.rec.delete_person(person_id)
        return Result(True, t("deleted", lang, id=person_id))

    # ------------------------------------------------------------------ sign-up forms
    def start_mapping(self, people_file: str | None, lang: str = "en",
                      role: str | None = None, previous: str | None = None) -> MappingStep:
        """The "map the columns" step for an upload whose header lacks the project's fields.

        ``needed`` is False for a file that can be imported as it is (or that cannot be
        read: :meth:`import_files` reports why). Otherwise the upload is moved to a private
        folder until it is imported or discarded (``previous``, an earlier pending file, is
        discarded now), and the step shows the proposed mapping, or the mapping saved for
        this form at its last import. ``role``: ``mentor``/``mentee``/``""``; by default
        guessed from the file name (``mentors.csv``).
        """
        if not people_file:
            return MappingStep(False, None, message=t("no_file", lang))
        try:
            rows = read_table(people_file)
        except ValidationError:
            return MappingStep(False, None)
        if not rows or not missing_fields(header_of(rows)):
            return MappingStep(False, None)
        self.discard_mapping(previous)
        pending = self._keep_upload(people_file)
        role = _guess_role(Path(people_file).name) if role is None else role
        base, proposal, saved = self._base_mapping(rows, role)
        columns = self._columns_table(pending, rows, proposal, base, saved, lang)
        values = self._values_table(pending, rows, base, proposal, lang)
        preview, checks = self.preview_mapping(pending, columns, values, role, lang)
        found = ", ".join(f"'{c}'" for c in columns[column("source", lang)])
        intro = [t("map_intro", lang, file=Path(pending).name, rows=len(rows),
                   n=len(proposal.columns), missing=", ".join(missing_fields(header_of(rows)))),
                 t("map_found", lang, columns=found),
                 t("map_saved_used" if saved else "map_proposed", lang)]
        if role:
            intro.append(t("map_role_guessed", lang, role=word(role, lang)))
        return MappingStep(True, pending, "\n\n".join(html.escape(x, quote=False) for x in intro), columns,
                           values, role, preview, checks, t("map_needed", lang))

    def discard_mapping(self, pending: str | None) -> None:
        """Forget a pending upload of the mapping step (its private copy is deleted)."""
        if pending and Path(pending).parent.parent == self.upload_dir:
            _remove_upload(pending)
            with contextlib.suppress(OSError):
                Path(pending).parent.rmdir()

    def _keep_upload(self, path: str) -> str:
        folder = Path(tempfile.mkdtemp(dir=self.upload_dir))
        kept = folder / Path(path).name
        shutil.copyfile(path, kept)
        _remove_upload(path)
        return str(kept)

    def _base_mapping(self, rows: Sequence[tuple[int, dict[str, Any]]], role: str | None
                      ) -> tuple[ColumnMapping, MappingProposal, bool]:
        proposal = self.rec.propose_mapping(rows, role=role or None)
        saved = self.rec.saved_mapping(rows)
        return (saved or proposal.mapping), proposal, saved is not None

    def _columns_table(self, path: str, rows: Sequence[tuple[int, dict[str, Any]]],
                       proposal: MappingProposal, mapping: ColumnMapping, saved: bool,
                       lang: str) -> pd.DataFrame:
        originals = _original_headers(path)
        ignored = {canonical_column(c) for c in mapping.ignored}
        out = []
        for c in proposal.columns:
            name = mapping.field_of(c.column)
            cell = name or (_IGNORE if canonical_column(c.column) in ignored else "")
            if saved:
                sure = t("map_saved_word", lang)
                why = reason_text(c.reason, lang) if name == c.field else t("map_from_saved",
                                                                              lang)
            else:
                sure = format_percent(c.confidence, lang) if c.field else ""
                why = reason_text(c.reason, lang)
            examples = list(dict.fromkeys(
                _short(r.get(c.column), 40) for _, r in rows if _short(r.get(c.column))))
            out.append({column("source", lang): originals.get(c.column, c.column),
                        column("field", lang): cell, column("confidence", lang): sure,
                        column("examples", lang): " | ".join(examples[:2]),
                        column("why", lang): why})
        return pd.DataFrame(out, columns=[column(k, lang) for k in (
            "source", "field", "confidence", "examples", "why")])

    def _values_table(self, path: str, rows: Sequence[tuple[int, dict[str, Any]]],
                      mapping: ColumnMapping, proposal: MappingProposal | None,
                      lang: str) -> pd.DataFrame:
        """Answers whose value the coordinator confirms: seniority -> years, language names
        -> codes, role answers -> mentor/mentee/either; empty value: no suggestion."""
        originals = _original_headers(path)
        suggested: dict[tuple[str, str], str] = {}
        if proposal is not None:
            for c in proposal.columns:
                for v in c.values:
                    suggested[(canonical_column(c.column), fold(v.answer).strip())] = v.reason
        out: list[dict[str, Any]] = []
        for field_name in ("years_experience", "languages", "role_preference"):
            known = {fold(k).strip(): v for k, v in
                     mapping.value_maps.get(field_name, {}).items()}
            for col in mapping.columns_of(field_name):
                key = next((k for k in header_of(rows) if canonical_column(k)
                            == canonical_column(col)), col)
                answers: list[str] = []
                for _, r in rows:
                    cell = r.get(key)
                    if cell is None or not str(cell).strip():
                        continue
                    items = split_items(cell) if field_name == "languages" else [str(cell)]
                    answers.extend(i.strip() for i in items if i.strip())
                for answer in dict.fromkeys(answers):
                    folded = fold(answer).strip()
                    value: Any = known.get(folded)
                    why = suggested.get((canonical_column(col), folded), "")
                    if field_name == "years_experience":
                        if _years_value(answer) is not None:
                            continue
                        if value is None:
                            guess = suggest_years(answer)
                            value, why = (guess if guess else (None, ""))
                        shown = format_number(value, lang) if value is not None else ""
                    elif field_name == "languages":
                        value = value or language_code(answer)
                        if value == folded:
                            continue  # already a code
                        shown = value or ""
                    else:
                        shown = value or ""
                    if shown:
                        note = (reason_text(why, lang) if why else t("map_value_known", lang))
                    else:
                        note = "⚠ " + t("map_no_suggestion", lang)
                    out.append({column("source", lang): originals.get(key, key),
                                column("field", lang): field_name,
                                column("answer", lang): answer, column("value", lang): shown,
                                column("suggestion", lang): note})
        out.sort(key=lambda r: not r[column("suggestion", lang)].startswith("⚠"))
        return pd.DataFrame(out, columns=[column(k, lang) for k in (
            "source", "field", "answer", "value", "suggestion")])

    def mapping_from_tables(self, path: str | None, columns: Any, values: Any,
                            role: str | None, lang: str = "en"
                            ) -> tuple[ColumnMapping | None, list[str]]:
        """The mapping the coordinator sees in the step's two tables, or the reasons (in
        ``lang``) why it is not one."""
        if not path or not Path(path).exists():
            return None, [t("map_nothing", lang)]
        rows = read_table(path)
        base, proposal, _ = self._base_mapping(rows, role)
        originals = _original_headers(path)
        by_label = {canonical_column(originals.get(c.column, c.column)): c
                    for c in proposal.columns}
        by_label.update({canonical_column(c.column): c for c in proposal.columns})
        errors: list[str] = []
        fields: dict[str, list[str]] = {}
        ignored: list[str] = []
        kinds: dict[str, str] = {}
        for row in _table_rows(columns):
            if len(row) < 2:
                continue
            label, cell = str(row[0] or ""), row[1]
            found = by_label.get(canonical_column(label))
            if found is None:
                continue
            name = _field_of_cell(cell, lang)
            if name is None:
                errors.append(t("map_bad_field", lang, column=label, value=str(cell),
                                fields=", ".join((*FIELDS, _IGNORE))))
            elif name == _IGNORE:
                ignored.append(found.column)
            elif name:
                fields.setdefault(name, []).append(found.column)
                kinds[found.column] = found.kind
        value_maps: dict[str, dict[str, Any]] = {
            f: dict(m) for f, m in base.value_maps.items()
            if f not in ("years_experience", "languages", "role_preference")}
        for row in _table_rows(values):
            if len(row) < 4:
                continue
            label, name, answer, cell = str(row[0] or ""), str(row[1] or ""), row[2], row[3]
            found = by_label.get(canonical_column(label))
            if found is None or found.column not in fields.get(name, ()):
                continue  # the column no longer feeds that field
            text = "" if cell is None or (isinstance(cell, float) and math.isnan(cell)) \
                else str(cell).strip()
            if not text:
                continue
            if name == "years_experience":
                years = _years_value(text)
                if years is None or years < 0:
                    errors.append(t("map_bad_years", lang, answer=str(answer), value=text))
                    continue
                value_maps.setdefault(name, {})[str(answer)] = years
            elif name == "languages":
                code = language_code(text)
                if code is None:
                    errors.append(t("map_bad_language", lang, answer=str(answer), value=text))
                    continue
                value_maps.setdefault(name, {})[str(answer)] = code
            else:
                value_maps.setdefault(name, {})[str(answer)] = text
        used = {c for cs in fields.values() for c in cs}
        checkbox = [c for c in used if base.is_checkbox(c) or (
            kinds.get(c) == "checkbox" and any(c in fields.get(f, ()) for f in (
                "profile", "offers", "wants", "languages", "department")))]
        if errors:
            return None, errors
        try:
            mapping = ColumnMapping(
                fields={f: tuple(c) for f, c in fields.items()}, checkbox=tuple(checkbox),
                labels={c: v for c, v in base.labels.items() if c in used},
                value_maps=value_maps, ignored=tuple(ignored), role=role or None,
                generate_ids=base.generate_ids or "id" not in fields
                or "name" not in fields,
                detect_languages=base.detect_languages,
                candidate_languages=base.candidate_languages)
        except ValidationError as exc:
            return None, [p.message for p in exc.problems]
        return mapping, []

    def refresh_mapping(self, path: str | None, columns: Any, values: Any, role: str | None,
                        lang: str = "en") -> tuple[pd.DataFrame, pd.DataFrame, str]:
        """After an edit of the columns table: the value maps of the fields as they now are
        (what was typed is kept), the preview and the checks."""
        mapping, _ = self.mapping_from_tables(path, columns, values, role, lang)
        if mapping is None or not path:
            preview, checks = self.preview_mapping(path, columns, values, role, lang)
            return _as_frame(values), preview, checks
        rows = read_table(path)
        _, proposal, _ = self._base_mapping(rows, role)
        table = self._values_table(path, rows, mapping, proposal, lang)
        preview, checks = self.preview_mapping(path, columns, table, role, lang)
        return table, preview, checks

    def preview_mapping(self, path: str | None, columns: Any, values: Any, role: str | None,
                        lang: str = "en") -> tuple[pd.DataFrame, str]:
        """The first rows as they would be imported, and the checks (Markdown): what the
        mapping cannot read, columns not used, warnings, generated ids, guessed languages."""
        cols = [column(k, lang) for k in ("id", "name", "years", "languages", "side",
                                          "offers_col", "wants_col")]
        mapping, errors = self.mapping_from_tables(path, columns, values, role, lang)
        if mapping is None or not path:
            return pd.DataFrame([], columns=cols), "\n".join(
                f"- ⚠ {html.escape(e)}" for e in errors)
        rows = read_table(path)
        mapped = apply_mapping(rows, mapping, Path(path).name)
        report = mapped.report
        guessed = {r for r, _ in report.guessed_languages}
        preview = []
        for row_no, r in mapped.rows[:_PREVIEW_ROWS]:
            langs = r.get("languages") or ""
            langs = ";".join(langs) if isinstance(langs, (list, tuple)) else str(langs)
            if row_no in guessed:
                langs += f" ({t('map_guessed', lang)})"
            years = r.get("years_experience")
            number = _years_value(years)
            preview.append({
                cols[0]: r.get("id", ""), cols[1]: r.get("name", ""),
                cols[2]: format_number(number, lang) if number is not None else "⚠ ?",
                cols[3]: langs, cols[4]: word(str(r.get("role_preference") or "either"), lang),
                cols[5]: _short(str(r.get("offers") or "").replace("\n", " · "), 90),
                cols[6]: _short(str(r.get("wants") or "").replace("\n", " · "), 90)})
        return pd.DataFrame(preview, columns=cols), self._checks(rows, mapping, report, path,
                                                                 lang)

    def _checks(self, rows: Sequence[tuple[int, dict[str, Any]]], mapping: ColumnMapping,
                report: ImportReport, path: str, lang: str) -> str:
        originals = _original_headers(path)
        def esc(text: str) -> str:
            return html.escape(text, quote=False)

        lines: list[str] = []
        problems = list(report.problems)
        try:
            people_from_mapped(MappedRows(tuple(
                (n, r) for n, r in apply_mapping(rows, mapping, Path(path).name).rows),
                report))
        except ValidationError as exc:
            problems = list(exc.problems)
        if problems:
            bad_rows = len({p.row for p in problems})
            lines.append("**⚠ " + esc(t("map_problems", lang, n=len(problems), rows=bad_rows))
                         + "**")
            lines += [f"- {esc(_problem_line(p, originals, lang))}" for p in problems[:8]]
            if len(problems) > 8:
                lines.append(f"- … {esc(t('map_more', lang, n=len(problems) - 8))}")
        else:
            lines.append("**✓ " + esc(t("map_all_valid", lang, n=len(rows))) + "**")
        if "years_experience" not in mapping.fields:
            lines.append(f"- ⚠ {esc(t('warn_no_years', lang))}")
        if not any(f in mapping.fields for f in ("profile", "offers", "wants")):
            lines.append(f"- ⚠ {esc(t('warn_no_text', lang))}")
        lines += [f"- ⚠ {esc(warning_text(w, lang, originals))}" for w in report.warnings]
        if report.unused:
            lines.append("- " + esc(t("map_unused", lang, columns=", ".join(
                f"'{originals.get(c, c)}'" for c in report.unused))))
        ignored = [c for c, fate in report.columns if fate == "ignored"]
        if ignored:
            lines.append("- " + esc(t("map_ignored", lang, columns=", ".join(
                f"'{originals.get(c, c)}'" for c in ignored))))
        if report.generated_ids:
            lines.append("- " + esc(t("map_ids", lang, n=len(report.generated_ids))))
        if report.guessed_languages:
            lines.append("- " + esc(t("map_langs_guessed", lang,
                                      n=len(report.guessed_languages))))
        return "\n".join(lines)

    def import_mapped(self, path: str | None, columns: Any, values: Any, role: str | None,
                      partial: bool = False, notes_file: str | None = None, lang: str = "en",
                      progress: ProgressFn | None = None) -> Result:
        """Import the pending upload through the mapping of the step's tables.

        The mapping is saved in the workspace for the next file with the same columns. By
        default one bad row rejects the file (the upload stays pending, to fix the mapping);
        ``partial`` stores the valid rows and lists the others with row and column. The
        report: rows stored, generated ids, guessed languages, skipped rows, unused columns.
        """
        mapping, errors = self.mapping_from_tables(path, columns, values, role, lang)
        if mapping is None or not path:
            return Result(False, "\n".join([t("nothing_stored", lang),
                                            *(f"• {e}" for e in errors)]))
        source = Path(path).name
        originals = _original_headers(path)
        rows = read_table(path)
        report = apply_mapping(rows, mapping, source).report
        try:
            with self.lock:
                result = self.rec.import_people(path, source, mapping=mapping,
                                                role=role or None, partial=bool(partial),
                                                progress=progress)
        except ValidationError as exc:
            return Result(False, "\n".join([t("nothing_stored", lang), *(
                f"• {_problem_line(p, originals, lang)}" for p in exc.problems)]))
        skipped_rows = {p.row for p in result.skipped}
        lines = [t("map_imported", lang, n=len(rows) - len(skipped_rows), file=source,
                   role=word(role, lang) if role else t("role_from_file", lang))]
        if report.generated_ids:
            how = " / ".join(sorted({t("from_" + ("email" if "mail" in h else "name" if "name"
                                                  in h else "row"), lang)
                                     for _, _, h in report.generated_ids}))
            lines.append(t("map_ids_made", lang, n=len(report.generated_ids), how=how) + " " +
                         ", ".join(f"{t('row_word', lang)} {r}: {i}"
                                   for r, i, _ in report.generated_ids[:6])
                         + (" …" if len(report.generated_ids) > 6 else ""))
        if report.generated_names:
            lines.append(t("map_names_made", lang, n=len(report.generated_names)))
        if report.guessed_languages:
            lines.append(t("map_langs_report", lang) + " " + ", ".join(
                f"{t('row_word', lang)} {r}: {'+'.join(codes) or '?'}"
                for r, codes in report.guessed_languages))
        if result.skipped:
            lines.append(t("map_skipped", lang, n=len(skipped_rows)))
            lines += [f"• {_problem_line(p, originals, lang)}" for p in result.skipped]
        if report.unused:
            lines.append(t("map_unused", lang, columns=", ".join(
                f"'{originals.get(c, c)}'" for c in report.unused)))
        lines += [warning_text(w, lang, originals) for w in report.warnings]
        lines.append(t("map_saved_for_next", lang))
        if notes_file:
            try:
                with self.lock:
                    n = self.rec.add_notes(read_table(notes_file), source=Path(notes_file).name)
                lines.append(t("imported_notes", lang, n=n))
            except ValidationError as exc:
                lines.append(_problems(exc, lang))
            finally:
                _remove_upload(notes_file)
        self.discard_mapping(path)
        return Result(True, "\n".join(lines))

    # ------------------------------------------------------------------ pairs
    def _people(self) -> dict[str, Person]:
        return {p.id: p for p in self.rec.people()}

    def _names(self) -> dict[str, str]:
        return {p.id: p.name for p in self.rec.people()}

    def _pair_name(self, mentor_id: str, mentee_id: str, names: dict[str, str] | None = None
                   ) -> str:
        names = names or self._names()
        return f"{names.get(mentor_id, mentor_id)} → {names.get(mentee_id, mentee_id)}"

    def _scored(self, pair: Pair, lang: str, people: dict[str, Person]
                ) -> tuple[float, dict[str, float], dict[str, str], tuple[str, ...]]:
        """Score, parts, quotes and reasons (in ``lang``) of a stored pair.

        A pair stored without its explanation (set by hand, or before pairs kept their
        quotes) is scored now, and the result kept until either profile changes.
        """
        mentor, mentee = people.get(pair.mentor_id), people.get(pair.mentee_id)
        if pair.quotes or mentor is None or mentee is None:
            reasons = self.rec.pair_reasons(pair, lang) if pair.quotes else pair.reasons
            return pair.score, dict(pair.parts), dict(pair.quotes), tuple(reasons)
        cache_key = (mentor, mentee, lang)
        found = self._explained.get(cache_key)
        if found is None:
            found = self.rec.explain_pair(pair.mentor_id, pair.mentee_id, language=lang)
            self._explained[cache_key] = found
        return found.score, dict(found.parts), dict(found.quotes), tuple(found.reasons)

    def filter_choices(self, lang: str = "en") -> dict[str, list[tuple[str, str]]]:
        """Choices of the pairs table's filters: status, level, department."""
        every = [(t("all", lang), "")]
        return {
            "status": every + [(word(s, lang), s) for s in PAIR_STATUSES],
            "level": every + [(word(name, lang), name) for name, _ in LEVELS],
            "department": every + [(d, d) for d in self.departments()],
        }

    def pairs_table(self, lang: str = "en", status: str | None = "", level: str | None = "",
                    department: str | None = "") -> pd.DataFrame:
        """Stored pairs, best score first, with the match in words and reasons in ``lang``.

        Rejected pairs are only listed when the status filter asks for them.
        """
        people = self._people()
        rows = []
        for p in self.rec.pairs():
            if (status and p.status != status) or (not status and p.status == "rejected"):
                continue
            if department and department not in (
                    people[p.mentor_id].department if p.mentor_id in people else "",
                    people[p.mentee_id].department if p.mentee_id in people else ""):
                continue
            score, _, _, reasons = self._scored(p, lang, people)
            if level and level_of(score) != level:
                continue
            mentor, mentee = people.get(p.mentor_id), people.get(p.mentee_id)
            state = word(p.status, lang) + (f" · {word('locked', lang)}" if p.locked else "")
            rows.append({
                column("mentor", lang): f"{mentor.name if mentor else '?'} ({p.mentor_id})",
                column("mentee", lang): f"{mentee.name if mentee else '?'} ({p.mentee_id})",
                column("match", lang): f"{word(level_of(score), lang)} · "
                                       f"{format_percent(score, lang)}",
                column("status", lang): state,
                column("reasons", lang): "\n".join(f"• {r}" for r in reasons),
            })
        cols = [column(k, lang) for k in ("mentor", "mentee", "match", "status", "reasons")]
        return pd.DataFrame(rows, columns=cols)

    @staticmethod
    def key_of_row(row: Sequence[Any] | None) -> str | None:
        """The pair key of a pairs-table row (its first two cells end with the ids)."""
        if not row or len(row) < 2:
            return None
        mentor, mentee = id_in(row[0]), id_in(row[1])
        return pair_key(mentor, mentee) if mentor and mentee else None

    def pair_choices(self, statuses: tuple[str, ...] = ("proposed", *KEPT_STATUSES),
                     lang: str = "en") -> list[tuple[str, str]]:
        names = self._names()
        return [
            (f"{self._pair_name(p.mentor_id, p.mentee_id, names)} [{word(p.status, lang)}]",
             pair_key(p.mentor_id, p.mentee_id))
            for p in self.rec.pairs(statuses)
        ]

    def run_matching(self, min_gap: float, bonus: float, per_mentee: float,
                     per_mentor: float | None = None, lang: str = "en",
                     progress: ProgressFn | None = None) -> tuple[str, pd.DataFrame, pd.DataFrame]:
        """Match the cohort; a summary, the pairs table and the unmatched table.

        ``per_mentor`` caps every mentor's capacity for this run (0 or empty: each person's
        own capacity).
        """
        with self.lock:
            result = self.rec.suggest_pairs(
                progress=progress, min_experience_gap=float(min_gap),
                cross_department_bonus=float(bonus), max_mentors_per_mentee=int(per_mentee or 1),
                max_mentees_per_mentor=int(per_mentor) if per_mentor else None)
        proposed = sum(p.status == "proposed" for p in result.pairs)
        summary = t("matched", lang, n=proposed, u=len(result.unmatched))
        return summary, self.pairs_table(lang), self.unmatched_table(lang)

    def unmatched_table(self, lang: str = "en") -> pd.DataFrame:
        """Who has no proposed, accepted or active pair now, and why, in ``lang``."""
        rows = [{column("id", lang): u.id, column("name", lang): u.name,
                 column("reason", lang): u.reason} for u in self.rec.unmatched(language=lang)]
        return pd.DataFrame(rows, columns=[column(k, lang) for k in ("id", "name", "reason")])

    def _stored_pair(self, key: str | None) -> Pair | None:
        pair = split_pair_key(key)
        if pair is None:
            return None
        return {p.key: p for p in self.rec.pairs()}.get(pair)

    def _alternatives(self, ranked: list[Pair], other_of: str, skip: str,
                      people: dict[str, Person], stored: dict[tuple[str, str], Pair],
                      lang: str, k: int) -> list[tuple[Person, Pair, str]]:
        out = []
        for s in ranked:
            other = getattr(s, other_of)
            if other == skip or other not in people:
                continue
            current = stored.get(s.key) if hasattr(s, "key") else stored.get(
                (s.mentor_id, s.mentee_id))
            out.append((people[other], s, word(current.status, lang) if current else ""))
            if len(out) == k:
                break
        return out

    def review(self, key: str | None, lang: str = "en", k: int = 3) -> Review:
        """The review panel of a stored pair: profiles side by side with the matched sentences
        marked, the match in words and as a percentage with its parts, the reasons in
        ``lang``, and the ``k`` best other mentors of the mentee and mentees of the mentor."""
        pair = self._stored_pair(key)
        if pair is None:
            hint = f'<p class="review-hint">{html.escape(t("review_hint", lang))}</p>'
            return Review(None, hint, 0, self._button_labels(None, lang))
        people = self._people()
        score, parts, quotes, reasons = self._scored(pair, lang, people)
        scored = replace(pair, score=score, parts=parts, reasons=reasons, quotes=quotes)
        stored = {p.key: p for p in self.rec.pairs()}
        mentors = self._alternatives(self.rec.suggest_mentors(pair.mentee_id, k + 1),
                                     "mentor_id", pair.mentor_id, people, stored, lang, k)
        mentees = self._alternatives(self.rec.suggest_mentees(pair.mentor_id, k + 1),
                                     "mentee_id", pair.mentee_id, people, stored, lang, k)
        page = review_html(people[pair.mentor_id], people[pair.mentee_id], scored, reasons,
                           pair.status, pair.locked, mentors, mentees, lang)
        return Review(pair_key(*pair.key), page, pair.version, self._button_labels(pair, lang))

    def _button_labels(self, pair: Pair | None, lang: str) -> dict[str, str]:
        generic = {"accept": t("accept", lang), "reject": t("reject", lang),
                   "lock": t("lock", lang), "activate": t("activate", lang),
                   "end": t("end", lang)}
        if pair is None:
            return generic
        name = self._pair_name(pair.mentor_id, pair.mentee_id)
        return {"accept": t("accept_named", lang, pair=name),
                "reject": t("reject_named", lang, pair=name),
                "lock": t("unlock_named" if pair.locked else "lock_named", lang, pair=name),
                "activate": t("activate_named", lang, pair=name),
                "end": t("end_named", lang, pair=name)}

    def set_pair_status(self, key: str | None, action: str, lang: str = "en",
                        version: int | None = None) -> Result:
        """Accept, reject, activate, end, or toggle the lock of a pair.

        ``version`` is the pair's version as the page showed it: when somebody changed the
        pair since, nothing is written and the message says what it is now.
        """
        pair = split_pair_key(key)
        if pair is None:
            return Result(False, t("choose_pair", lang))
        expected = int(version) if version else None
        try:
            with self.lock:
                stored = {p.key: p for p in self.rec.pairs()}.get(pair)
                status_now, locked_now = ((stored.status, stored.locked) if stored
                                          else ("proposed", False))
                if action == "lock":
                    self.rec.set_pair_status(*pair, status_now, locked=not locked_now,
                                             expected_version=expected)
                    status = "locked" if not locked_now else "unlocked"
                else:
                    status = {"accept": "accepted", "reject": "rejected", "activate": "active",
                              "end": "ended"}[action]
                    self.rec.set_pair_status(*pair, status, expected_version=expected)
        except StaleDecisionError as exc:
            detail = (t("stale_gone", lang) if exc.found is None
                      else t("stale_detail", lang, status=word(exc.status or "", lang)))
            return Result(False, t("stale", lang, detail=detail))
        except UnknownIdError:
            return Result(False, t("choose_pair", lang))
        return Result(True, t("status_set", lang, pair=self._pair_name(*pair),
                              status=word(status, lang)))

    def add_manual_pair(self, mentor_id: str | None, mentee_id: str | None,
                        lang: str = "en") -> Result:
        """Pair two people by hand (accepted), after checking the hard rules; the rules it
        breaks, in ``lang``, when it may not be."""
        if not mentor_id or not mentee_id:
            return Result(False, t("choose_two", lang))
        if mentor_id == mentee_id:
            return Result(False, t("same_person", lang))
        name = self._pair_name(mentor_id, mentee_id)
        try:
            with self.lock:
                broken = self.rec.rule_violations(mentor_id, mentee_id, language=lang)
                if broken:
                    return Result(False, t("manual_forbidden", lang, pair=name,
                                           reasons="; ".join(broken)))
                made = self.rec.add_pair(mentor_id, mentee_id, status="accepted")
        except PairRuleError as exc:
            return Result(False, t("manual_forbidden", lang, pair=name,
                                   reasons="; ".join(exc.violations)))
        except UnknownIdError:
            return Result(False, t("choose_two", lang))
        match = f"{word(level_of(made.score), lang)}, {format_percent(made.score, lang)}"
        return Result(True, t("manual_done", lang, pair=name, match=match))

    def bulk_accept(self, level: str | None, lang: str = "en") -> Result:
        """Accept every proposed pair whose score is at ``level`` or above, each on the
        version read here (a pair changed meanwhile is left as it is and counted)."""
        if not level or level not in dict(LEVELS):
            level = "strong"
        floor = level_floor(level)
        accepted = stale = 0
        with self.lock:
            for p in self.rec.pairs(("proposed",)):
                if p.score < floor:
                    continue
                try:
                    self.rec.set_pair_status(p.mentor_id, p.mentee_id, "accepted",
                                             expected_version=p.version)
                    accepted += 1
                except StaleDecisionError:
                    stale += 1
        message = t("bulk_done", lang, n=accepted, level=word(level, lang))
        if stale:
            message += " " + t("bulk_stale", lang, n=stale)
        return Result(True, message)

    def export_pairs(self, fmt: str = "csv") -> str:
        """Write the current pairs to a file for download; returns its path."""
        names = self._names()
        rows = [{
            "mentor_id": p.mentor_id, "mentor_name": names.get(p.mentor_id, ""),
            "mentee_id": p.mentee_id, "mentee_name": names.get(p.mentee_id, ""),
            "score": round(p.score, 4), "status": p.status, "locked": p.locked,
            "reasons": list(p.reasons),
        } for p in self.rec.pairs() if p.status != "rejected"]
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        path = self.export_dir / f"pairs-{stamp}.{fmt}"
        write_table(rows, ["mentor_id", "mentor_name", "mentee_id", "mentee_name", "score",
                           "status", "locked", "reasons"], path, fmt)
        return str(path)

    # ------------------------------------------------------------------ sessions
    def log_note(self, key: str | None, date: Any, text: str, rating: float | None,
                 lang: str = "en") -> Result:
        """Log a session. ``date``: ``YYYY-MM-DD``, a date control's value, or ``DD/MM/YYYY``
        on a French page."""
        pair = split_pair_key(key)
        if pair is None:
            return Result(False, t("choose_pair", lang))
        iso = parse_date(date, lang)
        if iso is None:
            return Result(False, t("bad_date", lang, value=str(date or "").strip()))
        row = {"mentor_id": pair[0], "mentee_id": pair[1], "date": iso,
               "text": text, "rating": int(rating) if rating else None}
        try:
            with self.lock:
                self.rec.add_notes([row], source="form")
        except ValidationError as exc:
            return Result(False, _form_problems(exc, lang, "not_logged"))
        return Result(True, t("logged", lang))

    def pair_history(self, key: str | None, lang: str = "en") -> pd.DataFrame:
        """A pair's sessions; note texts only when the workspace lets coordinators read them."""
        cols = [column(k, lang) for k in ("date", "rating", "topics", "text")]
        pair = split_pair_key(key)
        if pair is None:
            return pd.DataFrame([], columns=cols)
        visible = self.notes_visible()
        titles = self._titles(lang)
        covered: dict[int, list[str]] = {}
        for c in self.rec.covered_topics(*pair):
            covered.setdefault(c.note_id, []).append(titles.get(c.topic_id, c.title))
        rows = [{
            column("date", lang): format_date(n.date, lang), column("rating", lang): n.rating or "",
            column("topics", lang): ", ".join(covered.get(n.id, [])),
            column("text", lang): n.text if visible else "—",
        } for n in self.rec.notes(*pair)]
        return pd.DataFrame(rows, columns=cols)

    # ------------------------------------------------------------------ topics
    def _titles(self, lang: str) -> dict[str, str]:
        return {tp.id: tp.title[tp.language_for(lang)] for tp in self.rec.topics()}

    def next_topics_html(self, key: str | None, k: float = 5, lang: str = "en") -> str:
        """Topic cards (HTML, every piece of text escaped) for a pair, best first."""
        pair = split_pair_key(key)
        if pair is None:
            return f"<p>{html.escape(t('choose_pair', lang))}</p>"
        suggestions = self.rec.suggest_topics(*pair, k=int(k), language=lang)
        covered = self.rec.covered_topics(*pair)
        catalogue = {tp.id: tp for tp in self.rec.topics()}
        esc = html.escape
        cards = []
        for rank, s in enumerate(suggestions, start=1):
            topic = catalogue.get(s.topic_id)
            title = topic.title[topic.language_for(lang)] if topic else s.title
            starters = (topic.starters.get(topic.language_for(lang), ()) if topic
                        else s.starters) or s.starters
            reasons = "".join(f"<li>{esc(r)}</li>" for r in s.reasons)
            items = "".join(f"<li>{esc(q)}</li>" for q in starters)
            cards.append(
                f'<div class="topic-card"><h3>{rank}. {esc(title)} '
                f'<small class="topic-score">{esc(t("relevance", lang))} '
                f"{esc(format_number(s.score, lang, 2))}</small></h3><ul>{reasons}</ul>"
                f"<p><b>{esc(t('starters', lang))}</b></p><ul>{items}</ul></div>")
        if not cards:
            cards.append(f"<p>{esc(t('no_topics', lang))}</p>")
        if covered:
            titles = self._titles(lang)
            listed = "".join(f"<li>{esc(titles.get(c.topic_id, c.title))} — "
                             f"{esc(format_date(c.date, lang))}</li>" for c in covered)
            cards.append(f"<div class='covered'><b>{esc(t('covered', lang))}</b>"
                         f"<ul>{listed}</ul></div>")
        return "\n".join(cards)

    def next_topics(self, key: str | None, k: float = 5) -> list[dict[str, Any]]:
        """The same suggestions as data (for scripts)."""
        pair = split_pair_key(key)
        if pair is None:
            return []
        return [{"topic_id": s.topic_id, "title": s.title, "score": s.score,
                 "reasons": list(s.reasons), "starters": list(s.starters)}
                for s in self.rec.suggest_topics(*pair, k=int(k))]

    # ------------------------------------------------------------------ insights
    def _themes(self) -> list[Any]:
        """The notes' themes, computed again only when the notes changed."""
        notes = self.rec.notes()
        stamp = tuple((n.id, n.date) for n in notes)
        if self._themes_cache is None or self._themes_cache[0] != stamp:
            self._themes_cache = (stamp, self.rec.themes())
        return self._themes_cache[1]

    @staticmethod
    def themes_columns(lang: str = "en") -> list[str]:
        return [column(k, lang) for k in ("theme", "size", "trend", "nearest", "flag")]

    def themes_table(self, lang: str = "en") -> pd.DataFrame:
        """Themes of the notes, titled in ``lang``; words taken from the notes only when note
        texts may be read."""
        visible = self.notes_visible()
        topics = {tp.id: tp for tp in self.rec.topics()}
        rows = []
        for n, th in enumerate(self._themes(), start=1):
            nearest = topics.get(th.nearest_topic_id)
            nearest_title = nearest.title[nearest.language_for(lang)] if nearest else ""
            rows.append({
                column("theme", lang): theme_title(th, topics, lang, use_keywords=visible,
                                                   number=n),
                column("size", lang): th.size,
                column("trend", lang): ", ".join(f"{format_month(m, lang)}: {c}"
                                                 for m, c in th.by_month.items()),
                column("nearest", lang): f"{nearest_title} "
                                         f"({format_percent(th.nearest_topic_similarity, lang)})",
                column("flag", lang): t("candidate_topic", lang) if th.candidate_new_topic else "",
            })
        return pd.DataFrame(rows, columns=self.themes_columns(lang))

    def risk_table(self, lang: str = "en", as_of: str | None = None) -> pd.DataFrame:
        names = self._names()
        health = self.rec.health(as_of=as_of, language=lang)
        rows = [{
            column("mentor", lang): names.get(p.mentor_id, p.mentor_id),
            column("mentee", lang): names.get(p.mentee_id, p.mentee_id),
            column("sessions", lang): p.sessions,
            column("last", lang): format_date(p.last_session, lang),
            column("reasons", lang): "; ".join(p.risk_reasons),
        } for p in health.pairs if p.at_risk]
        cols = [column(k, lang) for k in ("mentor", "mentee", "sessions", "last", "reasons")]
        return pd.DataFrame(rows, columns=cols)

    def charts(self, lang: str = "en", as_of: str | None = None) -> tuple[Any, Any, Any]:
        """Sessions per month, distribution of pair scores, coverage of wants (figures)."""
        from ..reports.charts import coverage_chart, score_chart, sessions_chart

        health = self.rec.health(as_of=as_of)
        people = self._people()
        scores = [self._scored(p, lang, people)[0] for p in self.rec.pairs()
                  if p.status != "rejected"]
        months = {format_month(m, lang): n for m, n in health.sessions_by_month.items()}
        return (sessions_chart(months, t("sessions_per_month", lang), t("sessions_axis", lang)),
                score_chart(scores, t("score_distribution", lang), t("score_axis", lang),
                            t("pairs_axis", lang),
                            [(word(name, lang), floor) for name, floor in LEVELS[:-1]]),
                coverage_chart(health.wants_covered_share, t("coverage", lang),
                               t("covered_label", lang), t("not_covered_label", lang),
                               format_percent(health.wants_covered_share, lang)))

