"""The coordinator's actions as plain functions over a :class:`Recommender`.

No Gradio here: each method takes plain values and returns plain values (strings, pandas
DataFrames, matplotlib figures, file paths), so the same workflow is testable without a
browser and scriptable through ``gradio_client`` once ``app.py`` wires it.

User text is only ever returned as data for text components and tables, or escaped with
:func:`html.escape` where HTML is built.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import ValidationError
from ..export import write_table
from ..ingest import read_table
from ..recommender import ProgressFn, Recommender
from ..records import KEPT_STATUSES
from .i18n import column, t

__all__ = ["Coordinator", "Result", "pair_key", "split_pair_key"]

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
                column("years", lang): p.years_experience,
                column("department", lang): p.department, column("role", lang): p.role,
                column("languages", lang): ";".join(p.languages),
                column("preference", lang): p.role_preference,
            })
        cols = [column(k, lang) for k in ("id", "name", "years", "department", "role",
                                          "languages", "preference")]
        return pd.DataFrame(rows, columns=cols)

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
        """The edit form's values for a person (empty when none is chosen)."""
        if not person_id:
            return ["", 0.0, "", "", "", "", "", "", "either", 1, ""]
        p = self.rec.person(person_id)
        return [p.name, p.years_experience, p.department, p.role, ";".join(p.languages),
                p.profile, p.offers, p.wants, p.role_preference, p.capacity, p.manager_id]

    def save_person(self, person_id: str | None, name: str, years: float, department: str,
                    role: str, languages: str, profile: str, offers: str, wants: str,
                    role_preference: str, capacity: float, manager_id: str,
                    lang: str = "en") -> Result:
        """Update a participant from the edit form; the problems if the values are wrong."""
        if not person_id:
            return Result(False, t("choose_person", lang))
        current = self.rec.person(person_id)
        row = {
            "id": person_id, "name": name, "years_experience": years, "department": department,
            "role": role, "languages": languages, "profile": profile, "offers": offers,
            "wants": wants, "role_preference": role_preference, "capacity": capacity,
            "manager_id": manager_id, "email": current.email, "location": current.location,
        }
        try:
            with self.lock:
                self.rec.add_people([row], source="form")
        except ValidationError as exc:
            return Result(False, _problems(exc, lang))
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

    # ------------------------------------------------------------------ pairs
    def _names(self) -> dict[str, str]:
        return {p.id: p.name for p in self.rec.people()}

    def pairs_table(self, lang: str = "en") -> pd.DataFrame:
        """Stored pairs (proposed, accepted, active...), best score first."""
        names = self._names()
        rows = []
        for p in self.rec.pairs():
            if p.status == "rejected":
                continue
            rows.append({
                column("mentor", lang): f"{names.get(p.mentor_id, '?')} ({p.mentor_id})",
                column("mentee", lang): f"{names.get(p.mentee_id, '?')} ({p.mentee_id})",
                column("score", lang): round(p.score, 3),
                column("status", lang): p.status,
                column("locked", lang): "🔒" if p.locked else "",
                column("reasons", lang): " • ".join(p.reasons),
            })
        cols = [column(k, lang) for k in ("mentor", "mentee", "score", "status", "locked",
                                          "reasons")]
        return pd.DataFrame(rows, columns=cols)

    def pair_choices(self, statuses: tuple[str, ...] = ("proposed", *KEPT_STATUSES)
                     ) -> list[tuple[str, str]]:
        names = self._names()
        return [
            (f"{names.get(p.mentor_id, '?')} → {names.get(p.mentee_id, '?')} [{p.status}]",
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
                cross_department_bonus=float(bonus), max_mentors_per_mentee=int(per_mentee),
                max_mentees_per_mentor=int(per_mentor) if per_mentor else None)
        unmatched = pd.DataFrame(
            [{column("id", lang): u.id, column("name", lang): u.name,
              column("reason", lang): u.reason} for u in result.unmatched],
            columns=[column(k, lang) for k in ("id", "name", "reason")])
        proposed = sum(p.status == "proposed" for p in result.pairs)
        summary = t("matched", lang, n=proposed, u=len(result.unmatched))
        return summary, self.pairs_table(lang), unmatched

    def set_pair_status(self, key: str | None, action: str, lang: str = "en") -> Result:
        """Accept, reject, activate, end, or toggle the lock of a pair."""
        pair = split_pair_key(key)
        if pair is None:
            return Result(False, t("choose_pair", lang))
        with self.lock:
            stored = {p.key: p for p in self.rec.pairs()}.get(pair)
            status_now, locked_now = (stored.status, stored.locked) if stored else ("proposed", False)
            if action == "lock":
                self.rec.set_pair_status(*pair, status_now, locked=not locked_now)
                status = "locked" if not locked_now else "unlocked"
            else:
                status = {"accept": "accepted", "reject": "rejected", "activate": "active",
                          "end": "ended"}[action]
                self.rec.set_pair_status(*pair, status)
        names = self._names()
        return Result(True, t("status_set", lang, pair=f"{names.get(pair[0])} → {names.get(pair[1])}",
                              status=status))

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
    def log_note(self, key: str | None, date: str, text: str, rating: float | None,
                 lang: str = "en") -> Result:
        pair = split_pair_key(key)
        if pair is None:
            return Result(False, t("choose_pair", lang))
        row = {"mentor_id": pair[0], "mentee_id": pair[1], "date": (date or "").strip(),
               "text": text, "rating": int(rating) if rating else None}
        try:
            with self.lock:
                self.rec.add_notes([row], source="form")
        except ValidationError as exc:
            return Result(False, _problems(exc, lang))
        return Result(True, t("logged", lang))

    def pair_history(self, key: str | None, lang: str = "en") -> pd.DataFrame:
        """A pair's sessions; note texts only when the workspace lets coordinators read them."""
        cols = [column(k, lang) for k in ("date", "rating", "topics", "text")]
        pair = split_pair_key(key)
        if pair is None:
            return pd.DataFrame([], columns=cols)
        visible = self.notes_visible()
        covered: dict[int, list[str]] = {}
        for c in self.rec.covered_topics(*pair):
            covered.setdefault(c.note_id, []).append(c.title)
        rows = [{
            column("date", lang): n.date, column("rating", lang): n.rating or "",
            column("topics", lang): ", ".join(covered.get(n.id, [])),
            column("text", lang): n.text if visible else "—",
        } for n in self.rec.notes(*pair)]
        return pd.DataFrame(rows, columns=cols)

    # ------------------------------------------------------------------ topics
    def next_topics_html(self, key: str | None, k: float = 5, lang: str = "en") -> str:
        """Topic cards (HTML, every piece of text escaped) for a pair."""
        pair = split_pair_key(key)
        if pair is None:
            return f"<p>{html.escape(t('choose_pair', lang))}</p>"
        suggestions = self.rec.suggest_topics(*pair, k=int(k))
        covered = self.rec.covered_topics(*pair)
        esc = html.escape
        cards = []
        for rank, s in enumerate(suggestions, start=1):
            reasons = "".join(f"<li>{esc(r)}</li>" for r in s.reasons)
            starters = "".join(f"<li>{esc(q)}</li>" for q in s.starters)
            cards.append(
                f'<div class="topic-card"><h3>{rank}. {esc(s.title)} '
                f'<small>({s.score:.2f})</small></h3><ul>{reasons}</ul>'
                f"<p><b>{esc(t('starters', lang))}</b></p><ul>{starters}</ul></div>")
        if not cards:
            cards.append(f"<p>{esc(t('no_topics', lang))}</p>")
        if covered:
            items = "".join(f"<li>{esc(c.title)} — {esc(c.date)}</li>" for c in covered)
            cards.append(f"<div class='covered'><b>{esc(t('covered', lang))}</b><ul>{items}</ul></div>")
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
    def themes_table(self, lang: str = "en") -> pd.DataFrame:
        """Themes of the notes; their keywords only when note texts may be read."""
        visible = self.notes_visible()
        topics = {tp.id: tp for tp in self.rec.topics()}
        rows = []
        for th in self.rec.themes():
            nearest = topics.get(th.nearest_topic_id)
            nearest_title = nearest.title[nearest.language_for(lang)] if nearest else ""
            rows.append({
                column("theme", lang): ", ".join(th.keywords) if visible else nearest_title,
                column("size", lang): th.size,
                column("trend", lang): " ".join(f"{m}:{c}" for m, c in th.by_month.items()),
                column("nearest", lang): f"{nearest_title} ({th.nearest_topic_similarity:.2f})",
                column("flag", lang): t("candidate_topic", lang) if th.candidate_new_topic else "",
            })
        cols = [column(k, lang) for k in ("theme", "size", "trend", "nearest", "flag")]
        return pd.DataFrame(rows, columns=cols)

    def risk_table(self, lang: str = "en", as_of: str | None = None) -> pd.DataFrame:
        names = self._names()
        health = self.rec.health(as_of=as_of, language=lang)
        rows = [{
            column("mentor", lang): names.get(p.mentor_id, p.mentor_id),
            column("mentee", lang): names.get(p.mentee_id, p.mentee_id),
            column("sessions", lang): p.sessions, column("last", lang): p.last_session or "",
            column("reasons", lang): "; ".join(p.risk_reasons),
        } for p in health.pairs if p.at_risk]
        cols = [column(k, lang) for k in ("mentor", "mentee", "sessions", "last", "reasons")]
        return pd.DataFrame(rows, columns=cols)

    def charts(self, lang: str = "en", as_of: str | None = None) -> tuple[Any, Any, Any]:
        """Sessions per month, distribution of pair scores, coverage of wants (figures)."""
        from ..charts import coverage_chart, score_chart, sessions_chart

        health = self.rec.health(as_of=as_of)
        scores = [p.score for p in self.rec.pairs() if p.status != "rejected"]
        return (sessions_chart(health.sessions_by_month, t("sessions_per_month", lang)),
                score_chart(scores, t("score_distribution", lang)),
                coverage_chart(health.wants_covered_share, t("coverage", lang),
                               t("covered_label", lang), t("not_covered_label", lang)))
