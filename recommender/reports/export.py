"""Tables out: CSV, XLSX and JSON, safe to open in a spreadsheet.

A cell of user text starting with ``=``, ``+``, ``-``, ``@`` (or a tab / carriage return) is
prefixed with an apostrophe, so that Excel or LibreOffice shows it as text instead of running
it as a formula (CSV/formula injection). Numbers are left as numbers.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..records import Pair

__all__ = ["FORMATS", "PAIR_COLUMNS", "SCORE_PLACES", "neutralise", "pair_table", "write_table"]

FORMATS = ("csv", "xlsx", "json")
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")

SCORE_PLACES = 4
"""Decimal places of a score in a pairs table (records keep the unrounded value)."""

PAIR_COLUMNS = ("mentor_id", "mentor_name", "mentee_id", "mentee_name", "score", "status",
                "locked", "reasons")
"""The columns of a pairs table, in order (a front end may show fewer)."""


def pair_table(pairs: Iterable[Pair], names: Mapping[str, str]) -> list[dict[str, Any]]:
    """One row per pair with :data:`PAIR_COLUMNS`: names from ``names`` (id -> name), score
    to :data:`SCORE_PLACES` places: what the command line and the page both export."""
    return [{"mentor_id": p.mentor_id, "mentor_name": names.get(p.mentor_id, ""),
             "mentee_id": p.mentee_id, "mentee_name": names.get(p.mentee_id, ""),
             "score": round(p.score, SCORE_PLACES), "status": p.status, "locked": p.locked,
             "reasons": list(p.reasons)} for p in pairs]


def neutralise(value: Any) -> Any:
    """Make a cell safe for spreadsheets: text that could be read as a formula gets a ``'``."""
    if isinstance(value, str) and value.startswith(_DANGEROUS):
        return "'" + value
    return value


def _cell(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        value = " | ".join(str(v) for v in value)
    elif isinstance(value, Mapping):
        value = json.dumps(value, ensure_ascii=False)
    return neutralise(value)


def write_table(rows: Sequence[Mapping[str, Any]], columns: Sequence[str], path: str | Path,
                fmt: str | None = None) -> Path:
    """Write ``rows`` with ``columns`` (in that order) to ``path`` as CSV, XLSX or JSON.

    CSV is UTF-8 with a BOM (so Excel reads accents), comma separated. JSON keeps lists
    and numbers as they are (it is not opened by spreadsheets), but strings are neutralised
    all the same so that a JSON-to-sheet import stays safe.
    """
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".") or "csv").lower()
    if fmt not in FORMATS:
        raise ValueError(f"unknown format '{fmt}': use {', '.join(FORMATS)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            for row in rows:
                writer.writerow([_cell(row.get(c, "")) for c in columns])
    elif fmt == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        sheet.append(list(columns))
        for row in rows:
            sheet.append([_cell(row.get(c, "")) for c in columns])
        for cells in sheet.iter_rows(min_row=2):
            for cell in cells:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # a string cell is never evaluated as a formula
        workbook.save(path)
    else:
        def keep(value: Any) -> Any:
            if isinstance(value, (list, tuple)):
                return [keep(v) for v in value]
            return neutralise(value)

        payload = [{c: keep(row.get(c)) for c in columns} for row in rows]
        path.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    return path
