"""The hard rules of a programme, as one table read by eligibility and by the reasons a
person is left alone."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..language.formats import WRITTEN_LANGUAGES, format_number
from .cohort import PREF_MENTEE, PREF_MENTOR, Cohort
from .params import MatchParams
from .traits import (
    forbidden_by,
    identity_allows,
    level_allows,
    preferences_allow,
    same_allows,
    time_zone_allows,
)

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
        if self.name == "experience" and params.rules.levels is not None:
            text = _LEVEL_MESSAGES[(lang, direction if direction in ("reverse", "classic")
                                    else "peer", as_mentee)]
        levels, tz = params.rules.levels, params.rules.time_zone
        window = ""
        if levels is not None:
            low, top = levels.min_steps, levels.max_steps
            if lang == "fr":
                window = (f"d'au moins {low}" if top is None else f"de {low} à {top}"
                          if top != low else f"à {low}")
            else:
                window = (f"at least {low}" if top is None else f"{low} to {top}"
                          if top != low else f"{low}")
        return text.format(gap=format_number(params.min_experience_gap, lang, 2),
                           steps=window,
                           hours=format_number(tz.max_hours if tz and tz.max_hours is not None
                                               else 0, lang, 1))


_LEVEL_MESSAGES = {
    ("en", "classic", True): "nobody {steps} step(s) above their level on the programme's "
                             "ladder to mentor them (or their level is on no step)",
    ("en", "classic", False): "nobody {steps} step(s) below their level on the programme's "
                              "ladder to mentor (or their level is on no step)",
    ("en", "reverse", True): "nobody {steps} step(s) below their level on the programme's "
                             "ladder to mentor them (reverse mentoring: the mentor is the "
                             "junior; or their level is on no step)",
    ("en", "reverse", False): "nobody {steps} step(s) above their level on the programme's "
                              "ladder to mentor (reverse mentoring; or their level is on no "
                              "step)",
    ("en", "peer", True): "nobody {steps} step(s) away from their level on the programme's "
                          "ladder (or their level is on no step)",
    ("en", "peer", False): "nobody {steps} step(s) away from their level on the programme's "
                           "ladder (or their level is on no step)",
    ("fr", "classic", True): "personne {steps} échelon(s) au-dessus de son niveau sur "
                             "l'échelle du programme pour être son mentor (ou son niveau "
                             "n'est sur aucun échelon)",
    ("fr", "classic", False): "personne {steps} échelon(s) au-dessous de son niveau sur "
                              "l'échelle du programme à mentorer (ou son niveau n'est sur "
                              "aucun échelon)",
    ("fr", "reverse", True): "personne {steps} échelon(s) au-dessous de son niveau sur "
                             "l'échelle du programme pour être son mentor (mentorat inversé : "
                             "le mentor est le junior ; ou son niveau n'est sur aucun échelon)",
    ("fr", "reverse", False): "personne {steps} échelon(s) au-dessus de son niveau sur "
                              "l'échelle du programme à mentorer (mentorat inversé ; ou son "
                              "niveau n'est sur aucun échelon)",
    ("fr", "peer", True): "personne {steps} échelon(s) de son niveau sur l'échelle du "
                          "programme (ou son niveau n'est sur aucun échelon)",
    ("fr", "peer", False): "personne {steps} échelon(s) de son niveau sur l'échelle du "
                           "programme (ou son niveau n'est sur aucun échelon)",
}
"""The experience rule's messages when the programme's ladder replaces the years."""


def _both(en: str, fr: str) -> dict[tuple[str, str, bool], str]:
    """The same message whatever the direction and role."""
    return {(lang, "*", role): text for lang, text in (("en", en), ("fr", fr))
            for role in (True, False)}


def _experience(c: Cohort, m: np.ndarray, s: np.ndarray, p: MatchParams) -> np.ndarray:
    if p.rules.levels is not None:  # the programme's ladder replaces the years
        return level_allows(c, p.rules, p.direction, m, s)
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


def _same(c: Cohort, m: np.ndarray, s: np.ndarray, p: MatchParams) -> np.ndarray:
    return same_allows(c, p.rules, m, s)


def _time_zone(c: Cohort, m: np.ndarray, s: np.ndarray, p: MatchParams) -> np.ndarray:
    return time_zone_allows(c, p.rules, m, s)


def _identity(c: Cohort, m: np.ndarray, s: np.ndarray, p: MatchParams) -> np.ndarray:
    return identity_allows(c, p.rules, m, s)


def _preferences(c: Cohort, m: np.ndarray, s: np.ndarray, p: MatchParams) -> np.ndarray:
    return preferences_allow(c, p.rules, m, s)


def _content(c: Cohort, m: np.ndarray, s: np.ndarray, p: MatchParams) -> np.ndarray:
    return (c.offers.count[m] > 0) & (c.wants.count[s] > 0)


RULES: tuple[Rule, ...] = (
    Rule("roles", _roles, _both("role preferences rule out every candidate",
                                "les rôles souhaités excluent tous les candidats")),
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
    Rule("language", _language, _both("no shared language with any candidate",
                                      "aucune langue commune avec un candidat")),
    Rule("reporting", _reporting, _both(
        "the only candidates are in the same reporting line",
        "les seuls candidats sont dans la même ligne hiérarchique")),
    Rule("excluded", _not_excluded, _both(
        "every candidate pair already exists, was rejected or ended",
        "chaque binôme possible existe déjà, a été refusé ou est terminé")),
    Rule("same", _same, _both(
        "every candidate shares an answer the programme's rules forbid sharing (or lacks "
        "one they require)",
        "chaque candidat partage une réponse que les règles du programme interdisent de "
        "partager (ou n'a pas celle qu'elles exigent)")),
    Rule("time_zone", _time_zone, _both(
        "no candidate within {hours} hours of their time zone",
        "aucun candidat à {hours} h ou moins de son fuseau horaire")),
    Rule("identity", _identity, {
        ("en", "*", True): "no mentor shares the identity they asked to be matched on",
        ("en", "*", False): "every possible mentee asked for an identity they do not share",
        ("fr", "*", True): "aucun mentor ne partage l'identité sur laquelle cette personne a "
                           "demandé à être appariée",
        ("fr", "*", False): "chaque mentoré possible a demandé une identité que cette personne "
                            "ne partage pas"}),
    Rule("preferences", _preferences, _both(
        "no candidate meets the preferences stated (this person's or the candidates')",
        "aucun candidat ne remplit les préférences exprimées (celles de cette personne ou "
        "celles des candidats)")),
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


_RULE_NAMES = {
    "experience": {"en": "experience gap", "fr": "écart d'expérience"},
    "levels": {"en": "outside the level window", "fr": "hors de la fenêtre de niveaux"},
    "roles": {"en": "role preferences or capacity", "fr": "rôles souhaités ou capacité"},
    "language": {"en": "no shared language", "fr": "aucune langue commune"},
    "reporting": {"en": "same reporting line", "fr": "même ligne hiérarchique"},
    "excluded": {"en": "already exists, was rejected or ended",
                 "fr": "existe déjà, refusé ou terminé"},
    "same": {"en": "{field}: {effect}", "fr": "{field} : {effect}"},
    "time_zone": {"en": "more than {hours} hours apart", "fr": "plus de {hours} h d'écart"},
    "identity": {"en": "identity asked for not shared ({field})",
                 "fr": "identité demandée non partagée ({field})"},
    "preference": {"en": "stated preference not met: {field}",
                   "fr": "préférence exprimée non remplie : {field}"},
    "content": {"en": "nothing to match on", "fr": "rien sur quoi s'appuyer"},
}
_EFFECTS = {"en": {"forbid": "the same answer is forbidden",
                   "require": "the same answer is required"},
            "fr": {"forbid": "la même réponse est interdite",
                   "require": "la même réponse est exigée"}}


def broken_rules(cohort: Cohort, mentor: int, mentee: int, params: MatchParams,
                 language: str = "en") -> tuple[str, ...]:
    """Every rule of :data:`RULES` that forbids the pair ``(mentor, mentee)``, in words (the
    programme's own rules each named: which shared answer, which preference)."""
    m, s = np.array([mentor]), np.array([mentee])
    lang = language if language in WRITTEN_LANGUAGES else "en"
    out: list[str] = []
    tz = params.rules.time_zone
    hours = format_number(tz.max_hours if tz and tz.max_hours is not None else 0, lang, 1)
    programme = forbidden_by(cohort, params.rules, params.direction, mentor, mentee)
    for rule in RULES:
        if rule.allows(cohort, m, s, params)[0]:
            continue
        if rule.name == "experience" and params.rules.levels is not None:
            out.append(_RULE_NAMES["levels"][lang])
        elif rule.name in ("same", "identity"):
            for name in programme:
                kind, _, field_name = name.partition(":")
                if kind == rule.name:
                    effect = next((r.effect for r in params.rules.same
                                   if r.field == field_name), "forbid")
                    out.append(_RULE_NAMES[kind][lang].format(
                        field=field_name, effect=_EFFECTS[lang].get(effect, effect)))
        elif rule.name == "preferences":
            out.extend(_RULE_NAMES["preference"][lang].format(field=name.partition(":")[2])
                       for name in programme if name.startswith("preference:"))
        else:
            out.append(_RULE_NAMES[rule.name][lang].format(hours=hours))
    return tuple(out)


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
