"""Human sentences for suggestions, quoting the profiles, in French or English."""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping, Sequence
from functools import lru_cache

import numpy as np

from ..language.formats import format_number
from ..language.stopwords import function_words
from ..language.text import fold, shorten, words
from ..profiles.speakers import pair_language
from ..records import Pair, Person, Segment, Unmatched
from .cohort import Cohort, person_answers
from .kernel import EdgeScores, best_sentences, score_edges
from .params import MatchParams
from .rules import (
    eligible,
    ineligibility_reasons,
)
from .traits import answer_key, compiled, hours_apart, points_of

__all__ = [
    "SuggestionKey",
    "best_partners",
    "pair_reasons",
    "pair_suggestions",
    "shared_terms",
    "shorten",
    "unmatched",
]

_PHRASES = {
    "en": {
        "help": '{mentor} can help {mentee} with "{want}" ({mentor}\'s profile: "{offer}")',
        "weak": "No close match: nothing {mentor} offers answers {mentee}'s wishes closely; "
        'the closest are "{want}" and "{offer}"',
        "terms": "Words they share: {terms}",
        "back_reverse": 'In return, {mentee} can share "{offer}" with {mentor}, who wrote '
        '"{want}"',
        "back_classic": '{mentee} can also bring "{offer}" to {mentor}, who wrote "{want}"',
        "back_peer": 'Both ways: {mentee} can share "{offer}" with {mentor}, who wrote "{want}"',
        "cross": "Different departments ({a} / {b}): a view from outside the team",
        "gap_junior": "{years} years of experience apart: {mentor} is the junior mentor",
        "gap_senior": "{years} years of experience apart: {mentor} is the senior mentor",
        "gap_same": "The same experience ({years} years apart)",
        "gap_peer": "Peers: {years} years of experience apart",
        "language": "Shared language: {langs}",
        "inferred": "(wish inferred from the profile: no sentence says what {mentee} wants to learn)",
        "level_up": "Levels: {mentor} ({mentor_level}) is {steps} step(s) above {mentee} "
        "({mentee_level}) on the programme's ladder",
        "level_down": "Levels: {mentor} ({mentor_level}) is {steps} step(s) below {mentee} "
        "({mentee_level}) on the programme's ladder: {mentor} is the junior mentor",
        "level_same": "Levels: the same step on the programme's ladder ({mentor_level})",
        "level_peer": "Levels: {mentor} ({mentor_level}) and {mentee} ({mentee_level}) are "
        "{steps} step(s) apart on the programme's ladder",
        "same": "Same {field}: {values}",
        "identity": "{mentee} asked for a mentor who shares their identity: {values}",
        "hours": "Time zones {hours} h apart",
        "same_zone": "Same time zone",
    },
    "fr": {
        "help": '{mentor} peut aider {mentee} sur « {want} » (profil de {mentor} : « {offer} »)',
        "weak": "Pas de correspondance proche : rien de ce que propose {mentor} ne répond de "
        "près aux souhaits de {mentee} ; les plus proches sont « {want} » et « {offer} »",
        "terms": "Mots en commun : {terms}",
        "back_reverse": "En retour, {mentee} peut partager « {offer} » avec {mentor}, qui a "
        "écrit « {want} »",
        "back_classic": "{mentee} peut aussi apporter « {offer} » à {mentor}, qui a écrit "
        "« {want} »",
        "back_peer": "Dans les deux sens : {mentee} peut partager « {offer} » avec {mentor}, "
        "qui a écrit « {want} »",
        "cross": "Services différents ({a} / {b}) : un regard extérieur à l'équipe",
        "gap_junior": "{years} ans d'expérience d'écart : {mentor} est le mentor junior",
        "gap_senior": "{years} ans d'expérience d'écart : {mentor} est le mentor senior",
        "gap_same": "La même expérience ({years} ans d'écart)",
        "gap_peer": "Pairs : {years} ans d'expérience d'écart",
        "language": "Langue commune : {langs}",
        "inferred": "(souhait déduit du profil : aucune phrase ne dit ce que {mentee} veut "
        "apprendre)",
        "level_up": "Niveaux : {mentor} ({mentor_level}) a {steps} échelon(s) de plus que "
        "{mentee} ({mentee_level}) sur l'échelle du programme",
        "level_down": "Niveaux : {mentor} ({mentor_level}) a {steps} échelon(s) de moins que "
        "{mentee} ({mentee_level}) sur l'échelle du programme : {mentor} est le mentor junior",
        "level_same": "Niveaux : le même échelon sur l'échelle du programme ({mentor_level})",
        "level_peer": "Niveaux : {mentor} ({mentor_level}) et {mentee} ({mentee_level}) sont à "
        "{steps} échelon(s) l'un de l'autre sur l'échelle du programme",
        "same": "Même {field} : {values}",
        "identity": "{mentee} a demandé un mentor qui partage son identité : {values}",
        "hours": "Fuseaux horaires à {hours} h d'écart",
        "same_zone": "Même fuseau horaire",
    },
}


