"""The Topics tab's catalogue: which one is in use, load one from a file, edit it as a table,
go back to the shipped one."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import ValidationError
from ..insights.catalogue import default_catalogue
from ..intake.readers import read_table
from ..intake.validate import validate_topics
from .base import HandlerBase
from .common import Result, problem_lines, problems_text, remove_upload, table_rows
from .i18n import t

__all__ = ["CATALOGUE_COLUMNS", "CatalogueHandlers"]

logger = logging.getLogger(__name__)

CATALOGUE_COLUMNS = ("id", "language", "category", "title", "description", "starters")
"""The catalogue table's columns: one row per topic and language, the flat format a
catalogue file has too (starters separated by ``|``), so what is typed is what a file holds."""


class CatalogueHandlers(HandlerBase):
    """The topic catalogue on the page."""

    def catalogue_table(self) -> pd.DataFrame:
        """The catalogue in use, one row per topic and language."""
        rows = [[tp.id, lang, tp.category, title, tp.description.get(lang, ""),
                 " | ".join(tp.starters.get(lang, ()))]
                for tp in self.rec.topics() for lang, title in tp.title.items()]
        return pd.DataFrame(rows, columns=list(CATALOGUE_COLUMNS))

    def catalogue_status(self, lang: str = "en") -> str:
        """Which catalogue the next topics come from, in words."""
        topics = self.rec.topics()
        languages = ", ".join(sorted({code for tp in topics for code in tp.title}))
        # a workspace that stored the shipped catalogue as it is (the demo) still uses it
        own = self.rec.topics_chosen() and topics != default_catalogue()
        key = "catalogue_own" if own else "catalogue_shipped_in_use"
        return t(key, lang, n=len(topics), languages=languages or "—")

    def load_catalogue(self, path: str | None, lang: str = "en") -> Result:
        """Replace the catalogue by a file's (CSV, XLSX, JSON): every problem with its row and
        column, and nothing changed, when one row is wrong. The upload is deleted."""
        if not path:
            return Result(False, t("no_file", lang))
        try:
            with self.lock:
                n = self.rec.set_topics(read_table(path), source=Path(path).name)
        except ValidationError as exc:
            return Result(False, problems_text(exc, lang))
        finally:
            remove_upload(path)
        return Result(True, t("catalogue_loaded", lang, n=n, file=Path(path).name))

    def save_catalogue(self, table: Any, lang: str = "en") -> Result:
        """Replace the catalogue by the page's table (rows left blank are dropped)."""
        numbered = []  # a problem names the row as the table shows it, blanks counted
        for row_no, cells in enumerate(table_rows(table), start=1):
            row = {name: "" if value is None else str(value).strip()
                   for name, value in zip(CATALOGUE_COLUMNS, cells, strict=False)}
            if any(row.values()):
                numbered.append((row_no, row))
        if not numbered:
            return Result(False, t("catalogue_empty", lang))
        try:
            topics = validate_topics(numbered, t("catalogue_source", lang))
            with self.lock:
                n = self.rec.set_topics(topics)
        except ValidationError as exc:
            return Result(False, "\n".join([t("catalogue_not_saved", lang),
                                            *problem_lines(exc.problems, lang)]))
        return Result(True, t("catalogue_saved", lang, n=n))

    def use_shipped_catalogue(self, lang: str = "en") -> Result:
        """Forget the programme's own catalogue: the shipped one applies again."""
        with self.lock:
            self.rec.use_shipped_topics()
        return Result(True, t("catalogue_reset", lang, n=len(self.rec.topics())))
