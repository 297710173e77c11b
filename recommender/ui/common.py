"""What every tab's handlers share: results, pair keys, tables as the page sends them back,
problems in words."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import Problem, ValidationError, shown_problems
from .i18n import t

logger = logging.getLogger(__name__)

__all__ = ["Result", "Review", "as_frame", "form_problems", "id_in", "pair_key", "problem_line",
           "problem_lines", "problems_text", "remove_upload", "split_pair_key", "table_rows"]


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


def problem_lines(problems: Sequence[Problem], lang: str,
                  line: Callable[[Problem], str] = str) -> list[str]:
    """``• problem`` lines, the first :data:`~recommender.errors.MAX_SHOWN_PROBLEMS` of them,
    then how many more and in how many rows, in ``lang`` (a page of 100 000 lines helps
    nobody; the exception keeps them all)."""
    shown, _ = shown_problems(problems)
    lines = [f"• {line(p)}" for p in shown]
    hidden = problems[len(shown):]
    if hidden:
        rows = len({p.row for p in hidden if p.row is not None})
        lines.append("• … " + t("more_problems", lang, n=len(hidden), rows=rows))
    return lines


def problems_text(error: ValidationError, lang: str) -> str:
    """The report of a rejected input: one line per problem, with file, row and column
    (capped, see :func:`problem_lines`)."""
    return "\n".join([t("nothing_stored", lang), *problem_lines(error.problems, lang)])


_FIELD_LABELS = {"years_experience": "years", "role_preference": "role_preference",
                 "manager_id": "manager", "name": "name", "department": "department",
                 "role": "role", "languages": "languages", "profile": "profile",
                 "offers": "offers", "wants": "wants", "capacity": "capacity", "date": "date",
                 "text": "note_text", "rating": "rating"}


def form_problems(error: ValidationError, lang: str, header: str) -> str:
    """The problems of a form (no file, no row): the field as labelled on the page."""
    lines = [t(header, lang)]
    for p in error.problems:
        label = t(_FIELD_LABELS[p.column], lang) if p.column in _FIELD_LABELS else p.column
        lines.append(f"• {label}: {p.message}" if label else f"• {p.message}")
    return "\n".join(lines)


@dataclass(frozen=True)
class Review:
    """The review panel of the selected pair: its HTML, the pair's version as shown (decisions
    pass it back), and the labels of the decision buttons."""

    key: str | None
    html: str
    version: int
    buttons: dict[str, str]
    enabled: dict[str, bool]
    """Which decisions make sense for the pair as it is (none without a pair)."""


_ID_AT_END = re.compile(r"\(([^()]*)\)\s*$")


def id_in(cell: Any) -> str | None:
    """The id in a ``Name (id)`` table cell."""
    found = _ID_AT_END.search(str(cell or ""))
    return found.group(1) if found else None


def table_rows(table: Any) -> list[list[Any]]:
    """The rows of a table as a page sends it back (a DataFrame, a dict or lists)."""
    if table is None:
        return []
    if isinstance(table, pd.DataFrame):
        return table.values.tolist()
    if isinstance(table, dict) and "data" in table:
        return [list(r) for r in table["data"]]
    return [list(r) for r in table]


def as_frame(table: Any) -> pd.DataFrame:
    return table if isinstance(table, pd.DataFrame) else pd.DataFrame(table_rows(table))


def problem_line(problem: Problem, labels: dict[str, str], lang: str) -> str:
    """A problem of an import with its row and column, the column as the form wrote it."""
    where = []
    if problem.row is not None:
        where.append(f"{t('row_word', lang)} {problem.row}")
    if problem.column:
        where.append(f"{t('column_word', lang)} '{labels.get(problem.column, problem.column)}'")
    return (", ".join(where) + ": " if where else "") + problem.message


def remove_upload(path: str | Path) -> None:
    # Uploaded personal data must not linger in Gradio's temporary folder once imported.
    try:
        Path(path).unlink(missing_ok=True)
    except OSError as exc:  # pragma: no cover - depends on the file system
        logger.warning("could not remove uploaded file %s: %s", path, exc)
