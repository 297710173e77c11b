"""The Sessions and Topics tabs: logging a session, a pair's history, next topics."""

from __future__ import annotations

import datetime as dt
import html
import logging
from typing import Any

import pandas as pd

from ..errors import ValidationError
from ..language.formats import format_date, format_number, parse_date
from .base import HandlerBase
from .common import (
    Result,
    form_problems,
    split_pair_key,
)
from .i18n import column, t

__all__ = ["SessionHandlers"]

logger = logging.getLogger(__name__)


class SessionHandlers(HandlerBase):
    """Sessions and topics: log a session, read a pair's history, suggest next topics."""

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
        if dt.date.fromisoformat(iso) > dt.date.today():  # a session is logged once held
            return Result(False, t("future_date", lang, date=format_date(iso, lang)))
        row = {"mentor_id": pair[0], "mentee_id": pair[1], "date": iso,
               "text": text, "rating": int(rating) if rating else None}
        try:
            with self.lock:
                self.rec.add_notes([row], source="form")
        except ValidationError as exc:
            return Result(False, form_problems(exc, lang, "not_logged"))
        return Result(True, t("logged", lang))

    def pair_history(self, key: str | None, lang: str = "en") -> pd.DataFrame:
        """A pair's sessions; note texts only when the workspace lets coordinators read them."""
        cols = [column(k, lang) for k in ("date", "rating", "topics", "text")]
        pair = split_pair_key(key)
        if pair is None:
            return pd.DataFrame([], columns=cols)
        visible = self.notes_visible()
        covered: dict[int, list[str]] = {}
        for c in self.rec.covered_topics(*pair, language=lang):
            covered.setdefault(c.note_id, []).append(c.title)
        rows = [{
            column("date", lang): format_date(n.date, lang), column("rating", lang): n.rating or "",
            column("topics", lang): ", ".join(covered.get(n.id, [])),
            column("text", lang): n.text if visible else "—",
        } for n in self.rec.notes(*pair)]
        return pd.DataFrame(rows, columns=cols)

    def next_topics_html(self, key: str | None, k: float = 5, lang: str = "en") -> str:
        """Topic cards (HTML, every piece of text escaped) for a pair, best first."""
        pair = split_pair_key(key)
        if pair is None:
            return f"<p>{html.escape(t('choose_pair', lang))}</p>"
        # titles, reasons and starters come in the page's language
        suggestions = self.rec.suggest_topics(*pair, k=int(k), language=lang)
        covered = self.rec.covered_topics(*pair, language=lang)
        esc = html.escape
        cards = []
        for rank, s in enumerate(suggestions, start=1):
            reasons = "".join(f"<li>{esc(r)}</li>" for r in s.reasons)
            items = "".join(f"<li>{esc(q)}</li>" for q in s.starters)
            cards.append(
                f'<div class="topic-card"><h3>{rank}. {esc(s.title)} '
                f'<small class="topic-score">{esc(t("relevance", lang))} '
                f"{esc(format_number(s.score, lang, 2))}</small></h3><ul>{reasons}</ul>"
                f"<p><b>{esc(t('starters', lang))}</b></p><ul>{items}</ul></div>")
        if not cards:
            cards.append(f"<p>{esc(t('no_topics', lang))}</p>")
        if covered:
            listed = "".join(f"<li>{esc(c.title)} — "
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
