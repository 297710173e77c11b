"""Programme health: cadence, ratings and drift per pair, coverage of wants overall.

Each at-risk rule is a small pure function of a pair's session history, so each can be
tested on its own; :func:`pair_health` combines them.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..embedding.base import EncodeFn
from ..language.formats import format_number
from ..profiles.context import PersonSentences
from ..records import CLOSED_STATUSES, KEPT_STATUSES, Pair, PairHealth, ProgrammeHealth, SessionNote
from .coverage import note_sentences

__all__ = ["HealthParams", "PairFigures", "PairStats", "count_by_month", "drift_reason",
           "falling_ratings_reason", "inactivity_reason", "judging_day", "low_cadence_reason",
           "note_relevance", "pair_health", "pair_record", "programme_health", "rating_trend"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class HealthParams:
    """Thresholds of the at-risk rules.

    Attributes:
        inactive_days: no session for longer than this puts a pair at risk.
        sessions_per_month: the programme's cadence target.
        low_cadence: a pair below this share of the target is at risk (after its first month).
        falling_slope: over the last ``recent_notes + 1`` ratings, a slope at or under this
            per session, with a drop of at least two points, puts a pair at risk.
        low_rating: a last rating at or below this puts a pair at risk.
        drift_below: mean relevance of the recent notes to the mentee's wants under this
            means the sessions drift away from what the mentee wanted.
        recent_notes: how many recent notes the drift rule reads.
        want_covered_at: a want counts as covered when a note sentence is this close to it.
    """

    inactive_days: int = 45
    sessions_per_month: float = 1.0
    low_cadence: float = 0.5
    falling_slope: float = -0.5
    low_rating: int = 2
    drift_below: float = 0.15
    recent_notes: int = 3
    want_covered_at: float = 0.45


@dataclass(frozen=True)
class PairStats:
    """What the rules read about one pair, oldest session first.

    Attributes:
        dates: ISO dates of the sessions.
        ratings: ratings 1-5 or ``None``.
        relevance: ``(n_sessions,)`` best similarity of each note to the mentee's wants.
        start: when the pair started (its first session when unknown).
    """

    dates: Sequence[str]
    ratings: Sequence[int | None]
    relevance: np.ndarray
    start: str | None = None


_REASONS = {
    "en": {
        "none": "no session logged yet",
        "inactive": "no session for {days} days",
        "cadence": "{rate} sessions a month, under half the target of {target}",
        "falling": "ratings falling ({first} → {last})",
        "low": "last session rated {last}/5",
        "drift": "recent notes drift away from the mentee's wishes",
    },
    "fr": {
        "none": "aucune séance enregistrée",
        "inactive": "aucune séance depuis {days} jours",
        "cadence": "{rate} séance(s) par mois, moins de la moitié de l'objectif de {target}",
        "falling": "notes en baisse ({first} → {last})",
        "low": "dernière séance notée {last}/5",
        "drift": "les dernières séances s'éloignent des souhaits du mentoré",
    },
}


def _say(key: str, lang: str, **values: object) -> str:
    return _REASONS.get(lang, _REASONS["en"])[key].format(**values)


def _days(a: str, b: dt.date) -> int:
    return (b - dt.date.fromisoformat(a)).days


def rating_trend(ratings: Sequence[int | None]) -> float | None:
    """Least-squares slope of the ratings per session (``None`` under two ratings)."""
    points = [(i, r) for i, r in enumerate(ratings) if r is not None]
    if len(points) < 2:
        return None
    x = np.array([p[0] for p in points], dtype=float)
    y = np.array([p[1] for p in points], dtype=float)
    return float(np.polyfit(x, y, 1)[0])


def inactivity_reason(stats: PairStats, as_of: dt.date, p: HealthParams,
                      lang: str = "en") -> str | None:
    if not stats.dates:
        return _say("none", lang)
    days = _days(stats.dates[-1], as_of)
    return _say("inactive", lang, days=days) if days > p.inactive_days else None


def low_cadence_reason(stats: PairStats, as_of: dt.date, p: HealthParams,
                       lang: str = "en") -> str | None:
    start = stats.start or (stats.dates[0] if stats.dates else None)
    if start is None:
        return None
    months = _days(start, as_of) / 30.44
    if months < 1:
        return None  # too early to judge a cadence
    rate = len(stats.dates) / months
    if rate < p.low_cadence * p.sessions_per_month:
        return _say("cadence", lang, rate=format_number(rate, lang, 1),
                    target=format_number(p.sessions_per_month, lang, 2))
    return None


def falling_ratings_reason(stats: PairStats, p: HealthParams, lang: str = "en") -> str | None:
    rated = [r for r in stats.ratings if r is not None][-p.recent_notes - 1:]
    slope = rating_trend(rated)
    if len(rated) >= 3 and slope is not None and slope <= p.falling_slope \
            and max(rated) - rated[-1] >= 2:
        return _say("falling", lang, first=max(rated), last=rated[-1])
    if rated and rated[-1] <= p.low_rating and len(rated) >= 2:
        return _say("low", lang, last=rated[-1])
    return None


def drift_reason(stats: PairStats, p: HealthParams, lang: str = "en") -> str | None:
    recent = np.asarray(stats.relevance)[-p.recent_notes:]
    if len(recent) < 2:
        return None
    mean = float(recent.mean())
    if mean < p.drift_below:
        return _say("drift", lang)
    return None


@dataclass(frozen=True)
class PairFigures:
    """What :func:`pair_health` measures of one pair."""

    sessions: int
    last_session: str | None
    days_since_last: int | None
    sessions_per_month: float
    cadence_ratio: float
    rating_trend: float | None
    reasons: tuple[str, ...]


def pair_health(stats: PairStats, as_of: dt.date, p: HealthParams, lang: str = "en"
                ) -> PairFigures:
    """Figures and at-risk reasons of one pair.

    Args:
        lang: language of the reasons (``"en"`` or ``"fr"``).
    """
    start = stats.start or (stats.dates[0] if stats.dates else None)
    months = max(_days(start, as_of) / 30.44, 1.0) if start else 1.0
    per_month = len(stats.dates) / months
    reasons = [
        r for r in (
            inactivity_reason(stats, as_of, p, lang),
            low_cadence_reason(stats, as_of, p, lang),
            falling_ratings_reason(stats, p, lang),
            drift_reason(stats, p, lang),
        ) if r
    ]
    return PairFigures(
        sessions=len(stats.dates),
        last_session=stats.dates[-1] if stats.dates else None,
        days_since_last=_days(stats.dates[-1], as_of) if stats.dates else None,
        sessions_per_month=round(per_month, 2),
        cadence_ratio=round(per_month / p.sessions_per_month, 2),
        rating_trend=rating_trend(stats.ratings),
        reasons=tuple(reasons))


def pair_record(mentor_id: str, mentee_id: str, stats: PairStats, as_of: dt.date,
                p: HealthParams, lang: str = "en") -> PairHealth:
    """:func:`pair_health` as the record users see; a pair without sessions that started
    less than ``inactive_days`` ago is not at risk yet."""
    figures = pair_health(stats, as_of, p, lang)
    reasons = figures.reasons
    if not stats.dates and stats.start and _days(stats.start, as_of) <= p.inactive_days:
        reasons = ()
    return PairHealth(mentor_id, mentee_id, figures.sessions, figures.last_session,
                      figures.days_since_last, figures.sessions_per_month,
                      figures.cadence_ratio, figures.rating_trend, bool(reasons), reasons)


def note_relevance(sentence_vecs: np.ndarray, owner: np.ndarray, n_notes: int,
                   want_vecs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """How close a pair's notes came to the mentee's wants.

    Args:
        sentence_vecs: ``(S, d)`` note sentences, ``owner`` ``(S,)`` their note (0..n_notes-1).
        want_vecs: ``(W, d)`` the mentee's wants.

    Returns:
        ``(relevance (n_notes,), coverage (W,))``: each note's best similarity to a want, and
        each want's best similarity to a note sentence.
    """
    if not len(sentence_vecs) or not len(want_vecs):
        return np.zeros(n_notes), np.zeros(len(want_vecs))
    sims = sentence_vecs @ want_vecs.T
    relevance = np.full(n_notes, -np.inf)
    np.maximum.at(relevance, owner, sims.max(axis=1))
    return np.where(np.isfinite(relevance), relevance, 0.0), sims.max(axis=0)


def count_by_month(dates: Sequence[str]) -> dict[str, int]:
    """How many of the ISO ``dates`` fall in each month (``YYYY-MM``), in order."""
    months: dict[str, int] = {}
    for date in dates:
        months[date[:7]] = months.get(date[:7], 0) + 1
    return dict(sorted(months.items()))


def judging_day(as_of: dt.date | str | None) -> dt.date:
    """The day health is judged from: ``as_of`` (a date or an ISO ``YYYY-MM-DD``), else today."""
    return dt.date.fromisoformat(as_of) if isinstance(as_of, str) else as_of or dt.date.today()


def programme_health(notes: Sequence[SessionNote], pairs: Iterable[Pair],
                     sentences: Mapping[str, PersonSentences], encode: EncodeFn,
                     as_of: dt.date, p: HealthParams, lang: str = "en") -> ProgrammeHealth:
    """Health of every kept pair (and any pair with notes that is not closed), and of the
    programme: share of mentees' wants covered by at least one session, pairs at risk.

    Args:
        notes: every session note of the programme.
        pairs: the stored pairs.
        sentences: everyone's wants (:func:`~recommender.profiles.context.sentences_by_person`).
        encode: texts ``(n,)`` -> unit vectors ``(n, d)``.
        lang: language of the at-risk reasons (``"en"`` or ``"fr"``).
    """
    stored = {pair.key: pair for pair in pairs}
    by_pair: dict[tuple[str, str], list[SessionNote]] = {}
    for n in notes:
        by_pair.setdefault((n.mentor_id, n.mentee_id), []).append(n)
    keys = [k for k, pair in stored.items() if pair.status in KEPT_STATUSES]
    keys += [k for k in by_pair if k not in keys and
             (k not in stored or stored[k].status not in CLOSED_STATUSES)]
    results, total_wants, covered_wants = [], 0, 0
    for mentor_id, mentee_id in keys:
        pair_notes = sorted(by_pair.get((mentor_id, mentee_id), []), key=lambda n: n.date)
        wants = sentences.get(mentee_id, PersonSentences((), ())).wants
        texts, owner = note_sentences(pair_notes)
        relevance, want_cover = note_relevance(
            encode(texts), owner, len(pair_notes), encode([s.text for s, _ in wants]))
        total_wants += len(wants)
        covered_wants += int((want_cover >= p.want_covered_at).sum()) if texts else 0
        updated = stored[(mentor_id, mentee_id)].updated_at \
            if (mentor_id, mentee_id) in stored else None
        start = pair_notes[0].date if pair_notes else (updated or as_of.isoformat())[:10]
        stats = PairStats([n.date for n in pair_notes], [n.rating for n in pair_notes],
                          relevance, start)
        results.append(pair_record(mentor_id, mentee_id, stats, as_of, p, lang))
    return ProgrammeHealth(
        tuple(results), round(covered_wants / total_wants, 4) if total_wants else 0.0,
        sum(r.at_risk for r in results), count_by_month([n.date for n in notes]))
