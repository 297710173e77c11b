"""The matching's settings: what each one does (how the defaults were chosen:
``docs/tuning.md``)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .programme import ProgrammeRules

__all__ = ["COHORT_SETTINGS", "DIRECTIONS", "SIGNALS", "MatchParams"]


DIRECTIONS = ("reverse", "classic", "peer")
"""Programme directions: the mentor is the less experienced (``reverse``), the more
experienced (``classic``), or experience does not matter (``peer``)."""


SIGNALS = ("coverage", "reverse", "cross_department", "lexical", "programme")
"""What the score of a pair is made of (see :func:`combine`)."""




@dataclass(frozen=True)
class MatchParams:
    """Settings of the matching, each with a default a coordinator can start from (how the
    defaults were chosen, on which labelled set: ``docs/tuning.md``).

    Attributes:
        direction: ``"reverse"`` (the mentor has at least ``min_experience_gap`` fewer
            years), ``"classic"`` (at least that many more) or ``"peer"`` (no experience rule).
        min_experience_gap: the experience gap the direction asks for, in years (>= 0).
        reverse_weight: weight of how well the mentee's offers answer the mentor's wants,
            relative to the main coverage (the bonus is proportional to it).
        cross_department_bonus: added when mentor and mentee work in different departments.
        peak_weight: share of the best single want match in coverage (the rest is the mean
            over all wants), so one strong match counts without hiding the others.
        background_weight: weight of a person's "other" sentences (background, current job)
            as implicit offers, and of their most wish-like sentence when they state no want.
        max_mentors_per_mentee: how many mentors one mentee may have.
        max_mentees_per_mentor: how many mentees each mentor takes, unless their own
            ``capacity`` says fewer (``None``: each person's own, 1 when they did not say).
        context_weight: each want sentence is read with its context: its vector plus this
            share of the sentence before it and of the person's other wants ("Young nurses
            leave after a year. I want to understand their expectations.").
        anaphora_weight: on top of ``context_weight``, how much a wish that does not name
            its own topic is read as the sentences leading to it, times how much it needs
            them (:func:`~recommender.matching.cohort.context_need`: few topic words, a
            pronoun or a demonstrative pointing back: "Je veux comprendre ce qui les attire
            ailleurs", "Das möchte ich besser machen").
        self_contained_words: a wish with this many topic words or more names its topic
            and is read alone (plus ``context_weight``); with fewer, it needs its context in
            proportion (pronouns halve the count).
        known_weight: share of a wish's component along what the person already offers
            (their offer sentences, except the one leading to a wish) taken out of it, times
            how much the wish needs its context, so that a wish read in context does not
            drift back to the senior's own expertise (a wish that names its topic is left
            alone).
        context_decay: what leads to a wish is the sentence before it plus this share of
            the one before that, and so on ("Our buyers used to be engineers. Today half of
            them are in their twenties. I'd like to adapt how we approach them.").
        lexical_weight: weight of shared rare words (TF-IDF over the cohort) between the
            mentee's wants and the mentor's offers: tool names, acronyms, jargon that a
            sentence embedding blurs.
        distinct_weight: how much a sentence that many people share (a generic item
            everyone ticks: "Communication", "Networking") counts less than a distinctive
            one; 0 counts them all the same.
        distinct_similarity: two sentences this close count as the same item.
        min_score: pairs scoring at or below this are never proposed; those people are
            listed as unmatched with their best candidate.
        candidates_k: on large cohorts, each person's ``2 * candidates_k`` best partners
            (both sides) go to the assignment, so that a run after decisions (rejections,
            pairs kept) still has enough.
        exact_edges: up to this many eligible pairs, every one goes to the assignment (the
            exact optimum); above it, each person's best (``candidates_k``).
        dense_limit: mentors x mentees up to which every pair is scored (block by block,
            memory bounded by a block); above it, candidates come from a FAISS search of
            the sentences.
        rules: the programme's own rules (:class:`~recommender.matching.programme.ProgrammeRules`):
            a level ladder and window (which then replaces ``min_experience_gap``), bans
            and points on shared answers, identity matches, a time-zone window, people's
            stated preferences. Their points are the score's ``programme`` part.
    """

    direction: str = "reverse"
    min_experience_gap: float = 3.0
    reverse_weight: float = 0.25
    cross_department_bonus: float = 0.05
    peak_weight: float = 0.5
    background_weight: float = 0.8
    max_mentors_per_mentee: int = 1
    max_mentees_per_mentor: int | None = None
    context_weight: float = 0.15
    anaphora_weight: float = 3.0
    self_contained_words: int = 4
    known_weight: float = 0.5
    context_decay: float = 0.7
    lexical_weight: float = 0.4
    distinct_weight: float = 0.75
    distinct_similarity: float = 0.8
    min_score: float = 0.1
    candidates_k: int = 20
    exact_edges: int = 300_000
    dense_limit: int = 4_000_000_000
    rules: ProgrammeRules = field(default_factory=ProgrammeRules)

    def __post_init__(self) -> None:
        problems = []
        if self.direction not in DIRECTIONS:
            problems.append(f"direction must be one of {', '.join(DIRECTIONS)}, "
                            f"not '{self.direction}'")
        if not np.isfinite(self.min_experience_gap) or self.min_experience_gap < 0:
            problems.append("min_experience_gap must be a number of years >= 0 (use "
                            "direction='peer' for no experience rule)")
        if self.max_mentors_per_mentee < 1:
            problems.append("max_mentors_per_mentee must be at least 1")
        if self.max_mentees_per_mentor is not None and self.max_mentees_per_mentor < 0:
            problems.append("max_mentees_per_mentor must be >= 0")
        for name in ("reverse_weight", "cross_department_bonus", "background_weight",
                     "context_weight", "anaphora_weight", "known_weight", "lexical_weight",
                     "distinct_weight"):
            if not np.isfinite(getattr(self, name)) or getattr(self, name) < 0:
                problems.append(f"{name} must be >= 0")
        if not 0 <= self.peak_weight <= 1:
            problems.append("peak_weight must be between 0 and 1")
        if not 0 <= self.context_decay < 1:
            problems.append("context_decay must be between 0 and 1 (excluded)")
        if self.self_contained_words < 0:
            problems.append("self_contained_words must be >= 0")
        if not isinstance(self.rules, ProgrammeRules):
            problems.append("rules must be ProgrammeRules (read a file with rules_from_dict)")
        if self.candidates_k < 1:
            problems.append("candidates_k must be at least 1")
        if problems:
            raise ValueError("invalid matching settings: " + "; ".join(problems))


COHORT_SETTINGS = ("background_weight", "context_weight", "anaphora_weight",
                   "self_contained_words", "known_weight", "context_decay", "distinct_weight",
                   "distinct_similarity")
"""The :class:`~recommender.matching.params.MatchParams` fields that shape the arrays (the others
only score them)."""