def pair_reasons(
    mentor: Person, mentee: Person, quotes: Mapping[str, str], signals: Mapping[str, float], *,
    language: str | None = None, direction: str = "reverse", weak_below: float = 0.3,
) -> tuple[str, ...]:
    """Reasons for a pair, strongest first, quoting the matched sentences, worded for the
    programme's ``direction`` in ``language`` (the pair's own language by default).

    Args:
        quotes: the sentences the score rests on (``want``, ``offer``, ``reverse_want``,
            ``reverse_offer``), as written.
        signals: the raw signals of the score (``coverage``, ``reverse``,
            ``cross_department``, ``want_inferred``).
    """
    lang = language or pair_language(mentor, mentee)
    p = _PHRASES.get(lang, _PHRASES["en"])
    names = {"mentor": mentor.name, "mentee": mentee.name}
    coverage = float(signals.get("coverage", 0.0))
    want, offer = shorten(quotes.get("want", "")), shorten(quotes.get("offer", ""))
    if coverage >= weak_below:
        reasons = [p["help"].format(**names, want=want, offer=offer)]
    else:  # never "X can help Y with..." on a weak match: say what the pair rests on
        # no percent and no level word here: the pair's one percent and level are its
        # score's, shown beside it
        reasons = [p["weak"].format(**names, want=want, offer=offer)]
    if signals.get("want_inferred"):
        reasons.append(p["inferred"].format(**names))
    terms = shared_terms(quotes.get("want", ""), quotes.get("mentor_offers", ""))
    if terms and float(signals.get("lexical", 0.0)) > 0:
        reasons.append(p["terms"].format(terms=", ".join(terms)))
    # "In return" only when the mentee answers a wish the mentor stated.
    if quotes.get("reverse_want") and quotes.get("reverse_offer") \
            and float(signals.get("reverse", 0.0)) >= weak_below \
            and not signals.get("reverse_want_inferred"):
        reasons.append(p[f"back_{direction}"].format(
            **names, want=shorten(quotes["reverse_want"]), offer=shorten(quotes["reverse_offer"])))
    if signals.get("cross_department"):
        reasons.append(p["cross"].format(a=mentor.department, b=mentee.department))
    for key, points in signals.items():
        kind, _, field_name = key.removeprefix("rule:").partition(":")
        if not key.startswith("rule:") or points <= 0 or kind not in ("same", "identity"):
            continue
        if kind == "same":
            theirs = {answer_key(x) for x in _answers(mentee, field_name)}
            values = [v for v in _answers(mentor, field_name) if answer_key(v) in theirs]
        else:
            values = list(_answers(mentee, field_name)) or list(_answers(mentor, field_name))
        if values:
            reasons.append(p[kind].format(**names, field=field_name,
                                          values=", ".join(dict.fromkeys(values))))
    steps = signals.get("level_steps")
    if steps is not None and np.isfinite(steps):
        side = ("peer" if direction == "peer" and steps else "up" if steps > 0
                else "down" if steps < 0 else "same")
        reasons.append(p[f"level_{side}"].format(
            **names, steps=int(abs(steps)), mentor_level=mentor.level or "?",
            mentee_level=mentee.level or "?"))
    else:
        gap = abs(mentee.years_experience - mentor.years_experience)
        # who is the junior is read from the pair, not from the programme's direction: a
        # pair made by hand, or explained after the direction changed, is worded as it is
        side = "peer" if direction == "peer" else "same" if gap == 0 else \
            "junior" if mentor.years_experience < mentee.years_experience else "senior"
        reasons.append(p[f"gap_{side}"].format(**names, years=format_number(gap, lang, 1)))
    if mentor.utc_offset is not None and mentee.utc_offset is not None:
        apart = float(hours_apart(mentor.utc_offset, mentee.utc_offset))
        reasons.append(p["same_zone"] if apart == 0 else
                       p["hours"].format(hours=format_number(apart, lang, 1)))
    shared = [x for x in mentee.languages if x in mentor.languages]
    if shared:
        reasons.append(p["language"].format(langs=", ".join(shared)))
    return tuple(reasons)


def _answers(person: Person, name: str) -> tuple[str, ...]:
    """A person's values of a people field or an attribute, as a rule names it (names
    compared as the rules compare them: :func:`~.traits.answer_key`)."""
    key = answer_key(name)
    found = [value for field_name, value in person_answers(person)["fields"]
             if answer_key(field_name) == key]
    return tuple(v.strip() for value in found for v in value.split(";") if v.strip())


