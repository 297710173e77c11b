"""Which language a short profile text is written in.

Used by :mod:`recommender.intake.forms` where a sign-up form gives no languages: the person is
taken to speak the languages their answers are written in, and the import report says that
this was a guess.

Two guessers share one small interface (``guess(text) -> [(code, share)]``):

- :class:`LangidGuesser`: the naive Bayes byte n-gram model of ``py3langid`` (the model ships
  inside the wheel as a NumPy archive: nothing is downloaded, nothing is unpickled),
  restricted to a set of candidate languages. Texts are split into sentences and each
  sentence long enough is classified, so a profile written half in French and half in English
  gives both languages.
- :class:`StopWordGuesser`: counts stop words per language; the baseline of
  ``benchmarks/bench_langid.py``.

Measured by ``benchmarks/bench_langid.py`` on short hand-written FR/EN/ES/PT profile
sentences: see the figures it prints.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from .stopwords import STOP_WORD_LANGUAGES, stop_words
from .text import fold, split_sentences, words

__all__ = [
    "DEFAULT_CANDIDATES",
    "EMBEDDER_LANGUAGES",
    "LangidGuesser",
    "LanguageGuesser",
    "StopWordGuesser",
    "detect_language",
]

logger = logging.getLogger(__name__)

DEFAULT_CANDIDATES: tuple[str, ...] = ("en", "fr", "es", "pt", "de", "it")
"""Languages a guess may return unless told otherwise (ISO 639-1)."""

EMBEDDER_LANGUAGES: tuple[str, ...] = STOP_WORD_LANGUAGES
"""The 16 languages of the default embedder (multilingual USE v3; Chinese counted once):
those the function-word table was written for."""

MIN_WORDS = 3
"""A sentence shorter than this is not classified on its own (it joins the whole text)."""

MIN_SHARE = 0.25
"""A language must cover this share of a text's letters to be reported beside the main one."""


class LanguageGuesser(Protocol):
    """Anything that guesses the languages a text is written in."""

    @property
    def candidates(self) -> tuple[str, ...]:
        """The ISO 639-1 codes a guess may return."""
        ...

    def guess(self, text: str) -> list[tuple[str, float]]:
        """Languages of ``text`` with their share of it, main one first; ``[]`` if unknown."""
        ...


def _mix(parts: Iterable[tuple[str, int]], min_share: float) -> list[tuple[str, float]]:
    """Shares of each language from ``(language, letters)`` parts, main first."""
    totals: dict[str, int] = {}
    for lang, size in parts:
        totals[lang] = totals.get(lang, 0) + size
    whole = sum(totals.values())
    if not whole:
        return []
    ranked = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))
    return [(lang, size / whole) for i, (lang, size) in enumerate(ranked)
            if i == 0 or size / whole >= min_share]


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


class LangidGuesser:
    """``py3langid`` restricted to candidate languages.

    Args:
        candidates: ISO 639-1 codes a guess may return (default :data:`DEFAULT_CANDIDATES`).
        min_share: share of the letters a second language needs to be reported.

    Raises:
        ValueError: a candidate the model does not know.
        ImportError: ``py3langid`` is not installed.
    """

    def __init__(self, candidates: Sequence[str] = DEFAULT_CANDIDATES,
                 min_share: float = MIN_SHARE):
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        self._candidates = tuple(dict.fromkeys(c.lower() for c in candidates))
        if not self._candidates:
            raise ValueError("give at least one candidate language")
        self._identifier: Any = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        self._identifier.set_languages(list(self._candidates))
        self.min_share = min_share

    @property
    def candidates(self) -> tuple[str, ...]:
        """The ISO 639-1 codes a guess may return."""
        return self._candidates

    def classify(self, text: str) -> tuple[str, float]:
        """The single most likely language of ``text`` and its probability."""
        lang, prob = self._identifier.classify(text)
        return str(lang), float(prob)

    def classify_code(self, text: str) -> str:
        """The single most likely language of ``text``."""
        return self.classify(text)[0]

    def guess(self, text: str) -> list[tuple[str, float]]:
        """Languages of ``text``, sentence by sentence, with their share of the letters."""
        if len(words(text)) < 1:
            return []
        sentences = [s for s in split_sentences(text) if len(words(s)) >= MIN_WORDS]
        if len(sentences) <= 1:
            return [(self.classify(text)[0], 1.0)]
        return _mix(((self.classify(s)[0], _letters(s)) for s in sentences), self.min_share)


class StopWordGuesser:
    """Counts the function words only one candidate language uses (from the one table of
    :mod:`~recommender.language.stopwords`); the baseline of the benchmark, and the cheap
    guesser of a text's language where a model is not worth loading.

    Args:
        candidates: codes with a list of function words.

    Raises:
        ValueError: a candidate with no list.
    """

    def __init__(self, candidates: Sequence[str] = ("en", "fr", "es", "pt")):
        self._candidates = tuple(candidates)
        own = {lang: stop_words(lang) for lang in self._candidates}  # raises on unknown
        self._words = {lang: words_ - frozenset().union(*(w for other, w in own.items()
                                                         if other != lang))
                       for lang, words_ in own.items()}

    @property
    def candidates(self) -> tuple[str, ...]:
        """The ISO 639-1 codes a guess may return."""
        return self._candidates

    def classify(self, text: str) -> tuple[str, float]:
        """The language with most of its own function words in ``text`` (ties: first
        candidate), and its share of the function words found."""
        tokens = words(fold(text))
        counts = [sum(t in self._words[lang] for t in tokens) for lang in self._candidates]
        best = max(range(len(counts)), key=lambda i: (counts[i], -i))
        total = sum(counts)
        return self._candidates[best], (counts[best] / total if total else 0.0)

    def classify_code(self, text: str) -> str:
        """The language with most of its own function words in ``text``."""
        return self.classify(text)[0]

    def guess(self, text: str) -> list[tuple[str, float]]:
        """The language with most of its own function words, or ``[]`` when none is found."""
        lang, share = self.classify(text)
        return [(lang, 1.0)] if share > 0 else []


def detect_language(text: str, candidates: Sequence[str] = ("fr", "en"),
                    default: str = "en") -> str:
    """The language ``text`` is mostly written in among ``candidates`` (py3langid's model,
    loaded on first use); for a text of fewer than :data:`MIN_WORDS` words (a list of tools:
    "Canva, Notion"), the candidate whose own function words it uses, else ``default``: a
    character model guesses at random on so little. Answers are remembered (the same
    profiles are asked about for every pair). Candidates the model was not trained on
    (Guarani, Quechua...) are left out: ``default`` when none is left."""
    return _detect(text, tuple(c.lower() for c in candidates), default)


@functools.lru_cache(maxsize=16384)
def _detect(text: str, candidates: tuple[str, ...], default: str) -> str:
    # A language the model was not trained on (Guarani, Quechua...) cannot be told apart.
    candidates = tuple(c for c in candidates if c in _model_languages())
    if not candidates:
        return default
    if len(words(text)) < MIN_WORDS:
        found = StopWordGuesser(candidates).guess(text) \
            if all(c in STOP_WORD_LANGUAGES for c in candidates) else []
    else:
        found = _guesser(candidates).guess(text)
    return found[0][0] if found else default


@functools.cache
def _model_languages() -> frozenset[str]:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return frozenset(LanguageIdentifier.from_model_file(MODEL_FILE).nb_classes)


@functools.lru_cache(maxsize=8)
def _guesser(candidates: tuple[str, ...]) -> LangidGuesser:
    return LangidGuesser(candidates)
