"""The hard rules of a programme, as one table read by eligibility and by the reasons a
person is left alone."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..language.formats import WRITTEN_LANGUAGES, format_number
from .cohort import PREF_MENTEE, PREF_MENTOR, Cohort
from .params import MatchParams

__all__ = [
    "PROFILE_RULES",
    "RULES",
    "Rule",
    "broken_rules",
    "eligible",
    "ineligibility_reason",
    "ineligibility_reasons",
]


# ------------------------------------------------------------------------------ rules
@dataclass(frozen=True)
class Rule:
    """A hard rule: a mask over edges, and what to tell a person it leaves alone.

    ``messages`` maps ``(language, direction, as_mentee)`` (direction ``"*"`` for any) to a
    sentence with ``{gap}`` filled in.
    """

    name: str
    allows: Callable[[Cohort, np.ndarray, np.ndarray, MatchParams], np.ndarray]
    messages: Mapping[tuple[str, str, bool], str]

    def message(self, direction: str, as_mentee: bool, params: MatchParams,
                language: str = "en") -> str:
        lang = language if (language, "*", as_mentee) in self.messages or \
            (language, direction, as_mentee) in self.messages else "en"
        text = (self.messages.get((lang, direction, as_mentee))
                or self.messages[(lang, "*", as_mentee)])
        return text.format(gap=format_number(params.min_experience_gap, lang, 2))


def _both(en: str, fr: str) -> dict[tuple[str, str, bool], str]:
    """The same message whatever the direction and role."""
    return {(lang, "*", role): text for lang, text in (("en", en), ("fr", fr))
            for role in (True, False)}


def _experience(c: Cohort, m: np.ndarray, s: np.ndarray, p: MatchParams) -> np.ndarray:
    if p.direction == "reverse":
        return c.years[m] + p.min_experience_gap <= c.years[s]
    if p.direction == "classic":
        return c.years[s] + p.min_experience_gap <= c.years[m]
    return np.ones(np.broadcast_shapes(m.shape, s.shape), dtype=bool)


def _roles(c: Cohort, m: np.ndarray, s: np.ndarray, p: MatchParams) -> np.ndarray:
    return ((c.preference[m] != PREF_MENTEE) & (c.preference[s] != PREF_MENTOR)
            & (c.capacity[m] != 0) & (m != s))


def _language(c: Cohort, m: np.ndarray, s: np.ndarray, p: MatchParams) -> np.ndarray:
    # The masks in the smallest dtype that holds them: over a (M, S) matrix of pairs an
    # int64 temporary costs 60x more than a uint8 one.
    dtype = np.min_scalar_type(int(c.languages.max(initial=0)))
    return (c.languages[m].astype(dtype) & c.languages[s].astype(dtype)) != 0


def _reporting(c: Cohort, m: np.ndarray, s: np.ndarray, p: MatchParams) -> np.ndarray:
    return (c.manager[m] != s) & (c.manager[s] != m)


def _not_excluded(c: Cohort, m: np.ndarray, s: np.ndarray, p: MatchParams) -> np.ndarray:
    ok = np.ones(np.broadcast_shapes(m.shape, s.shape), dtype=bool)
    if not c.excluded:
        return ok
    banned = np.array(sorted(c.excluded), dtype=np.int64).reshape(-1, 2)
    if m.ndim == 2 and m.shape[1] == 1 and s.ndim == 2 and s.shape[0] == 1 \
            and len(np.unique(m)) == m.shape[0] and len(np.unique(s)) == s.shape[1]:
        # A matrix of every pair: mark the few excluded cells (a membership test of every
        # cell costs a sort of the whole matrix).
        row_of = np.full(c.size, -1, dtype=np.int64)
        col_of = np.full(c.size, -1, dtype=np.int64)
        row_of[m[:, 0]] = np.arange(m.shape[0])
        col_of[s[0]] = np.arange(s.shape[1])
        rows, cols = row_of[banned[:, 0]], col_of[banned[:, 1]]
        hit = (rows >= 0) & (cols >= 0)
        ok[rows[hit], cols[hit]] = False
        return ok
    keys = m.astype(np.int64) * c.size + s
    return ~np.isin(keys, banned[:, 0] * c.size + banned[:, 1])


def _content(c: Cohort, m: np.ndarray, s: np.ndarray, p: MatchParams) -> np.ndarray:
    return (c.offers.count[m] > 0) & (c.wants.count[s] > 0)


RULES: tuple[Rule, ...] = (
    Rule("experience", _experience, {
        ("en", "reverse", True): "nobody with at least {gap} fewer years of experience to "
                                 "mentor them (reverse mentoring: the mentor is the junior)",
        ("en", "reverse", False): "nobody with at least {gap} more years of experience to "
                                  "mentor (reverse mentoring: the mentee is the senior)",
        ("en", "classic", True): "nobody with at least {gap} more years of experience to mentor "
                                 "them",
        ("en", "classic", False): "nobody with at least {gap} fewer years of experience to "
                                  "mentor",
        ("fr", "reverse", True): "personne avec au moins {gap} ans d'expérience de moins pour "
                                 "être son mentor (mentorat inversé : le mentor est le junior)",
        ("fr", "reverse", False): "personne avec au moins {gap} ans d'expérience de plus à "
                                  "mentorer (mentorat inversé : le mentoré est le senior)",
        ("fr", "classic", True): "personne avec au moins {gap} ans d'expérience de plus pour "
                                 "être son mentor",
        ("fr", "classic", False): "personne avec au moins {gap} ans d'expérience de moins à "
                                  "mentorer",
        **_both("no candidate", "aucun candidat"),
    }),
    Rule("roles", _roles, _both("role preferences rule out every candidate",
                                "les rôles souhaités excluent tous les candidats")),
    Rule("language", _language, _both("no shared language with any candidate",
                                      "aucune langue commune avec un candidat")),
    Rule("reporting", _reporting, _both(
        "the only candidates are in the same reporting line",
        "les seuls candidats sont dans la même ligne hiérarchique")),
    Rule("excluded", _not_excluded, _both(
        "every candidate pair already exists, was rejected or ended",
        "chaque binôme possible existe déjà, a été refusé ou est terminé")),
    Rule("content", _content, _both(
        "no sentence to match on (no offer or no learning wish found)",
        "aucune phrase sur laquelle s'appuyer (pas d'offre ou pas de souhait trouvé)")),
)
"""The hard rules, in the order an unmatched person's reason names them."""


