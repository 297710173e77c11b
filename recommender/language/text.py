"""Text as every stage reads it: folded (no case, no accents), split into sentences and words."""

from __future__ import annotations

import functools
import hashlib
import re
import sys
import unicodedata

__all__ = ["LABEL_MARK", "fold", "form_label", "shorten", "split_answer", "split_clauses", "split_sentences",
           "text_hash", "words"]

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+|\s+[•·▪-]\s+|^\s*[•·▪*-]\s+", re.MULTILINE)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_APOSTROPHE = re.compile(r"['’]")


# Accents are stripped from letters of the alphabetic scripts that write them as accents
# (Latin, Greek, Cyrillic: "é" -> "e"); elsewhere a combining mark is part of the letter
# (Thai vowels and tones, the Japanese voicing mark: "が" is not "か") and stays.
_ACCENTED_BASES = "\u0000-\u052f\u1e00-\u1fff"


@functools.cache
def _combining() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Every combining mark NFKD decomposition may leave (accents, cedillas, diaereses...)
    after a letter of :data:`_ACCENTED_BASES`, as two patterns: one for marks of the basic
    plane, one for every mark. Python matches a class of basic plane characters by a bitmap;
    one with any other character checks each of its ~900 members in turn, 20x slower (it
    was most of the time spent reading a cohort's words). Built on first use, not at import."""
    marks = [chr(c) for c in range(0x300, sys.maxunicode + 1) if unicodedata.combining(chr(c))]
    basic = "".join(m for m in marks if m <= "\uffff")
    every = "".join(marks)
    return (re.compile(f"([{_ACCENTED_BASES}])[{basic}]+"),
            re.compile(f"([{_ACCENTED_BASES}])[{every}]+"))


def fold(text: str) -> str:
    """Lower-case ``text`` and strip its accents (``"Année"`` -> ``"annee"``); the marks
    of scripts where they are part of the letter stay (Thai, Japanese kana)."""
    if text.isascii():  # most words: nothing to strip
        return text.lower()
    basic, every = _combining()
    decomposed = unicodedata.normalize("NFKD", text).lower()
    pattern = every if max(decomposed) > "\uffff" else basic
    return unicodedata.normalize("NFC", pattern.sub(r"\1", decomposed))


def text_hash(text: str) -> str:
    """A stable hash of ``text`` (SHA-256 hex), the key of the embedding cache."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def split_sentences(text: str, min_chars: int = 3) -> list[str]:
    """Split free text into sentences or bullet items, dropping empty fragments."""
    parts = (p.strip(" \t-•·▪*") for p in _SENTENCE_END.split(text or ""))
    return [p for p in parts if len(p) >= min_chars]


LABEL_MARK = " ▸ "
"""Between a form question's label and the answer written under it (``"<label> ▸ <answer>"``,
see :mod:`recommender.intake.forms.apply`): a mark that prose does not use, unlike a colon
("Thirty years in credit risk: model validation, Basel reporting" is all answer)."""

_LABELLED = re.compile(r"^(?P<label>[^\n▸]{1,400}?)\s▸\s+(?P<answer>\S.*)$", re.S)


def form_label(question: str) -> str:
    """A form question as the label written before its answer (``"<label> ▸ <answer>"``):
    without the final ``?:.``, its inner sentence ends turned into " / " (a question asked in
    two languages, "Motivation. Which area...?"), no colon and no mark, so the label never
    becomes a sentence of its own and :func:`split_answer` finds where the answer starts."""
    text = str(question).strip().lstrip("¿¡").rstrip("?:.：！!; ")
    text = re.sub(r"\s*[.!?;:：]+\s+[¿¡]?", " / ", text)
    return re.sub(r"[:：▸]", " ", text).strip()


def split_answer(sentence: str) -> tuple[str, str]:
    """``(label, answer)`` of a sentence that starts with a form question's label
    (``"Skills you want to be mentored in ▸ NLP"`` -> ``("Skills you want to be mentored
    in", "NLP")``); ``("", sentence)`` when it does not."""
    match = _LABELLED.match(sentence)
    if match is None:
        return "", sentence
    return match.group("label").strip(), match.group("answer").strip()


# Where a sentence's clauses part: punctuation inside it, and the words that join clauses
# (and, then, but...) in the languages of the default embedder's programmes.
_JOINING = ("and|then|but|while|et|puis|mais|alors que|y|luego|pero|mientras|e|depois|mas|"
            "enquanto|und|dann|aber|während")
_CLAUSE_BREAK = re.compile(
    rf"\s*[,:;()]\s*(?:(?:{_JOINING})\s+)?|\s+(?:{_JOINING})\s+", re.IGNORECASE)


def split_clauses(sentence: str, min_words: int = 3) -> list[str]:
    """The clauses of a sentence of at least ``min_words`` words, split at inner punctuation
    and joining words ("On a parlé de X, puis il m'a montré Y" -> two clauses); ``[]`` when
    the sentence is a single clause."""
    parts = [p.strip() for p in _CLAUSE_BREAK.split(sentence or "")]
    parts = [p for p in parts if len(p.split()) >= min_words]
    return parts if len(parts) > 1 else []


@functools.cache
def _word() -> re.Pattern[str]:
    """A word: letters, with the marks that are part of them where a script writes its
    vowels or tones as marks (Thai "เป็น", Hindi "हिन्दी"), which ``\\w`` does not match."""
    marks = "".join(chr(c) for c in range(0x300, 0x10000)
                    if unicodedata.category(chr(c)) in ("Mn", "Mc"))
    letter = "[^\\W\\d_]"
    return re.compile(f"{letter}(?:{letter}|[{marks}])*(?:['’]{letter}(?:{letter}|[{marks}])*)?")


def words(text: str) -> list[str]:
    """Lower-case words of ``text`` (letters only; elisions like ``l'IA`` are split)."""
    out: list[str] = []
    word = _WORD if text.isascii() else _word()
    for token in word.findall(text.lower()):
        if "'" in token or "’" in token:
            out.extend(t for t in _APOSTROPHE.split(token) if t)
        else:
            out.append(token)
    return out


def shorten(text: str, limit: int = 160) -> str:
    """Cut ``text`` at a word boundary so a quote stays readable."""
    # No stray separators of the list the sentence came from ("Machine Learning;").
    text = " ".join(text.split()).strip(" .;,:|•·▪-–—*").strip()
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"
