"""The Pairs tab: matching, the pairs table and its filters, the review of one pair,
decisions, manual pairs, exports."""

from __future__ import annotations

import datetime as dt
import html
import json
import logging
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import pandas as pd

from ..errors import PairRuleError, StaleDecisionError, UnknownIdError
from ..language.formats import format_percent
from ..matching.programme import parse_rules_text, rules_from_dict, rules_to_dict
from ..records import KEPT_STATUSES, PAIR_STATUSES, Pair, Person, ProgressFn
from ..reports.export import PAIR_COLUMNS, pair_table, write_table
from .base import HandlerBase
from .common import (
    Result,
    Review,
    id_in,
    pair_key,
    split_pair_key,
)
from .i18n import LEVELS, column, level_floor, level_of, t, word
from .review import review_html

__all__ = ["DECISIONS", "ENABLED", "PairHandlers"]

DECISIONS = {"accept": "accepted", "reject": "rejected", "lock": "", "activate": "active",
             "end": "ended", "reopen": "proposed"}
"""The decision buttons of the review, and the status each one sets (the lock toggles)."""

ENABLED = {
    "proposed": ("accept", "reject", "lock", "activate"),
    "accepted": ("reject", "lock", "activate", "end"),
    "active": ("lock", "end"),
    "rejected": ("accept", "reopen"),
    "ended": ("reopen",),
}
"""The decisions that make sense for a pair in each status (the others are greyed out)."""

logger = logging.getLogger(__name__)


