"""The "map the columns" step of the Participants tab, for a sign-up form export."""

from __future__ import annotations

import contextlib
import html
import logging
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import ValidationError
from ..intake.cells import answer_parts, canonical_column, cell_text, is_blank
from ..intake.forms.apply import ImportReport, MappedRows, apply_mapping, people_from_mapped
from ..intake.forms.mapping import FIELDS, ColumnMapping
from ..intake.forms.propose import MappingProposal, header_of, missing_fields
from ..intake.forms.values import suggest_years
from ..intake.readers import read_form_table, read_table
from ..language.formats import format_number, format_percent
from ..language.names import language_code
from ..language.text import fold
from ..records import ProgressFn
from .base import HandlerBase
from .common import (
    Result,
    as_frame,
    problem_line,
    problem_lines,
    problems_text,
    remove_upload,
    table_rows,
)
from .forms import (
    IGNORE,
    PREVIEW_ROWS,
    MappingStep,
    field_of_cell,
    guess_role,
    original_headers,
    reason_text,
    short,
    warning_text,
    years_value,
)
from .i18n import column, t, word

__all__ = ["MappingHandlers"]

logger = logging.getLogger(__name__)


def _renamed(table: pd.DataFrame, keys: Sequence[str], lang: str) -> pd.DataFrame:
    if len(table.columns) != len(keys):
        return table
    return table.set_axis([column(k, lang) for k in keys], axis=1)


