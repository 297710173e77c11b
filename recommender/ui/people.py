"""The Participants tab (and Settings): the people table, upload and import, editing and erasing."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import UnknownIdError, ValidationError
from ..intake.readers import read_table
from ..language.formats import format_number
from ..records import PAIR_STATUSES, ProgressFn
from .base import HandlerBase
from .common import (
    Result,
    form_problems,
    problems_text,
    remove_upload,
)
from .i18n import column, t, word

__all__ = ["PeopleHandlers"]

logger = logging.getLogger(__name__)


class PeopleHandlers(HandlerBase):
    """Participants: list, import, edit, erase; and whether note texts may be read."""

    def set_notes_visible(self, visible: bool) -> bool:
        with self.lock:
            self.rec.set_notes_visible(bool(visible))
        return bool(visible)

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

    def header(self, lang: str = "en") -> str:
        """The page's heading: the kind of programme (its direction) and what the page does."""
        title = t(f"title_{self.rec.params.direction}", lang)
        return f"# {title}\n{t('subtitle', lang)}"

    def overview(self, lang: str = "en") -> str:
        """Where the programme stands, counted, and the next step (Markdown); on an empty
        workspace, what to do first."""
        people = self.rec.people()
        if not people:
            return t("start_here", lang)
        pairs = self.rec.pairs()
        sides = {side: sum(p.role_preference == side for p in people)
                 for side in ("mentor", "mentee", "either")}
        counts = t("count_people", lang, n=len(people), **sides)
        by_status = {s: sum(p.status == s for p in pairs) for s in PAIR_STATUSES}
        if not pairs:
            return f"{counts} · {t('next_match', lang)}"
        # "proposed: 28", not "28 proposed": one word form fits every count in French too
        shown = ", ".join(t("count_status", lang, status=word(s, lang), n=n)
                          for s, n in by_status.items() if n)
        step = t("next_review", lang) if by_status["proposed"] else ""
        return f"{counts} · {t('count_pairs', lang, pairs=shown)}" + (f" · {step}" if step
                                                                      else "")

    def person_ids(self) -> list[tuple[str, str]]:
        return [(f"{p.name} ({p.id})", p.id) for p in self.rec.people()]

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
                        lines.append(problems_text(exc, lang))
                        return Result(False, "\n".join(lines))
                if notes_file:
                    name = Path(notes_file).name
                    try:
                        n = self.rec.add_notes(read_table(notes_file), source=name)
                        lines.append(t("imported_notes", lang, n=n))
                    except ValidationError as exc:
                        lines.append(problems_text(exc, lang))
                        return Result(False, "\n".join(lines))
            return Result(True, "\n".join(lines))
        finally:
            for path in (people_file, notes_file):
                if path:
                    remove_upload(path)

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
            "capacity": capacity, "manager_id": manager_id or "",
            "email": current.email, "location": current.location,
        }
        try:
            with self.lock:
                self.rec.add_people([row], source="form")
        except ValidationError as exc:
            return Result(False, form_problems(exc, lang, "not_saved"))
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