class PairHandlers(HandlerBase):
    """Pairs: run the matching, list and filter, review, decide, pair by hand, export."""

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
                     progress: ProgressFn | None = None, direction: str | None = None,
                     min_score: float | None = None
                     ) -> tuple[str, pd.DataFrame, pd.DataFrame]:
        """Match the cohort; a summary, the pairs table and the unmatched table.

        ``per_mentor``: mentees each mentor takes this run, unless their own answer says
        fewer (0 or empty: each person's own capacity); ``direction`` and ``min_score``
        (``None``: unchanged). The settings become the programme's: saved in the workspace
        (the command line and the next page start from them), and used for what the page
        computes next (a pair's alternatives, a manual pair), scored as the run scored the
        list.
        """
        params = replace(
            self.rec.params, min_experience_gap=float(min_gap),
            cross_department_bonus=float(bonus), max_mentors_per_mentee=int(per_mentee or 1),
            max_mentees_per_mentor=int(per_mentor) if per_mentor else None,
            direction=direction or self.rec.params.direction,
            min_score=self.rec.params.min_score if min_score is None else float(min_score))
        with self.lock:
            self.rec.save_settings(params)
            result = self.rec.suggest_pairs(progress=progress)
            warnings = self.rec.rule_warnings()
        proposed = sum(p.status == "proposed" for p in result.pairs)
        summary = t("matched", lang, n=proposed, u=len(result.unmatched))
        if warnings:  # in English: they quote the rules and answers as written
            summary += "\n" + "\n".join(f"⚠ {w}" for w in warnings[:6])
        return summary, self.pairs_table(lang), self.unmatched_table(lang)

    def settings_values(self) -> tuple[Any, ...]:
        """The programme's saved matching settings, as the page's settings show them:
        direction, gap, bonus, minimum score, mentors per mentee, mentees per mentor (0:
        each person's own), rules."""
        p = self.rec.params
        return (p.direction, p.min_experience_gap, p.cross_department_bonus, p.min_score,
                p.max_mentors_per_mentee, p.max_mentees_per_mentor or 0, self.rules_text())

    def rules_text(self) -> str:
        """The programme's rules as the page shows them (JSON, the format they are saved in)."""
        return json.dumps(rules_to_dict(self.rec.params.rules), ensure_ascii=False, indent=2)

    def save_rules(self, text: str | None, lang: str = "en") -> tuple[str, str]:
        """Check and save the programme's rules typed on the page (JSON or TOML); the next
        matching run, the command line and the API read them. Returns a message and the
        rules as saved (unchanged text when they are refused)."""
        text = (text or "").strip()
        try:
            rules = rules_from_dict(parse_rules_text(text))
        except ValueError as exc:
            return t("rules_bad", lang, why=str(exc)), text
        with self.lock:
            self.rec.set_rules(rules)
        return t("rules_saved", lang), self.rules_text()

    def unmatched_table(self, lang: str = "en") -> pd.DataFrame:
        """Who has no proposed, accepted or active pair now, and why, in ``lang``."""
        rows = [{column("id", lang): u.id, column("name", lang): u.name,
                 column("reason", lang): u.reason} for u in self.rec.unmatched(language=lang)]
        return pd.DataFrame(rows, columns=[column(k, lang) for k in ("id", "name", "reason")])

    def _alternatives(self, ranked: list[Pair], other_of: str, skip: str,
                      people: dict[str, Person], stored: dict[tuple[str, str], Pair],
                      lang: str, k: int) -> list[tuple[Person, Pair, str]]:
        out = []
        for s in ranked:
            other = getattr(s, other_of)
            if other == skip or other not in people:
                continue
            current = stored.get(s.key)
            # A stored pair shows the score the list shows (its run's), not a new one.
            shown = current if current is not None and current.quotes else s
            out.append((people[other], shown, word(current.status, lang) if current else ""))
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
            return Review(None, hint, 0, self._button_labels(None, lang), {})
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
        enabled = {a: a in ENABLED.get(pair.status, ()) for a in DECISIONS}
        return Review(pair_key(*pair.key), page, pair.version, self._button_labels(pair, lang),
                      enabled)

    def _button_labels(self, pair: Pair | None, lang: str) -> dict[str, str]:
        labels = {action: t(action, lang) for action in DECISIONS}
        if pair is not None and pair.locked:
            labels["lock"] = t("unlock", lang)
        return labels

    def set_pair_status(self, key: str | None, action: str, lang: str = "en",
                        version: int | None = None) -> Result:
        """Accept, reject, activate, end, reopen, or toggle the lock of a pair.

        ``version`` is the pair's version as the page showed it: when somebody changed the
        pair since, nothing is written and the message says what it is now.
        """
        return self.decide(key, action, lang, version)[0]

    def decide(self, key: str | None, action: str, lang: str = "en",
               version: int | None = None) -> tuple[Result, list[list[Any]]]:
        """:meth:`set_pair_status`, and what undoes it: ``[key, status, locked, version]``
        of the pair before, with its version after (empty when nothing was written)."""
        pair = split_pair_key(key)
        if pair is None:
            return Result(False, t("choose_pair", lang)), []
        expected = int(version) if version else None
        try:
            with self.lock:
                stored = self.rec.pair(*pair)
                status_now, locked_now = ((stored.status, stored.locked) if stored
                                          else ("proposed", False))
                if action == "lock":
                    self.rec.set_pair_status(*pair, status_now, locked=not locked_now,
                                             expected_version=expected)
                    status = "locked" if not locked_now else "unlocked"
                else:
                    status = DECISIONS[action]
                    self.rec.set_pair_status(*pair, status, expected_version=expected)
                undo = [self._undo_entry(*pair, status_now, locked_now)]
        except StaleDecisionError as exc:
            detail = (t("stale_gone", lang) if exc.found is None
                      else t("stale_detail", lang, status=word(exc.status or "", lang)))
            return Result(False, t("stale", lang, detail=detail)), []
        except UnknownIdError:
            return Result(False, t("choose_pair", lang)), []
        return Result(True, t("status_set", lang, pair=self._pair_name(*pair),
                              status=word(status, lang))), undo

    def _undo_entry(self, mentor_id: str, mentee_id: str, status: str, locked: bool
                    ) -> list[Any]:
        """What puts a pair just decided back: its key, status and lock before, and its
        version now (an undo applies only while nobody changed it since)."""
        after = self.rec.pair(mentor_id, mentee_id)
        return [pair_key(mentor_id, mentee_id), status, locked, after.version if after else 0]

    def undo(self, last: list[list[Any]] | None, lang: str = "en") -> Result:
        """Put back the pairs of the last decision (one pair, or a bulk acceptance) as they
        were, each only if nobody changed it since."""
        if not last:
            return Result(False, t("undo_nothing", lang))
        restored, stale = [], 0
        with self.lock:
            for key, status, locked, version in last:
                pair = split_pair_key(key)
                if pair is None:
                    continue
                try:
                    self.rec.set_pair_status(*pair, status, locked=bool(locked),
                                             expected_version=int(version) or None)
                    restored.append(f"{self._pair_name(*pair)}: {word(status, lang)}")
                except (StaleDecisionError, UnknownIdError):
                    stale += 1
        message = t("undone", lang, what="; ".join(restored[:5])
                    + (" …" if len(restored) > 5 else "")) if restored else ""
        if stale:
            message = (message + " " + t("undo_stale", lang, n=stale)).strip()
        return Result(bool(restored), message)

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
                stored = self.rec.pair(mentor_id, mentee_id)
                if stored is not None:  # a pair the run proposed, or one rejected or ended
                    if stored.status in KEPT_STATUSES:
                        return Result(False, t("manual_exists", lang, pair=name,
                                               status=word(stored.status, lang)))
                    self.rec.set_pair_status(mentor_id, mentee_id, "accepted")
                    return Result(True, t("manual_reopened", lang, pair=name,
                                          status=word(stored.status, lang)))
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
        return self.bulk_decide(level, lang)[0]

    def bulk_decide(self, level: str | None, lang: str = "en"
                    ) -> tuple[Result, list[list[Any]]]:
        """:meth:`bulk_accept`, and what undoes it (as :meth:`decide`)."""
        if not level or level not in dict(LEVELS):
            level = "strong"
        floor = level_floor(level)
        stale = 0
        undo: list[list[Any]] = []
        with self.lock:
            for p in self.rec.pairs(("proposed",)):
                if p.score < floor:
                    continue
                try:
                    self.rec.set_pair_status(p.mentor_id, p.mentee_id, "accepted",
                                             expected_version=p.version)
                    undo.append(self._undo_entry(*p.key, p.status, p.locked))
                except StaleDecisionError:
                    stale += 1
        message = t("bulk_done", lang, n=len(undo), level=word(level, lang))
        if stale:
            message += " " + t("bulk_stale", lang, n=stale)
        return Result(True, message), undo

    def export_pairs(self, fmt: str = "csv") -> str:
        """Write the current pairs to a file for download; returns its path."""
        names = self._names()
        rows = pair_table((p for p in self.rec.pairs() if p.status != "rejected"), names)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        path = self.export_dir / f"pairs-{stamp}.{fmt}"
        # names and pairs: this account's only, from the file's creation on (the writers
        # truncate it in place, keeping the mode); chmod for an export of the same second
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.chmod(0o600)
        write_table(rows, PAIR_COLUMNS, path, fmt)
        return str(path)