def shared_terms(want: str, offers: str, most: int = 4) -> list[str]:
    """Content words of ``want`` that ``offers`` uses too (as written in ``want``), longest
    first: the rare terms a lexical match rests on ("power query", "crypto")."""
    theirs = _folded_words(offers)
    originals = words(want)
    # ASCII text folds to the same words, lower-cased: fold it once, not once per word.
    folded = originals if want.isascii() else [fold(w) for w in originals]
    stop = function_words(folded)
    seen: dict[str, str] = {}
    for w, key in zip(originals, folded, strict=True):
        if len(key) > 2 and key not in stop and key in theirs:
            seen.setdefault(key, w)
    return sorted(seen.values(), key=len, reverse=True)[:most]


@lru_cache(maxsize=4096)
def _folded_words(text: str) -> frozenset[str]:
    # A mentor's offers are read once per pair they appear in: fold them once.
    return frozenset(words(fold(text)))


SuggestionKey = tuple[int, int, str, bool, str | None]
"""``(mentor, mentee, status, locked, language)``: what a pair's record depends on, given
the cohort and the settings."""


def pair_suggestions(people: Sequence[Person], cohort: Cohort, scores: EdgeScores,
                     segments: Mapping[int, Segment], params: MatchParams,
                     statuses: Sequence[str] | None = None,
                     locked: Sequence[bool] | None = None,
                     language: str | None = None,
                     known: MutableMapping[SuggestionKey, Pair] | None = None,
                     ) -> list[Pair]:
    """Records for scored edges: the score, its parts as computed, the sentences it rests
    on, and reasons quoting them.

    Args:
        people: the cohort's people (index ``i`` is ``people[i]``).
        scores: the edges, from :func:`match.score_edges` or :func:`match.solve`.
        segments: stored sentences by id, to quote.
        statuses / locked: per edge (default: ``proposed``, unlocked).
        language: of the reasons (default: each pair's own language).
        known: records made earlier for the same cohort and settings, by
            :data:`SuggestionKey`; read, and filled with the new ones (a run after a few
            decisions proposes mostly the same pairs).
    """
    n = len(scores)
    status_of = list(statuses) if statuses is not None else ["proposed"] * n
    locked_of = [bool(x) for x in locked] if locked is not None else [False] * n
    keys = [(int(m), int(s), status_of[e], locked_of[e], language)
            for e, (m, s) in enumerate(zip(scores.mentor, scores.mentee, strict=True))]
    known = {} if known is None else known
    todo = np.array([e for e, key in enumerate(keys) if key not in known], dtype=np.int64)
    rows = best_sentences(cohort, scores.mentor[todo], scores.mentee[todo])
    todo_m, todo_s = scores.mentor[todo], scores.mentee[todo]
    rule_points = points_of(cohort, params.rules, params.direction, todo_m, todo_s)
    position = (compiled(cohort, params.rules).position if params.rules.levels is not None
                else None)
    sources = {"want": (cohort.wants.ref, rows.want), "offer": (cohort.offers.ref, rows.offer),
               "reverse_want": (cohort.wants.ref, rows.rev_want),
               "reverse_offer": (cohort.offers.ref, rows.rev_offer)}
    for t, e in enumerate(todo.tolist()):
        m, s = keys[e][0], keys[e][1]
        mentor, mentee = people[m], people[s]
        found = {name: segments.get(int(ref[row[t]])) if row[t] >= 0 else None
                 for name, (ref, row) in sources.items()}
        quotes = {name: seg.text for name, seg in found.items() if seg is not None}
        signals = {name: float(value[e]) for name, value in scores.signals.items()}
        want, reverse_want = found["want"], found["reverse_want"]
        signals["want_inferred"] = float(want is not None and want.kind != "want")
        signals["reverse_want_inferred"] = float(reverse_want is not None
                                                 and reverse_want.kind != "want")
        signals.update({f"rule:{name}": float(v[t]) for name, v in rule_points.items()})
        if position is not None and position[m] >= 0 and position[s] >= 0:
            signals["level_steps"] = float(position[m] - position[s])
        quotes["mentor_offers"] = " ".join(
            seg.text for ref in cohort.offers.ref[cohort.offers.ptr[m]:cohort.offers.ptr[m + 1]]
            if (seg := segments.get(int(ref))) is not None)
        known[keys[e]] = Pair(
            mentor.id, mentee.id, status_of[e], locked=locked_of[e],
            score=float(scores.score[e]),
            parts={name: float(value[e]) for name, value in scores.parts.items()},
            reasons=pair_reasons(mentor, mentee, quotes, signals, language=language,
                                 direction=params.direction),
            quotes=quotes, signals=signals)
    return [known[key] for key in keys]


_ROLE_WORDS = {("en", True): "as mentee", ("en", False): "as mentor",
               ("fr", True): "comme mentoré", ("fr", False): "comme mentor"}
