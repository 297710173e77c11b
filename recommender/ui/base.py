"""What every tab's handlers share: the workspace's recommender, one lock, private
folders for uploads and exports, and how pairs are named and scored for the page."""

from __future__ import annotations

import logging
import tempfile
import threading
from pathlib import Path
from typing import Any

from ..recommender import Recommender
from ..records import Pair, Person
from .common import split_pair_key

__all__ = ["HandlerBase"]

logger = logging.getLogger(__name__)


class HandlerBase:
    """The state and helpers every tab's handlers share (:class:`~.coordinator.Coordinator`).

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
        self._explained: dict[tuple[str, str, str], Pair] = {}
        self._explained_for: tuple[str, str, str] = ("", "", "")
        self._themes_cache: tuple[tuple[tuple[int, str], ...], list[Any]] | None = None

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
        quotes) is scored now on the whole cohort, and the result kept while no profile, no
        embedder and no setting changes (anyone's profile moves every cohort-relative part).
        """
        mentor, mentee = people.get(pair.mentor_id), people.get(pair.mentee_id)
        if pair.quotes or mentor is None or mentee is None:
            reasons = self.rec.pair_reasons(pair, lang) if pair.quotes else pair.reasons
            return pair.score, dict(pair.parts), dict(pair.quotes), tuple(reasons)
        state = (self.rec.store.profiles_version(), self.rec.model_id, repr(self.rec.params))
        if state != self._explained_for:
            self._explained, self._explained_for = {}, state
        cache_key = (pair.mentor_id, pair.mentee_id, lang)
        found = self._explained.get(cache_key)
        if found is None:
            found = self.rec.explain_pair(pair.mentor_id, pair.mentee_id, language=lang)
            self._explained[cache_key] = found
        return found.score, dict(found.parts), dict(found.quotes), tuple(found.reasons)

    def _stored_pair(self, key: str | None) -> Pair | None:
        pair = split_pair_key(key)
        return self.rec.pair(*pair) if pair is not None else None

    def notes_visible(self) -> bool:
        return self.rec.notes_visible()

    def departments(self) -> list[str]:
        return sorted({p.department for p in self.rec.people() if p.department})
