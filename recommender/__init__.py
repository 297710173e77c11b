"""Reverse-mentoring recommender: complementary pairs, next topics and programme health.

The public API is the :class:`Recommender` facade, the file loaders and the records::

    from recommender import Recommender, load_people, load_notes
    rec = Recommender.open("my-programme")
    rec.add_people(load_people("people.xlsx"))
    result = rec.suggest_pairs()
"""

from .demo import demo_path, load_demo
from .embedding.backends import HashingEmbedder, SentenceTransformerEmbedder, USEEmbedder
from .embedding.base import Embedder
from .embedding.testing import check_embedder
from .errors import Problem, ValidationError
from .intake.validate import load_notes, load_people, load_topics
from .matching.params import MatchParams
from .recommender import Recommender
from .records import (
    Pair,
    PairHealth,
    PairingResult,
    PairSuggestion,
    Person,
    ProgrammeHealth,
    SentenceHit,
    SessionNote,
    Theme,
    Topic,
    TopicSuggestion,
    Unmatched,
)

__all__ = [
    "Embedder",
    "HashingEmbedder",
    "MatchParams",
    "Pair",
    "PairHealth",
    "PairSuggestion",
    "PairingResult",
    "Person",
    "Problem",
    "ProgrammeHealth",
    "Recommender",
    "SentenceHit",
    "SentenceTransformerEmbedder",
    "SessionNote",
    "Theme",
    "Topic",
    "TopicSuggestion",
    "USEEmbedder",
    "Unmatched",
    "ValidationError",
    "check_embedder",
    "demo_path",
    "load_demo",
    "load_notes",
    "load_people",
    "load_topics",
]

__version__ = "0.1.0"
