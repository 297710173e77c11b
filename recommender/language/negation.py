"""Sentences that mention a subject without having discussed it: put off, planned, skipped.

A session note often ends with what is left for later ("We didn't get to dashboards; next
time.", "On n'a pas eu le temps de parler de TikTok.", "Próxima sesión: LinkedIn."): such a
sentence names a subject that the pair has *not* covered. :func:`not_discussed` tells them,
from phrases written in each language (folded: no case, no accents), so coverage can leave
them out.
"""

from __future__ import annotations

import functools
import re

from .text import fold

__all__ = ["NOT_DISCUSSED", "not_discussed"]

NOT_DISCUSSED: dict[str, tuple[str, ...]] = {
    # Only phrases that say it of the session: "not yet" or "next month" alone also tell of
    # the subject itself ("she has not yet found a job", "she starts next month").
    "en": (
        r"did(?:n'?t| not) (?:get to|have time|talk|discuss|cover|look)",
        r"(?:no|not enough|ran out of) time", r"have(?:n'?t| not) (?:yet )?"
        r"(?:talked|discussed|covered|looked)", r"next (?:time|session|meeting)",
        r"we(?:'ll| will) (?:try|look at|talk about|cover|get to)", r"onto? the list for",
        r"left for (?:next|another|later)", r"postponed",
    ),
    "fr": (
        r"pas eu le temps", r"pas (?:encore )?(?:parle|aborde|regarde|traite)",
        r"prochaine (?:fois|seance|rencontre|reunion)", r"on verra", r"reporte(?:e|r)?\b",
        r"pour une autre fois", r"manque de temps", r"reste a (?:voir|aborder|traiter)",
    ),
    "es": (
        r"no (?:tuvimos|hubo) tiempo", r"no (?:hablamos|tratamos)",
        r"(?:la )?proxima (?:vez|sesion|reunion)", r"queda para",
    ),
    "pt": (
        r"nao (?:tivemos|deu) tempo", r"nao (?:falamos|tratamos)",
        r"(?:da )?proxima (?:vez|sessao|reuniao)", r"fica para (?:a )?proxima",
    ),
    "de": (
        r"keine zeit", r"nicht (?:mehr )?(?:geschafft|besprochen)",
        r"nachstes (?:mal|treffen)", r"beim nachsten (?:mal|treffen)", r"verschoben",
    ),
}
"""Phrases, per language, that say a subject was put off or not discussed (folded regexes)."""


@functools.cache
def _pattern() -> re.Pattern[str]:
    phrases = (p for table in NOT_DISCUSSED.values() for p in table)
    return re.compile(r"(?<!\w)(?:" + "|".join(phrases) + r")")


def not_discussed(sentence: str) -> bool:
    """Whether ``sentence`` says its subject was put off or not discussed, in any of the
    languages of :data:`NOT_DISCUSSED` ("Next time: delivery slots.", "On n'a pas eu le
    temps de regarder les tableaux de bord.")."""
    return _pattern().search(fold(sentence).replace("’", "'")) is not None
