"""Human sentences for suggestions, quoting the profiles, in French or English."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from .match import Cohort, EdgeScores, MatchParams, best_sentences, ineligibility_reason
from .records import PairSuggestion, Person, Segment, Unmatched
from .text import detect_language

__all__ = ["pair_language", "pair_reasons", "pair_suggestions", "shorten", "topic_reasons",
           "unmatched"]

_PHRASES = {
    "en": {
        "help": '{mentor} can help {mentee} with "{want}" ({mentor}\'s profile: "{offer}")',
        "weak": "weak match: no offer of {mentor} answers {mentee}'s wishes closely",
        "reverse": 'In return, {mentee} can share "{offer}" with {mentor}, who wrote "{want}"',
        "cross": "Different departments ({a} / {b}): a view from outside the team",
        "gap_reverse": "{years:g} years of experience apart: {mentor} is the junior mentor",
        "gap_classic": "{years:g} years of experience apart: {mentor} is the senior mentor",
        "gap_peer": "Peers: {years:g} years of experience apart",
        "language": "Shared language: {langs}",
        "inferred": "(wish inferred from the profile: no sentence says what {mentee} wants to learn)",
    },
    "fr": {
        "help": '{mentor} peut aider {mentee} sur « {want} » (profil de {mentor} : « {offer} »)',
        "weak": "correspondance faible : aucune offre de {mentor} ne répond de près aux souhaits "
        "de {mentee}",
        "reverse": "En retour, {mentee} peut partager « {offer} » avec {mentor}, qui a écrit "
        "« {want} »",
        "cross": "Services différents ({a} / {b}) : un regard extérieur à l'équipe",
        "gap_reverse": "{years:g} ans d'expérience d'écart : {mentor} est le mentor junior",
        "gap_classic": "{years:g} ans d'expérience d'écart : {mentor} est le mentor senior",
        "gap_peer": "Pairs : {years:g} ans d'expérience d'écart",
        "language": "Langue commune : {langs}",
        "inferred": "(souhait déduit du profil : aucune phrase ne dit ce que {mentee} veut "
        "apprendre)",
    },
}


def shorten(text: str, limit: int = 160) -> str:
    """Cut ``text`` at a word boundary so a quote stays readable."""
    text = " ".join(text.split()).rstrip(".")
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def spoken(person: Person) -> tuple[str, ...]:
    """Declared languages, else the one their texts are written in (a guess)."""
    if person.languages:
        return person.languages
    return (detect_language(" ".join((person.profile, person.offers, person.wants))),)


def pair_language(a: Person, b: Person) -> str:
    """The language to explain a pair in: the mentee's first language if both speak it."""
    a_langs, b_langs = spoken(a), spoken(b)
    for lang in b_langs:
        if lang in a_langs and lang in _PHRASES:
            return lang
    if not a.languages or not b.languages:  # undeclared: write in the mentee's language
        return b_langs[0] if b_langs[0] in _PHRASES else "en"
    return "en"


def pair_reasons(
    mentor: Person, mentee: Person, *, want: str, offer: str, coverage: float,
    reverse_want: str | None, reverse_offer: str | None, reverse: float,
    cross_department: bool, want_inferred: bool = False, weak_below: float = 0.3,
    language: str | None = None, direction: str = "reverse",
) -> tuple[str, ...]:
    """Reasons for a pair, strongest first, quoting the matched sentences, worded for the
    programme's ``direction``."""
    lang = language or pair_language(mentor, mentee)
    p = _PHRASES.get(lang, _PHRASES["en"])
    names = {"mentor": mentor.name, "mentee": mentee.name}
    reasons = [p["help"].format(**names, want=shorten(want), offer=shorten(offer))]
    if want_inferred:
        reasons.append(p["inferred"].format(**names))
    if coverage < weak_below:
        reasons.append(p["weak"].format(**names))
    if reverse_want and reverse_offer and reverse >= weak_below:
        reasons.append(p["reverse"].format(**names, want=shorten(reverse_want),
                                           offer=shorten(reverse_offer)))
    if cross_department:
        reasons.append(p["cross"].format(a=mentor.department, b=mentee.department))
    gap = abs(mentee.years_experience - mentor.years_experience)
    reasons.append(p[f"gap_{direction}"].format(**names, years=round(gap, 1)))
    shared = [x for x in mentee.languages if x in mentor.languages]
    if shared:
        reasons.append(p["language"].format(langs=", ".join(shared)))
    return tuple(reasons)


