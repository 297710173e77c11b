"""Programme health: cadence, ratings and drift per pair, coverage of wants overall.

Each at-risk rule is a small pure function of a pair's session history, so each can be
tested on its own; :func:`pair_health` combines them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["HealthParams", "PairStats", "drift_reason", "falling_ratings_reason",
           "inactivity_reason", "low_cadence_reason", "pair_health", "rating_trend"]


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
        "cadence": "{rate:.1f} sessions a month, under half the target of {target:g}",
        "falling": "ratings falling ({first} → {last})",
        "low": "last session rated {last}/5",
        "drift": "recent notes drift away from the mentee's wishes",
    },
    "fr": {
        "none": "aucune séance enregistrée",
        "inactive": "aucune séance depuis {days} jours",
        "cadence": "{rate:.1f} séance(s) par mois, moins de la moitié de l'objectif de {target:g}",
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
        return _say("cadence", lang, rate=rate, target=p.sessions_per_month)
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


def pair_health(stats: PairStats, as_of: dt.date, p: HealthParams, lang: str = "en"
                ) -> tuple[dict[str, float | int | str | None], tuple[str, ...]]:
    """Figures and at-risk reasons of one pair.

    Args:
        lang: language of the reasons (``"en"`` or ``"fr"``).

    Returns:
        ``(figures, reasons)``: figures are ``sessions``, ``last_session``,
        ``days_since_last``, ``sessions_per_month``, ``cadence_ratio``, ``rating_trend``.
    """
    start = stats.start or (stats.dates[0] if stats.dates else None)
    months = max(_days(start, as_of) / 30.44, 1.0) if start else 1.0
    per_month = len(stats.dates) / months
    figures: dict[str, float | int | str | None] = {
        "sessions": len(stats.dates),
        "last_session": stats.dates[-1] if stats.dates else None,
        "days_since_last": _days(stats.dates[-1], as_of) if stats.dates else None,
        "sessions_per_month": round(per_month, 2),
        "cadence_ratio": round(per_month / p.sessions_per_month, 2),
        "rating_trend": rating_trend(stats.ratings),
    }
    reasons = [
        r for r in (
            inactivity_reason(stats, as_of, p, lang),
            low_cadence_reason(stats, as_of, p, lang),
            falling_ratings_reason(stats, p, lang),
            drift_reason(stats, p, lang),
        ) if r
    ]
    return figures, tuple(reasons)
