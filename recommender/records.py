"""Records exchanged at the edge of the package: frozen dataclasses, no behaviour.

Inside, the stages work on ids and numpy arrays; these records are what users,
the CLI and the UI see.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import KW_ONLY, dataclass, field

from .errors import Problem

__all__ = [
    "CLOSED_STATUSES",
    "KEPT_STATUSES",
    "PAIR_STATUSES",
    "ROLE_PREFERENCES",
    "SEGMENT_KINDS",
    "CatalogueFit",
    "CountProgressFn",
    "CoveredTopic",
    "ImportResult",
    "Pair",
    "PairHealth",
    "PairSuggestion",
    "PairingResult",
    "Person",
    "ProgrammeHealth",
    "ProgressFn",
    "Segment",
    "SentenceHit",
    "SessionNote",
    "StoredPair",
    "Theme",
    "Topic",
    "TopicSuggestion",
    "Unmatched",
]

ROLE_PREFERENCES = ("mentor", "mentee", "either")
PAIR_STATUSES = ("proposed", "accepted", "rejected", "active", "ended")
KEPT_STATUSES = ("accepted", "active")
"""Pairs that later matching runs keep as they are (as well as any locked pair)."""
CLOSED_STATUSES = ("rejected", "ended")
"""Pairs that are never proposed again."""
SEGMENT_KINDS = ("offer", "want", "other")

ProgressFn = Callable[[float, str], None]
"""Called with ``(fraction done, what is being done)`` by long computations."""

CountProgressFn = Callable[[int, int], None]
"""Called with ``(items done, items in all)`` while a batch is processed."""


@dataclass(frozen=True)
class Person:
    """One participant of the programme.

    ``languages`` holds lower-case ISO 639-1 codes (``("fr", "en")``). ``capacity`` is
    how many mentees the person said they can take, ``None`` when they did not say (the
    programme's setting decides: ``max_mentees_per_mentor``, else 1).

    What a programme's rules read (:class:`~recommender.matching.programme.ProgrammeRules`):
    ``level``, the person's level as they answered it ("Senior Ph.D. student", "HEO",
    "Manager"), placed on the programme's ladder; ``utc_offset``, the hours east of UTC of
    their time zone (``None``: not said); ``attributes``, named answers such as
    ``(("profession", "Policy"), ("sector", "Academia"))``, several values of one name
    separated by ``;``; ``preferences``, the conditions the person set on a partner,
    separated by ``;`` (``"level >= Master's student; sector = Academia"``).
    """

    id: str
    name: str
    years_experience: float
    department: str = ""
    role: str = ""
    location: str = ""
    languages: tuple[str, ...] = ()
    profile: str = ""
    offers: str = ""
    wants: str = ""
    role_preference: str = "either"
    capacity: int | None = None
    manager_id: str = ""
    email: str = ""
    level: str = ""
    utc_offset: float | None = None
    attributes: tuple[tuple[str, str], ...] = ()
    preferences: str = ""

    def attribute(self, name: str) -> tuple[str, ...]:
        """The values of the attribute ``name`` (its case ignored), in order."""
        key = name.strip().casefold()
        return tuple(v.strip() for n, value in self.attributes if n.strip().casefold() == key
                     for v in value.split(";") if v.strip())


@dataclass(frozen=True)
class SessionNote:
    """A mentoring session logged by a pair. ``id`` is 0 until stored."""

    mentor_id: str
    mentee_id: str
    date: str  # ISO 8601 date, YYYY-MM-DD
    text: str
    rating: int | None = None
    id: int = 0


@dataclass(frozen=True)
class Segment:
    """A sentence of a person's texts, labelled offer / want / other. ``id`` is 0 until stored.

    ``p_want`` is the probability that the sentence states a wish (1 for the ``wants``
    column, 0 for ``offers``); ``confidence`` that of its label.
    """

    person_id: str
    kind: str
    position: int
    text: str
    confidence: float = 1.0
    p_want: float = 0.0
    id: int = 0


@dataclass(frozen=True)
class Pair:
    """A mentor (the junior in a reverse programme) and a mentee: proposed by a matching
    run, decided by a coordinator or made by hand, and as the workspace keeps it.

    ``score`` is the sum of ``parts``: ``coverage`` (mentor offers x mentee wants),
    ``reverse`` (mentee offers x mentor wants, weighted), ``cross_department``, ``lexical``.
    ``signals`` are the raw signals behind the parts; ``quotes`` the profile sentences the
    score rests on (keys among ``want``, ``offer``, ``reverse_want``, ``reverse_offer``), as
    written, and ``mentor_offers``: all the mentor's offer sentences. The list, the review,
    the explanations and the exports all read these same values.

    ``version`` is 0 until stored; each write adds one (a decision made on an older version
    is refused). ``updated_at`` is the time of the last write (UTC, ISO 8601).

    Fields after ``status`` are keyword-only: ``Pair`` took the place of two classes whose
    positional orders differed (``PairSuggestion(mentor, mentee, score, ...)`` and
    ``StoredPair(mentor, mentee, status, ...)``), so a positional score is refused, never
    read as a status.
    """

    mentor_id: str
    mentee_id: str
    status: str = "proposed"
    _: KW_ONLY
    locked: bool = False
    score: float = 0.0
    parts: Mapping[str, float] = field(default_factory=dict)
    reasons: tuple[str, ...] = ()
    quotes: Mapping[str, str] = field(default_factory=dict)
    signals: Mapping[str, float] = field(default_factory=dict)
    updated_at: str | None = None
    version: int = 0

    def __post_init__(self) -> None:
        if self.status not in PAIR_STATUSES:
            raise ValueError(f"unknown pair status {self.status!r}: use "
                             f"{', '.join(PAIR_STATUSES)}")

    @property
    def key(self) -> tuple[str, str]:
        return self.mentor_id, self.mentee_id

    @property
    def kept(self) -> bool:
        """Kept as it is by the next matching run."""
        return self.status in KEPT_STATUSES or self.locked


PairSuggestion = Pair
"""The name :class:`Pair` had as a matching run's proposal (the same class)."""

