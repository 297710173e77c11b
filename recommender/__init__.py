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
from .matching.programme import (
    LADDERS,
    IdentityRule,
    LevelRule,
    ProgrammeRules,
    SameRule,
    TimeZoneRule,
    load_rules,
    rules_from_dict,
)
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
    "LADDERS",
    "Embedder",
    "HashingEmbedder",
    "IdentityRule",
    "LevelRule",
    "MatchParams",
    "Pair",
    "PairHealth",
    "PairSuggestion",
    "PairingResult",
    "Person",
    "Problem",
    "ProgrammeHealth",
    "ProgrammeRules",
    "Recommender",
    "SameRule",
    "SentenceHit",
    "SentenceTransformerEmbedder",
    "SessionNote",
    "Theme",
    "TimeZoneRule",
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
    "load_rules",
    "load_topics",
    "rules_from_dict",
]

__version__ = "0.1.0"