class MappingHandlers(HandlerBase):
    """The mapping step: proposal as two editable tables, preview, checks, import."""

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
            rows = read_form_table(people_file)
        except ValidationError:
            return MappingStep(False, None)
        if not rows or not missing_fields(header_of(rows)):
            return MappingStep(False, None)
        self.discard_mapping(previous)
        pending = self._keep_upload(people_file)
        role = guess_role(Path(people_file).name) if role is None else role
        base, proposal, saved = self._base_mapping(rows, role)
        columns = self._columns_table(pending, rows, proposal, base, saved, lang)
        values = self._values_table(pending, rows, base, proposal, lang)
        preview, checks = self.preview_mapping(pending, columns, values, role, lang)
        intro = self._intro(pending, rows, proposal, saved, role, lang)
        return MappingStep(True, pending, intro, columns, values, role, preview, checks,
                           t("map_needed", lang))

    @staticmethod
    def _intro(path: str, rows: Sequence[tuple[int, dict[str, Any]]],
               proposal: MappingProposal, saved: bool, role: str | None, lang: str) -> str:
        originals = original_headers(path)
        found = ", ".join(f"'{originals.get(c.column, c.column)}'" for c in proposal.columns)
        intro = [t("map_intro", lang, file=Path(path).name, rows=len(rows),
                   n=len(proposal.columns), missing=", ".join(missing_fields(header_of(rows)))),
                 t("map_found", lang, columns=found),
                 t("map_saved_used" if saved else "map_proposed", lang)]
        if role:
            intro.append(t("map_role_guessed", lang, role=word(role, lang)))
        return "\n\n".join(html.escape(x, quote=False) for x in intro)

    def translate_mapping(self, path: str | None, columns: Any, values: Any, role: str | None,
                          old: str, new: str) -> tuple[Any, ...]:
        """The pending step in the page's new language, the coordinator's edits kept: intro,
        columns table, values table, preview, checks (nothing pending: five ``None``)."""
        if not path or not Path(path).exists():
            return None, None, None, None, None
        rows = read_form_table(path)
        _, proposal, saved = self._base_mapping(rows, role)
        mapping, _ = self.mapping_from_tables(path, columns, values, role, old)
        if mapping is None:  # an edit that does not read yet: the same cells, headers renamed
            table_cols = _renamed(as_frame(columns), ("source", "field", "confidence",
                                                      "examples", "why"), new)
            table_values = _renamed(as_frame(values), ("source", "field", "answer", "value",
                                                       "suggestion"), new)
        else:
            table_cols = self._columns_table(path, rows, proposal, mapping, saved, new)
            table_values = self._values_table(path, rows, mapping, proposal, new)
        preview, checks = self.preview_mapping(path, table_cols, table_values, role, new)
        return (self._intro(path, rows, proposal, saved, role, new), table_cols, table_values,
                preview, checks)

    def discard_mapping(self, pending: str | None) -> None:
        """Forget a pending upload of the mapping step (its private copy is deleted)."""
        if pending and Path(pending).parent.parent == self.upload_dir:
            remove_upload(pending)
            with contextlib.suppress(OSError):
                Path(pending).parent.rmdir()

    def _keep_upload(self, path: str) -> str:
        folder = Path(tempfile.mkdtemp(dir=self.upload_dir))
        kept = folder / Path(path).name
        shutil.copyfile(path, kept)
        remove_upload(path)
        return str(kept)

    def _base_mapping(self, rows: Sequence[tuple[int, dict[str, Any]]], role: str | None
                      ) -> tuple[ColumnMapping, MappingProposal, bool]:
        proposal = self.rec.propose_mapping(rows, role=role or None)
        saved = self.rec.saved_mapping(rows)
        return (saved or proposal.mapping), proposal, saved is not None

    def _columns_table(self, path: str, rows: Sequence[tuple[int, dict[str, Any]]],
                       proposal: MappingProposal, mapping: ColumnMapping, saved: bool,
                       lang: str) -> pd.DataFrame:
        originals = original_headers(path)
        ignored = {canonical_column(c) for c in mapping.ignored}
        out = []
        for c in proposal.columns:
            name = mapping.field_of(c.column)
            cell = name or (IGNORE if canonical_column(c.column) in ignored else "")
            if saved:
                sure = t("map_saved_word", lang)
                why = reason_text(c.reason, lang) if name == c.field else t("map_from_saved",
                                                                              lang)
            else:
                sure = format_percent(c.confidence, lang) if c.field else ""
                why = reason_text(c.reason, lang)
            examples = list(dict.fromkeys(
                short(r.get(c.column), 40) for _, r in rows if short(r.get(c.column))))
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
        originals = original_headers(path)
        suggested: dict[tuple[str, str], str] = {}
        if proposal is not None:
            for c in proposal.columns:
                for v in c.values:
                    suggested[(canonical_column(c.column), fold(v.answer).strip())] = v.reason
        out: list[dict[str, Any]] = []
        for field_name in ("years_experience", "languages", "role_preference", "preferences"):
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
                    items = answer_parts(cell, mapping.is_checkbox(col)) \
                        if field_name == "languages" else [str(cell)]
                    answers.extend(i.strip() for i in items if i.strip())
                for answer in dict.fromkeys(answers):
                    folded = fold(answer).strip()
                    value: Any = known.get(folded)
                    why = suggested.get((canonical_column(col), folded), "")
                    if field_name == "years_experience":
                        if years_value(answer) is not None:
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
                    if field_name == "preferences" and why:
                        # a condition on the partner, or none ("No preference"): the
                        # coordinator confirms each; free text needs them first
                        note = reason_text(why, lang)
                        if "to confirm" in why or "write the condition" in why:
                            note = "⚠ " + note
                    elif shown:
                        note = (reason_text(why, lang) if why else t("map_value_known", lang))
                        if "default to confirm" in why:  # a stated default: look at it first
                            note = "⚠ " + note
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
        rows = read_form_table(path)
        base, proposal, _ = self._base_mapping(rows, role)
        originals = original_headers(path)
        by_label = {canonical_column(originals.get(c.column, c.column)): c
                    for c in proposal.columns}
        by_label.update({canonical_column(c.column): c for c in proposal.columns})
        errors: list[str] = []
        fields: dict[str, list[str]] = {}
        ignored: list[str] = []
        kinds: dict[str, str] = {}
        for row in table_rows(columns):
            if len(row) < 2:
                continue
            label, cell = str(row[0] or ""), row[1]
            found = by_label.get(canonical_column(label))
            if found is None:
                continue
            name = field_of_cell(cell, lang)
            if name is None:
                errors.append(t("map_bad_field", lang, column=label, value=str(cell),
                                fields=", ".join((*FIELDS, IGNORE))))
            elif name == IGNORE:
                ignored.append(found.column)
            elif name:
                fields.setdefault(name, []).append(found.column)
                kinds[found.column] = found.kind
        value_maps: dict[str, dict[str, Any]] = {
            f: dict(m) for f, m in base.value_maps.items()
            if f not in ("years_experience", "languages", "role_preference", "preferences")}
        for row in table_rows(values):
            if len(row) < 4:
                continue
            label, name, answer, cell = str(row[0] or ""), str(row[1] or ""), row[2], row[3]
            found = by_label.get(canonical_column(label))
            if found is None or found.column not in fields.get(name, ()):
                continue  # the column no longer feeds that field
            text = "" if is_blank(cell) else cell_text(cell)
            if not text:
                if name == "preferences":  # an empty condition: the answer sets none
                    value_maps.setdefault(name, {})[str(answer)] = ""
                continue
            if name == "years_experience":
                years = years_value(text)
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
            return as_frame(values), preview, checks
        rows = read_form_table(path)
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
        rows = read_form_table(path)
        mapped = apply_mapping(rows, mapping, Path(path).name)
        report = mapped.report
        guessed = {r for r, _ in report.guessed_languages}
        preview = []
        for row_no, r in mapped.rows[:PREVIEW_ROWS]:
            langs = r.get("languages") or ""
            langs = ";".join(langs) if isinstance(langs, (list, tuple)) else str(langs)
            if row_no in guessed:
                langs += f" ({t('map_guessed', lang)})"
            years = r.get("years_experience")
            number = years_value(years)
            preview.append({
                cols[0]: r.get("id", ""), cols[1]: r.get("name", ""),
                cols[2]: format_number(number, lang) if number is not None else "⚠ ?",
                cols[3]: langs, cols[4]: word(str(r.get("role_preference") or "either"), lang),
                cols[5]: short(str(r.get("offers") or "").replace("\n", " · "), 90),
                cols[6]: short(str(r.get("wants") or "").replace("\n", " · "), 90)})
        return pd.DataFrame(preview, columns=cols), self._checks(rows, mapping, report, path,
                                                                 lang)

    def _checks(self, rows: Sequence[tuple[int, dict[str, Any]]], mapping: ColumnMapping,
                report: ImportReport, path: str, lang: str) -> str:
        originals = original_headers(path)
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
            lines += [f"- {esc(problem_line(p, originals, lang))}" for p in problems[:8]]
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
                      progress: ProgressFn | None = None, update: bool = False) -> Result:
        """Import the pending upload through the mapping of the step's tables.

        The mapping is saved in the workspace for the next file with the same columns. By
        default one bad row rejects the file (the upload stays pending, to fix the mapping);
        ``partial`` stores the valid rows and lists the others with row and column;
        ``update`` updates people imported from another form, or who change side (without
        it such an import stops and names them). The report: rows stored, generated ids,
        guessed languages, skipped rows, unused columns.
        """
        mapping, errors = self.mapping_from_tables(path, columns, values, role, lang)
        if mapping is None or not path:
            return Result(False, "\n".join([t("nothing_stored", lang),
                                            *(f"• {e}" for e in errors)]))
        source = Path(path).name
        originals = original_headers(path)
        rows = read_form_table(path)
        mapped = apply_mapping(rows, mapping, source)
        report = mapped.report
        try:
            with self.lock:
                result = self.rec.import_people(path, source, mapping=mapping,
                                                role=role or None, partial=bool(partial),
                                                update=bool(update), progress=progress)
        except ValidationError as exc:
            return Result(False, "\n".join([t("nothing_stored", lang), *problem_lines(
                exc.problems, lang, lambda p: problem_line(p, originals, lang))]))
        # what the report claims is what was stored: the rows kept (not the unfinished ones
        # left out, nor the rows a partial import skipped)
        skipped_rows = {p.row for p in result.skipped}
        kept = {r for r, _ in mapped.rows} - skipped_rows
        lines = [t("map_imported", lang, n=len(kept), file=source,
                   role=word(role, lang) if role else t("role_from_file", lang))]
        made_ids = [(r, i, h) for r, i, h in report.generated_ids if r in kept]
        if made_ids:
            how = " / ".join(sorted({t("from_" + ("email" if "mail" in h else "name" if "name"
                                                  in h else "row"), lang)
                                     for _, _, h in made_ids}))
            lines.append(t("map_ids_made", lang, n=len(made_ids), how=how) + " " +
                         ", ".join(f"{t('row_word', lang)} {r}: {i}" for r, i, _ in made_ids[:6])
                         + (" …" if len(made_ids) > 6 else ""))
        made_names = [(r, n) for r, n in report.generated_names if r in kept]
        from_email = sum(not n.startswith(f"{source}, ") for _, n in made_names)
        if from_email:
            lines.append(t("map_names_made", lang, n=from_email))
        if len(made_names) > from_email:
            lines.append(t("map_names_rows", lang, n=len(made_names) - from_email,
                           example=next(n for _, n in made_names if n.startswith(f"{source}, "))))
        guessed = [(r, codes) for r, codes in report.guessed_languages if r in kept]
        if guessed:
            lines.append(t("map_langs_report", lang) + " " + ", ".join(
                f"{t('row_word', lang)} {r}: {'+'.join(codes) or '?'}" for r, codes in guessed))
        if result.skipped:
            lines.append(t("map_skipped", lang, n=len(skipped_rows)))
            lines += problem_lines(result.skipped, lang,
                                   lambda p: problem_line(p, originals, lang))
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
                lines.append(problems_text(exc, lang))
            finally:
                remove_upload(notes_file)
        self.discard_mapping(path)
        return Result(True, "\n".join(lines))
