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
import re
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import PairRuleError, StaleDecisionError, UnknownIdError, ValidationError
from ..export import write_table
from ..ingest import read_table
from ..recommender import ProgressFn, Recommender
from ..records import KEPT_STATUSES, PAIR_STATUSES, PairSuggestion, Person, StoredPair
from ..themes import theme_title
from .i18n import (
    LEVELS,
    column,
    format_date,
    format_month,
    format_number,
    format_percent,
    level_floor,
    level_of,
    parse_date,
    t,
    word,
)
from .review import review_html

__all__ = ["Coordinator", "Result", "Review", "pair_key", "split_pair_key"]

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
        self._explained: dict[tuple[Person, Person, str], PairSuggestion] = {}
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

    # ------------------------------------------------------------------ pairs
    def _people(self) -> dict[str, Person]:
        return {p.id: p for p in self.rec.people()}

    def _names(self) -> dict[str, str]:
        return {p.id: p.name for p in self.rec.people()}

    def _pair_name(self, mentor_id: str, mentee_id: str, names: dict[str, str] | None = None
                   ) -> str:
        names = names or self._names()
        return f"{names.get(mentor_id, mentor_id)} → {names.get(mentee_id, mentee_id)}"

    def _scored(self, pair: StoredPair, lang: str, people: dict[str, Person]
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

    def _stored_pair(self, key: str | None) -> StoredPair | None:
        pair = split_pair_key(key)
        if pair is None:
            return None
        return {p.key: p for p in self.rec.pairs()}.get(pair)

    def _alternatives(self, ranked: list[PairSuggestion], other_of: str, skip: str,
                      people: dict[str, Person], stored: dict[tuple[str, str], StoredPair],
                      lang: str, k: int) -> list[tuple[Person, PairSuggestion, str]]:
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
        scored = PairSuggestion(pair.mentor_id, pair.mentee_id, score, parts, reasons,
                                pair.status, pair.locked, quotes)
        stored = {p.key: p for p in self.rec.pairs()}
        mentors = self._alternatives(self.rec.suggest_mentors(pair.mentee_id, k + 1),
                                     "mentor_id", pair.mentor_id, people, stored, lang, k)
        mentees = self._alternatives(self.rec.suggest_mentees(pair.mentor_id, k + 1),
                                     "mentee_id", pair.mentee_id, people, stored, lang, k)
        page = review_html(people[pair.mentor_id], people[pair.mentee_id], scored, reasons,
                           pair.status, pair.locked, mentors, mentees, lang)
        return Review(pair_key(*pair.key), page, pair.version, self._button_labels(pair, lang))

    def _button_labels(self, pair: StoredPair | None, lang: str) -> dict[str, str]:
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
        suggestions = self.rec.suggest_topics(*pair, k=int(k))
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
        from ..charts import coverage_chart, score_chart, sessions_chart

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
