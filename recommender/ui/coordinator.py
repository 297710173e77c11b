"""The coordinator's actions, every tab's, as plain functions over a :class:`Recommender`.

No Gradio here: each method takes plain values and returns plain values (strings, pandas
DataFrames, matplotlib figures, file paths), so the same workflow is testable without a
browser and scriptable through ``gradio_client`` once ``app.py`` wires it.

User text is only ever returned as data for text components and tables, or escaped with
:func:`html.escape` where HTML is built.
"""

from __future__ import annotations

from .catalogue import CatalogueHandlers
from .common import Result, Review, pair_key, split_pair_key
from .forms import MappingStep
from .insights import InsightHandlers
from .kits import KitHandlers
from .mapping import MappingHandlers
from .pairs import PairHandlers
from .people import PeopleHandlers
from .sessions import SessionHandlers

__all__ = ["Coordinator", "MappingStep", "Result", "Review", "pair_key", "split_pair_key"]


class Coordinator(PeopleHandlers, MappingHandlers, PairHandlers, SessionHandlers,
                  CatalogueHandlers, InsightHandlers, KitHandlers):
    """Everything the coordinator page does, over one workspace: the handlers of every
    tab (:mod:`.people`, :mod:`.mapping`, :mod:`.pairs`, :mod:`.sessions`, :mod:`.catalogue`,
    :mod:`.insights`, :mod:`.kits`) on the shared state of :class:`~.base.HandlerBase`.

    Args:
        rec: the workspace's recommender.
        export_dir: where exports are written for download (a private temporary folder by
            default).
    """