StoredPair = Pair
"""The name :class:`Pair` had as the workspace keeps it (the same class)."""


@dataclass(frozen=True)
class SentenceHit:
    """A profile sentence found by a semantic search of the workspace."""

    person_id: str
    kind: str  # offer / want / other
    text: str
    score: float


@dataclass(frozen=True)
class Topic:
    """A discussion topic, with text per language code (``{"en": ..., "fr": ...}``)."""

    id: str
    title: Mapping[str, str]
    description: Mapping[str, str]
    category: str = ""
    starters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def language_for(self, language: str) -> str:
        """``language`` when the topic has it, else the first language it has."""
        return language if language in self.title else next(iter(self.title))

    def text(self, language: str) -> str:
        """Title and description in ``language``, else in any language the topic has."""
        lang = self.language_for(language)
        return f"{self.title[lang]}. {self.description.get(lang, '')}".strip()


@dataclass(frozen=True)
class Unmatched:
    """Somebody the assignment left without a partner, and why."""

    id: str
    name: str
    reason: str


@dataclass(frozen=True)
class PairingResult:
    """What :meth:`Recommender.suggest_pairs` returns."""

    pairs: tuple[Pair, ...]
    unmatched: tuple[Unmatched, ...]


@dataclass(frozen=True)
class TopicSuggestion:
    """A next discussion topic for a pair, in the pair's language."""

    topic_id: str
    title: str
    score: float
    reasons: tuple[str, ...]
    starters: tuple[str, ...]
    language: str = "en"


@dataclass(frozen=True)
class CatalogueFit:
    """How well a topic catalogue answers a cohort's wishes.

    A wish (a want sentence) is answered when the catalogue's closest topic is at least
    ``threshold`` similar to it.

    Attributes:
        answered: wishes answered; ``wishes`` all the cohort's wishes.
        threshold: the similarity a wish's closest topic must reach.
        by_topic: ``(topic id, wishes it answers best)``, most first, answering topics only.
        unanswered: a few wishes no topic answers, as written (the least answered first).
        source: ``"shipped"`` (the catalogue that comes with the tool) or ``"programme"``.
    """

    answered: int
    wishes: int
    threshold: float
    by_topic: tuple[tuple[str, int], ...] = ()
    unanswered: tuple[str, ...] = ()
    source: str = "shipped"

    @property
    def share(self) -> float:
        """``answered / wishes`` (1.0 for a cohort without wishes: nothing is left out)."""
        return self.answered / self.wishes if self.wishes else 1.0


@dataclass(frozen=True)
class CoveredTopic:
    """A catalogue topic a pair's notes already discussed, and the session that did."""

    topic_id: str
    title: str
    note_id: int
    date: str
    similarity: float


@dataclass(frozen=True)
class Theme:
    """A cluster of session notes labelled by its most characteristic words."""

    id: int
    label: str
    keywords: tuple[str, ...]
    size: int
    by_month: Mapping[str, int]
    nearest_topic_id: str
    nearest_topic_similarity: float
    candidate_new_topic: bool
    note_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class PairHealth:
    """How one pair is doing."""

    mentor_id: str
    mentee_id: str
    sessions: int
    last_session: str | None
    days_since_last: int | None
    sessions_per_month: float
    cadence_ratio: float
    rating_trend: float | None
    at_risk: bool
    risk_reasons: tuple[str, ...]


@dataclass(frozen=True)
class ProgrammeHealth:
    """Programme-level view: per-pair health and the share of wants covered."""

    pairs: tuple[PairHealth, ...]
    wants_covered_share: float
    pairs_at_risk: int
    sessions_by_month: Mapping[str, int]


@dataclass(frozen=True)
class ImportResult:
    """What an import stored and what it left out.

    Attributes:
        stored: people added or updated (unchanged rows are not counted).
        skipped: the problems of the rows left out (only with ``partial=True``; otherwise a
            single problem rejects the whole batch).
        report: lines for a person (the column mapping, generated ids, guessed languages).
    """

    stored: int
    skipped: tuple[Problem, ...] = ()
    report: tuple[str, ...] = ()

