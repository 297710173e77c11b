"""The Topics tab's catalogue: which one is in use and how well it answers the programme's
wishes, load one from a file, draw one from the programme's own wishes, edit it as a table
(rename, drop rows, merge topics), go back to the shipped one."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import ValidationError
from ..insights.catalogue import default_catalogue
from ..insights.cohort_topics import merge_topics
from ..insights.fit import fit_sentence
from ..intake.readers import read_table
from ..intake.validate import validate_topics
from ..records import Topic
from .base import HandlerBase
from .common import Result, problem_lines, problems_text, remove_upload, table_rows
from .i18n import column, t

__all__ = ["CATALOGUE_COLUMNS", "DRAWN_COLUMNS", "CatalogueHandlers"]

logger = logging.getLogger(__name__)

CATALOGUE_COLUMNS = ("id", "language", "category", "title", "description", "starters")
"""The catalogue table's columns: one row per topic and language, the flat format a
catalogue file has too (starters separated by ``|``), so what is typed is what a file holds."""

DRAWN_COLUMNS = ("id", "drawn_title", "wishes", "wishers", "examples")
"""The columns of the table of topics drawn from the programme: who each one speaks for."""


class CatalogueHandlers(HandlerBase):
    """The topic catalogue on the page."""

    def catalogue_table(self, topics: list[Topic] | None = None) -> pd.DataFrame:
        """The catalogue in use (or ``topics``), one row per topic and language."""
        rows = [[tp.id, lang, tp.category, title, tp.description.get(lang, ""),
                 " | ".join(tp.starters.get(lang, ()))]
                for tp in (self.rec.topics() if topics is None else topics)
                for lang, title in tp.title.items()]
        return pd.DataFrame(rows, columns=list(CATALOGUE_COLUMNS))

    def catalogue_status(self, lang: str = "en") -> str:
        """Which catalogue the next topics come from, how many of the programme's wishes it
        answers, and whether next topics are drawn from the programme's own wishes instead."""
        topics = self.rec.topics()
        languages = ", ".join(sorted({code for tp in topics for code in tp.title}))
        # a workspace that stored the shipped catalogue as it is (the demo) still uses it
        own = self.rec.topics_chosen() and topics != default_catalogue()
        key = "catalogue_own" if own else "catalogue_shipped_in_use"
        lines = [t(key, lang, n=len(topics), languages=languages or "—")]
        fit = self.rec.catalogue_fit()
        sentence = fit_sentence(fit, lang)
        lines.append(sentence[:1].upper() + sentence[1:] + ".")
        if self.rec.topic_source() == "cohort":
            lines.append(t("topics_from_cohort_in_use", lang))
        return "\n\n".join(lines)

    def draw_topics(self, lang: str = "en") -> tuple[Result, pd.DataFrame | None, pd.DataFrame]:
        """Topics drawn from the programme's wishes and offers, put in the editable table
        (nothing is saved until the table is) and listed with the people they speak for.
        ``None`` for the table: nothing was drawn, the table stays as it is."""
        drawn = self.rec.cohort_topics()
        names = self._names()
        who = pd.DataFrame([[c.topic.id, c.topic.title[c.topic.language_for(lang)],
                             len(c.wishes), ", ".join(names.get(i, i) for i in c.wishers),
                             " / ".join(c.wishes[:2])] for c in drawn],
                           columns=[column(k, lang) for k in DRAWN_COLUMNS])
        if not drawn:
            return Result(False, t("cohort_none", lang)), None, who
        wishes = sum(len(c.wishes) for c in drawn)
        return (Result(True, t("cohort_drawn", lang, n=len(drawn), wishes=wishes)),
                self.catalogue_table([c.topic for c in drawn]), who)

    def merge_rows(self, table: Any, ids: str, title: str,
                   lang: str = "en") -> tuple[Result, pd.DataFrame | None]:
        """Merge the table's topics named in ``ids`` (separated by commas or spaces) into the
        first of them, titled ``title`` when given; the table is not saved. ``None``: the
        table stays as it is (the message says why)."""
        wanted = [i for i in re.split(r"[,;\s]+", ids or "") if i]
        try:
            topics = validate_topics(self._numbered(table), t("catalogue_source", lang))
            merged = merge_topics(topics, wanted, title.strip() or None)
        except ValidationError as exc:
            return Result(False, "\n".join([t("not_merged", lang),
                                            *problem_lines(exc.problems, lang)])), None
        except ValueError as exc:
            return Result(False, f"{t('not_merged', lang)} {exc}"), None
        return (Result(True, t("merged", lang, ids=", ".join(dict.fromkeys(wanted)))),
                self.catalogue_table(merged))

    @staticmethod
    def _numbered(table: Any) -> list[tuple[int, dict[str, str]]]:
        """The table's filled rows, numbered as the table shows them (blanks counted)."""
        numbered = []
        for row_no, cells in enumerate(table_rows(table), start=1):
            row = {name: "" if value is None else str(value).strip()
                   for name, value in zip(CATALOGUE_COLUMNS, cells, strict=False)}
            if any(row.values()):
                numbered.append((row_no, row))
        return numbered

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
        numbered = self._numbered(table)
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
