"""Small text helpers shared by the stages: sentence splitting, language guess, stop words."""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = [
    "ENGLISH_STOP_WORDS",
    "FRENCH_STOP_WORDS",
    "detect_language",
    "fold",
    "split_sentences",
    "text_hash",
]

FRENCH_STOP_WORDS = frozenset(
    """
    a à afin ai aie aient aies ait alors as au aucun aucune aujourd aupres auquel aussi autre
    autres aux auxquelles auxquels avaient avais avait avant avec avez aviez avions avoir avons
    bien c ça car ce ceci cela celle celles celui cependant certain certaines certains ces cet
    cette ceux chaque chez ci comme comment d dans de des donc dont du elle elles en encore
    entre es est et étaient étais était étant été être eu eux fait faire fois font hors ici il
    ils j je jusqu l la là le les leur leurs lui m ma mais me même mêmes mes moi mon n ne ni nos
    notre nous on ont ou où par parce pas peu peut plus pour pourquoi qu quand que quel quelle
    quelles quels qui quoi s sa sans se ses si sien soi son sont sous suis sur t ta te tes toi
    ton tous tout toute toutes très tu un une vers via voici voilà vos votre vous y
    avoir faire être cest jai nest sest quil quils quon dun dune lors
    """.split()
)

ENGLISH_STOP_WORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its itself
    just me more most my myself no nor not now of off on once only or other our ours ourselves out
    over own same she should so some such than that the their theirs them themselves then there
    these they this those through to too under until up very was we were what when where which
    while who whom why will with would you your yours yourself yourselves also how i'm i've im ive
    """.split()
)

_FR_MARKERS = frozenset(
    "le la les des une est et je j nous vous pour avec dans sur du au aux que qui pas mais "
    "ou leur sont être avoir comment veux voudrais souhaite aimerais".split()
)
_EN_MARKERS = frozenset(
    "the and is are i we you for with in on of to that this what how want would like "
    "learn my our their be have it".split()
)

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+|\s+[•·▪-]\s+|^\s*[•·▪*-]\s+", re.MULTILINE)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


def fold(text: str) -> str:
    """Lower-case ``text`` and strip its accents (``"Année"`` -> ``"annee"``)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def text_hash(text: str) -> str:
    """A stable hash of ``text`` (SHA-256 hex), the key of the embedding cache."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def split_sentences(text: str, min_chars: int = 3) -> list[str]:
    """Split free text into sentences or bullet items, dropping empty fragments."""
    parts = (p.strip(" \t-•·▪*") for p in _SENTENCE_END.split(text or ""))
    return [p for p in parts if len(p) >= min_chars]


def words(text: str) -> list[str]:
    """Lower-case words of ``text`` (letters only; elisions like ``l'IA`` are split)."""
    out: list[str] = []
    for token in _WORD.findall(text.lower()):
        out.extend(t for t in re.split(r"['’]", token) if t)
    return out


def detect_language(text: str, default: str = "en") -> str:
    """Guess ``"fr"`` or ``"en"`` from stop-word counts; ``default`` when undecided."""
    tokens = words(text)
    fr = sum(t in _FR_MARKERS for t in tokens) + sum(
        1 for ch in text if ch in "éèêàçùâîôû"
    )
    en = sum(t in _EN_MARKERS for t in tokens)
    if fr == en:
        return default
    return "fr" if fr > en else "en"