PROFILE_RULES: tuple[Rule, ...] = tuple(r for r in RULES if r.name != "excluded")
"""The rules that depend on the profiles only, not on the coordinator's decisions."""


def eligible(cohort: Cohort, mentor: np.ndarray, mentee: np.ndarray,
             params: MatchParams, rules: Sequence[Rule] = RULES) -> np.ndarray:
    """Mask of edges ``(mentor[e], mentee[e])`` that pass every rule of ``rules``.

    ``mentor`` and ``mentee`` broadcast: ``(E,)`` each gives ``(E,)``; ``(M, 1)`` and
    ``(1, S)`` give the ``(M, S)`` matrix of every pair.
    """
    ok = np.ones(np.broadcast_shapes(mentor.shape, mentee.shape), dtype=bool)
    for rule in rules:
        ok &= rule.allows(cohort, mentor, mentee, params)
    return ok


def broken_rules(cohort: Cohort, mentor: int, mentee: int, params: MatchParams,
                 language: str = "en") -> tuple[str, ...]:
    """Every rule of :data:`RULES` that forbids the pair ``(mentor, mentee)``, in words."""
    m, s = np.array([mentor]), np.array([mentee])
    names = {"experience": {"en": "experience gap", "fr": "écart d'expérience"},
             "roles": {"en": "role preferences or capacity", "fr": "rôles souhaités ou capacité"},
             "language": {"en": "no shared language", "fr": "aucune langue commune"},
             "reporting": {"en": "same reporting line", "fr": "même ligne hiérarchique"},
             "excluded": {"en": "already exists, was rejected or ended",
                          "fr": "existe déjà, refusé ou terminé"},
             "content": {"en": "nothing to match on", "fr": "rien sur quoi s'appuyer"}}
    lang = language if language in WRITTEN_LANGUAGES else "en"
    return tuple(names[r.name][lang] for r in RULES if not r.allows(cohort, m, s, params)[0])


def ineligibility_reasons(cohort: Cohort, people: np.ndarray, as_mentee: bool,
                          params: MatchParams, language: str = "en",
                          block: int = 1024) -> list[str | None]:
    """:func:`ineligibility_reason` for many people at once (the rules as matrices over
    blocks of people x everyone)."""
    out: list[str | None] = []
    others = np.arange(cohort.size)[None, :]
    for start in range(0, len(people), block):
        me = people[start : start + block][:, None]
        mentor, mentee = (others, me) if as_mentee else (me, others)
        alive = me != others
        reason: list[str | None] = [None] * len(me)
        for rule in RULES:
            alive &= rule.allows(cohort, mentor, mentee, params)
            dead = ~alive.any(axis=1)
            for row in np.flatnonzero(dead):
                if reason[row] is None:
                    reason[row] = rule.message(params.direction, as_mentee, params, language)
        out.extend(reason)
    return out


def ineligibility_reason(cohort: Cohort, person: int, as_mentee: bool,
                         params: MatchParams, language: str = "en") -> str | None:
    """Why ``person`` has no eligible partner in that role, or ``None`` when they have one.

    The rules of :data:`RULES` are applied one after the other, and the first that leaves no
    candidate is named.
    """
    return ineligibility_reasons(cohort, np.array([person]), as_mentee, params, language)[0]
