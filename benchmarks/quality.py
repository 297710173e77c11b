"""Pairing quality on hand-labelled hard cohorts: the project against two naive baselines.

The cohorts live in ``tests/data/realistic_pairs.json`` (see its ``about`` string). For each
cohort the people are loaded through the public API (an in-memory :class:`Recommender`), and
three methods are scored on the same people and the same sentence embeddings
(``rec.encoder``):

- ``project``: ``rec.suggest_pairs()`` for the assignment and ``rec.suggest_mentors(s, k=1)``
  for the top-ranked mentor of each designed mentee;
- ``whole_profile`` (B1): cosine between whole profiles (profile + offers + wants joined);
- ``regex_want`` (B2): every text split into sentences, a sentence is a "want" when it
  matches a crude French/English regex (:data:`WANT_PATTERN`) and an "offer" otherwise,
  whatever column it came from; score(mentor -> mentee) is the best cosine between one of the
  mentee's want sentences (all their sentences when none matched) and one of the mentor's
  offer sentences (all their sentences when every one matched).

Both baselines apply the project's default hard rules as a mask (:func:`allowed_matrix`) and
assign with :func:`scipy.optimize.linear_sum_assignment`, keeping only allowed pairs with a
positive score. Two figures per method and cohort (:class:`Figures`): designed pairs found in
the assignment, and mentor hit@1 (the best allowed mentor of each designed mentee is the
designed one).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

from recommender import Person, Recommender
from recommender.language.text import fold, split_sentences

__all__ = [
    "DATA_PATH",
    "METHODS",
    "METHOD_LABELS",
    "WANT_PATTERN",
    "Cohort",
    "Figures",
    "allowed_matrix",
    "assign",
    "evaluate_cohort",
    "figures_from_scores",
    "load_cohorts",
    "regex_want_scores",
    "summarise",
    "top_mentors",
    "whole_profile_scores",
]

DATA_PATH = Path(__file__).resolve().parents[1] / "tests" / "data" / "realistic_pairs.json"
METHODS = ("project", "whole_profile", "regex_want")
METHOD_LABELS = {"project": "project", "whole_profile": "B1 whole-profile",
                 "regex_want": "B2 regex-want"}
FORBIDDEN = -1e6
"""Score given to pairs that break a hard rule before the assignment."""

WANT_PATTERN = re.compile(
    r"\b(want|wanna|would like|'d like|wish|hope|learn|understand|discover|curious|interested"
    r"|keen|veux|voudrais|souhaite|aimerais|apprendre|comprendre|decouvrir|envie|interesse)",
)
"""Crude want cue, searched in the lower-cased, accent-free sentence (:func:`fold`)."""

EncodeFn = Callable[[Sequence[str]], np.ndarray]


@dataclass(frozen=True)
class Cohort:
    """One labelled programme of the evaluation set.

    Attributes:
        style: the writing style it tests (``context``, ``problem``, ``messy``...).
        split: ``dev`` or ``test``.
        people: the rows, as :meth:`Recommender.add_people` takes them.
        expected: the designed pairs, ``(mentor_id, mentee_id)``.
        decoys: for a mentee id, the people designed to tempt a method away from the pair.
    """

    style: str
    split: str
    people: tuple[Mapping[str, Any], ...]
    expected: tuple[tuple[str, str], ...]
    decoys: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """``style/split``, also the ``source`` given to :meth:`Recommender.add_people`."""
        return f"{self.style}/{self.split}"


@dataclass(frozen=True)
class Figures:
    """How one method did on one cohort (or on several, summed).

    Attributes:
        found: designed pairs present in the method's assignment.
        hits: designed mentees whose top-ranked allowed mentor is the designed one.
        total: designed pairs.
        seconds: time the method took (embedding included, model loading excluded).
        pairs: the assignment, ``(mentor_id, mentee_id)``.
        top1: for each designed mentee, the top-ranked allowed mentor (``""`` when none).
    """

    found: int
    hits: int
    total: int
    seconds: float = 0.0
    pairs: tuple[tuple[str, str], ...] = ()
    top1: Mapping[str, str] = field(default_factory=dict)

    def __add__(self, other: Figures) -> Figures:
        return Figures(self.found + other.found, self.hits + other.hits, self.total + other.total,
                       self.seconds + other.seconds)

    def as_dict(self, details: bool = True) -> dict[str, Any]:
        """JSON-ready figures; ``details`` adds the assignment and the top-1 mentors."""
        out: dict[str, Any] = {"found": self.found, "hits": self.hits, "total": self.total,
                               "seconds": round(self.seconds, 3)}
        if details:
            out["pairs"] = [list(p) for p in self.pairs]
            out["top1"] = dict(self.top1)
        return out


def load_cohorts(path: str | Path = DATA_PATH, split: str = "all",
                 styles: Iterable[str] | None = None) -> list[Cohort]:
    """Read the labelled cohorts.

    Args:
        path: the JSON file (``{"about": ..., "cohorts": [...]}``).
        split: ``dev``, ``test`` or ``all``.
        styles: keep only these styles (all when ``None``).

    Returns:
        the cohorts in file order.
    """
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    wanted = set(styles) if styles is not None else None
    cohorts = []
    for item in data["cohorts"]:
        if split != "all" and item["split"] != split:
            continue
        if wanted is not None and item["style"] not in wanted:
            continue
        cohorts.append(Cohort(
            style=item["style"], split=item["split"], people=tuple(item["people"]),
            expected=tuple((m, s) for m, s in item["expected"]),
            decoys={k: tuple(v) for k, v in item.get("decoys", {}).items()},
        ))
    return cohorts


# ------------------------------------------------------------------------------ baselines
def allowed_matrix(people: Sequence[Person], min_gap: float = 3.0) -> np.ndarray:
    """``(n, n)`` mask: ``[m, s]`` is True when ``people[m]`` may mentor ``people[s]``.

    The project's default hard rules: the mentor has at least ``min_gap`` fewer years, role
    preferences are respected (a ``mentor`` is never mentored, a ``mentee`` never mentors),
    the mentor has capacity, neither is the other's manager, and they share a language when
    both declared some.
    """
    n = len(people)
    ok = np.zeros((n, n), dtype=bool)
    for m, mentor in enumerate(people):
        for s, mentee in enumerate(people):
            ok[m, s] = (
                m != s
                and mentor.role_preference != "mentee" and mentee.role_preference != "mentor"
                and mentor.capacity > 0
                and mentor.years_experience + min_gap <= mentee.years_experience
                and mentor.manager_id != mentee.id and mentee.manager_id != mentor.id
                and (not mentor.languages or not mentee.languages
                     or bool(set(mentor.languages) & set(mentee.languages)))
            )
    return ok


def whole_profile_scores(people: Sequence[Person], encode: EncodeFn) -> np.ndarray:
    """B1: ``(n, n)`` cosine between whole profiles (profile, offers and wants joined)."""
    texts = [" ".join(t for t in (p.profile, p.offers, p.wants) if t.strip()) for p in people]
    vectors = encode(texts)
    return np.asarray(vectors @ vectors.T, dtype=np.float64)


def is_want(sentence: str) -> bool:
    """Whether the crude regex of B2 takes ``sentence`` for a wish."""
    return WANT_PATTERN.search(fold(sentence).replace("’", "'")) is not None


def regex_want_scores(people: Sequence[Person], encode: EncodeFn) -> np.ndarray:
    """B2: ``(n, n)`` best cosine between the mentee's "want" and the mentor's "offer" sentences.

    ``[m, s]`` is the maximum over the want sentences of ``people[s]`` and the offer sentences
    of ``people[m]``; a person with no sentence on one side uses all their sentences there.
    """
    sentences = [[x for t in (p.profile, p.offers, p.wants) for x in split_sentences(t)]
                 for p in people]
    unique = sorted({x for mine in sentences for x in mine})
    row = {x: i for i, x in enumerate(unique)}
    vectors = encode(unique) if unique else np.zeros((0, 1), dtype=np.float32)
    wants: list[list[int]] = []
    offers: list[list[int]] = []
    for mine in sentences:
        w = [row[x] for x in mine if is_want(x)]
        o = [row[x] for x in mine if not is_want(x)]
        all_rows = [row[x] for x in mine]
        wants.append(w or all_rows)
        offers.append(o or all_rows)
    n = len(people)
    scores = np.full((n, n), FORBIDDEN, dtype=np.float64)
    for s in range(n):
        if not wants[s]:
            continue
        mentee_wants = vectors[wants[s]]
        for m in range(n):
            if offers[m]:
                scores[m, s] = float((vectors[offers[m]] @ mentee_wants.T).max())
    return scores


def assign(scores: np.ndarray, allowed: np.ndarray) -> list[tuple[int, int]]:
    """The maximum-score assignment of mentors (rows) to mentees (columns).

    Forbidden pairs get :data:`FORBIDDEN`; only allowed pairs with a positive score are kept.
    People appear in rows and columns alike: role preferences in ``allowed`` keep a
    ``mentor`` out of the columns and a ``mentee`` out of the rows.
    """
    weights = np.where(allowed, scores, FORBIDDEN)
    rows, cols = linear_sum_assignment(weights, maximize=True)
    return [(int(m), int(s)) for m, s in zip(rows, cols, strict=True)
            if allowed[m, s] and scores[m, s] > 0]


def top_mentors(scores: np.ndarray, allowed: np.ndarray, mentees: Iterable[int]) -> dict[int, int]:
    """For each mentee index, the allowed mentor index with the best score (-1 when none)."""
    out = {}
    for s in mentees:
        column = np.where(allowed[:, s], scores[:, s], -np.inf)
        out[s] = int(np.argmax(column)) if np.isfinite(column.max()) else -1
    return out


def figures_from_scores(people: Sequence[Person], expected: Sequence[tuple[str, str]],
                        scores: np.ndarray, allowed: np.ndarray, seconds: float = 0.0) -> Figures:
    """Assignment and top-1 figures of a baseline score matrix."""
    ids = [p.id for p in people]
    index = {pid: i for i, pid in enumerate(ids)}
    pairs = tuple((ids[m], ids[s]) for m, s in assign(scores, allowed))
    best = top_mentors(scores, allowed, [index[s] for _, s in expected])
    top1 = {ids[s]: ids[m] if m >= 0 else "" for s, m in best.items()}
    found = len(set(pairs) & set(expected))
    hits = sum(top1[s] == m for m, s in expected)
    return Figures(found, hits, len(expected), seconds, pairs, top1)


# ------------------------------------------------------------------------------ one cohort
def evaluate_cohort(cohort: Cohort, embedder: Any = "use-multilingual",
                    min_gap: float = 3.0) -> dict[str, Figures]:
    """Score the project and both baselines on ``cohort``.

    Args:
        cohort: a labelled cohort.
        embedder: what :class:`Recommender` takes (a name or an embedder object).
        min_gap: the experience gap of the baselines' mask (the project's default is 3).

    Returns:
        :class:`Figures` by method name (:data:`METHODS`).
    """
    rec = Recommender(embedder=embedder)
    rec.encoder.encode(["warm-up"])  # model loading is not part of any method's time
    expected = list(cohort.expected)
    start = time.perf_counter()
    rec.add_people(list(cohort.people), source=cohort.name)
    result = rec.suggest_pairs()
    pairs = tuple((p.mentor_id, p.mentee_id) for p in result.pairs)
    top1 = {}
    for _, mentee in expected:
        ranked = rec.suggest_mentors(mentee, k=1)
        top1[mentee] = ranked[0].mentor_id if ranked else ""
    figures = {"project": Figures(
        found=len(set(pairs) & set(expected)), hits=sum(top1[s] == m for m, s in expected),
        total=len(expected), seconds=time.perf_counter() - start, pairs=pairs, top1=top1)}
    people = rec.people()  # validated records: languages parsed, defaults filled
    allowed = allowed_matrix(people, min_gap)
    for name, scorer in (("whole_profile", whole_profile_scores),
                         ("regex_want", regex_want_scores)):
        start = time.perf_counter()
        scores = scorer(people, rec.encoder.encode)
        figures[name] = figures_from_scores(people, expected, scores, allowed,
                                            time.perf_counter() - start)
    rec.close()
    return figures


def summarise(results: Sequence[tuple[Cohort, Mapping[str, Figures]]]
              ) -> dict[str, dict[str, dict[str, Figures]]]:
    """Sum figures by split and style: ``{split: {style or "all": {method: Figures}}}``.

    The ``"all"`` split sums every cohort when both splits are present.
    """
    out: dict[str, dict[str, dict[str, Figures]]] = {}
    splits = sorted({c.split for c, _ in results})
    groups = [(split, [r for r in results if r[0].split == split]) for split in splits]
    if len(splits) > 1:
        groups.append(("all", list(results)))
    for split, items in groups:
        table: dict[str, dict[str, Figures]] = {}
        for cohort, figures in items:
            for key in (cohort.style, "all"):
                row = table.setdefault(key, {})
                for method in METHODS:
                    row[method] = row.get(method, Figures(0, 0, 0)) + figures[method]
        out[split] = table
    return out