_NO_PARTNER = {
    ("en", True): "every eligible mentor is taken by pairs with a higher total score",
    ("en", False): "every eligible mentee is better served by another mentor",
    ("fr", True): "chaque mentor possible est pris par des binômes au score total plus élevé",
    ("fr", False): "chaque mentoré possible est mieux servi par un autre mentor",
}
_NOT_AVAILABLE = {"en": "capacity is 0: not available", "fr": "capacité 0 : pas disponible"}
_BEST = {
    "en": "best candidate {name} scores {score}, under the minimum score {minimum}",
    "fr": "meilleur candidat {name} avec un score de {score}, sous le score minimum de {minimum}",
}


def unmatched(people: Sequence[Person], cohort: Cohort, paired: set[int],
              params: MatchParams, language: str = "en",
              candidates: EdgeScores | None = None) -> list[Unmatched]:
    """Everyone the assignment left alone, with the first rule that rules them out in each
    role they accept, or that their best candidate scores under the minimum score, or that
    better-scoring pairs took their candidates; in ``language``.

    Args:
        candidates: edges known to pass the profile rules (the run's candidate graph): a
            person with one that is not ruled out by a decision has an eligible partner in
            that role, and the rules are walked only for the others.
    """
    lang = language if language in _PHRASES else "en"
    alone = np.array([i for i in range(len(people)) if i not in paired], dtype=np.int64)
    partner, best = best_partners(cohort, alone, params)
    below = {int(i): (int(j), float(b)) for i, j, b in zip(alone, partner, best, strict=True)
             if j >= 0 and b <= params.min_score}
    known = {True: np.zeros(len(people), dtype=bool), False: np.zeros(len(people), dtype=bool)}
    if candidates is not None and len(candidates):
        open_ = eligible(cohort, candidates.mentor, candidates.mentee, params)
        known[True][candidates.mentee[open_]] = True
        known[False][candidates.mentor[open_]] = True
    roles = {"mentor": [False], "mentee": [True], "either": [True, False]}
    first_rule: dict[bool, dict[int, str | None]] = {}
    for as_mentee in (True, False):
        in_role = np.array([as_mentee in roles[people[i].role_preference] for i in alone],
                           dtype=bool)
        walk = alone[in_role & ~known[as_mentee][alone]]
        first_rule[as_mentee] = dict(zip(walk.tolist(), ineligibility_reasons(
            cohort, walk, as_mentee, params, lang), strict=True))
    out = []
    for i, person in enumerate(people):
        if i in paired:
            continue
        if person.role_preference == "mentor" and person.capacity == 0:
            out.append(Unmatched(person.id, person.name, _NOT_AVAILABLE[lang]))
            continue
        reasons = []
        if i in below:
            j, score = below[i]
            reasons.append(_BEST[lang].format(
                name=people[j].name, score=format_number(score, lang, 2),
                minimum=format_number(params.min_score, lang, 2)))
            out.append(Unmatched(person.id, person.name, "; ".join(reasons)))
            continue
        for as_mentee in roles[person.role_preference]:
            why = first_rule[as_mentee].get(i) or _NO_PARTNER[(lang, as_mentee)]
            reasons.append(f"{_ROLE_WORDS[(lang, as_mentee)]} : {why}" if lang == "fr"
                           else f"{_ROLE_WORDS[(lang, as_mentee)]}: {why}")
        out.append(Unmatched(person.id, person.name, "; ".join(reasons)))
    return out


def best_partners(cohort: Cohort, people: np.ndarray, params: MatchParams,
                  max_edges: int = 5_000_000) -> tuple[np.ndarray, np.ndarray]:
    """Each person's best eligible partner, in any role they accept, and that pair's score
    (``-1`` and ``nan`` when there is none, or when the cohort is too large to look:
    ``len(people) * size > max_edges``)."""
    partner = np.full(len(people), -1, dtype=np.int64)
    best = np.full(len(people), np.nan)
    if not len(people) or len(people) * cohort.size * 2 > max_edges:
        return partner, best
    everyone = np.arange(cohort.size)
    me = np.repeat(people, cohort.size)
    other = np.tile(everyone, len(people))
    owner = np.repeat(np.arange(len(people)), cohort.size)
    for mentor, mentee in ((other, me), (me, other)):
        ok = eligible(cohort, mentor, mentee, params)
        if not ok.any():
            continue
        scores = score_edges(cohort, mentor[ok], mentee[ok], params).score
        who, them = owner[ok], np.where(mentor[ok] == me[ok], mentee[ok], mentor[ok])
        order = np.lexsort((-scores, who))
        first = order[np.r_[True, who[order][1:] != who[order][:-1]]]
        better = np.isnan(best[who[first]]) | (scores[first] > best[who[first]])
        best[who[first][better]] = scores[first][better]
        partner[who[first][better]] = them[first][better]
    return partner, best