_TOPIC_PHRASES = {
    "en": {
        "want": '{mentee} wants: "{want}"',
        "offer": 'Within {mentor}\'s strengths: "{offer}"',
        "new": "Not covered in your sessions yet",
        "near": 'Close to "{title}", already covered on {date}: ranked lower',
        "evidence_good": "Pairs with similar wishes found it useful: {n} session(s), "
        "average rating {avg:.1f}/5",
        "evidence_bad": "Pairs with similar wishes rated it low: {n} session(s), "
        "average rating {avg:.1f}/5",
    },
    "fr": {
        "want": "{mentee} souhaite : « {want} »",
        "offer": "Dans les forces de {mentor} : « {offer} »",
        "new": "Pas encore abordé dans vos séances",
        "near": "Proche de « {title} », déjà abordé le {date} : classé plus bas",
        "evidence_good": "Des binômes aux souhaits proches l'ont trouvé utile : {n} séance(s), "
        "note moyenne {avg:.1f}/5",
        "evidence_bad": "Des binômes aux souhaits proches l'ont peu apprécié : {n} séance(s), "
        "note moyenne {avg:.1f}/5",
    },
}


def topic_reasons(
    language: str, mentor: str, mentee: str, *, want: str | None, offer: str | None,
    near_title: str | None, near_date: str | None, evidence_count: int, evidence: float,
) -> tuple[str, ...]:
    """Reasons for a topic suggestion, in ``language`` (English when unknown)."""
    p = _TOPIC_PHRASES.get(language, _TOPIC_PHRASES["en"])
    reasons = []
    if want:
        reasons.append(p["want"].format(mentee=mentee, want=shorten(want)))
    if offer:
        reasons.append(p["offer"].format(mentor=mentor, offer=shorten(offer)))
    if near_title and near_date:
        reasons.append(p["near"].format(title=near_title, date=near_date))
    else:
        reasons.append(p["new"])
    if evidence_count:
        avg = 3 + 2 * evidence
        key = "evidence_good" if evidence >= 0 else "evidence_bad"
        reasons.append(p[key].format(n=evidence_count, avg=avg))
    return tuple(reasons)


def pair_suggestions(people: Sequence[Person], cohort: Cohort, scores: EdgeScores,
                     segments: Mapping[int, Segment], params: MatchParams,
                     statuses: Sequence[str] | None = None,
                     locked: Sequence[bool] | None = None) -> list[PairSuggestion]:
    """Records for scored edges: the score, its parts as computed, and reasons quoting the
    sentences the score rests on.

    Args:
        people: the cohort's people (index ``i`` is ``people[i]``).
        scores: the edges, from :func:`match.score_edges` or :func:`match.solve`.
        segments: stored sentences by id, to quote.
        statuses / locked: per edge (default: ``proposed``, unlocked).
    """
    rows = best_sentences(cohort, scores.mentor, scores.mentee)

    def quote(sentences_ref: np.ndarray, row: int) -> Segment | None:
        return segments.get(int(sentences_ref[row])) if row >= 0 else None

    out = []
    for e in range(len(scores)):
        mentor, mentee = people[int(scores.mentor[e])], people[int(scores.mentee[e])]
        want = quote(cohort.wants.ref, int(rows.want[e]))
        offer = quote(cohort.offers.ref, int(rows.offer[e]))
        rev_want = quote(cohort.wants.ref, int(rows.rev_want[e]))
        rev_offer = quote(cohort.offers.ref, int(rows.rev_offer[e]))
        reasons = pair_reasons(
            mentor, mentee, want=want.text if want else "", offer=offer.text if offer else "",
            coverage=float(scores.coverage[e]),
            reverse_want=rev_want.text if rev_want else None,
            reverse_offer=rev_offer.text if rev_offer else None,
            reverse=float(scores.reverse[e]),
            cross_department=bool(scores.cross_department[e]),
            want_inferred=want is not None and want.kind != "want",
            direction=params.direction)
        parts = {name: round(float(value[e]), 4) for name, value in scores.parts.items()}
        out.append(PairSuggestion(
            mentor.id, mentee.id, round(float(scores.score[e]), 4), parts, reasons,
            statuses[e] if statuses is not None else "proposed",
            bool(locked[e]) if locked is not None else False))
    return out


_ROLE_WORDS = {True: "as mentee", False: "as mentor"}
_NO_PARTNER = {
    True: "every eligible mentor is taken by pairs with a higher total score",
    False: "every eligible mentee is better served by another mentor",
}


def unmatched(people: Sequence[Person], cohort: Cohort, paired: set[int],
              params: MatchParams) -> list[Unmatched]:
    """Everyone the assignment left alone, with the first rule that rules them out in each
    role they accept (or that better-scoring pairs took their candidates)."""
    roles = {"mentor": [False], "mentee": [True], "either": [True, False]}
    out = []
    for i, person in enumerate(people):
        if i in paired:
            continue
        if person.role_preference == "mentor" and person.capacity == 0:
            out.append(Unmatched(person.id, person.name, "capacity is 0: not available"))
            continue
        reasons = []
        for as_mentee in roles[person.role_preference]:
            why = ineligibility_reason(cohort, i, as_mentee, params) or _NO_PARTNER[as_mentee]
            reasons.append(f"{_ROLE_WORDS[as_mentee]}: {why}")
        out.append(Unmatched(person.id, person.name, "; ".join(reasons)))
    return out
