"""Choose the matching weights on the ``dev`` half of the labelled set (never on ``test``).

Usage:
    python benchmarks/tune_quality.py [--split dev] [--top 15]
        [--grid context_weight=0.1,0.2 anaphora_weight=0.5,1.0 ...]

Each cohort of ``tests/data/realistic_pairs.json`` (``dev`` by default) is loaded once into an
in-memory :class:`Recommender` (sentences labelled and embedded once); then every point of the
grid (the product of the values given per :class:`MatchParams` field) is scored exactly as
``benchmarks/bench_quality.py`` scores the project: designed pairs found in
``suggest_pairs()`` and mentor hit@1 of ``suggest_mentors(mentee, k=1)``. The two baselines do
not depend on the weights and are scored once.

Points are ranked by, in order: the number of styles where the project finds fewer designed
pairs than a baseline (fewer is better), the same for hit@1, then the margin over the best
baseline on the weakest style, then designed pairs found, then hit@1 over the split, then the
distance from the current defaults (fewer changed fields first: a tie keeps the defaults).
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.quality import (
    DATA_PATH,
    Cohort,
    Figures,
    allowed_matrix,
    figures_from_scores,
    load_cohorts,
    regex_want_scores,
    whole_profile_scores,
)
from recommender import MatchParams, Recommender

BASELINES = ("whole_profile", "regex_want")


@dataclass
class Loaded:
    """One cohort held in memory: its recommender and the baselines' figures."""

    cohort: Cohort
    rec: Recommender
    baselines: Mapping[str, Figures]


def load(cohorts: Sequence[Cohort], embedder: str) -> list[Loaded]:
    """Every cohort in its own in-memory recommender, baselines scored once."""
    out = []
    for cohort in cohorts:
        rec = Recommender(embedder=embedder)
        rec.add_people(list(cohort.people), source=cohort.name)
        people = rec.people()
        allowed = allowed_matrix(people)
        baselines = {name: figures_from_scores(people, cohort.expected,
                                               scorer(people, rec.encoder.encode), allowed)
                     for name, scorer in (("whole_profile", whole_profile_scores),
                                          ("regex_want", regex_want_scores))}
        out.append(Loaded(cohort, rec, baselines))
    return out


def project_figures(item: Loaded, params: MatchParams) -> Figures:
    """The project's figures on one cohort with ``params`` (as ``quality.evaluate_cohort``)."""
    rec, expected = item.rec, item.cohort.expected
    rec.params = params
    forget_arrays(rec)
    pairs = {(p.mentor_id, p.mentee_id) for p in rec.suggest_pairs(params).pairs}
    top1 = {}
    for _, mentee in expected:
        ranked = rec.suggest_mentors(mentee, k=1)
        top1[mentee] = ranked[0].mentor_id if ranked else ""
    return Figures(len(pairs & set(expected)), sum(top1[s] == m for m, s in expected),
                   len(expected))


def forget_arrays(rec: Recommender) -> None:
    """Drop the recommender's cached cohort arrays, so that every setting read by
    ``build_cohort`` applies (the cache is keyed on a fixed list of settings)."""
    for name, value in list(vars(rec).items()):
        if name == "_built":
            setattr(rec, name, None)
        elif type(value).__name__ == "CohortCache":
            setattr(rec, name, type(value)())


def parse_grid(items: Sequence[str]) -> dict[str, list[Any]]:
    """``["name=v1,v2", ...]`` -> ``{name: [v1, v2]}``, values typed like the field default."""
    known = {f.name: f for f in fields(MatchParams)}
    defaults = MatchParams()
    grid: dict[str, list[Any]] = {}
    for item in items:
        name, _, values = item.partition("=")
        if name not in known:
            raise SystemExit(f"unknown MatchParams field '{name}'")
        kind = type(getattr(defaults, name))
        grid[name] = [kind(v) for v in values.split(",")]
    return grid


def evaluate(loaded: Sequence[Loaded], params: MatchParams
             ) -> tuple[dict[str, Figures], dict[str, dict[str, Figures]]]:
    """Project figures summed per style and overall, and the baselines' likewise."""
    ours: dict[str, Figures] = {}
    theirs: dict[str, dict[str, Figures]] = {b: {} for b in BASELINES}
    for item in loaded:
        got = project_figures(item, params)
        for key in (item.cohort.style, "all"):
            ours[key] = ours.get(key, Figures(0, 0, 0)) + got
            for b in BASELINES:
                theirs[b][key] = theirs[b].get(key, Figures(0, 0, 0)) + item.baselines[b]
    return ours, theirs


def rank_key(ours: Mapping[str, Figures], theirs: Mapping[str, Mapping[str, Figures]],
             changed: int) -> tuple[float, ...]:
    """Smaller is better (see the module docstring)."""
    styles = [s for s in ours if s != "all"]
    best_found = {s: max(theirs[b][s].found for b in BASELINES) for s in styles}
    best_hits = {s: max(theirs[b][s].hits for b in BASELINES) for s in styles}
    lose_found = sum(ours[s].found <= best_found[s] for s in styles)
    lose_hits = sum(ours[s].hits < best_hits[s] for s in styles)
    margin = min(ours[s].found - best_found[s] for s in styles)
    return (lose_found, lose_hits, -margin, -ours["all"].found, -ours["all"].hits, changed)


def main(argv: Sequence[str] | None = None) -> None:
    """Run the grid from the command line."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    parser.add_argument("--embedder", default="use-multilingual")
    parser.add_argument("--data", type=Path, default=DATA_PATH)
    parser.add_argument("--grid", nargs="*", default=[], help="field=v1,v2,... per field")
    parser.add_argument("--top", type=int, default=15, help="rows printed")
    args = parser.parse_args(argv)
    if args.split != "dev":
        print("warning: weights must be chosen on dev; other splits are for reporting only")

    grid = parse_grid(args.grid)
    start = time.perf_counter()
    loaded = load(load_cohorts(args.data, args.split), args.embedder)
    defaults = MatchParams()
    rows = []
    names = list(grid)
    for values in itertools.product(*(grid[n] for n in names)):
        params = replace(defaults, **dict(zip(names, values, strict=True)))
        ours, theirs = evaluate(loaded, params)
        changed = sum(getattr(params, n) != getattr(defaults, n) for n in names)
        rows.append((rank_key(ours, theirs, changed), dict(zip(names, values, strict=True)),
                     ours, theirs))
    rows.sort(key=lambda r: r[0])
    styles = [s for s in rows[0][2] if s != "all"] if rows else []
    print(f"{len(rows)} points, {len(loaded)} cohorts ({args.split}), "
          f"{time.perf_counter() - start:.0f} s")
    if rows:
        theirs = rows[0][3]
        print("baselines found/hits per style: " + "  ".join(
            f"{s} " + "/".join(f"{theirs[b][s].found}:{theirs[b][s].hits}" for b in BASELINES)
            for s in [*styles, "all"]))
    for key, point, ours, _ in rows[: args.top]:
        per_style = "  ".join(f"{s} {ours[s].found}:{ours[s].hits}" for s in [*styles, "all"])
        setting = " ".join(f"{k}={v:g}" if isinstance(v, float) else f"{k}={v}"
                           for k, v in point.items())
        print(f"{setting:<60} lose={key[0]}/{key[1]} margin={-key[2]:+.0f}  {per_style}")


if __name__ == "__main__":
    main()
