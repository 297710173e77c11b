"""The topic catalogue: the shipped bilingual one, or a programme's own."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from ..intake.readers import rows_from
from ..intake.validate import validate_topics
from ..records import (
    Topic,
)

__all__ = ["default_catalogue", "topics_from"]


def default_catalogue() -> list[Topic]:
    """The shipped bilingual catalogue (validated: unique ids, English and French)."""
    path = resources.files("recommender") / "data" / "topics.json"
    items = json.loads(path.read_text(encoding="utf-8"))
    return validate_topics(list(enumerate(items, start=1)), "topics.json", ("en", "fr"))


def topics_from(rows: Any, source: str = "rows") -> list[Topic]:
    """A catalogue from :class:`~recommender.records.Topic` records (kept as they are) or rows
    (validated, as :func:`~recommender.intake.readers.rows_from` takes them)."""
    if isinstance(rows, (list, tuple)) and rows and all(isinstance(r, Topic) for r in rows):
        return list(rows)
    return validate_topics(rows_from(rows, source), source)
