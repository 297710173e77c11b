"""The Insights tab: charts, pairs at risk, themes of the notes."""

from __future__ import annotations

import logging
from typing import Any

import pandas as pd

from ..insights.themes import theme_title
from ..language.formats import format_date, format_month, format_percent
from .base import HandlerBase
from .i18n import LEVELS, column, t, word

__all__ = ["InsightHandlers"]

logger = logging.getLogger(__name__)


class InsightHandlers(HandlerBase):
    """Insights: charts, pairs at risk, themes of the notes."""

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
        return (sessions_chart(months, t("sessions_per_month", lang), t("sessions_axis", lang),
                               t("no_sessions_yet", lang)),
                score_chart(scores, t("score_distribution", lang), t("score_axis", lang),
                            t("pairs_axis", lang),
                            [(word(name, lang), floor) for name, floor in LEVELS[:-1]],
                            t("no_pairs_yet", lang)),
                coverage_chart(health.wants_covered_share, t("coverage", lang),
                               t("covered_label", lang), t("not_covered_label", lang),
                               format_percent(health.wants_covered_share, lang)))
