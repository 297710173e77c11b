"""The languages people speak, and the language to address a pair in."""

from __future__ import annotations

from collections.abc import Sequence

from ..language.formats import WRITTEN_LANGUAGES
from ..language.langid import detect_language
from ..records import Person

__all__ = ["pair_language", "spoken"]


def spoken(person: Person) -> tuple[str, ...]:
    """Declared languages, else the one their texts are written in (a guess)."""
    if person.languages:
        return person.languages
    return (detect_language(" ".join((person.profile, person.offers, person.wants)),
                            WRITTEN_LANGUAGES),)


def pair_language(a: Person, b: Person, written: Sequence[str] = WRITTEN_LANGUAGES) -> str:
    """The language to explain a pair in, among those the tool writes in: the mentee's
    (``b``) first language if both speak it; the mentee's when either declared none;
    English otherwise."""
    a_langs, b_langs = spoken(a), spoken(b)
    for lang in b_langs:
        if lang in a_langs and lang in written:
            return lang
    if not a.languages or not b.languages:  # undeclared: write in the mentee's language
        return b_langs[0] if b_langs[0] in written else "en"
    return "en"
