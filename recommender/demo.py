"""The bundled demo programme: fictional people, session notes and pair decisions."""

from __future__ import annotations

import logging
import shutil
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from .intake.readers import read_table
from .recommender import NOTES_VISIBLE_SETTING, Recommender

if TYPE_CHECKING:
    from .embedding.base import Embedder

__all__ = ["demo_path", "load_demo"]

logger = logging.getLogger(__name__)


def demo_path(name: str) -> Path:
    """Path of a bundled demo file (``demo_people.csv``, ``demo_notes.csv``...)."""
    return Path(str(resources.files("recommender") / "data" / name))


def load_demo(path: str | Path | None = None, embedder: str | Embedder | None = None,
              reset: bool = False) -> Recommender:
    """A recommender holding the bundled demo programme (people, notes, default topics).

    A workspace that already holds people is opened as it is.

    Args:
        path: workspace folder to fill (created; emptied first when ``reset``); ``None`` for
            an in-memory workspace.
        embedder: as for :class:`~recommender.recommender.Recommender`.
    """
    if path is not None and reset and Path(path).exists():
        shutil.rmtree(path)
    rec = Recommender.open(path, embedder) if path is not None else Recommender(embedder)
    if rec.store.person_ids():
        return rec
    logger.info("loading the demo programme")
    rec.add_people(read_table(demo_path("demo_people.csv")), source="demo_people.csv")
    rec.add_notes(read_table(demo_path("demo_notes.csv")), source="demo_notes.csv")
    for _, row in read_table(demo_path("demo_pairs.csv")):
        rec.set_pair_status(str(row["mentor_id"]), str(row["mentee_id"]), str(row["status"]))
    rec.set_topics(rec.topics())  # the shipped catalogue, chosen
    if rec.store.get_setting(NOTES_VISIBLE_SETTING) is None:
        rec.set_notes_visible(True)  # fictional data: notes may be shown
    return rec
